import { editDistance } from '../editDistance';
import type { ConfigProject } from './config';
import type { MinutesFacts } from './fileFacts';
import type { Project } from './types';

export const CPANSEC_ORG = 'CPAN-Security';

/** CPANSec's project boards, so a fresh checkout knows them before any minutes are read. */
export const BUILTIN_PROJECTS: readonly Project[] = [
  [1, 'CPAN Metadata & Software Bills of Materials'],
  [2, 'CPAN Transparency Logs'],
  [3, 'CPAN Provenance & Supply Chain Security'],
  [4, 'CPAN Rich Metadata & Dependencies'],
  [6, 'CPAN Software Composition Analysis'],
  [7, 'CPANSec Governance, Policy & Funding', ['CPAN-SEC Governance, Policy & Funding']],
  [9, 'CPAN Privacy and Compliance'],
  [10, 'CPAN Vulnerability Index'],
  [11, 'CPAN Security Patch Tooling'],
  [12, 'CPAN Security Outreach & Information'],
].map(([number, name, former]) => ({ org: CPANSEC_ORG, number: number as number, name: name as string, formerNames: (former as string[]) ?? [] }));

/** Whether `name` is a slip of the keyboard away from `other` rather than another name. */
export function isNearMiss(name: string, other: string): boolean {
  const a = name.toLowerCase();
  const b = other.toLowerCase();
  if (a === b) return false;
  const limit = Math.max(1, Math.min(3, Math.floor(Math.max(a.length, b.length) / 12)));
  return editDistance(a, b, limit) <= limit;
}

/**
 * Projects by board: names learned from the links in minutes files. The name in the most
 * recent file is current, earlier names are aliases — except a name used once that is a
 * near miss of an established one: that is a typo, and stays out so it gets reported.
 */
export function aggregateProjects(files: Iterable<MinutesFacts>, configured: readonly ConfigProject[]): Project[] {
  const seen = new Map<string, { org: string; number: number; names: Map<string, { files: number; last: string }> }>();
  const key = (org: string, number: number) => `${org.toLowerCase()}#${number}`;
  for (const file of files) {
    for (const link of file.projectLinks) {
      const k = key(link.org, link.number);
      let entry = seen.get(k);
      if (!entry) seen.set(k, (entry = { org: link.org, number: link.number, names: new Map() }));
      const name = entry.names.get(link.text) ?? { files: 0, last: '' };
      name.files++;
      if ((file.date ?? '') > name.last) name.last = file.date ?? '';
      entry.names.set(link.text, name);
    }
  }
  const projects = new Map<string, Project>();
  for (const project of BUILTIN_PROJECTS) projects.set(key(project.org, project.number), project);
  const knownNames = new Map<string, string>();
  for (const project of [...BUILTIN_PROJECTS, ...configured]) {
    for (const name of [project.name, ...(project.formerNames ?? [])]) knownNames.set(name, key(project.org, project.number));
  }
  for (const [k, entry] of seen) {
    const builtin = projects.get(k);
    const names = [...entry.names].filter(([name]) => {
      // Another board's name on this number is a wrong link, not a new name.
      const owner = knownNames.get(name);
      return owner === undefined || owner === k;
    });
    const established = names.filter(([name, use]) => use.files >= 2 || !names.some(([other, o]) => o.files > use.files && isNearMiss(name, other)));
    const known = builtin ? [builtin.name, ...builtin.formerNames] : [];
    const learned = established.filter(([name]) => !known.some((other) => isNearMiss(name, other)));
    // A name takes over only once two minutes use it; a single use is kept as an alias.
    const current = [...learned]
      .filter(([, use]) => use.files >= 2 || known.length === 0)
      .sort((x, y) => x[1].last.localeCompare(y[1].last) || x[1].files - y[1].files)
      .map(([name]) => name)
      .pop();
    const totalFiles = [...entry.names.values()].reduce((n, use) => n + use.files, 0);
    if (!builtin && totalFiles < 2) continue;
    const name = current ?? builtin?.name;
    if (!name) continue;
    const former = [...new Set([...known, ...learned.map(([n]) => n)])].filter((n) => n !== name);
    projects.set(k, { org: builtin?.org ?? entry.org, number: entry.number, name, formerNames: former });
  }
  for (const project of configured) {
    const k = key(project.org, project.number);
    const previous = projects.get(k);
    const former = [...new Set([...(project.formerNames ?? []), ...(previous ? [previous.name, ...previous.formerNames] : [])])].filter((n) => n !== project.name);
    projects.set(k, { org: project.org, number: project.number, name: project.name, formerNames: former });
  }
  return [...projects.values()].sort((a, b) => a.org.localeCompare(b.org) || a.number - b.number);
}

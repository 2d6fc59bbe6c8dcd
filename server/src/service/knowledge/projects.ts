import { editDistance } from './editDistance';
import { NearMissIndex } from './nearMisses';
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
  // Added by the group in November 2024.
  [15, 'CPAN Secure by Default'],
].map(([number, name, former]) => ({ org: CPANSEC_ORG, number: number as number, name: name as string, formerNames: (former as string[]) ?? [] }));

/** The most edits a slip of the keyboard takes, in the longest names. */
const MOST_SLIPS = 3;

/** Whether `name` is a slip of the keyboard away from `other` rather than another name. */
export function isNearMiss(name: string, other: string): boolean {
  const a = name.toLowerCase();
  const b = other.toLowerCase();
  if (a === b) return false;
  const limit = Math.max(1, Math.min(MOST_SLIPS, Math.floor(Math.max(a.length, b.length) / 12)));
  return editDistance(a, b, limit) <= limit;
}

/**
 * Which of `names` may be near misses of a name (positions in `names`; the others are not):
 * a board linked with thousands of texts would otherwise compare each with each.
 */
function nearMissCandidates(names: readonly string[]): (name: string) => number[] {
  const index = new NearMissIndex(names.map((name) => name.toLowerCase()));
  return (name) => index.candidates(name.toLowerCase(), MOST_SLIPS);
}

/** How one name of a board is used across the minutes. */
interface NameUse {
  /** Minutes files that link the board with this text. */
  files: number;
  /** Dates (ISO; '' for an undated file) of the first and the latest of those minutes. */
  first: string;
  last: string;
}

interface BoardUse {
  org: string;
  number: number;
  files: number;
  names: Map<string, NameUse>;
}

const boardKey = (org: string, number: number) => `${org.toLowerCase()}#${number}`;

/**
 * Projects by board: names learned from the links in minutes files, on top of the built-in
 * list; `.minutes.json` has the last word. A board's current name is the one used in the
 * newest minutes that link it (by meeting date; when those use two names, the one they
 * introduced): groups rename boards, and the minutes follow from the next meeting on.
 * Earlier names stay as former names. Left out: a near miss of an established name (a typo,
 * kept out so it gets reported; see isTypo), another board's name (a wrong link),
 * and boards linked in only one file and known nowhere else (a slip of the number, or a
 * board too new to tell).
 */
export function aggregateProjects(files: Iterable<MinutesFacts>, configured: readonly ConfigProject[]): Project[] {
  const boards = collectUses(files);
  const projects = new Map<string, Project>();
  for (const project of BUILTIN_PROJECTS) projects.set(boardKey(project.org, project.number), project);
  const givenNames = new Map<string, string[]>();
  const ownerOf = new Map<string, string>();
  for (const project of [...BUILTIN_PROJECTS, ...configured]) {
    const k = boardKey(project.org, project.number);
    const names = [project.name, ...(project.formerNames ?? [])];
    givenNames.set(k, [...(givenNames.get(k) ?? []), ...names]);
    for (const name of names) ownerOf.set(`${project.org.toLowerCase()}|${name}`, k);
  }
  // A name linked to several boards of an org belongs to the one it is linked to most.
  const mostUsedBoard = new Map<string, { board: string; files: number; tied: boolean }>();
  for (const [k, board] of boards) {
    for (const [name, use] of board.names) {
      const nameKey = `${board.org.toLowerCase()}|${name}`;
      const best = mostUsedBoard.get(nameKey);
      if (!best || use.files > best.files) mostUsedBoard.set(nameKey, { board: k, files: use.files, tied: false });
      else if (use.files === best.files) best.tied = true;
    }
  }
  for (const [k, board] of boards) {
    const builtin = projects.get(k);
    const given = givenNames.get(k) ?? [];
    const names = [...board.names].filter(([name]) => {
      const nameKey = `${board.org.toLowerCase()}|${name}`;
      const owner = ownerOf.get(nameKey);
      if (owner !== undefined) return owner === k;
      const most = mostUsedBoard.get(nameKey)!;
      return most.board === k || most.tied;
    });
    const configuredNames = configured.filter((p) => boardKey(p.org, p.number) === k).flatMap((p) => [p.name, ...(p.formerNames ?? [])]);
    const latest = names.reduce((max, [, use]) => (use.last > max ? use.last : max), '');
    const candidates = nearMissCandidates(names.map(([name]) => name));
    const learned = names.filter(([name, use]) => !isTypo(name, use, names, candidates, given, configuredNames, latest));
    // Ties (both names only in the same minutes) go to the name the board was given, never to a former one.
    const rank = (name: string) => (name === given[0] ? 2 : given.includes(name) ? 0 : 1);
    const current = learned
      .sort(([a, x], [b, y]) => x.last.localeCompare(y.last) || x.first.localeCompare(y.first) || rank(a) - rank(b) || x.files - y.files)
      .pop();
    if (!builtin && board.files < 2) continue;
    const name = current?.[0] ?? builtin?.name;
    if (!name) continue;
    // Oldest first: the built-in names have no date and come before the ones learned.
    const byFirstUse = learned.sort(([, x], [, y]) => x.first.localeCompare(y.first)).map(([n]) => n);
    const former = [...new Set([...(builtin ? [...builtin.formerNames, builtin.name] : []), ...byFirstUse])].filter((n) => n !== name);
    projects.set(k, { org: builtin?.org ?? board.org, number: board.number, name, formerNames: former });
  }
  for (const project of configured) {
    const k = boardKey(project.org, project.number);
    const previous = projects.get(k);
    const former = [...new Set([...(previous ? [...previous.formerNames, previous.name] : []), ...(project.formerNames ?? [])])].filter((n) => n !== project.name);
    projects.set(k, { org: project.org, number: project.number, name: project.name, formerNames: former });
  }
  return [...projects.values()].sort((a, b) => a.org.localeCompare(b.org) || a.number - b.number);
}

/** Each board's names, counting each minutes file once however often it links the board. */
function collectUses(files: Iterable<MinutesFacts>): Map<string, BoardUse> {
  const boards = new Map<string, BoardUse>();
  for (const file of files) {
    const date = file.date ?? '';
    const seenBoards = new Set<string>();
    const seenNames = new Set<string>();
    for (const link of file.projectLinks) {
      const k = boardKey(link.org, link.number);
      let board = boards.get(k);
      if (!board) boards.set(k, (board = { org: link.org, number: link.number, files: 0, names: new Map() }));
      if (!seenBoards.has(k)) {
        seenBoards.add(k);
        board.files++;
      }
      if (seenNames.has(`${k}|${link.text}`)) continue;
      seenNames.add(`${k}|${link.text}`);
      const use = board.names.get(link.text);
      if (!use) board.names.set(link.text, { files: 1, first: date, last: date });
      else {
        use.files++;
        if (date < use.first) use.first = date;
        if (date > use.last) use.last = date;
      }
    }
  }
  return boards;
}

/**
 * A near miss of a name the board was given is a typo: of a configured name always; of a
 * built-in one unless two minutes use it and the newest minutes still do (the group renamed
 * "CPAN-SEC …" to "CPANSec …" that way). A near miss of a name the minutes use more, or as
 * much and earlier, is a typo until two minutes use it.
 */
function isTypo(
  name: string,
  use: NameUse,
  names: readonly (readonly [string, NameUse])[],
  candidates: (name: string) => number[],
  given: readonly string[],
  configuredNames: readonly string[],
  latest: string,
): boolean {
  if (given.includes(name)) return false;
  if (configuredNames.some((other) => isNearMiss(name, other))) return true;
  if (given.some((other) => isNearMiss(name, other))) return use.files < 2 || use.last !== latest;
  if (use.files >= 2) return false;
  return candidates(name).some((at) => {
    const [other, o] = names[at]!;
    return other !== name && (o.files > use.files || (o.files === use.files && o.first < use.first)) && isNearMiss(name, other);
  });
}

import { isMap, isScalar, type Pair } from 'yaml';
import { computeLineStarts, lineAt } from '../parse/lines';
import { runSteps, type Steps } from '../steps';
import { parseYamlFileSteps } from './yamlFile';
import type { KnowledgeProblem, Member } from './types';

export interface AuthorsData {
  readonly members: readonly Member[];
  readonly problems: readonly KnowledgeProblem[];
}

/**
 * Reads Jekyll's `_data/authors.yml`: each top-level key is a member's handle; `github:` and
 * `cpan:` give aliases. A top-level key whose value is not a mapping is almost always a
 * field that lost its indentation (CPANSec's own file has a stray `bio:`), so it is reported.
 */
export function parseAuthors(text: string, uri: string): AuthorsData {
  return runSteps(parseAuthorsSteps(text, uri));
}

/** Members read between two points where the work may stop. */
const MEMBERS_PER_STEP = 500;

/** `parseAuthors` as work that may stop between steps (see `steps.ts`). */
export function* parseAuthorsSteps(text: string, uri: string): Steps<AuthorsData> {
  const { doc, problems } = yield* parseYamlFileSteps(text, uri, '_data/authors.yml', 'Minutes keeps using the members it knew before.');
  const members: Member[] = [];
  if (!isMap(doc.contents)) return { members, problems };
  let previousMember: string | null = null;
  // Once for the file, then bisected per member: a file of 10,000 members is read in one pass.
  const lineStarts = computeLineStarts(text);
  let read = 0;
  for (const pair of doc.contents.items as Pair[]) {
    if (++read % MEMBERS_PER_STEP === 0) yield;
    if (!isScalar(pair.key)) continue;
    const handle = String(pair.key.value);
    const keyRange = pair.key.range ?? [0, 0, 0];
    if (!isMap(pair.value)) {
      const hint = previousMember ? ` Is it meant to be indented under \`${previousMember}\`?` : '';
      problems.push({
        uri,
        span: { start: keyRange[0], end: keyRange[1] },
        message: `\`${handle}\` is at the top level, so Jekyll reads it as a member, but its value is not a mapping of name, github, bio….${hint}`,
        severity: 'warning',
      });
      continue;
    }
    const field = (name: string): string | null => {
      const value = pair.value && isMap(pair.value) ? pair.value.get(name) : undefined;
      return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
    };
    const aliases = [field('github'), field('cpan'), field('cpanid'), field('twitter')]
      .filter((alias): alias is string => !!alias)
      .map((alias) => alias.toLowerCase())
      .filter((alias) => alias !== handle.toLowerCase());
    const line = lineAt(lineStarts, keyRange[0]);
    members.push({
      handle,
      name: field('name'),
      aliases: [...new Set(aliases)],
      github: field('github'),
      source: `${uri}#L${line + 1}`,
      bio: field('bio'),
    });
    previousMember = handle;
  }
  return { members, problems };
}

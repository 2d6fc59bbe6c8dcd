import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { editDistance } from '../../../server/src/service/knowledge/editDistance';
import { closestResemblance, rosterIndex, rosterNearMiss } from '../../../server/src/service/knowledge/handles';
import { MAX_EDITS, NearMissIndex } from '../../../server/src/service/knowledge/nearMisses';
import { isNearMiss } from '../../../server/src/service/knowledge/projects';
import type { WorkspaceKnowledge } from '../../../server/src/service/knowledge/types';
import { workspaceIndex } from '../../support/service';
import { everyMemberNearMiss, everyNameResemblance } from './withoutIndex';
import { authorsYaml, below, generatedRoster, handleOf, minutesNaming, misspelling, pick, seeded, slip, type Random } from './generatedRosters';

/** Both searches' answers for a handle, with members by identity (the same snapshot's objects). */
function answers(knowledge: WorkspaceKnowledge, handle: string, files: number, search: 'indexed' | 'every') {
  const key = handle.toLowerCase();
  const roster = search === 'indexed' ? rosterNearMiss(knowledge, handle) : everyMemberNearMiss(knowledge, handle);
  const resemblance = search === 'indexed' ? closestResemblance(knowledge, key, files) : everyNameResemblance(knowledge, key, files);
  return { roster: roster && { members: [...roster.members], likely: roster.likely }, resemblance };
}

function assertSameAnswers(knowledge: WorkspaceKnowledge, handle: string, files: number, context: string): void {
  assert.deepStrictEqual(answers(knowledge, handle, files, 'indexed'), answers(knowledge, handle, files, 'every'), `${context}: @${handle}, ${files} files`);
}

/** Handles to try against a roster: misspellings of its names, short and unrelated handles, names themselves. */
function handlesFor(random: Random, names: readonly string[], count: number, ascii = false): string[] {
  return Array.from({ length: count }, () => {
    const roll = random();
    if (roll < 0.6 && names.length > 0) return misspelling(random, pick(random, names));
    if (roll < 0.7 && names.length > 0) return pick(random, names);
    if (roll < 0.85) return handleOf(random, 1 + below(random, 3), { ascii });
    return handleOf(random, 3 + below(random, 14), { ascii });
  });
}

test('the index hands out every name within the limit or starting with the handle, in order, once', () => {
  const random = seeded(1);
  for (let round = 0; round < 30; round++) {
    const names = generatedRoster(random, 1 + below(random, 300), { dense: round % 3 === 0 }).flatMap((member) => [member.handle.toLowerCase(), ...member.aliases]);
    const index = new NearMissIndex(names);
    for (const key of handlesFor(random, names, 40).map((handle) => handle.toLowerCase())) {
      for (let limit = 0; limit <= MAX_EDITS; limit++) {
        const candidates = index.candidates(key, limit);
        assert.deepEqual(candidates, [...new Set(candidates)].sort((a, b) => a - b), 'ascending, each once');
        const offered = new Set(candidates);
        names.forEach((name, at) => {
          if (editDistance(key, name, limit) <= limit || name.startsWith(key)) assert.ok(offered.has(at), `round ${round}: ${JSON.stringify(key)} and ${JSON.stringify(name)} within ${limit}`);
        });
      }
    }
  }
});

test('indexed suggestions are those of comparing every member, over generated rosters and handles', () => {
  const random = seeded(13);
  let pairs = 0;
  for (let round = 0; round < 40; round++) {
    const dense = round % 4 === 0;
    const members = generatedRoster(random, 1 + below(random, round % 5 === 0 ? 600 : 150), { dense, ascii: round % 2 === 0 });
    const names = members.flatMap((member) => [member.handle, ...member.aliases]);
    // Minutes that name members, misspellings and strangers, so that usage counts and regular guests vary.
    const written = handlesFor(random, names, 30, true);
    const files = { '_data/authors.yml': authorsYaml(members), ...minutesNaming(random, [...written, ...names.slice(0, 20)], 1 + below(random, 6)) };
    const knowledge = workspaceIndex(files).knowledge();
    assert.equal(knowledge.members.length, members.length, `round ${round}: the roster is read`);
    // Handles as written, misspellings of members' and of the others', strangers.
    for (const handle of [...written, ...handlesFor(random, written, 30), ...handlesFor(random, names, 50)]) {
      // As many files as the handle is named in (as the rule asks), or any other count.
      const files = random() < 0.7 ? (knowledge.usage(handle)?.files ?? 0) : below(random, 5);
      assertSameAnswers(knowledge, handle, files, `round ${round}`);
      pairs++;
    }
  }
  assert.ok(pairs >= 4000);
});

const CORPUS = 'test/fixtures/cpansec-corpus';

function corpusKnowledge(authors = readFileSync(`${CORPUS}/_data/authors.yml`, 'utf8')): WorkspaceKnowledge {
  const files: Record<string, string> = { '_data/authors.yml': authors };
  for (const name of readdirSync(`${CORPUS}/meetings`)) files[`meetings/${name}`] = readFileSync(`${CORPUS}/meetings/${name}`, 'utf8');
  return workspaceIndex(files).knowledge();
}

test('the real roster: the misspellings seen in the minutes, and every handle the minutes write, as before', () => {
  const knowledge = corpusKnowledge();
  const meant = (handle: string) => rosterNearMiss(knowledge, handle)?.members.map((member) => member.handle);
  assert.deepEqual(meant('stigsp'), ['stigtsp']);
  assert.deepEqual(meant('stigstp'), ['stigtsp']);
  assert.deepEqual(meant('Tim'), ['timlegge']);
  assert.equal(rosterNearMiss(knowledge, 'Tim')!.likely, true);
  const written = new Set(knowledge.handleUsage.map((usage) => usage.handle));
  assert.ok(written.size > 20);
  const random = seeded(5);
  const names = knowledge.members.flatMap((member) => [member.handle, ...member.aliases]);
  for (const handle of [...written, 'stigsp', 'stigstp', 'Tim', 'TIM', 'tina', 'sjnn', 'leon', ...handlesFor(random, names, 500)]) {
    assertSameAnswers(knowledge, handle, knowledge.usage(handle)?.files ?? 0, 'corpus');
  }
});

test('a new snapshot with the same roster keeps its index and answers with its own members', () => {
  const authors = readFileSync(`${CORPUS}/_data/authors.yml`, 'utf8');
  const before = corpusKnowledge(authors);
  const renamed = corpusKnowledge(authors.replace('name: Stig Palmquist', 'name: Stig P.'));
  assert.equal(rosterIndex(renamed), rosterIndex(before), 'the same handles and aliases: one index');
  assert.equal(rosterNearMiss(renamed, 'stigsp')!.members[0]!.name, 'Stig P.');
  assert.equal(rosterNearMiss(before, 'stigsp')!.members[0]!.name, 'Stig Palmquist');
  const grown = corpusKnowledge(`${authors}\nstigx:\n  name: Stig X\n`);
  assert.notEqual(rosterIndex(grown), rosterIndex(before), 'a member more: a new index');
  assert.deepEqual(rosterNearMiss(grown, 'stigsp')?.members.map((member) => member.handle), ['stigtsp']);
  assert.deepEqual(everyMemberNearMiss(grown, 'stigz')?.members.map((member) => member.handle), rosterNearMiss(grown, 'stigz')?.members.map((member) => member.handle));
});

test('a slip of any kind in a long roster of look-alikes finds the same members', () => {
  const random = seeded(99);
  const members = generatedRoster(random, 1200, { dense: true });
  const knowledge = workspaceIndex({ '_data/authors.yml': authorsYaml(members) }).knowledge();
  for (let i = 0; i < 150; i++) {
    const handle = slip(random, slip(random, pick(random, members).handle));
    assertSameAnswers(knowledge, handle, 0, 'look-alikes');
  }
});

test('project names: every near miss of a name a board is linked with is among the candidates', () => {
  const random = seeded(21);
  const words = ['CPAN', 'Security', 'Patch', 'Tooling', 'Metadata', 'SBOM', 'Provenance', 'Outreach', '&', 'Index', 'Governance,', 'Policy'];
  for (let round = 0; round < 20; round++) {
    const names = Array.from({ length: 20 + below(random, 200) }, () => {
      const name = Array.from({ length: 2 + below(random, 5) }, () => pick(random, words)).join(' ');
      return random() < 0.5 ? slip(random, slip(random, name)) : name;
    });
    const index = new NearMissIndex(names.map((name) => name.toLowerCase()));
    for (const name of names) {
      const offered = new Set(index.candidates(name.toLowerCase(), MAX_EDITS));
      names.forEach((other, at) => {
        if (isNearMiss(name, other)) assert.ok(offered.has(at), `${JSON.stringify(name)} and ${JSON.stringify(other)}`);
      });
    }
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMinutesService, DEFAULT_SETTINGS } from '../../../server/src/service';
import { closestResemblance, nearMissComparisons, rosterNearMiss } from '../../../server/src/service/knowledge/handles';
import { SITE, workspaceIndex } from '../../support/service';
import { below, generatedRoster, handleOf, misspelling, pick, seeded } from '../knowledge/generatedRosters';
import { everyMemberNearMiss, everyNameResemblance } from '../knowledge/withoutIndex';

/**
 * A roster of 20,000 members (with aliases) and hundreds of handles that are not on it: the
 * suggestions go through the roster's index, so the names compared exactly stay a small
 * multiple of the handles; comparing with every member would be 20,000 and more per handle.
 * `npm test` writes 200 handles; MINUTES_FUZZ_RUNS (2000 in `npm run test:fuzz`) as many as it says.
 */
const HANDLES = Math.max(200, Number(process.env.MINUTES_FUZZ_RUNS ?? 0));
const MEMBERS = 20_000;
/** Handles checked against the search without the index as well (each costs a pass over the roster). */
const COMPARED_WITHOUT_INDEX = Math.max(20, Math.floor(HANDLES / 10));
/** What minutes can name with `@`. */
const WRITTEN = /^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/;

test(`${MEMBERS} members and ${HANDLES} unknown handles: suggestions from the index, the same as comparing every member`, () => {
  const random = seeded(2024);
  const members = generatedRoster(random, MEMBERS, { ascii: true });
  // The roster in .minutes.json: read in one pass (the members of _data/authors.yml would be the same).
  const config = { members: Object.fromEntries(members.map((member) => [member.handle, { name: `Member ${member.handle}`, aliases: member.aliases }])) };
  const onRoster = new Set(members.flatMap((member) => [member.handle, ...member.aliases].map((name) => name.toLowerCase())));
  const handles = new Set<string>();
  while (handles.size < HANDLES) {
    const handle = random() < 0.5 ? misspelling(random, pick(random, members).handle) : handleOf(random, 4 + below(random, 11), { ascii: true });
    if (WRITTEN.test(handle) && !onRoster.has(handle.toLowerCase())) handles.add(handle);
  }
  // Regular guests too: strangers named in two earlier minutes.
  const guests = Array.from({ length: HANDLES / 2 }, () => handleOf(random, 5 + below(random, 8), { ascii: true }));
  const earlier = Object.fromEntries(
    ['2024-10-02', '2024-10-16'].map((date) => [`meetings/cpansec-minutes-${date}.md`, `---\nmeeting_time: ${date} 17:00 UTC\n---\n${guests.filter((guest) => WRITTEN.test(guest)).map((guest) => `- @${guest}\n`).join('')}`]),
  );
  const index = workspaceIndex({ '.minutes.json': JSON.stringify(config), ...earlier });
  const uri = `${SITE}/meetings/cpansec-minutes-2024-11-15.md`;
  const text = `---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15\n---\n## Attendees\n${[...handles].map((handle) => `- @${handle}\n`).join('')}`;
  index.update(uri, text);
  const knowledge = index.knowledge();
  assert.equal(knowledge.members.length, MEMBERS);

  const before = nearMissComparisons(knowledge);
  const diagnostics = createMinutesService().diagnostics({ uri, version: 1, getText: () => text }, knowledge, DEFAULT_SETTINGS);
  const compared = nearMissComparisons(knowledge) - before;
  const judged = HANDLES + knowledge.handleUsage.filter((usage) => usage.files >= 2).length;
  assert.ok(compared <= 30 * judged, `${compared} names compared for ${judged} handles judged`);
  assert.ok(diagnostics.filter((d) => d.code === 'unknown-handle').length >= Math.min(HANDLES, 400), 'the handles are reported');

  // And the answers are those of comparing every member, for a sample of the handles.
  for (const handle of [...handles].slice(0, COMPARED_WITHOUT_INDEX)) {
    const key = handle.toLowerCase();
    const files = knowledge.usage(key)?.files ?? 0;
    assert.deepStrictEqual(rosterNearMiss(knowledge, handle), everyMemberNearMiss(knowledge, handle), `@${handle}`);
    assert.deepStrictEqual(closestResemblance(knowledge, key, files), everyNameResemblance(knowledge, key, files), `@${handle}`);
  }
});

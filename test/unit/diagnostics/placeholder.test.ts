import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, TEST_NOW } from '../../support/service';

test('FIXME, TODO, "…" items and empty items are flagged in past minutes', () => {
  const checked = check(
    '---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15 FIXME\n---\n* Previous meeting minutes was approved in PR# FIXME by @sjn\n7.  [CPAN Transparency Logs](https://github.com/orgs/CPAN-Security/projects/2)\n    *   …\n#### Absents\n  -\n* TODO: chase @timlegge\n',
  );
  // In document order: the title's FIXME in the front matter first.
  assert.deepEqual(checked.textsOf('placeholder'), ['FIXME', 'FIXME', '…', '-', 'TODO']);
  assert.ok(checked.of('placeholder').every((d) => d.severity === 2));
});

test('an agenda for a meeting still to come has them as information', () => {
  const checked = check('---\nlayout: page\nmeeting_time: 2025-06-11 17:00 UTC\ntitle: Minutes 2025-06-11\n---\n* Chair: FIXME\n', 'meetings/cpansec-minutes-2025-06-11.md', { now: TEST_NOW });
  assert.deepEqual(checked.of('placeholder').map((d) => d.severity), [3]);
});

test('"(...)" in prose and `FIXME` in code are not placeholders', () => {
  const checked = check('---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15\n---\n*   Discuss organizing projects, swimlanes and issues (...)\n* grep for `FIXME` in the code\n');
  assert.deepEqual(checked.of('placeholder'), []);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, TEST_NOW } from '../../support/service';

test('FIXME is a warning; a TODO opening a line, "…" items and empty items are information in past minutes', () => {
  const checked = check(
    '---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15 FIXME\n---\n* Previous meeting minutes was approved in PR# FIXME by @sjn\n7.  [CPAN Transparency Logs](https://github.com/orgs/CPAN-Security/projects/2)\n    *   …\n#### Absents\n  -\n* TODO: chase @timlegge\n',
  );
  // In document order: the title's FIXME in the front matter first.
  assert.deepEqual(checked.textsOf('placeholder'), ['FIXME', 'FIXME', '…', '-', 'TODO']);
  assert.deepEqual(checked.of('placeholder').map((d) => d.severity), [2, 2, 3, 3, 3]);
});

test('a TODO inside a sentence is content, not a leftover', () => {
  const checked = check(
    '---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15\n---\n*   @ingrid - Missing data:\n    * Advisory location; TODO: likely a git repo or a mailing list\n    * **$0TODO$0** ask the printer for TODO prices\n',
  );
  // Only the bold TODO opening its item is reported.
  assert.deepEqual(checked.of('placeholder').map((d) => d.range), [checked.fixture.range]);
});

test('a role with no one named is a warning: "Meeting chair:", "**Scribe**: …"', () => {
  const checked = check(
    '---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15\n---\n### Welcome\n\n*   $0Meeting chair:$0\n*   **Scribe**: …\n*   Meeting secretary: @olav\n*   Chair: thanks to everyone for coming\n',
  );
  assert.deepEqual(checked.textsOf('placeholder'), ['Meeting chair:', '**Scribe**: …']);
  assert.deepEqual(checked.of('placeholder').map((d) => d.severity), [2, 2]);
  assert.deepEqual(checked.of('placeholder')[0]!.range, checked.fixture.range);
  assert.equal(checked.of('placeholder')[0]!.message, 'No one is named here: write who held this role at the meeting.');
});

test('"…" under boards with nothing to report is not reported where the group\'s earlier minutes publish it', () => {
  const minutes = (date: string, note: string) =>
    `---\nlayout: page\nmeeting_time: ${date} 18:00 Europe/Oslo\ntitle: Board minutes ${date}\n---\n### Boards\n\n1.  [Trail Stewardship](https://github.com/orgs/Fjord-Trails/projects/3)\n    *   ${note}\n2.  [Hut Bookings](https://github.com/orgs/Fjord-Trails/projects/5)\n    *   …\n`;
  const earlier = { 'meetings/board-minutes-2025-01-07.md': minutes('2025-01-07', 'Bridge repaired.'), 'meetings/board-minutes-2025-01-21.md': minutes('2025-01-21', '…') };
  const routine = check(minutes('2025-02-04', 'Gravel ordered.'), 'meetings/board-minutes-2025-02-04.md', { files: earlier });
  assert.deepEqual(routine.of('placeholder'), []);
  // The first minutes to use it have no such history: a note.
  const first = check(minutes('2025-01-07', 'Bridge repaired.'), 'meetings/board-minutes-2025-01-07.md');
  assert.deepEqual(first.of('placeholder').map((d) => [first.fixture.document.getText(d.range), d.severity]), [['…', 3]]);
});

test('an agenda for a meeting still to come has them as information', () => {
  const checked = check('---\nlayout: page\nmeeting_time: 2025-06-11 17:00 UTC\ntitle: Minutes 2025-06-11\n---\n* Chair: FIXME\n', 'meetings/cpansec-minutes-2025-06-11.md', { now: TEST_NOW });
  assert.deepEqual(checked.of('placeholder').map((d) => d.severity), [3]);
});

test('"(...)" in prose and `FIXME` in code are not placeholders', () => {
  const checked = check('---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15\n---\n*   Discuss organizing projects, swimlanes and issues (...)\n* grep for `FIXME` in the code\n');
  assert.deepEqual(checked.of('placeholder'), []);
});

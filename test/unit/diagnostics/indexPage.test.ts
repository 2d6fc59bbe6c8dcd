import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { check } from '../../support/service';

const corpus = (path: string) => readFileSync(`test/fixtures/cpansec/${path}`, 'utf8');
const minutes = [
  '2024-01-06', '2024-01-20', '2024-02-10', '2024-02-24', '2024-03-13', '2024-03-27', '2024-04-10',
  '2024-05-15', '2024-06-05', '2024-06-19', '2024-07-03', '2024-07-18', '2024-11-15',
];
const files = Object.fromEntries(minutes.map((d) => [`meetings/cpansec-minutes-${d}.md`, corpus(`meetings/cpansec-minutes-${d}.md`)]));

test('the real index page misses three minutes files, and its next_meeting_time is stale', () => {
  const checked = check(corpus('meetings/README.md'), 'meetings/README.md', { files });
  const messages = checked.of('index').map((d) => d.message);
  assert.deepEqual(messages, [
    'cpansec-minutes-2024-06-19.md (2024-06-19) is not listed on the index page.',
    'cpansec-minutes-2024-07-03.md (2024-07-03) is not listed on the index page.',
    'cpansec-minutes-2024-11-15.md (2024-11-15) is not listed on the index page.',
    'next_meeting_time is 2024-08-01, but the latest minutes (cpansec-minutes-2024-11-15.md) announce the next meeting for 2024-11-27 at 17:00 UTC.',
  ]);
});

test('adding the unlisted files keeps date order and the list style', () => {
  const checked = check(corpus('meetings/README.md'), 'meetings/README.md', { files });
  const [june] = checked.of('index');
  const fixed = checked.applyFix(june!);
  assert.match(fixed, /\* \[2024-06-05\]\(cpansec-minutes-2024-06-05\.md\)\n\* \[2024-06-19\]\(cpansec-minutes-2024-06-19\.md\)\n\* \[2024-07-18\]/);
  const all = checked.actions(june!).find((a) => /Fix all index/.test(a.title));
  assert.ok(all, 'a fix-all-of-this-kind action is offered');
});

test('the stale next_meeting_time is replaced with the announced one', () => {
  const checked = check(corpus('meetings/README.md'), 'meetings/README.md', { files });
  const stale = checked.of('index').find((d) => d.message.startsWith('next_meeting_time'))!;
  assert.match(checked.applyFix(stale), /\nnext_meeting_time: 2024-11-27 17:00 UTC\n/);
});

test('links to missing files and labels with the wrong date are found (index and minutes alike)', () => {
  const index = check('---\nlayout: page\ntitle: Minutes\n---\n* [2024-01-20](cpansec-minutes-2024-01-21.md)\n* [2024-01-06](cpansec-minutes-2024-01-20.md)\n', 'meetings/README.md', {
    files: { 'meetings/cpansec-minutes-2024-01-06.md': files['meetings/cpansec-minutes-2024-01-06.md']!, 'meetings/cpansec-minutes-2024-01-20.md': files['meetings/cpansec-minutes-2024-01-20.md']! },
  });
  assert.deepEqual(index.textsOf('index'), ['cpansec-minutes-2024-01-21.md', '2024-01-06', '* [2024-01-06](cpansec-minutes-2024-01-20.md)']);
  // The real 2024-03-13 minutes link "cpansec-minutes-2024-01-06" to a file of February 6th that never was.
  const march = check(corpus('meetings/cpansec-minutes-2024-03-13.md'), 'meetings/cpansec-minutes-2024-03-13.md', { files });
  const [broken] = march.of('minutes-link');
  assert.match(broken!.message, /cpansec-minutes-2024-02-06\.md does not exist among the minutes; the minutes of 2024-01-06 are cpansec-minutes-2024-01-06\.md/);
  assert.match(march.applyFix(broken!), /- \[cpansec-minutes-2024-01-06\]\(cpansec-minutes-2024-01-06\.md\)/);
});

test('an index page still announcing a meeting months past is reported, even when the latest minutes agree with it', () => {
  const index = '---\nlayout: page\nnext_meeting_time: $0March 4th, 2025 18:00 Europe/Oslo$0\ntitle: Board meetings\n---\n## Minutes\n\n* [2025-02-18](board-minutes-2025-02-18.md)\n';
  const minutes = '---\nlayout: page\nmeeting_time: 2025-02-18 18:00 Europe/Oslo\ntitle: Board minutes 2025-02-18\n---\n### Next meeting\n\n*   Next meeting is Tuesday 2025-03-04 @ 18:00 Europe/Oslo.\n';
  const files = { 'meetings/board-minutes-2025-02-18.md': minutes };
  const stale = check(index, 'meetings/README.md', { files, now: new Date('2025-06-01T12:00:00Z') });
  const [finding, ...rest] = stale.of('index');
  assert.equal(rest.length, 0);
  assert.deepEqual(finding!.range, stale.fixture.range);
  assert.equal(finding!.severity, 2);
  assert.equal(finding!.message, 'next_meeting_time is 2025-03-04, 3 months ago: the page still announces a meeting long past, and no minutes name a later one. Set it to the next meeting\'s date and time.');
  // A fortnight after the meeting the secretary may simply not have got to it yet.
  assert.deepEqual(check(index, 'meetings/README.md', { files, now: new Date('2025-03-18T12:00:00Z') }).of('index'), []);
});

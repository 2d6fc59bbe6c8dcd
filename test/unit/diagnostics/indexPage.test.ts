import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { replaceOnce } from '../../support/fixture';
import { assertFix } from '../../support/fixes';
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
  const readme = corpus('meetings/README.md');
  const path = 'meetings/README.md';
  const june = '* [2024-06-05](cpansec-minutes-2024-06-05.md)\n';
  const last = '* [2024-07-18](cpansec-minutes-2024-07-18.md)';
  // The three findings lie on the list's last item; each adds its own file.
  assertFix(replaceOnce(readme, last, `$0${last}$0`), replaceOnce(readme, june, `${june}* [2024-06-19](cpansec-minutes-2024-06-19.md)\n`), {
    path,
    files,
    title: 'Add cpansec-minutes-2024-06-19.md to the list',
  });
  // Fixing all of this kind inserts two files at one place in date order, one at the end, and the announced time.
  const stale = 'next_meeting_time: August 1st, 2024 17:00 UTC';
  let all = replaceOnce(readme, june, `${june}* [2024-06-19](cpansec-minutes-2024-06-19.md)\n* [2024-07-03](cpansec-minutes-2024-07-03.md)\n`);
  all = replaceOnce(all, `${last}\n`, `${last}\n* [2024-11-15](cpansec-minutes-2024-11-15.md)\n`);
  all = replaceOnce(all, stale, 'next_meeting_time: 2024-11-27 17:00 UTC');
  assertFix(replaceOnce(readme, stale, `${stale}$0`), all, { path, files, title: 'Fix all index problems in this file' });
});

test('the stale next_meeting_time is replaced with the announced one', () => {
  const readme = corpus('meetings/README.md');
  const stale = 'next_meeting_time: August 1st, 2024 17:00 UTC\n';
  const fixed = assertFix(
    replaceOnce(readme, stale, 'next_meeting_time: $0August 1st, 2024 17:00 UTC$0\n'),
    replaceOnce(readme, stale, 'next_meeting_time: 2024-11-27 17:00 UTC\n'),
    { path: 'meetings/README.md', files, code: 'index' },
  );
  assert.match(fixed.message, /^next_meeting_time is 2024-08-01/);
});

test('links to missing files and labels with the wrong date are found (index and minutes alike)', () => {
  const index = check('---\nlayout: page\ntitle: Minutes\n---\n* [2024-01-20](cpansec-minutes-2024-01-21.md)\n* [2024-01-06](cpansec-minutes-2024-01-20.md)\n', 'meetings/README.md', {
    files: { 'meetings/cpansec-minutes-2024-01-06.md': files['meetings/cpansec-minutes-2024-01-06.md']!, 'meetings/cpansec-minutes-2024-01-20.md': files['meetings/cpansec-minutes-2024-01-20.md']! },
  });
  assert.deepEqual(index.textsOf('index'), ['cpansec-minutes-2024-01-21.md', '2024-01-06', '* [2024-01-06](cpansec-minutes-2024-01-20.md)']);
  // The real 2024-03-13 minutes link "cpansec-minutes-2024-01-06" to a file of February 6th that never was.
  const march = corpus('meetings/cpansec-minutes-2024-03-13.md');
  const link = '- [cpansec-minutes-2024-01-06](cpansec-minutes-2024-02-06.md)\n';
  const broken = assertFix(
    replaceOnce(march, link, '- [cpansec-minutes-2024-01-06]($0cpansec-minutes-2024-02-06.md$0)\n'),
    replaceOnce(march, link, '- [cpansec-minutes-2024-01-06](cpansec-minutes-2024-01-06.md)\n'),
    { path: 'meetings/cpansec-minutes-2024-03-13.md', files, code: 'minutes-link' },
  );
  assert.match(broken.message, /cpansec-minutes-2024-02-06\.md does not exist among the minutes; the minutes of 2024-01-06 are cpansec-minutes-2024-01-06\.md/);
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

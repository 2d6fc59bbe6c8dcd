import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFix } from '../../support/fixes';
import { check } from '../../support/service';

const front = '---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15\n---\n';

test('time headings running backwards are reported on the later heading\'s time', () => {
  const checked = check(`${front}\n## 15:30 UTC – Pre-meeting socializing\n\n## 16:00 UTC – Meeting start\n\n## 17:20 UTC – Meeting end\n\n## $017:00 UTC$0 – End\n`);
  const [diagnostic, ...rest] = checked.of('time-order');
  assert.equal(rest.length, 0);
  assert.deepEqual(diagnostic!.range, checked.fixture.range);
  assert.match(diagnostic!.message, /earlier than the heading before it/);
});

test('the corpus order (equal end times, 18:07 then 18:30) is fine', () => {
  const checked = check(`${front}\n## 15:30 UTC – Pre-meeting socializing\n## 16:00 UTC – Meeting start\n## 17:20 UTC – Meeting end\n## 17:20 UTC – End\n`);
  assert.deepEqual(checked.of('time-order'), []);
});

test('the start heading must agree with meeting_time; the fix rewrites the heading', () => {
  const headings = (start: string) => `${front}\n## 16:30 UTC – Pre-meeting socializing\n## ${start} – Meeting start\n## 18:00 UTC – Meeting end\n`;
  const checked = check(headings('17:00 UTC'));
  const [diagnostic] = checked.of('time-order');
  assert.match(diagnostic!.message, /starts at 16:00 UTC by `meeting_time`, but this heading says 17:00 UTC/);
  assertFix(headings('$017:00$0 UTC'), headings('16:00 UTC'), { code: 'time-order' });
});

test('"Meeting begin" counts as the start, and a heading in another zone is compared as a moment', () => {
  const checked = check(`${front}\n## 17:00 CET – Meeting begin\n`);
  assert.deepEqual(checked.of('time-order'), []);
});

test('a meeting running past midnight is in order', () => {
  const late = '---\nlayout: page\nmeeting_time: 2024-11-15 23:00 UTC\ntitle: Minutes 2024-11-15\n---\n';
  const checked = check(`${late}\n## 23:00 UTC – Meeting start\n## 00:15 UTC – Meeting end\n`);
  assert.deepEqual(checked.of('time-order'), []);
});

/** The Fjord Hiking Club's board meets at 18:00 Oslo time. */
const board = (meetingTime: string, headings: string) =>
  `---\nlayout: page\nmeeting_time: ${meetingTime}\ntitle: Board meeting\n---\n# Board meeting of the Fjord Hiking Club\n\n${headings}`;

test('a start heading a few minutes after meeting_time is the actual start, in any zone', () => {
  const local = check(board('2025-02-12 18:00:00 +01:00', '## 17:45 +01:00 – Coffee\n## 18:05 +01:00 – Meeting start\n## 19:10 +01:00 – Meeting end\n'), 'meetings/board-minutes-2025-02-12.md');
  assert.deepEqual(local.of('time-order'), []);
  const utc = check(board('2025-02-12 18:00:00 +01:00', '## 17:12 UTC – Meeting start\n## 18:30 UTC – Meeting end\n'), 'meetings/board-minutes-2025-02-12.md');
  assert.deepEqual(utc.of('time-order'), []);
});

test('a start heading before meeting_time is reported, however close', () => {
  const path = 'meetings/board-minutes-2025-02-12.md';
  const february = (start: string) => board('2025-02-12 18:00:00 +01:00', `## ${start} UTC – Meeting start\n`);
  const checked = check(february('$016:55$0'), path);
  const [diagnostic, ...rest] = checked.of('time-order');
  assert.equal(rest.length, 0);
  assert.deepEqual(diagnostic!.range, checked.fixture.range);
  assertFix(february('$016:55$0'), february('17:00'), { path, code: 'time-order' });
});

test('a start heading a whole hour late is a summer/winter slip, not a late start: reported with the right time', () => {
  // 18:00 in Oslo in July is 16:00 UTC; 17:00 UTC is the winter conversion.
  const path = 'meetings/board-minutes-2025-07-09.md';
  const july = (start: string) => board('2025-07-09 18:00:00 +02:00', `## 16:30 UTC – Pre-meeting coffee\n## ${start} UTC – Meeting start\n`);
  const checked = check(july('$017:00$0'), path);
  const [diagnostic] = checked.of('time-order');
  assert.deepEqual(diagnostic!.range, checked.fixture.range);
  assert.match(diagnostic!.message, /but this heading says 17:00 UTC\. A whole hour off/);
  assertFix(july('$017:00$0'), july('16:00'), { path, code: 'time-order' });
  assert.equal(diagnostic!.severity, 2);
});

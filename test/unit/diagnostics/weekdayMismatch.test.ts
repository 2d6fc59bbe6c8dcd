import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFix } from '../../support/fixes';
import { check } from '../../support/service';

const front = (time: string) => `---\nlayout: page\nmeeting_time: ${time}\ntitle: Minutes ${time.slice(0, 10)}\n---\n`;

test('a weekday that does not match its date is reported on the weekday, with the fix', () => {
  const path = 'meetings/cpansec-minutes-2025-01-03.md';
  const fringe = (weekday: string) => `${front('2025-01-03 16:00 UTC')}\n* FOSDEM Fringe: ${weekday} 2025-01-08 in Brussels\n`;
  const checked = check(fringe('$0Friday$0'), path);
  const [diagnostic, ...rest] = checked.of('weekday-mismatch');
  assert.equal(rest.length, 0);
  assert.deepEqual(diagnostic!.range, checked.fixture.range);
  assert.match(diagnostic!.message, /2025-01-08 is a Wednesday, not a Friday/);
  assertFix(fringe('$0Friday$0'), fringe('Wednesday'), { path, code: 'weekday-mismatch' });
});

test('abbreviated weekdays are fixed in the same style', () => {
  const lpw = (weekday: string) => `${front('2024-10-10 16:00 UTC')}\n* LPW – ${weekday} 26th October 2024\n`;
  assertFix(lpw('$0Sun$0'), lpw('Sat'), { path: 'meetings/cpansec-minutes-2024-10-10.md', code: 'weekday-mismatch' });
});

test('correct weekdays from the corpus are not flagged', () => {
  const checked = check(
    `${front('2024-05-15 17:00 UTC')}\n` +
      '1.  @sjn – TPRF community representatives meeting Friday May 17th @ 17:30 UTC\n' +
      '4.  [London Perl and Raku Workshop 2024](https://act.yapc.eu/lpw2024/) – Saturday 26th October 2024\n' +
      '*   Next meeting is Wednesday 2024-11-27 @ 17:00UTC\n' +
      '1. [PostgreSQL Lowlands 2024 NL](https://kangaroot.net/events/pg-day-lowlands-2024-nl) - Fri 13 Sep 2024\n',
    'meetings/cpansec-minutes-2024-05-15.md',
  );
  assert.deepEqual(checked.of('weekday-mismatch'), []);
});

test('a date without a year takes the year nearest the meeting, across the year boundary', () => {
  // Meeting 2024-11-15: "Friday January 31st" is 2025-01-31, a Friday (2024-01-31 was a Wednesday).
  const right = check(`${front('2024-11-15 16:00 UTC')}\n1. FOSDEM Fringe 2025 - Friday January 31st, Brussels\n`);
  assert.deepEqual(right.of('weekday-mismatch'), []);
  const wrong = check(`${front('2024-11-15 16:00 UTC')}\n1. FOSDEM - Saturday February 2nd, Brussels\n`);
  const [diagnostic] = wrong.of('weekday-mismatch');
  assert.match(diagnostic!.message, /2025-02-02 is a Sunday, not a Saturday \(the year 2025 is taken from the meeting date\)/);
});

test('leap day: Thursday 2024-02-29 is right, Thursday 2028-02-29 is not', () => {
  const checked = check(`${front('2024-02-24 15:00 UTC')}\n* Thursday 2024-02-29 and Thursday 2028-02-29\n`, 'meetings/cpansec-minutes-2024-02-24.md');
  assert.deepEqual(checked.textsOf('weekday-mismatch'), ['Thursday']);
  assert.match(checked.of('weekday-mismatch')[0]!.message, /2028-02-29 is a Tuesday/);
});

test('a weekday inside meeting_time is checked too (Jekyll silently ignores it)', () => {
  const checked = check('---\nlayout: page\nmeeting_time: Thursday, March 27th, 2024 17:00 UTC\ntitle: Minutes 2024-03-27\n---\n', 'meetings/cpansec-minutes-2024-03-27.md');
  assert.deepEqual(checked.textsOf('weekday-mismatch'), ['Thursday']);
  assert.match(checked.of('weekday-mismatch')[0]!.message, /2024-03-27 is a Wednesday/);
});

/** Minutes of the Fjord Hiking Club's board. */
const board = (day: string) => `---\nlayout: page\nmeeting_time: ${day} 18:00:00 +01:00\ntitle: Board meeting ${day}\n---\n`;

test('a year-less date just before the meeting is in the meeting\'s year, not next year', () => {
  // Minutes of 2025-02-12: "Friday January 31st" is 2025-01-31, a Friday (2026-01-31 is a Saturday).
  const right = check(`${board('2025-02-12')}\n## Events\n- [x] Ski trip to Finse - Friday January 31st: 14 members went\n`, 'meetings/board-minutes-2025-02-12.md');
  assert.deepEqual(right.of('weekday-mismatch'), []);
  const trip = (weekday: string) => `${board('2025-02-12')}\n## Events\n- [x] Ski trip to Finse - ${weekday} January 31st\n`;
  const wrong = check(trip('$0Thursday$0'), 'meetings/board-minutes-2025-02-12.md');
  const [diagnostic, ...rest] = wrong.of('weekday-mismatch');
  assert.equal(rest.length, 0);
  assert.deepEqual(diagnostic!.range, wrong.fixture.range);
  assert.match(diagnostic!.message, /2025-01-31 is a Friday, not a Thursday \(the year 2025 is taken from the meeting date\)/);
  assertFix(trip('$0Thursday$0'), trip('Friday'), { path: 'meetings/board-minutes-2025-02-12.md', code: 'weekday-mismatch' });
});

test('a year-less date whose weekday fits the year on the other side of the meeting is read in that year', () => {
  // Minutes of 2025-07-02: December 14th is nearest in 2025 (a Sunday); 2024-12-14 was a Saturday.
  const other = check(`${board('2025-07-02')}\n## Looking back\n- Christmas walk around Sognsvann - Saturday December 14th\n`, 'meetings/board-minutes-2025-07-02.md');
  assert.deepEqual(other.of('weekday-mismatch'), []);
  // A weekday neither year has is checked against the nearest reading.
  const neither = check(`${board('2025-07-02')}\n## Looking back\n- Christmas walk around Sognsvann - Monday December 14th\n`, 'meetings/board-minutes-2025-07-02.md');
  assert.deepEqual(neither.textsOf('weekday-mismatch'), ['Monday']);
  assert.match(neither.of('weekday-mismatch')[0]!.message, /2025-12-14 is a Sunday, not a Monday/);
  // A checked item or a line in the past tense reports what happened before the meeting.
  const walk = (weekday: string) => `${board('2025-07-02')}\n## Looking back\n- [x] Christmas walk around Sognsvann - ${weekday} December 14th\n- 30 members went on the Christmas walk, Monday December 14th\n`;
  const done = check(walk('Monday'), 'meetings/board-minutes-2025-07-02.md');
  assert.deepEqual(done.of('weekday-mismatch').map((d) => d.message.slice(0, 36)), ['2024-12-14 is a Saturday, not a Mond', '2024-12-14 is a Saturday, not a Mond']);
  assertFix(walk('$0Monday$0'), walk('Saturday'), { path: 'meetings/board-minutes-2025-07-02.md', code: 'weekday-mismatch' });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../support/service';

const front = (time: string) => `---\nlayout: page\nmeeting_time: ${time}\ntitle: Minutes ${time.slice(0, 10)}\n---\n`;

test('a weekday that does not match its date is reported on the weekday, with the fix', () => {
  const checked = check(`${front('2025-01-03 16:00 UTC')}\n* FOSDEM Fringe: $0Friday$0 2025-01-08 in Brussels\n`, 'meetings/cpansec-minutes-2025-01-03.md');
  const [diagnostic, ...rest] = checked.of('weekday-mismatch');
  assert.equal(rest.length, 0);
  assert.equal(checked.fixture.document.getText(diagnostic!.range), 'Friday');
  assert.match(diagnostic!.message, /2025-01-08 is a Wednesday, not a Friday/);
  assert.match(checked.applyFix(diagnostic!), /\* FOSDEM Fringe: Wednesday 2025-01-08 in Brussels/);
});

test('abbreviated weekdays are fixed in the same style', () => {
  const checked = check(`${front('2024-10-10 16:00 UTC')}\n* LPW – Sun 26th October 2024\n`, 'meetings/cpansec-minutes-2024-10-10.md');
  const [diagnostic] = checked.of('weekday-mismatch');
  assert.match(checked.applyFix(diagnostic!), /\* LPW – Sat 26th October 2024/);
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

test('a date without a year takes the next occurrence on or after the meeting, across the year boundary', () => {
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

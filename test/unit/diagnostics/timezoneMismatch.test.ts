import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFix } from '../../support/fixes';
import { check } from '../../support/service';

const front = (time: string) => `---\nlayout: page\nmeeting_time: ${time}\ntitle: Minutes ${time.slice(0, 10)}\n---\n`;

test('UTC restated in a named zone must agree on that date: winter', () => {
  const next = (restated: string) => `${front('2024-11-15 16:00 UTC')}\n*   Next meeting is Wednesday 2024-11-27 @ 16:00 UTC (${restated})\n`;
  const checked = check(next('$018:00 Europe/Amsterdam$0'));
  const [diagnostic, ...rest] = checked.of('timezone-mismatch');
  assert.equal(rest.length, 0);
  assert.deepEqual(diagnostic!.range, checked.fixture.range);
  assert.match(diagnostic!.message, /16:00 UTC on 2024-11-27 is 17:00 in Europe\/Amsterdam \(CET, UTC\+01:00\), not 18:00/);
  assertFix(next('$018:00 Europe/Amsterdam$0'), next('17:00 Europe/Amsterdam'), { code: 'timezone-mismatch' });
});

test('the corpus line (17:00UTC = 18:00 Europe/Amsterdam in November) is right', () => {
  const checked = check(`${front('2024-11-15 16:00 UTC')}\n*   Next meeting is Wednesday 2024-11-27 @ 17:00UTC in #cpansec-discussion on Matrix (18:00 Europe/Amsterdam)\n`);
  assert.deepEqual(checked.of('timezone-mismatch'), []);
});

test('European DST switch: 2024-03-31 is summer time in Oslo from 01:00 UTC', () => {
  const before = check(`${front('2024-03-30 16:00 UTC')}\n* Sat 2024-03-30 16:00 UTC (17:00 Europe/Oslo)\n`, 'meetings/cpansec-minutes-2024-03-30.md');
  assert.deepEqual(before.of('timezone-mismatch'), []);
  const after = check(`${front('2024-03-31 16:00 UTC')}\n* Sun 2024-03-31 16:00 UTC (17:00 Europe/Oslo)\n`, 'meetings/cpansec-minutes-2024-03-31.md');
  assert.match(after.of('timezone-mismatch')[0]!.message, /is 18:00 in Europe\/Oslo \(CEST, UTC\+02:00\), not 17:00/);
});

test('US DST switch (2024-03-10) while Europe is still on winter time: any pair of zones', () => {
  const checked = check(`${front('2024-03-13 17:00 UTC')}\n* 2024-03-13 13:00 America/New_York (18:00 Europe/Amsterdam)\n`, 'meetings/cpansec-minutes-2024-03-13.md');
  assert.deepEqual(checked.of('timezone-mismatch'), []);
  const wrong = check(`${front('2024-03-13 17:00 UTC')}\n* 2024-03-13 12:00 America/New_York (18:00 Europe/Amsterdam)\n`, 'meetings/cpansec-minutes-2024-03-13.md');
  assert.match(wrong.of('timezone-mismatch')[0]!.message, /is 17:00 in Europe\/Amsterdam/);
});

test('a restatement that crosses midnight names the other day', () => {
  const checked = check(`${front('2024-11-15 23:30 UTC')}\n* 2024-11-15 23:30 UTC (23:30 Europe/Oslo)\n`);
  assert.match(checked.of('timezone-mismatch')[0]!.message, /is 00:30 on 2024-11-16 in Europe\/Oslo/);
});

test('an abbreviation not in effect on the date is reported (CEST in November)', () => {
  const checked = check(`${front('2024-11-15 16:00 UTC')}\n* Next meeting is Wednesday 2024-11-27 @ 18:00 CEST\n`);
  assert.deepEqual(checked.textsOf('timezone-mismatch'), ['CEST']);
  assert.match(checked.of('timezone-mismatch')[0]!.message, /CEST \(UTC\+02:00\) is not in effect on 2024-11-27: Europe\/Paris is on CET/);
});

test('a time restated at midnight 24:00 is the next day 00:00', () => {
  const checked = check(`${front('2024-11-15 16:00 UTC')}\n* 2024-11-15 24:00 UTC (01:00 Europe/Oslo)\n`);
  assert.deepEqual(checked.of('timezone-mismatch'), []);
});

test('US DST switch days: 2024-03-10 New York is on EDT by 17:00 UTC, 2024-11-03 back on EST', () => {
  const spring = check(`${front('2024-03-10 17:00 UTC')}\n* Sun 2024-03-10 17:00 UTC (13:00 America/New_York)\n`, 'meetings/cpansec-minutes-2024-03-10.md');
  assert.deepEqual(spring.of('timezone-mismatch'), []);
  const autumn = check(`${front('2024-11-03 17:00 UTC')}\n* Sun 2024-11-03 17:00 UTC (13:00 America/New_York)\n`, 'meetings/cpansec-minutes-2024-11-03.md');
  assert.match(autumn.of('timezone-mismatch')[0]!.message, /is 12:00 in America\/New_York \(EST, UTC-05:00\), not 13:00/);
});

test('European autumn switch (2024-10-27): Amsterdam is back on CET at 16:00 UTC', () => {
  const checked = check(`${front('2024-10-27 16:00 UTC')}\n* Sun 2024-10-27 16:00 UTC (18:00 Europe/Amsterdam)\n`, 'meetings/cpansec-minutes-2024-10-27.md');
  assert.match(checked.of('timezone-mismatch')[0]!.message, /is 17:00 in Europe\/Amsterdam \(CET, UTC\+01:00\), not 18:00/);
});

test('a city that names an IANA zone is a zone after a time: the summer conversion is checked and fixed', () => {
  const path = 'meetings/board-minutes-2025-07-09.md';
  const next = (restated: string) => `${front('2025-07-09 17:00 UTC')}\n* Next board meeting is 2025-07-23 @ 17:00UTC (${restated})\n`;
  const july = check(next('$018:00 Amsterdam$0'), path);
  const [diagnostic, ...rest] = july.of('timezone-mismatch');
  assert.equal(rest.length, 0);
  assert.deepEqual(diagnostic!.range, july.fixture.range);
  assert.match(diagnostic!.message, /17:00UTC on 2025-07-23 is 19:00 in Amsterdam \(CEST, UTC\+02:00\), not 18:00/);
  assertFix(next('$018:00 Amsterdam$0'), next('19:00 Amsterdam'), { path, code: 'timezone-mismatch' });
  const january = check(`${front('2025-01-08 17:00 UTC')}\n* Next board meeting is 2025-01-22 @ 17:00UTC (18:00 Amsterdam)\n`, 'meetings/board-minutes-2025-01-08.md');
  assert.deepEqual(january.of('timezone-mismatch'), []);
});

test('cities of several words and the ways people write them: "New York time", "in Oslo", "/"', () => {
  const right = check(
    `${front('2025-03-05 17:00 UTC')}\n` +
      '* PTA call: 2025-03-05 12:00 New York time (18:00 Oslo time)\n' +
      '* Hut committee: 2025-03-06 9am Los Angeles / 18:00 in Oslo\n' +
      '* Tokyo chapter: 2025-03-07 10:00 UTC (19:00 Tokyo)\n',
    'meetings/board-minutes-2025-03-05.md',
  );
  assert.deepEqual(right.of('timezone-mismatch'), []);
  // 2025-03-10: New York is on summer time (EDT) already, Oslo not yet.
  const wrong = check(`${front('2025-03-12 17:00 UTC')}\n* PTA call: 2025-03-12 12:00 New York time ($018:00 Oslo$0 time)\n`, 'meetings/board-minutes-2025-03-12.md');
  const [diagnostic] = wrong.of('timezone-mismatch');
  assert.deepEqual(diagnostic!.range, wrong.fixture.range);
  assert.match(diagnostic!.message, /is 17:00 in Oslo \(CET, UTC\+01:00\), not 18:00/);
});

test('a city name that goes on into other words is not a zone', () => {
  const checked = check(
    `${front('2025-07-09 17:00 UTC')}\n` +
      '* Summer party 2025-07-12 16:00 UTC (19:00 Sydney Opera House screening)\n' +
      '* 2025-07-12 16:00 UTC (17:00 Christmas in July dinner)\n',
    'meetings/board-minutes-2025-07-09.md',
  );
  assert.deepEqual(checked.of('timezone-mismatch'), []);
});

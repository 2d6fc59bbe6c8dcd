import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../support/service';

const front = (time: string) => `---\nlayout: page\nmeeting_time: ${time}\ntitle: Minutes ${time.slice(0, 10)}\n---\n`;

test('UTC restated in a named zone must agree on that date: winter', () => {
  const checked = check(`${front('2024-11-15 16:00 UTC')}\n*   Next meeting is Wednesday 2024-11-27 @ 16:00 UTC ($018:00 Europe/Amsterdam$0)\n`);
  const [diagnostic, ...rest] = checked.of('timezone-mismatch');
  assert.equal(rest.length, 0);
  assert.equal(checked.fixture.document.getText(diagnostic!.range), '18:00 Europe/Amsterdam');
  assert.match(diagnostic!.message, /16:00 UTC on 2024-11-27 is 17:00 in Europe\/Amsterdam \(CET, UTC\+01:00\), not 18:00/);
  assert.match(checked.applyFix(diagnostic!), /\(17:00 Europe\/Amsterdam\)/);
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

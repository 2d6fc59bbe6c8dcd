import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../support/service';

const front = '---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15\n---\n';

test('a next meeting before this one is reported on its date', () => {
  const checked = check(`${front}\n### Next meeting date, time and location\n*   Next meeting is $0Wednesday 2024-11-13$0 @ 17:00UTC\n`);
  const [diagnostic] = checked.of('next-meeting');
  assert.deepEqual(diagnostic!.range, checked.fixture.range);
  assert.match(diagnostic!.message, /The next meeting \(2024-11-13\) is not after this meeting \(2024-11-15\)/);
});

test('a date without a year is the next occurrence (so it is never in the past)', () => {
  const checked = check(`${front}\n*   Next meeting is March 27 @ 17:00UTC on TPRF Slack.\n`);
  assert.deepEqual(checked.of('next-meeting'), []);
});

test('a statement without a date is information', () => {
  const checked = check(`${front}\n*   Next meeting is in-person at PTS. New online meeting date will be decided then.\n`);
  const [diagnostic] = checked.of('next-meeting');
  assert.equal(diagnostic!.severity, 3);
  assert.match(diagnostic!.message, /has no date/);
});

test('a date without a time is information', () => {
  const checked = check(`${front}\n## Next meeting\n1. Aug 1, 2024\n`);
  assert.match(checked.of('next-meeting').map((d) => d.message).join(), /no time with a zone/);
});

test('the corpus statement "Wednesday 2024-11-27 @ 17:00UTC" is fine', () => {
  const checked = check(`${front}\n*   Next meeting is Wednesday 2024-11-27 @ 17:00UTC in #cpansec-discussion on Matrix (18:00 Europe/Amsterdam)\n`);
  assert.deepEqual(checked.of('next-meeting'), []);
});

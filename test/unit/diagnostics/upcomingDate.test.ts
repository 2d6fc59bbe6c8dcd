import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFix } from '../../support/fixes';
import { check } from '../../support/service';

const january = '---\nlayout: single\n---\n# Minutes 2024-01-06\n';

test("last year's number in the upcoming events (the real FOSDEM slip) is reported with the fix", () => {
  const path = 'meetings/cpansec-minutes-2024-01-06.md';
  const events = (fosdem: string) => `${january}\n### Events and deadlines\n\n1. FOSDEM, ${fosdem}\n    - Attendees we know of: @stigtsp, @sjn\n`;
  const checked = check(events('$02023-02-03$0 - 2023-02-04'), path);
  const [first, second, ...rest] = checked.of('upcoming-date');
  assert.equal(rest.length, 0);
  assert.deepEqual(first!.range, checked.fixture.range);
  assert.match(first!.message, /2023-02-03 is before this meeting \(2024-01-06\), in a list of what is coming up: 2024-02-03 was probably meant/);
  assertFix(events('$02023-02-03$0 - 2023-02-04'), events('2024-02-03 - 2023-02-04'), { path, code: 'upcoming-date' });
  assert.match(second!.message, /2024-02-04 was probably meant/);
});

test('recent events reported in this year, crossed-out events and other sections are left alone', () => {
  const november = '---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15\n---\n';
  const checked = check(
    `${november}\n### Upcoming events and deadlines\n1. NUUG, Monthly meeting 2024-11-12, Oslo - @sjn gave a talk\n1. ~~TPRC in Las Vegas - June 24-28, 2023~~\n\n### CPANSA feed\n* Broken since 2023-10-01\n`,
  );
  assert.deepEqual(checked.of('upcoming-date'), []);
});

/** Minutes of the Fjord Hiking Club's board, 2025-03-12. */
const march = '---\nlayout: page\nmeeting_time: 2025-03-12 18:00:00 +01:00\ntitle: Board meeting 2025-03-12\n---\n';
const MARCH_PATH = 'meetings/board-minutes-2025-03-12.md';

test('a deadline that passed before the meeting on an open item is a warning; on a plain upcoming item, information', () => {
  const checked = check(
    `${march}\n## Upcoming events and deadlines\n` +
      '- [ ] @kari: submit our talk to the Friluftsliv Forum (CfP deadline 2025-03-01)\n' +
      '- Finse ski week 2025-04-10 to 2025-04-13, registration closes March 1st\n' +
      '\n## Action items\n' +
      '- [ ] @ola: apply for the municipal trail grant\n' +
      '    - Application deadline: 2025-02-15\n',
    MARCH_PATH,
  );
  assert.deepEqual(checked.textsOf('upcoming-date'), ['2025-03-01', 'March 1st', '2025-02-15']);
  const [open, plain, nested] = checked.of('upcoming-date');
  assert.equal(open!.severity, 2);
  assert.match(open!.message, /This deadline \(2025-03-01\) passed before this meeting \(2025-03-12\), but the item is still open: tick it or update it/);
  assert.equal(plain!.severity, 3);
  assert.match(plain!.message, /This deadline \(2025-03-01\) passed before this meeting \(2025-03-12\), but the item is still listed as coming up/);
  assert.equal(nested!.severity, 2);
});

test('checked items, openings, later deadlines, past tense, crossed-out items and sections looking back are left alone', () => {
  const checked = check(
    `${march}\n## Upcoming events and deadlines\n` +
      '- [x] Besseggen relay: registration deadline 2025-02-28 - team of six signed up\n' +
      '- [ ] Hut booking registration opens 2025-03-01\n' +
      '- [ ] Trail photo contest, submissions close 2025-04-01\n' +
      '- [ ] Early-bird registration for the Jotunheimen week closed on 2025-03-01\n' +
      '- [ ] ~~Volunteer sign-up deadline 2025-03-05~~\n' +
      '\n## Past events\n' +
      '- [ ] Winter photo contest, submissions deadline 2025-02-20\n' +
      '\n## Discussion\n' +
      '- The county grant has a deadline of 2025-02-15 every year\n',
    MARCH_PATH,
  );
  assert.deepEqual(checked.of('upcoming-date'), []);
});

test('a deadline written with last year\'s number is reported once: as the slip when a year later fits, else as passed', () => {
  const january = '---\nlayout: page\nmeeting_time: 2025-01-08 18:00:00 +01:00\ntitle: Board meeting 2025-01-08\n---\n';
  const checked = check(
    `${january}\n## Upcoming events and deadlines\n` +
      '1. Winter gathering 2024-01-25, registration deadline 2024-01-10\n' +
      '1. [ ] Midsummer hike, CfP deadline 2024-12-20\n',
    'meetings/board-minutes-2025-01-08.md',
  );
  const inOrder = checked.of('upcoming-date').sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const [event, slip, passed, ...rest] = inOrder;
  assert.equal(rest.length, 0);
  assert.match(event!.message, /2024-01-25 is before this meeting \(2025-01-08\), in a list of what is coming up: 2025-01-25 was probably meant/);
  assert.match(slip!.message, /2024-01-10 is before this meeting .*: 2025-01-10 was probably meant/);
  assert.match(passed!.message, /This deadline \(2024-12-20\) passed before this meeting \(2025-01-08\)/);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFix } from '../../support/fixes';
import { check } from '../../support/service';

const page = (value: string, body = '* **Time**: on {{ page.meeting_time | date_to_string: "ordinal", "US" }}, at {{ page.meeting_time | date: "%H:%M %Z" }}.\n') =>
  `---\nlayout: page\nmeeting_time: ${value}\ntitle: Minutes 2024-11-15\n---\n${body}`;

test('a value that fails the site build is an error when the page formats it, on the field Ruby refuses', () => {
  const checked = check(page('2024-11-15 $025:00$0 UTC'));
  const [diagnostic, ...rest] = checked.of('bad-date');
  assert.equal(rest.length, 0);
  assert.equal(diagnostic!.severity, 1);
  assert.deepEqual(diagnostic!.range, checked.fixture.range);
  assert.match(diagnostic!.message, /stops with "Invalid Date: '"2024-11-15 25:00 UTC"' is not a valid datetime\."/);
});

test('the same value is a warning on a page that does not format it', () => {
  const checked = check(page('FIXME', '## Attendees\n'));
  const [diagnostic] = checked.of('bad-date');
  assert.equal(diagnostic!.severity, 2);
  assert.match(diagnostic!.message, /any page or layout that does stops the site build/);
});

test('a zone Ruby ignores is a warning on the zone, with the conversion to UTC as the fix', () => {
  const before = page('2024-11-15 16:00 $0CET$0');
  const checked = check(before);
  const [diagnostic] = checked.of('bad-date');
  assert.equal(diagnostic!.severity, 2);
  assert.deepEqual(diagnostic!.range, checked.fixture.range);
  assert.match(diagnostic!.message, /The page shows 16:00 in the build zone \(UTC, as GitHub Pages builds\)/);
  assertFix(before, page('2024-11-15 15:00 UTC'), { code: 'bad-date' });
});

test('IANA names are ignored as a whole, and a summer date converts with summer time', () => {
  const checked = check(page('2024-07-15 18:00 Europe/Oslo'), 'meetings/cpansec-minutes-2024-07-15.md');
  const [diagnostic] = checked.of('bad-date');
  assert.equal(checked.fixture.document.getText(diagnostic!.range), 'Europe/Oslo');
});

test('no zone: a warning with "Add UTC"; trailing FIXME: removed by its fix', () => {
  const path = 'meetings/cpansec-minutes-2024-03-27.md';
  const missing = assertFix(page('March 27th, 2024 $017:00$0'), page('March 27th, 2024 17:00 UTC'), { path, code: 'bad-date', title: 'Add UTC' });
  assert.match(missing.message, /No time zone/);
  // In a quoted value the zone goes inside the quotes.
  assertFix(page('"March 27th, 2024 $017:00$0"'), page('"March 27th, 2024 17:00 UTC"'), { path, code: 'bad-date', title: 'Add UTC' });
  assertFix(page("'March 27th, 2024 $017:00$0'"), page("'March 27th, 2024 17:00 UTC'"), { path, code: 'bad-date', title: 'Add UTC' });
  assertFix(page('March 27th, 2024 17:00 UTC $0FIXME$0'), page('March 27th, 2024 17:00 UTC'), { path, code: 'bad-date' });
});

test('rollover (Feb 30), an unquoted 17:00 (a number to YAML) and a missing year are reported', () => {
  assert.match(check(page('2024-02-30 17:00 UTC'), 'meetings/cpansec-minutes-2024-02-30.md').of('bad-date')[0]!.message, /rolls it over to 2024-03-01 17:00/);
  assert.match(check(page('17:00'), 'meetings/cpansec-minutes-2024-11-15.md').of('bad-date').map((d) => d.message).join('\n'), /61200|1970|seconds/);
  assert.match(check(page('March 27th 17:00 UTC'), 'meetings/cpansec-minutes-2024-03-27.md').of('bad-date')[0]!.message, /No year/);
});

test('correct corpus values are not flagged', () => {
  for (const value of ['2024-11-15 16:00 UTC', 'March 27th, 2024 17:00 UTC', 'July 03, 2024 17:00 UTC', 'February 24th, 2024 15:00 UTC', '"2024-11-15 16:00 UTC"']) {
    assert.deepEqual(check(page(value)).of('bad-date'), [], value);
  }
});

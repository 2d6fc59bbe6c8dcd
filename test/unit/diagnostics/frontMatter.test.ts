import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFix } from '../../support/fixes';
import { check } from '../../support/service';

test('a byte-order mark hides the front matter from Jekyll: a warning with a fix that removes it', () => {
  const before = '$0\uFEFF---$0\nlayout: single\nmeeting_time: March 27th, 2024 17:00 UTC\ntitle: Minutes 2024-03-27\n---\n';
  const after = '---\nlayout: single\nmeeting_time: March 27th, 2024 17:00 UTC\ntitle: Minutes 2024-03-27\n---\n';
  const path = 'meetings/cpansec-minutes-2024-03-27.md';
  const checked = check(before, path);
  const [diagnostic] = checked.of('front-matter');
  assert.equal(diagnostic!.severity, 2);
  assert.deepEqual(diagnostic!.range, checked.fixture.range);
  assert.match(diagnostic!.message, /byte-order mark/);
  assertFix(before, after, { path, code: 'front-matter' });
});

test('YAML errors are errors at their position', () => {
  const checked = check('---\nlayout: page\ntitle: [Minutes\nmeeting_time: 2024-11-15 16:00 UTC\n---\n');
  const errors = checked.of('front-matter');
  assert.ok(errors.length >= 1);
  assert.equal(errors[0]!.severity, 1);
  assert.match(errors[0]!.message, /not valid YAML/);
  assert.ok(errors[0]!.range.start.line >= 2);
});

test('an unterminated block, and missing required keys of the template in force', () => {
  assert.match(check('---\nlayout: page\ntitle: Minutes\n\n# Minutes\n').of('front-matter')[0]!.message, /not closed/);
  const missing = check('---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\n---\n# Minutes 2024-11-15\n');
  assert.deepEqual(missing.of('front-matter').map((d) => d.message), [
    'Front matter lacks `title`, which the template in force (CPANSec minutes (built-in), since 2024-03-27) has.',
  ]);
});

test('old files (before any template) are not asked for keys; a minutes file without front matter is', () => {
  assert.deepEqual(check('---\nlayout: single\n---\n# Minutes 2024-01-06\n', 'meetings/cpansec-minutes-2024-01-06.md').of('front-matter'), []);
  assert.match(check('# Minutes 2024-01-06\n', 'meetings/cpansec-minutes-2024-01-06.md').of('front-matter')[0]!.message, /No front matter/);
});

test('CRLF front matter is read like LF', () => {
  const checked = check('---\r\nlayout: page\r\nmeeting_time: 2024-11-15 16:00 UTC\r\ntitle: Minutes 2024-11-15\r\n---\r\n# Minutes 2024-11-15\r\n');
  assert.deepEqual(checked.of('front-matter'), []);
  assert.deepEqual(checked.of('date-mismatch'), []);
});

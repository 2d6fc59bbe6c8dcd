import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { minutesTokens, snapshotOf, type ScopedToken } from './tokenize';

const DIR = join(process.cwd(), 'test/grammar');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

for (const name of readdirSync(join(DIR, 'fixtures')).filter((f) => f.endsWith('.md')).sort()) {
  test(`grammar snapshot: ${name}`, async () => {
    const actual = snapshotOf(await minutesTokens(readFileSync(join(DIR, 'fixtures', name), 'utf8')));
    const path = join(DIR, 'snapshots', name.replace(/\.md$/, '.snap'));
    if (UPDATE || !existsSync(path)) writeFileSync(path, actual);
    assert.equal(actual, readFileSync(path, 'utf8'));
  });
}

const scoped = (tokens: readonly ScopedToken[], scope: string) => tokens.filter((t) => t.scopes.includes(scope)).map((t) => t.text);

test('handles: in text and lists, never in URLs, e-mail addresses, code or "@ 17:00UTC"', async () => {
  const tokens = await minutesTokens(
    '*   @sjn - see https://fosstodon.org/@cpansec or write pause-admin@perl.org\n*   Next meeting @ 17:00UTC (@timlegge chairs); `@INC`\n',
  );
  assert.deepEqual(scoped(tokens, 'variable.other.handle.minutes'), ['sjn', 'timlegge']);
});

test('times with zones, glued or spaced, IANA names; not 16.00 and not in code', async () => {
  const tokens = await minutesTokens('## 16:30 UTC – Pre-meeting socializing\n* @ 17:00UTC (18:00 Europe/Amsterdam), 5pm CET, 16.00 UTC, `17:00 UTC`\n');
  assert.deepEqual(scoped(tokens, 'constant.numeric.time.minutes'), ['16:30', '17:00', '18:00', '5pm']);
  assert.deepEqual(scoped(tokens, 'constant.language.timezone.minutes'), ['UTC', 'UTC', 'Europe/Amsterdam', 'CET']);
});

test('task checkboxes: checked and unchecked differ; a link is not a checkbox', async () => {
  const tokens = await minutesTokens('- [ ] open\n    - [x] done\n*   [X] done too\n- [link](https://example.org)\n');
  assert.deepEqual(scoped(tokens, 'markup.checkbox.unchecked.minutes'), ['[ ]']);
  assert.deepEqual(scoped(tokens, 'markup.checkbox.checked.minutes'), ['[x]', '[X]']);
});

test('Liquid in the CPANSec time line, including inside a link target', async () => {
  const tokens = await minutesTokens(
    '*   **Time**: on {{ page.meeting_time | date_to_string: "ordinal", "US" }}. ([Other timezones](https://www.timeanddate.com/worldclock/meetingdetails.html?{{ page.meeting_time | date: "year=%Y&month=%m" }}&p1=256))\n',
  );
  assert.deepEqual(scoped(tokens, 'support.function.filter.liquid.minutes'), ['date_to_string', 'date']);
  assert.deepEqual(scoped(tokens, 'variable.other.liquid.minutes'), ['page.meeting_time', 'page.meeting_time']);
  assert.ok(scoped(tokens, 'string.quoted.liquid.minutes').includes('"year=%Y&month=%m"'));
});

test('ISO dates in text, not in file names or URLs', async () => {
  const tokens = await minutesTokens('* Meeting 2024-11-15; see [cpansec-minutes-2024-01-20](cpansec-minutes-2024-01-20.md) and https://x.org/2024-02-02/\n');
  assert.deepEqual(scoped(tokens, 'constant.numeric.date.minutes'), ['2024-11-15']);
});

test('minutes keys in front matter', async () => {
  const tokens = await minutesTokens('---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\nauthor: x\n---\n');
  assert.deepEqual(scoped(tokens, 'support.type.property-name.front-matter.minutes'), ['layout', 'meeting_time']);
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { check } from '../../support/service';

const authors = readFileSync('test/fixtures/cpansec/_data/authors.yml', 'utf8');
const front = '---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15\n---\n';
/** Two earlier minutes that establish @tinita and @petek by use. */
const history = {
  '_data/authors.yml': authors,
  'meetings/cpansec-minutes-2024-02-10.md': '---\nlayout: single\n---\n- Regrets: @tinita, @petek, @stigtsp\n',
  'meetings/cpansec-minutes-2024-05-15.md': '---\nlayout: single\n---\n- Regrets: @tinita, @petek, @stigtsp\n',
};

test('a misspelt member handle names the member and fixes the spelling', () => {
  const checked = check(`${front}\n    - $0@stigsp$0 – [Pre-Release Disclosure](https://security.metacpan.org/docs/pre-release-disclosure.html)\n`, undefined, { files: history });
  const [diagnostic, ...rest] = checked.of('unknown-handle');
  assert.equal(rest.length, 0);
  assert.equal(checked.fixture.document.getText(diagnostic!.range), '@stigsp');
  assert.equal(diagnostic!.severity, 2);
  assert.match(diagnostic!.message, /@stigsp is not a known handle; did you mean @stigtsp \(Stig Palmquist, named in 2 minutes files\)\?/);
  assert.match(checked.applyFix(diagnostic!), /    - @stigtsp – \[Pre-Release/);
});

test('a nickname and a near miss of handles established by use are suggested', () => {
  const checked = check(`${front}\n* @tina muller maintains a script\n1. @Tux and @Tim worked on Crypt::OpenSSL::PKCS12\n`, undefined, {
    files: { ...history, 'meetings/cpansec-minutes-2024-03-27.md': '---\nlayout: single\n---\n- @timlegge\n', 'meetings/cpansec-minutes-2024-04-10.md': '---\nlayout: single\n---\n- @timlegge\n' },
  });
  assert.deepEqual(checked.of('unknown-handle').map((d) => [checked.fixture.document.getText(d.range), /did you mean (@\w+)/.exec(d.message)?.[1]]), [
    ['@tina', '@tinita'],
    ['@Tim', '@timlegge'],
  ]);
});

test('members, aliases, case variants, special handles and handles established by use are not flagged', () => {
  const checked = check(`${front}\n* @sjn, @SJN, @Tux, @rrwo (alias of robrwo), @robrwo, @all, @petek, @tinita, @thibaultduponchelle\n`, undefined, { files: history });
  assert.deepEqual(checked.of('unknown-handle'), []);
});

test('a handle used once that resembles nobody is information, not a warning', () => {
  const checked = check(`${front}\n- Regrets: @karjala\n`, undefined, { files: history });
  const [diagnostic] = checked.of('unknown-handle');
  assert.equal(diagnostic!.severity, 3);
  assert.match(diagnostic!.message, /@karjala is not in _data\/authors.yml and is not used in other minutes/);
});

test('handles in URLs, e-mail addresses, code spans and link targets are never judged', () => {
  const checked = check(
    `${front}\n* Follow https://fosstodon.org/@cpansecx and write to pause-admin@perl.org; \`@stigsp\`; [chat](https://matrix.to/#/@stigsp:matrix.org)\n`,
    undefined,
    { files: history },
  );
  assert.deepEqual(checked.of('unknown-handle'), []);
});

test('severity can be configured per code (and turned off) by the settings', () => {
  const checked = check(`${front}\n- @stigsp\n`, undefined, { files: history, settings: { severity: { 'unknown-handle': 'error' } } });
  assert.equal(checked.of('unknown-handle')[0]!.severity, 1);
  const off = check(`${front}\n- @stigsp\n`, undefined, { files: history, settings: { severity: { 'unknown-handle': 'off' } } });
  assert.deepEqual(off.of('unknown-handle'), []);
});

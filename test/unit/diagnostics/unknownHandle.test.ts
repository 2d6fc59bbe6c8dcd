import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { assertFix } from '../../support/fixes';
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
  // The real 2024-01-06 line, a sub-item of its board (on its own, four spaces make it code).
  const item = (handle: string) =>
    `${front}\n6. [CPANSec Governance, Policy & Funding](https://github.com/orgs/CPAN-Security/projects/7)\n    - ${handle} – [Pre-Release Disclosure](https://security.metacpan.org/docs/pre-release-disclosure.html)\n`;
  const checked = check(item('$0@stigsp$0'), undefined, { files: history });
  const [diagnostic, ...rest] = checked.of('unknown-handle');
  assert.equal(rest.length, 0);
  assert.deepEqual(diagnostic!.range, checked.fixture.range);
  assert.equal(diagnostic!.severity, 2);
  assert.equal(diagnostic!.message, "@stigsp is not a member's handle; it is likely a misspelling of @stigtsp (Stig Palmquist).");
  assert.equal(checked.actions(diagnostic!)[0]!.isPreferred, true);
  assertFix(item('$0@stigsp$0'), item('@stigtsp'), { files: history, code: 'unknown-handle' });
});

test('a nickname of a member is a likely typo; a loose near miss of a regular guest is mentioned as information', () => {
  const lines = (tina: string) => `${front}\n* ${tina} muller maintains a script\n1. @Tux and @Tim worked on Crypt::OpenSSL::PKCS12\n`;
  const files = { ...history, 'meetings/cpansec-minutes-2024-03-27.md': '---\nlayout: single\n---\n- @timlegge\n', 'meetings/cpansec-minutes-2024-04-10.md': '---\nlayout: single\n---\n- @timlegge\n' };
  const checked = check(lines('@tina'), undefined, { files });
  assert.deepEqual(
    checked.of('unknown-handle').map((d) => [checked.fixture.document.getText(d.range), d.severity, /misspelling of (@\w+)/.exec(d.message)?.[1]]),
    [
      ['@tina', 3, '@tinita'],
      ['@Tim', 2, '@timlegge'],
    ],
  );
  const [tina] = checked.of('unknown-handle');
  assert.match(tina!.message, /@tinita \(not a member either, named in 2 minutes files\)/);
  assertFix(lines('$0@tina$0'), lines('@tinita'), { files, code: 'unknown-handle', title: 'Change to @tinita' });
  assert.equal(checked.actions(tina!)[0]!.isPreferred, false, 'information is not the one right answer');
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

/** An invented board: its roster, and minutes into which a typo of a member's handle has spread. */
const board = `marguerite:
  name: Marguerite Blanc
  github: mblanc
okonkwo:
  name: Chidi Okonkwo
ravi:
  name: Ravi Menon
tib:
  name: Tiberius Stone
liang:
  name: Liang Wei
liana:
  name: Liana Petrosyan
`;
const boardFront = '---\nlayout: page\nmeeting_time: 2025-03-12 18:00 UTC\ntitle: Minutes 2025-03-12\n---\n';
const boardMinutes = (date: string, body: string) => [`minutes/board-minutes-${date}.md`, `---\nlayout: page\nmeeting_time: ${date} 18:00 UTC\n---\n${body}`] as const;
const board3 = {
  '_data/authors.yml': board,
  ...Object.fromEntries([
    boardMinutes('2025-01-15', '## Attendees\n- @margurite (chair)\n- @okonkwo\n- @hollis\n- @ravii\n'),
    boardMinutes('2025-02-05', '## Attendees\n- @margurite (chair)\n- @okonkwo\n- @hollis\n- @ravii\n- @tim\n'),
    boardMinutes('2025-02-26', '## Attendees\n- @margurite (chair)\n- @ravi\n- @hollis\n- @tim\n## Actions\n- [ ] @margurite to send the budget\n'),
  ]),
};
const boardPath = 'minutes/board-minutes-2025-03-12.md';

test("a member's handle misspelt in every recent minutes is still a likely typo, with the fix and how far it spread", () => {
  const minutes = (chair: string) => `${boardFront}\n## Attendees\n- ${chair} (chair)\n- @okonkwo\n## Actions\n- [ ] @margurite to circulate the draft\n`;
  const checked = check(minutes('$0@margurite$0'), boardPath, { files: board3 });
  const found = checked.of('unknown-handle');
  assert.deepEqual(checked.textsOf('unknown-handle'), ['@margurite', '@margurite']);
  const [first] = found;
  assert.deepEqual(first!.range, checked.fixture.range);
  assert.equal(first!.severity, 2);
  assert.equal(first!.message, "@margurite is not a member's handle; it is likely a misspelling of @marguerite (Marguerite Blanc), and has spread to 4 minutes files.");
  assert.equal(checked.actions(first!)[0]!.title, 'Change to @marguerite');
  assert.equal(checked.actions(first!)[0]!.isPreferred, true);
  // One finding, one place: the same typo further down is its own finding.
  assertFix(minutes('$0@margurite$0'), minutes('@marguerite'), { path: boardPath, files: board3, code: 'unknown-handle' });
});

test('a dropped, doubled or swapped letter, a case variant of a typo, or a near miss of an alias is flagged whatever its use', () => {
  const checked = check(`${boardFront}\n- @okonkow, @Ravii, @OKNOKWO, @mblank, @Marguerite\n`, boardPath, { files: board3 });
  assert.deepEqual(
    checked.of('unknown-handle').map((d) => [checked.fixture.document.getText(d.range), d.severity, /likely a misspelling of (@\w+)/.exec(d.message)?.[1]]),
    [
      ['@okonkow', 2, '@okonkwo'],
      ['@Ravii', 2, '@ravi'],
      ['@OKNOKWO', 2, '@okonkwo'],
      ['@mblank', 2, '@marguerite'],
    ],
  );
  assert.match(checked.of('unknown-handle')[1]!.message, /has spread to 3 minutes files/, 'used in two other files and this one');
});

test('a regular guest whose handle resembles no member stays known; once, it is information', () => {
  assert.deepEqual(check(`${boardFront}\n- @hollis presented the audit\n`, boardPath, { files: board3 }).of('unknown-handle'), []);
  const once = check(`${boardFront}\n- @dembele presented the audit\n`, boardPath, { files: board3 });
  assert.deepEqual(once.of('unknown-handle').map((d) => d.severity), [3]);
});

test("a very short handle a letter away from a member's may be someone else: information, and the fix is offered but not preferred", () => {
  // @tim is in two other minutes; @tib is a member. @tia is used nowhere else.
  const checked = check(`${boardFront}\n- @tim, @tia\n`, boardPath, { files: board3 });
  const [tim, tia, ...rest] = checked.of('unknown-handle');
  assert.equal(rest.length, 0);
  assert.equal(tim!.severity, 3);
  assert.equal(
    tim!.message,
    '@tim is not in _data/authors.yml; it may be a misspelling of @tib (Tiberius Stone), or someone else (it is used in 3 minutes files). If they are a member, add them there (or to .minutes.json).',
  );
  assert.equal(checked.actions(tim!)[0]!.isPreferred, false);
  assert.equal(tia!.severity, 3);
  assertFix(`${boardFront}\n- @tim, $0@tia$0\n`, `${boardFront}\n- @tim, @tib\n`, { path: boardPath, files: board3, code: 'unknown-handle', title: 'Change to @tib' });
});

test('members close to each other are never flagged, and a handle as close to two members offers both', () => {
  const checked = check(`${boardFront}\n- @liang, @liana, @lian\n`, boardPath, { files: board3 });
  const [lian, ...rest] = checked.of('unknown-handle');
  assert.equal(rest.length, 0);
  assert.equal(checked.fixture.document.getText(lian!.range), '@lian');
  assert.equal(lian!.severity, 2);
  assert.match(lian!.message, /likely a misspelling of @liang \(Liang Wei\) or @liana \(Liana Petrosyan\)\./);
  assert.deepEqual(
    checked.actions(lian!).map((a) => [a.title, a.isPreferred]),
    [
      ['Change to @liang', false],
      ['Change to @liana', false],
    ],
  );
  const marked = `${boardFront}\n- @liang, @liana, $0@lian$0\n`;
  assertFix(marked, `${boardFront}\n- @liang, @liana, @liang\n`, { path: boardPath, files: board3, title: 'Change to @liang' });
  assertFix(marked, `${boardFront}\n- @liang, @liana, @liana\n`, { path: boardPath, files: board3, title: 'Change to @liana' });
});

test('members and aliases from .minutes.json are authoritative too', () => {
  const config = JSON.stringify({ members: { hollis: { name: 'Dana Hollis', aliases: ['dhollis'] } } });
  const checked = check(`${boardFront}\n- @hollis, @dholis, @hollsi\n`, boardPath, { files: { ...board3, '.minutes.json': config } });
  assert.deepEqual(
    checked.of('unknown-handle').map((d) => [checked.fixture.document.getText(d.range), d.severity, /likely a misspelling of (@\w+)/.exec(d.message)?.[1]]),
    [
      ['@dholis', 2, '@hollis'],
      ['@hollsi', 2, '@hollis'],
    ],
  );
});

test('a near miss of a frequent handle that is not on the roster is at most information; repeated, it is left alone', () => {
  const once = check(`${boardFront}\n- @holis\n`, boardPath, { files: board3 });
  const [holis] = once.of('unknown-handle');
  assert.equal(holis!.severity, 3);
  assert.match(holis!.message, /may be a misspelling of @hollis \(not a member either, named in 3 minutes files\)/);
  const twice = check(`${boardFront}\n- @holis\n`, boardPath, { files: { ...board3, ...Object.fromEntries([boardMinutes('2025-03-01', '- @holis\n')]) } });
  assert.deepEqual(twice.of('unknown-handle'), []);
});

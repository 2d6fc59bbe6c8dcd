import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMinutesService, DEFAULT_SETTINGS } from '../../../server/src/service';
import { MAX_LISTED_PER_CODE } from '../../../server/src/service/features/diagnostics/diagnose';
import { renderJekyllLiquid } from '../../../server/src/service/time';
import { SITE, workspaceIndex } from '../../support/service';

const FRONT = '---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15\n---\n';
const URI = `${SITE}/meetings/cpansec-minutes-2024-11-15.md`;

/** Runs every feature on a text and checks the answers are sane. (How fast is the bench's question.) */
function exercise(text: string, files: Record<string, string> = {}): { diagnostics: Diagnostic[]; folds: number } {
  const document = TextDocument.create(URI, 'markdown', 1, text);
  const index = workspaceIndex(files);
  index.update(URI, text);
  const knowledge = index.knowledge();
  const service = createMinutesService({ clock: () => new Date('2025-01-01T00:00:00Z') });
  const diagnostics = service.diagnostics(document, knowledge, DEFAULT_SETTINGS);
  const end = document.positionAt(text.length);
  for (const d of diagnostics) {
    assert.ok(document.offsetAt(d.range.start) <= document.offsetAt(d.range.end), 'range ordered');
    assert.ok(d.range.end.line <= end.line, 'range inside the document');
  }
  const lines = Math.min(document.lineCount, 50);
  for (let line = 0; line < lines; line += 7) {
    for (const character of [0, 3, 40, 100_000]) {
      service.hover(document, { line, character }, knowledge, DEFAULT_SETTINGS);
      service.completions(document, { line, character }, knowledge, DEFAULT_SETTINGS);
    }
  }
  service.hover(document, { line: 1_000_000, character: 5 }, knowledge, DEFAULT_SETTINGS);
  service.completions(document, { line: -3, character: -1 }, knowledge, DEFAULT_SETTINGS);
  service.documentSymbols(document, knowledge);
  const folds = service.foldingRanges(document, knowledge).length;
  service.documentLinks(document, knowledge);
  service.codeActions(document, { start: end, end }, { diagnostics }, knowledge, DEFAULT_SETTINGS);
  return { diagnostics, folds };
}

/** Every occurrence was found: the first MAX_LISTED_PER_CODE are listed, and the last finding counts the rest. */
function assertAllCounted(diagnostics: Diagnostic[], code: string, occurrences: number): void {
  const found = diagnostics.filter((d) => d.code === code);
  assert.equal(found.length, MAX_LISTED_PER_CODE + 1);
  assert.match(String(found[found.length - 1]!.message), new RegExp(`^${occurrences - MAX_LISTED_PER_CODE} more ${code} findings`));
}

test('a 5 MB single line: read to its end, every occurrence found', () => {
  const { diagnostics } = exercise(`${FRONT}* ${'@sjn 17:00 UTC 2024-11-27 [x](https://github.com/orgs/CPAN-Security/projects/1) FIXME '.repeat(60_000)}`);
  assertAllCounted(diagnostics, 'placeholder', 60_000);
  assertAllCounted(diagnostics, 'unknown-handle', 60_000);
});

test('NUL, control and binary bytes', () => {
  const binary = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
  exercise(`${FRONT}\u0000\u0001@sjn\u0000 17:00\u0000UTC\n${binary}\n\u0000---\n`);
  exercise(binary);
});

test('lone surrogates in text, handles and front matter', () => {
  const { diagnostics } = exercise(`---\ntitle: \uD800Minutes\nmeeting_time: 2024-11-15 16:00 UTC\uDC00\n---\n* @sjn\uD83D and @\uDE00x, 17:00 UTC \uD834\n`);
  assert.ok(Array.isArray(diagnostics));
});

test('10,000 nested list levels: every level parsed, no stack overflow', () => {
  const deep = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i * 2)}- [ ] level ${i} @sjn`).join('\n');
  const { diagnostics, folds } = exercise(`${FRONT}${deep}\n`);
  assertAllCounted(diagnostics, 'unknown-handle', 10_000);
  assert.equal(folds, 10_000);
});

test('unterminated front matter, empty documents, a lone ---', () => {
  for (const text of ['---\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: x\n', '', '---', '---\n', '\uFEFF', '\r\n\r\n---\r\n']) exercise(text);
  const { diagnostics } = exercise('---\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: x\n\n# Minutes\n');
  assert.ok(diagnostics.some((d) => d.code === 'front-matter' && /not closed/.test(String(d.message))));
});

const ALIAS_BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]}]`)].join('\n');

test('a YAML alias bomb in the front matter, _data/authors.yml and _config.yml', () => {
  const { diagnostics } = exercise(`---\n${ALIAS_BOMB}\nmeeting_time: *i\ntitle: Minutes\n---\n* @sjn\n`, {
    '_data/authors.yml': `${ALIAS_BOMB}\nsjn:\n  name: *i\n  github: *i\n`,
    '_config.yml': `${ALIAS_BOMB}\ntimezone: *i\n`,
  });
  // Aliases are never expanded: `*i` where a value goes is no value, not 9^9 strings.
  assert.ok(diagnostics.some((d) => d.code === 'bad-date' && /No value/.test(String(d.message))), JSON.stringify(diagnostics));
  const authors = workspaceIndex({ '_data/authors.yml': `${ALIAS_BOMB}\nsjn:\n  name: *i\n  github: *i\n` }).knowledge();
  assert.equal(authors.problems.filter((problem) => problem.uri.endsWith('/_data/authors.yml')).length, 9, 'one problem per top-level key a–i');
  // The Jekyll config's problem is its own diagnostic; the build zone stays GitHub Pages' UTC.
  const index = workspaceIndex({ '_config.yml': `${ALIAS_BOMB}\ntimezone: *i\n` });
  const knowledge = index.knowledge();
  assert.equal(knowledge.buildZone, 'UTC');
  assert.ok(knowledge.problems.some((problem) => problem.uri.endsWith('/_config.yml')), JSON.stringify(knowledge.problems));
});

test('a hostile .minutes.json: deep nesting, huge arrays, wrong types; the last good config stays', () => {
  const index = workspaceIndex({ '.minutes.json': '{ "severity": { "placeholder": "off" } }' });
  for (const text of ['['.repeat(100_000), `{ "members": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)} }`, `{ "ignore": [${'"x",'.repeat(100_000)}"y"] }`, '{ "projects": "all" }', 'null', '"text"']) {
    index.update(`${SITE}/.minutes.json`, text);
    const knowledge = index.knowledge();
    assert.ok(knowledge.problems.length >= 0);
  }
  index.update(`${SITE}/.minutes.json`, '{ "severity": { "placeholder": "off" } }');
  index.update(`${SITE}/.minutes.json`, '{ "projects": "all" }');
  assert.equal(index.knowledge().severities.get('placeholder'), 'off', 'the last good config is kept');
  index.update(`${SITE}/.minutes.json`, '['.repeat(100_000));
  assert.equal(index.knowledge().severities.get('placeholder'), 'off', 'and kept after a file too deep to parse');
  assert.match(index.knowledge().problems[0]!.message, /nested too deeply/);
});

test('Liquid loops and deep nesting are bounded', () => {
  const settings = { buildZone: 'UTC', now: new Date('2025-01-01T00:00:00Z') };
  for (const [template, error] of [
    // Loops are cut off by the memory or render limit, with that limit's error.
    ['{% for i in (1..999999999) %}x{% endfor %}', /^memory alloc limit exceeded/],
    ['{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}', /^(template render|memory alloc) limit exceeded/],
    ['{% assign s = "x" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}', /^memory alloc limit exceeded/],
    // Nesting deeper than the stack is an error, caught, not a crash.
    [`${'{% if true %}'.repeat(5000)}x${'{% endif %}'.repeat(5000)}`, /Maximum call stack size exceeded/],
    // A 10,000-step lookup of nothing renders nothing.
    [`{{ ${'page.'.repeat(10_000)}x }}`, null],
  ] as const) {
    const result = renderJekyllLiquid(template, {}, settings);
    if (error) assert.match(result.error ?? '', error, template.slice(0, 40));
    else assert.equal(result.error, null, template.slice(0, 40));
    assert.equal(result.output, '', template.slice(0, 40));
  }
});

test('out-of-range positions and unknown URIs are answered, not thrown', () => {
  const service = createMinutesService();
  const knowledge = workspaceIndex({}).knowledge();
  const document = { uri: 'untitled:Untitled-1', version: 1, getText: () => '# notes\n@x' };
  assert.deepEqual(service.diagnostics(document, knowledge, DEFAULT_SETTINGS), []);
  assert.equal(service.hover(document, { line: 99, character: 99 }, knowledge, DEFAULT_SETTINGS), null);
  assert.deepEqual(service.references(document, { line: -1, character: 0 }, knowledge, () => null), []);
  const plan = service.newMeeting('file:///nowhere/x.md', knowledge, DEFAULT_SETTINGS, () => null);
  assert.equal(plan.ok, false);
});

test('past the listing limit, an edit is judged afresh: the same findings and count as a first look at the new text', () => {
  const lines = Array.from({ length: 800 }, (_, i) => `- @stranger${i}x said hello`);
  const before = `${FRONT}## Discussion\n\n${lines.join('\n')}\n`;
  const index = workspaceIndex();
  const knowledge = index.knowledge();
  const service = createMinutesService({ clock: () => new Date('2025-01-01T00:00:00Z') });
  const document = TextDocument.create(URI, 'markdown', 1, before);
  assertAllCounted(service.diagnostics(document, knowledge, DEFAULT_SETTINGS), 'unknown-handle', 800);
  // A first edit starts the line cache; later edits patch the model, and findings away from them are carried over unless only counted.
  const typeAtEnd = (text: string, version: number) => {
    const end = document.positionAt(document.getText().length - 1);
    TextDocument.update(document, [{ range: { start: end, end }, text }], version);
  };
  typeAtEnd(' and @latecomer', 2);
  assertAllCounted(service.diagnostics(document, knowledge, DEFAULT_SETTINGS), 'unknown-handle', 801);
  // Delete the first 400 lines.
  TextDocument.update(document, [{ range: { start: document.positionAt(before.indexOf(lines[0]!)), end: document.positionAt(before.indexOf(lines[400]!)) }, text: '' }], 3);
  const edited = service.diagnostics(document, knowledge, DEFAULT_SETTINGS);
  const fresh = createMinutesService({ clock: () => new Date('2025-01-01T00:00:00Z') }).diagnostics(TextDocument.create(URI, 'markdown', 3, document.getText()), knowledge, DEFAULT_SETTINGS);
  assert.deepEqual(edited, fresh);
  // 400 lines left, one with a handle more: under the limit again, every finding listed.
  assert.equal(edited.filter((d) => d.code === 'unknown-handle').length, 401);
});

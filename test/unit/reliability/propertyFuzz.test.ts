import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMinutesService, DEFAULT_SETTINGS } from '../../../server/src/service';
import { parseMinutes } from '../../../server/src/service/parse/parseMinutes';
import { SITE, workspaceIndex } from '../../support/service';

/**
 * Property tests on the language service with documents made of real minutes lines, the
 * syntax that matters, and random text. `npm test` runs a quick version; set
 * MINUTES_FUZZ_RUNS (e.g. 2000, as `npm run test:fuzz` does) for a long one.
 */
const RUNS = Number(process.env.MINUTES_FUZZ_RUNS ?? 40);
const FIXTURES = 'test/fixtures/cpansec';
const corpusLines = readdirSync(`${FIXTURES}/meetings`).flatMap((name) => readFileSync(`${FIXTURES}/meetings/${name}`, 'utf8').split(/\r?\n/));
const files: Record<string, string> = { '_data/authors.yml': readFileSync(`${FIXTURES}/_data/authors.yml`, 'utf8') };
for (const name of readdirSync(`${FIXTURES}/meetings`)) files[`meetings/${name}`] = readFileSync(`${FIXTURES}/meetings/${name}`, 'utf8');
const knowledge = workspaceIndex(files).knowledge();
const URI = `${SITE}/meetings/cpansec-minutes-2024-11-15.md`;
const NOW = new Date('2025-03-01T12:00:00Z');

const SYNTAX = ['@', '@sjn', '@stigsp', '---', '\uFEFF', '{{ page.meeting_time | date: "%H:%M %Z" }}', '{% for i in (1..9) %}', '[', '](', '```', '<!--', '-->', '- [ ] ', '- [x] ', '    ', '## 17:00 UTC – Meeting start', '## 16:00 UTC – Pre-meeting socializing', 'Next meeting is Thursday 2024-11-27 @ 17:00UTC (19:00 Europe/Amsterdam)', 'FIXME', '…', '\r', '\t', '2023-02-30', 'meeting_time: ', 'Fri 13 Sep 2024', '24:00 UTC', '[x](https://github.com/orgs/CPAN-Security/projects/3)', '\u0000', '\uD800'];

const fragment = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...corpusLines) },
  { weight: 3, arbitrary: fc.constantFrom(...SYNTAX) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'grapheme-composite' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
);
const frontMatter = fc.constantFrom(
  '---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15\n---\n',
  '---\nlayout: single\nmeeting_time: March 27th, 2024 17:00 CET FIXME\n---\n',
  '---\nmeeting_time: 2024-13-01\n',
  '',
);
const documentText = fc.tuple(frontMatter, fc.array(fragment, { maxLength: 60 })).map(([head, parts]) => head + parts.join('\n'));
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(25), insert: fc.oneof(fragment, fc.constant('\n'), fc.constant('')) });

function apply(text: string, change: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(change.at * text.length);
  return text.slice(0, at) + change.insert + text.slice(at + change.remove);
}

const stats = { documents: 0, edits: 0, fixes: 0, slowest: 0 };
const timed = <T>(run: () => T): T => {
  const started = performance.now();
  const result = run();
  stats.slowest = Math.max(stats.slowest, performance.now() - started);
  return result;
};

function diagnose(service: ReturnType<typeof createMinutesService>, document: TextDocument): Diagnostic[] {
  const diagnostics = timed(() => service.diagnostics(document, knowledge, DEFAULT_SETTINGS));
  const length = document.getText().length;
  for (const d of diagnostics) {
    const start = document.offsetAt(d.range.start);
    const end = document.offsetAt(d.range.end);
    // offsetAt clamps, so compare the positions themselves with the document's lines too.
    assert.ok(d.range.start.line < document.lineCount && d.range.end.line < document.lineCount, `range inside: ${JSON.stringify(d.range)}`);
    assert.ok(start <= end && end <= length, `ordered range: ${JSON.stringify(d.range)}`);
    assert.equal(d.source, 'minutes');
  }
  return diagnostics;
}

test('any document: no exception, ranges inside the document, every feature answers', () => {
  fc.assert(
    fc.property(documentText, fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), (text, picks) => {
      stats.documents++;
      const service = createMinutesService({ clock: () => NOW });
      const document = TextDocument.create(URI, 'markdown', 1, text);
      const diagnostics = diagnose(service, document);
      for (const pick of picks) {
        const position = document.positionAt(pick % (text.length + 1));
        timed(() => service.hover(document, position, knowledge, DEFAULT_SETTINGS));
        timed(() => service.completions(document, position, knowledge, DEFAULT_SETTINGS));
      }
      timed(() => service.documentSymbols(document, knowledge));
      timed(() => service.foldingRanges(document, knowledge));
      timed(() => service.documentLinks(document, knowledge));
      timed(() => service.codeActions(document, diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics, only: ['source.fixAll.minutes'] }, knowledge, DEFAULT_SETTINGS));
    }),
    { numRuns: RUNS * 3, seed: 20241115 },
  );
  // The slowest call is printed with the fuzz figures; how fast is the bench's question.
});

/**
 * Applies `changes` one by one to a document the service has seen, and after each requires
 * the diagnostics, the model and the outline to equal those of a fresh service.
 */
function editsMatchFreshState(start: string, changes: readonly { at: number; remove: number; insert: string }[]): void {
  const incremental = createMinutesService({ clock: () => NOW });
  let text = start;
  let version = 1;
  incremental.diagnostics(TextDocument.create(URI, 'markdown', version, text), knowledge, DEFAULT_SETTINGS);
  for (const change of changes) {
    stats.edits++;
    text = apply(text, change);
    version++;
    const edited = TextDocument.create(URI, 'markdown', version, text);
    const fresh = createMinutesService({ clock: () => NOW }).diagnostics(edited, knowledge, DEFAULT_SETTINGS);
    assert.deepEqual(diagnose(incremental, edited), fresh);
    // The model itself, patched or parsed again from the line cache, equals a fresh parse.
    assert.deepEqual(incremental.parse(edited), parseMinutes(text, URI, version));
    assert.deepEqual(incremental.documentSymbols(edited, knowledge), createMinutesService().documentSymbols(edited, knowledge));
  }
}

test('edit by edit, the incremental state equals a fresh parse of the same text', () => {
  fc.assert(fc.property(documentText, fc.array(edit, { minLength: 1, maxLength: 12 }), editsMatchFreshState), { numRuns: RUNS, seed: 20240327 });
});

/** Real minutes files, edited as people type: the path where the model is patched and line-scoped findings are kept. */
const minutesFiles = Object.entries(files).filter(([path]) => path.startsWith('meetings/cpansec-minutes-')).map(([, text]) => text);
const typed = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SYNTAX.filter((piece) => !/```|~~~|<!--|-->|---/.test(piece))) },
  { weight: 3, arbitrary: fc.constantFrom(...corpusLines.filter((line) => !/```|~~~|<!--|-->/.test(line))).map((line) => `${line}\n`) },
  { weight: 3, arbitrary: fc.string({ maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant('\n') },
);
const typing = fc.record({ at: fc.double({ min: 0.1, max: 1, noNaN: true }), remove: fc.nat(6), insert: typed });

test('typing in real minutes: the patched model and the kept findings equal a fresh parse and check', () => {
  fc.assert(fc.property(fc.constantFrom(...minutesFiles), fc.array(typing, { minLength: 2, maxLength: 16 }), editsMatchFreshState), { numRuns: RUNS, seed: 20240515 });
});

test('every quick fix applies cleanly and removes its diagnostic', () => {
  fc.assert(
    fc.property(documentText, (text) => {
      const service = createMinutesService({ clock: () => NOW });
      const document = TextDocument.create(URI, 'markdown', 1, text);
      const diagnostics = service.diagnostics(document, knowledge, DEFAULT_SETTINGS);
      for (const diagnostic of diagnostics.slice(0, 8)) {
        const actions = service.codeActions(document, diagnostic.range, { diagnostics: [diagnostic] }, knowledge, DEFAULT_SETTINGS);
        for (const action of actions.filter((a) => a.isPreferred && a.edit?.changes?.[URI])) {
          stats.fixes++;
          const edits = action.edit!.changes![URI] as TextEdit[];
          for (const e of edits) assert.ok(document.offsetAt(e.range.start) <= document.offsetAt(e.range.end), 'edit range ordered');
          const fixed = TextDocument.create(URI, 'markdown', 2, TextDocument.applyEdits(document, edits));
          const after = service.diagnostics(fixed, knowledge, DEFAULT_SETTINGS);
          const same = (d: Diagnostic) => d.code === diagnostic.code && d.message === diagnostic.message;
          assert.ok(after.filter(same).length < diagnostics.filter(same).length, `"${action.title}" left: ${String(diagnostic.message)}`);
        }
      }
    }),
    { numRuns: RUNS, seed: 20240710 },
  );
});

test('fuzz figures', () => {
  console.log(`fuzz: ${stats.documents} documents, ${stats.edits} edits, ${stats.fixes} quick fixes applied; slowest call ${stats.slowest.toFixed(1)} ms`);
  assert.ok(stats.documents > 0 && stats.edits > 0);
});

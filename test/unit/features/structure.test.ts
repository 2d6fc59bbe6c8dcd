import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SymbolKind } from 'vscode-languageserver-types';
import { open } from '../../support/service';

const corpus = (name: string) => readFileSync(`test/fixtures/cpansec/meetings/${name}`, 'utf8');
const authors = readFileSync('test/fixtures/cpansec/_data/authors.yml', 'utf8');

test('the outline follows the sections, with agenda times as details and the front matter first; kinds say what each is', () => {
  const opened = open(corpus('cpansec-minutes-2024-11-15.md'));
  const symbols = opened.service.documentSymbols(opened.fixture.document, opened.knowledge);
  assert.equal(symbols[0]!.name, 'Front matter');
  assert.deepEqual(symbols[0]!.children!.map((c) => c.name), ['layout', 'toc', 'meeting_time', 'title']);
  assert.deepEqual(symbols.slice(1).map((s) => [s.name, s.detail]), [
    ['Meeting details', undefined],
    ['Pre-meeting socializing', '15:30 UTC'],
    ['Meeting start', '16:00 UTC'],
    ['Meeting end', '17:20 UTC'],
    ['End', '17:20 UTC'],
  ]);
  assert.equal(symbols[3]!.children![0]!.name, 'Welcome');
  assert.deepEqual(symbols.map((s) => s.kind), [SymbolKind.Object, SymbolKind.Module, SymbolKind.Event, SymbolKind.Event, SymbolKind.Event, SymbolKind.Event]);
  assert.deepEqual(new Set(symbols[0]!.children!.map((c) => c.kind)), new Set([SymbolKind.Key]));
  assert.equal(symbols[3]!.children![0]!.kind, SymbolKind.Module);
});

test('outline names are plain text: a project board heading reads as its name, emphasis and code marks go', () => {
  const opened = open(
    '---\nlayout: page\nmeeting_time: 2025-03-12 17:00 UTC\n---\n## 17:00 UTC – **Meeting** start\n### [CPAN Security Advisory Database](https://github.com/orgs/CPAN-Security/projects/4)\n### The `perl` _core_\n',
  );
  const symbols = opened.service.documentSymbols(opened.fixture.document, opened.knowledge);
  const start = symbols[1]!;
  assert.deepEqual([start.name, start.detail, start.kind], ['Meeting start', '17:00 UTC', SymbolKind.Event]);
  assert.deepEqual(start.children!.map((c) => [c.name, c.kind]), [
    ['CPAN Security Advisory Database', SymbolKind.Package],
    ['The perl core', SymbolKind.Module],
  ]);
});

test('folding covers the front matter, sections and list items with sub-items', () => {
  const opened = open(corpus('cpansec-minutes-2024-11-15.md'));
  const ranges = opened.service.foldingRanges(opened.fixture.document, opened.knowledge);
  assert.deepEqual(ranges[0], { startLine: 0, endLine: 5, kind: 'region' });
  // "### Welcome" (line 19 in an editor, 18 from zero) folds to its last item.
  assert.ok(ranges.some((r) => r.startLine === 18 && r.endLine === 22), JSON.stringify(ranges.slice(0, 12)));
});

test('handles of known members link to their GitHub profile; project links to their board', () => {
  const opened = open('---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\n---\n* @sjn, @robrwo and @stranger\n1. [CPAN Transparency Logs](https://github.com/orgs/CPAN-Security/projects/2)\n', undefined, {
    files: { '_data/authors.yml': authors },
  });
  const links = opened.service.documentLinks(opened.fixture.document, opened.knowledge);
  assert.deepEqual(links.map((l) => [l.target, l.tooltip]), [
    ['https://github.com/sjn', 'Salve J. Nilsen on GitHub'],
    ['https://github.com/robrwo', 'Robert Rothenberg on GitHub'],
    ['https://github.com/orgs/CPAN-Security/projects/2', 'Project board: CPAN Transparency Logs'],
  ]);
});

test('references and rename of a handle reach every minutes file, in any letter case', () => {
  const files = {
    'meetings/cpansec-minutes-2024-07-03.md': '---\nlayout: page\nmeeting_time: 2024-07-03 17:00 UTC\n---\n1. @Tux mentioned the fallback\n',
    'meetings/cpansec-minutes-2024-07-18.md': '---\nlayout: page\nmeeting_time: 2024-07-18 17:00 UTC\n---\n1. @tux and @sjn\n',
  };
  const opened = open('---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\n---\n* @$0tux will write, @tux reviews\n', undefined, { files });
  const { service, fixture, knowledge, readText } = opened;
  const references = service.references(fixture.document, fixture.position, knowledge, readText);
  assert.equal(references.length, 4);
  assert.deepEqual(new Set(references.map((r) => r.uri.slice(r.uri.lastIndexOf('/') + 1))), new Set(['cpansec-minutes-2024-11-15.md', 'cpansec-minutes-2024-07-03.md', 'cpansec-minutes-2024-07-18.md']));
  assert.deepEqual(service.prepareRename(fixture.document, fixture.position, knowledge)?.placeholder, 'tux');
  const edit = service.rename(fixture.document, fixture.position, '@Tux', knowledge, readText)!;
  const all = Object.values(edit.changes!).flat();
  assert.equal(all.length, 4);
  assert.ok(all.every((e) => e.newText === 'Tux'));
  assert.equal(service.rename(fixture.document, fixture.position, 'not a handle!', knowledge, readText), null);
});

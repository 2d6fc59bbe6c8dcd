import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { check } from '../support/service';
import { expandSnippet } from '../support/snippets';

type Snippet = { prefix: string | string[]; body: string[]; description: string; scope: string };
const snippets: Record<string, Snippet> = JSON.parse(readFileSync('snippets/minutes.code-snippets', 'utf8'));
const authors = readFileSync('test/fixtures/cpansec/_data/authors.yml', 'utf8');
const body = (name: string) => snippets[name]!.body.join('\n');

/** The whole meeting file with the values a secretary would type. */
const meeting = expandSnippet(
  body('Minutes: new meeting file'),
  { 1: '2024-12-04', 2: '17:00', 7: '@sjn, @timlegge, @stigtsp', 10: 'PR#120', 11: '@sjn', 26: 'Wednesday 2024-12-18', 5: 'timlegge', 6: 'sjn', 24: 'oalders', 25: 'sjn' },
  { CURRENT_YEAR: '2024', CURRENT_MONTH: '12', CURRENT_DATE: '04' },
);
const PATH = 'meetings/cpansec-minutes-2024-12-04.md';
const site = { files: { '_data/authors.yml': authors }, now: new Date('2024-12-10T12:00:00Z') };

test('every snippet is for Markdown, with a prefix and a description', () => {
  assert.deepEqual(Object.keys(snippets).length, 6);
  for (const [name, snippet] of Object.entries(snippets)) {
    assert.equal(snippet.scope, 'markdown', name);
    assert.ok(snippet.description.length > 10, name);
    assert.ok([snippet.prefix].flat().every((p) => /^[a-z-]+$/.test(p)), name);
  }
});

test('the new-meeting snippet, filled in, is a meeting file our own server finds nothing wrong with', () => {
  assert.match(meeting, /^---\nlayout: page\ntoc: true\nmeeting_time: 2024-12-04 17:00 UTC\ntitle: Minutes 2024-12-04\n---\n/);
  assert.match(meeting, /## 17:00 UTC – Meeting start/);
  assert.match(meeting, /\*   Meeting chair: @timlegge\n\*   Meeting secretary: @sjn/);
  assert.deepEqual(check(meeting, PATH, site).diagnostics.map((d) => `${d.code}: ${d.message}`), []);
});

for (const name of ['Minutes: attendees block', 'Minutes: project summary list', 'Minutes: action item', 'Minutes: next meeting line', 'Minutes: agenda time heading']) {
  test(`the snippet "${name}", filled in and placed in a meeting file, adds no diagnostics`, () => {
    const samples: Record<string, Record<number, string>> = {
      'Minutes: attendees block': { 1: '@sjn, @tux', 2: '@leont', 3: 'none' },
      'Minutes: project summary list': Object.fromEntries(Array.from({ length: 9 }, (_, i) => [i + 1, 'no update'])),
      'Minutes: action item': { 1: 'stigtsp', 2: 'ask the PAUSE admins' },
      'Minutes: next meeting line': { 1: 'Wednesday', 2: '2024-12-18', 3: '17:00' },
      'Minutes: agenda time heading': { 1: '17:50', 2: 'Meeting end' },
    };
    const values = samples[name]!;
    const piece = expandSnippet(body(name), values);
    const at = name === 'Minutes: agenda time heading' ? meeting.indexOf('## 18:00 UTC – Meeting end') : meeting.indexOf('### Ongoing vulnerabilities');
    const text = `${meeting.slice(0, at)}${piece}\n\n${meeting.slice(at)}`;
    assert.ok(text.includes(piece));
    assert.deepEqual(check(text, PATH, site).diagnostics.map((d) => `${d.code}: ${d.message}`), []);
  });
}

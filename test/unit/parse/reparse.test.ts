import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseMinutes, type LineTokenCache } from '../../../server/src/service/parse/parseMinutes';
import { reparseMinutes } from '../../../server/src/service/parse/reparse';
import { fixture } from '../../support/fixture';

const URI = 'file:///site/meetings/cpansec-minutes-2024-11-15.md';
const REAL = readFileSync('test/fixtures/cpansec/meetings/cpansec-minutes-2024-11-15.md', 'utf8');

/** Parses `before` with a line cache, applies `edit` at the `$0` range and patches. */
function patched(marked: string, insert: string) {
  const f = fixture(marked);
  const [start = 0, end = start] = f.offsets;
  const after = f.text.slice(0, start) + insert + f.text.slice(end);
  const cache: LineTokenCache = { lines: new Map() };
  const previous = parseMinutes(f.text, URI, 1, cache);
  const patch = reparseMinutes(previous, after, 2, cache);
  return { model: patch?.model ?? null, patch: patch?.patch ?? null, fresh: parseMinutes(after, URI, 2), cache };
}

/** The real 2024-11-15 minutes with `$0` markers put around `needle`'s first occurrence. */
function markedAround(needle: string, text = REAL): string {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return `${text.slice(0, at)}$0${needle}$0${text.slice(at + needle.length)}`;
}

test('typing inside a line patches the model, equal to a fresh parse', () => {
  const { model, fresh } = patched(markedAround('@stigtsp'), '@stigsp');
  assert.ok(model, 'patched, not parsed again');
  assert.deepEqual(model, fresh);
  assert.ok(model.handles.some((h) => h.name === 'stigsp'));
});

test('new lines and deleted lines move every later token, heading and list item', () => {
  const inserted = patched(markedAround('### Welcome'), '- [ ] @sjn to draft the CRA note\n    - 2024-12-01 deadline\n\n### Welcome');
  assert.ok(inserted.model);
  assert.deepEqual(inserted.model, inserted.fresh);
  // "### Welcome" is line 19 (index 18); it became four lines.
  assert.deepEqual(inserted.patch, { previousVersion: 1, firstLine: 18, previousLastLine: 18, lastLine: 21, headingsChanged: true });
  const deleted = patched(markedAround('### Welcome'), '');
  assert.ok(deleted.model);
  assert.deepEqual(deleted.model, deleted.fresh);
});

test('changing indentation re-nests the list items around the edit', () => {
  const text = '---\nmeeting_time: 2024-11-15 16:00 UTC\n---\n\n## Agenda\n\n- [ ] CRA\n$0- [ ] @sjn\n- [x] done\n';
  const { model, fresh } = patched(text, '    ');
  assert.ok(model);
  assert.deepEqual(model, fresh);
  assert.equal(model.listItems[1]!.parent, 0);
});

test('edits that can change how other lines are read parse afresh', () => {
  const body = '---\nmeeting_time: 2024-11-15 16:00 UTC\n---\n\n## Agenda\n\n- [ ] @sjn\n$0\n- [ ] @tina\n';
  for (const insert of ['```', '~~~', '<!--', '-->']) {
    const { model, fresh } = patched(body, insert);
    assert.equal(model, null, insert);
    assert.ok(fresh);
  }
  assert.equal(patched('---\nmeeting_time: $02024-11-15$0 16:00 UTC\n---\n\n- [ ] @sjn\n', '2024-11-16').model, null, 'front matter');
  assert.equal(patched('---\nmeeting_time: 2024-11-15 16:00 UTC\n---\n$0\n- [ ] @sjn\n', 'x').model, null, 'the first body line');
  const fenced = '---\nmeeting_time: 2024-11-15 16:00 UTC\n---\n\n```\n@sjn\n$0\n```\n- [ ] @tina\n';
  assert.equal(patched(fenced, 'x').model, null, 'inside a fence');
});

test('the line states follow the edit, so the next edit can patch again', () => {
  const { model, cache } = patched(markedAround('### Welcome'), 'line one\nline two\n### Welcome');
  assert.ok(model);
  assert.equal(cache.plain?.length, model.lineStarts.length);
  const again = model.text.replace('line two', 'line 2');
  assert.deepEqual(reparseMinutes(model, again, 3, cache)?.model, parseMinutes(again, URI, 3));
});

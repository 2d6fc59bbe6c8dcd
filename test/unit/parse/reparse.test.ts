import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseMinutes, type LineTokenCache } from '../../../server/src/service/parse/parseMinutes';
import { reparseMinutes } from '../../../server/src/service/parse/reparse';
import { fixture } from '../../support/fixture';
import { generateDocument, Random } from './markdownDocuments';

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
  assert.equal(cache.states?.length, model.lineStarts.length);
  assert.equal(cache.containers?.length, model.lineStarts.length);
  const again = model.text.replace('line two', 'line 2');
  assert.deepEqual(reparseMinutes(model, again, 3, cache)?.model, parseMinutes(again, URI, 3));
});

const FRONT = '---\nmeeting_time: 2024-11-15 16:00 UTC\n---\n';

test('an underline typed under a line makes it a heading: the patch starts at the text above', () => {
  const text = `${FRONT}\n## Welcome\n\nAttendees\n$0\n- @sjn\n`;
  const { model, patch, fresh } = patched(text, '=========');
  assert.ok(model, 'patched, not parsed again');
  assert.deepEqual(model, fresh);
  assert.deepEqual(
    model.headings.map((h) => [h.level, h.line, h.title]),
    [
      [2, 4, 'Welcome'],
      [1, 6, 'Attendees'],
    ],
  );
  assert.deepEqual(model.headings[1]!.span, { start: text.indexOf('Attendees'), end: text.indexOf('Attendees') + 'Attendees\n========='.length });
  assert.deepEqual(patch, { previousVersion: 1, firstLine: 6, previousLastLine: 7, lastLine: 7, headingsChanged: true });
  // Taken away again, the heading goes.
  const undone = patched(`${FRONT}\n## Welcome\n\nAttendees\n$0---$0\n- @sjn\n`, '');
  assert.ok(undone.model);
  assert.deepEqual(undone.model, undone.fresh);
  assert.deepEqual(undone.model.headings.map((h) => h.title), ['Welcome']);
});

test('a setext heading over two lines, an agenda time in it, and one inside a list item', () => {
  const model = parseMinutes(`${FRONT}Quick summary\nof current work\n---\n\n17:00 UTC – Meeting start\n=====\n\n- Regrets\n  ---\n`, URI, 1);
  assert.deepEqual(
    model.headings.map((h) => [h.level, h.line, h.title, h.label]),
    [
      [2, 3, 'Quick summary\nof current work', 'Quick summary\nof current work'],
      [1, 7, '17:00 UTC – Meeting start', 'Meeting start'],
      [2, 10, 'Regrets', 'Regrets'],
    ],
  );
  assert.equal(model.headings[1]!.time?.hour, 17);
  assert.deepEqual(model.listItems.map((item) => item.line), [10]);
});

test('--- is front matter at the top, a heading underline under text, a thematic break after a blank line', () => {
  const model = parseMinutes(`${FRONT}\nNotes\n---\n\n---\n\n* item\n---\n`, URI, 1);
  assert.deepEqual(model.headings.map((h) => [h.level, h.title]), [[2, 'Notes']]);
  assert.deepEqual(model.listItems.map((item) => item.line), [9]);
});

test('indented code holds no handles; an indented line under text, or under an item, is not code', () => {
  const model = parseMinutes(`${FRONT}\n    @inCode and [x](y) # not a heading\n\ntext\n    @continues\n\n- item\n\n    @inItem\n\n1.  item\n\n        @inCodeInItem\n`, URI, 1);
  assert.deepEqual(model.handles.map((h) => h.name), ['continues', 'inItem']);
  assert.deepEqual(model.links, []);
  assert.deepEqual(model.headings, []);
});

test('a blank line typed above indented text turns it into code, and back', () => {
  const text = `${FRONT}\n## Notes\n\nsee below$0\n    @sjn said so\n\n## Next\n`;
  const { model, fresh, patch } = patched(text, '\n');
  assert.ok(model, 'patched, not parsed again');
  assert.deepEqual(model, fresh);
  assert.deepEqual(model.handles, []);
  // Reading goes on past the change to where the structure is again what it was: the blank line after the code.
  assert.deepEqual(patch, { previousVersion: 1, firstLine: 6, previousLastLine: 8, lastLine: 9, headingsChanged: false });
  const back = patched(`${FRONT}\n## Notes\n\nsee below$0\n$0    @sjn said so\n`, '');
  assert.ok(back.model);
  assert.deepEqual(back.model, back.fresh);
  assert.deepEqual(back.model.handles.map((h) => h.name), ['sjn']);
});

test('reference links take their targets from the definitions, wherever they are', () => {
  const text = `${FRONT}\n- [board 3][Supply chain] and [Supply Chain], [supply  chain][]\n- [no such][label] [x]\n\n[supply chain]: https://github.com/orgs/CPAN-Security/projects/3 "Board"\n[supply chain]: https://example.org/second\n`;
  const model = parseMinutes(text, URI, 1);
  assert.deepEqual(
    model.links.map((l) => [l.text, l.target, l.reference, l.project?.number, text.slice(l.targetSpan.start, l.targetSpan.end)]),
    [
      ['board 3', 'https://github.com/orgs/CPAN-Security/projects/3', 'SUPPLY CHAIN', 3, 'https://github.com/orgs/CPAN-Security/projects/3'],
      ['Supply Chain', 'https://github.com/orgs/CPAN-Security/projects/3', 'SUPPLY CHAIN', 3, 'https://github.com/orgs/CPAN-Security/projects/3'],
      ['supply  chain', 'https://github.com/orgs/CPAN-Security/projects/3', 'SUPPLY CHAIN', 3, 'https://github.com/orgs/CPAN-Security/projects/3'],
    ],
  );
  assert.deepEqual(model.links.map((l) => l.line), [4, 4, 4]);
  // A definition is no text: no date, no handle in it.
  assert.deepEqual(parseMinutes(`${FRONT}\n[m]: cpansec-minutes-2024-01-06.md "by @sjn"\n`, URI, 1).dates, []);
});

test('autolinks are links; an e-mail autolink goes to mailto:', () => {
  const model = parseMinutes(`${FRONT}\n* See <https://security.metacpan.org/> or write <cpansec@perl.org>, not \`<https://x.org>\`\n`, URI, 1);
  assert.deepEqual(
    model.links.map((l) => [l.text, l.target]),
    [
      ['https://security.metacpan.org/', 'https://security.metacpan.org/'],
      ['cpansec@perl.org', 'mailto:cpansec@perl.org'],
    ],
  );
});

test('edits near reference links patch when they leave definitions and references alone, and parse afresh when not', () => {
  const board = 'https://github.com/orgs/CPAN-Security/projects/3';
  const text = `${FRONT}\n## Boards\n\n- [Supply chain] is moving\n- @sjn\n\n[supply chain]: ${board}\n\n## After\n\n- [supply chain][] again\n`;
  // A new line between the references and the definition: the definition's place moves for the references below it only.
  const between = patched(markedAround('- @sjn', text), '- @sjn\n- @tux is new');
  assert.ok(between.model, 'patched, not parsed again');
  assert.deepEqual(between.model, between.fresh);
  // Between the definition and a reference below it: that reference's target stays where it is.
  const below = patched(markedAround('## After', text), '## After the break\n\nMore text.');
  assert.ok(below.model, 'patched, not parsed again');
  assert.deepEqual(below.model, below.fresh);
  // Typing in a line with a reference, or in a definition, parses afresh.
  assert.equal(patched(markedAround(' is moving', text), ' is moving along').model, null);
  assert.equal(patched(markedAround('projects/3', text), 'projects/4').model, null);
});

test('typing Markdown structure into generated documents: every patched model equals a fresh parse', () => {
  const random = new Random(Number(process.env.MINUTES_FUZZ_SEED ?? 20241211));
  const pieces = ['=', '-', '---', '===', ' ', '    ', '\n', '\n\n', '> ', '- ', '1. ', '2) ', '* ', '# ', '[cra]', '[cra]: https://example.org/cra', '[x][sbom]', '<https://a.org>', '@sjn', 'text', ''];
  let patches = 0;
  const documents = Number(process.env.MINUTES_FUZZ_RUNS ?? 40) * 3;
  for (let document = 0; document < documents; document++) {
    let text = generateDocument(random);
    const cache: LineTokenCache = { lines: new Map() };
    let model = parseMinutes(text, URI, 1, cache);
    for (let version = 2; version < 10; version++) {
      const at = random.int(0, text.length);
      const next = text.slice(0, at) + random.pick(pieces) + text.slice(Math.min(text.length, at + random.int(0, 3)));
      const result = reparseMinutes(model, next, version, cache);
      const fresh = parseMinutes(next, URI, version);
      if (result) {
        patches++;
        assert.deepEqual(result.model, fresh, `document ${document}, version ${version}:\n${next}`);
        model = result.model;
      } else model = parseMinutes(next, URI, version, cache);
      text = next;
    }
  }
  // Most edits patch: reading again from a saved state is the common path.
  assert.ok(patches > documents * 4, `${patches} of ${documents * 8} edits patched`);
});

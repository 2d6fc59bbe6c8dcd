import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { assertFix } from '../../support/fixes';
import { check } from '../../support/service';

const authors = readFileSync('test/fixtures/cpansec/_data/authors.yml', 'utf8');
const front = '---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15\n---\n';

test('"Add @karjala to _data/authors.yml" appends an entry written as the roster writes them: its indent, a blank line between entries, github:', () => {
  const diagnostic = assertFix(`${front}\n* Guests: $0@karjala$0\n`, `${authors}\nkarjala:\n  github: karjala\n`, {
    files: { '_data/authors.yml': authors },
    code: 'unknown-handle',
    title: 'Add @karjala to _data/authors.yml',
    edits: '_data/authors.yml',
  });
  assert.equal(diagnostic.severity, 3);
  const checked = check(`${front}\n* Guests: @karjala\n`, undefined, { files: { '_data/authors.yml': authors } });
  const [add] = checked.actions(checked.of('unknown-handle')[0]!);
  assert.equal(add!.title, 'Add @karjala to _data/authors.yml');
  assert.equal(add!.isPreferred, false, 'a choice, never part of Fix all');
});

test('a roster with four spaces, CRLF, no blank lines, no final line end and no github: gets its entry in that style', () => {
  const roster = 'sjn:\r\n    name: Salve J. Nilsen\r\nleont:\r\n    name: Leon Timmermans';
  assertFix(`${front}\n* Guests: $0@Miyagawa$0\n`, `${roster}\r\nMiyagawa:\r\n    name: Miyagawa\r\n`, {
    files: { '_data/authors.yml': roster },
    code: 'unknown-handle',
    title: 'Add @Miyagawa to _data/authors.yml',
    edits: '_data/authors.yml',
  });
});

test('a handle YAML would read as another type is quoted; a file ending in a blank line gets no second one', () => {
  const roster = 'sjn:\n  github: sjn\n\nleont:\n  github: leont\n\n';
  assertFix(`${front}\n* Guests: $0@no$0\n`, `${roster}"no":\n  github: "no"\n`, {
    files: { '_data/authors.yml': roster },
    code: 'unknown-handle',
    title: 'Add @no to _data/authors.yml',
    edits: '_data/authors.yml',
  });
});

test('a short handle that may be someone else offers the changes and the addition; a likely typo of a member only the change; no roster, no addition', () => {
  const files: Record<string, string> = { '_data/authors.yml': authors };
  const titles = (text: string, workspace = { files }) => {
    const checked = check(`${front}\n${text}\n`, undefined, workspace);
    return checked.of('unknown-handle').map((d) => checked.actions(d).map((a) => a.title));
  };
  assert.deepEqual(titles('* @stigsp'), [['Change to @stigtsp']]);
  assert.deepEqual(titles('* @leo'), [['Change to @leont']]);
  assert.deepEqual(titles('* @sjx'), [['Change to @sjn', 'Change to @sjm', 'Add @sjx to _data/authors.yml']]);
  assert.deepEqual(titles('* @karjala', { files: {} }), [[]]);
});

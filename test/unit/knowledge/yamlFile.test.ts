import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { parseAuthors, parseAuthorsSteps } from '../../../server/src/service/knowledge/authors';
import { parseYamlFile } from '../../../server/src/service/knowledge/yamlFile';
import { runStepsInTurns } from '../../../server/src/service/steps';

test('a key written twice in one map is an error at the second one, in any map of the file', () => {
  const text = 'sjn:\n  name: Salve\nstigtsp:\n  name: Stig\n  name: Stig P.\nsjn:\n  name: Again\n';
  const { problems } = parseYamlFile(text, 'file:///site/_data/authors.yml', '_data/authors.yml', 'Minutes keeps the members it knew.');
  const message = '_data/authors.yml is not valid YAML: Map keys must be unique. Minutes keeps the members it knew.';
  assert.deepEqual(
    problems.map((p) => [p.span.start, text.slice(p.span.start, p.span.end), p.message]).sort((a, b) => Number(a[0]) - Number(b[0])),
    [
      [text.indexOf('  name: Stig P.') + 2, 'name', message],
      [text.lastIndexOf('sjn:'), 'sjn', message],
    ],
  );
});

test('20,000 members with no duplicate: no problem, and the check is one pass (a set, not pairs)', () => {
  const text = Array.from({ length: 20_000 }, (_, i) => `member${i}:\n  name: Member ${i}\n`).join('');
  const { problems, doc } = parseYamlFile(text, 'file:///site/_data/authors.yml', '_data/authors.yml', '');
  assert.deepEqual(problems, []);
  assert.deepEqual((doc.toJS() as Record<string, unknown>)['member19999'], { name: 'Member 19999' });
});

// The knowledge files are parsed through the yaml package's streaming API (lexer, parser,
// composer) so that the work can stop between tokens: it must read every file as the
// package's own parseDocument does.
const SAME_AS_PARSE_DOCUMENT: Record<string, string> = {
  'the 2024 roster': readFileSync('test/fixtures/cpansec-corpus/_data/authors.yml', 'utf8'),
  'a site config': readFileSync('test/fixtures/cpansec/_config.yml', 'utf8'),
  'an empty file': '',
  'comments only': '# nobody yet\n',
  'a document start and end': '---\nsjn:\n  name: Salve\n...\n',
  'anchors and aliases': 'base: &base\n  github: sjn\nsjn:\n  <<: *base\n  name: Salve\n',
  'a tab for indentation': 'sjn:\n\tname: Salve\n',
  'an unclosed quote': 'sjn:\n  name: "Salve\n',
  'a flow map left open': 'sjn: { name: Salve\n',
  'two documents': 'sjn:\n  name: Salve\n---\nstigtsp:\n  name: Stig\n',
  'a lone CR and a BOM': '\uFEFFsjn:\r  name: Salve\r\n',
};

for (const [what, text] of Object.entries(SAME_AS_PARSE_DOCUMENT)) {
  test(`read in steps, ${what} gives what parseDocument gives: the same values and the same errors at the same places`, () => {
    const expected = parseDocument(text, { version: '1.1', prettyErrors: false, uniqueKeys: false });
    const { doc } = parseYamlFile(text, 'file:///site/_data/authors.yml', '_data/authors.yml', '');
    assert.deepEqual(doc.toJS(), expected.toJS());
    assert.deepEqual(
      doc.errors.map((e) => [e.code, e.pos]),
      expected.errors.map((e) => [e.code, e.pos]),
    );
    assert.deepEqual(doc.range, expected.range);
  });
}

test('a roster of 20,000 members is read in steps of bounded size: run a step at a time, it pauses hundreds of times and gives the same members', async () => {
  const text = Array.from({ length: 20_000 }, (_, i) => `member${i}:\n  name: Member ${i}\n`).join('');
  let pauses = 0;
  // A turn of 0 ms: a pause after every step, so the count of pauses is the count of steps.
  const inTurns = await runStepsInTurns(parseAuthorsSteps(text, 'file:///site/_data/authors.yml'), async () => void pauses++, 0);
  assert.deepEqual(inTurns, parseAuthors(text, 'file:///site/_data/authors.yml'));
  assert.equal(inTurns.members.length, 20_000);
  // 240,000 tokens at 2,000 a step and 20,000 members at 500 a step.
  assert.equal(pauses, 240_000 / 2_000 + 20_000 / 500);
});

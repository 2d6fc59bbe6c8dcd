import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseYamlFile } from '../../../server/src/service/knowledge/yamlFile';

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

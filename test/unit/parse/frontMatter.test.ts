import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMinutes } from '../../../server/src/service/parse/parseMinutes';
import { fixture } from '../../support/fixture';

const URI = 'file:///site/meetings/cpansec-minutes-2024-03-27.md';

test('front matter after a byte-order mark is found, with ranges for every key and value', () => {
  const f = fixture('\uFEFF---\nlayout: single\nmeeting_time: $0March 27th, 2024 17:00 UTC$0\ntitle: Minutes 2024-03-27\n---\n\n## Meeting details\n');
  const model = parseMinutes(f.text, URI, 1);
  assert.equal(model.hasBom, true);
  assert.ok(model.frontMatter);
  assert.deepEqual([...model.frontMatter.entries.keys()], ['layout', 'meeting_time', 'title']);
  const entry = model.frontMatter.entries.get('meeting_time')!;
  assert.deepEqual(entry.valueSpan, { start: f.offsets[0], end: f.offsets[1] });
  assert.equal(f.text.slice(entry.keySpan.start, entry.keySpan.end), 'meeting_time');
  assert.equal(model.headings[0]?.title, 'Meeting details');
});

test('CRLF line ends do not hide the front matter or shift its ranges', () => {
  const text = '---\r\nlayout: page\r\nmeeting_time: 2024-11-15 16:00 UTC\r\n---\r\n# Minutes 2024-11-15\r\n';
  const model = parseMinutes(text, URI, 1);
  assert.equal(model.eol, '\r\n');
  const entry = model.frontMatter!.entries.get('meeting_time')!;
  assert.equal(text.slice(entry.valueSpan.start, entry.valueSpan.end), '2024-11-15 16:00 UTC');
  assert.equal(model.headings[0]?.title, 'Minutes 2024-11-15');
  assert.equal(model.frontMatter!.terminated, true);
});

test('an unterminated block is reported as such and keeps what parsed', () => {
  const model = parseMinutes('---\nlayout: page\ntitle: Minutes\n\n# Minutes\n', URI, 1);
  assert.equal(model.frontMatter?.terminated, false);
  assert.ok(model.frontMatter?.entries.has('layout'));
});

test('a YAML error is located where YAML says', () => {
  const f = fixture('---\nlayout: page\ntitle: "Minutes$0\nmeeting_time: 2024-11-15\n---\n');
  const model = parseMinutes(f.text, URI, 1);
  assert.ok(model.frontMatter!.errors.length > 0);
  assert.ok(model.frontMatter!.errors[0]!.span.start >= f.offsets[0]! - 20);
});

test('a file without a leading --- has no front matter', () => {
  const model = parseMinutes('# Minutes 2024-01-06\n\n---\n\nlayout: x\n', URI, 1);
  assert.equal(model.frontMatter, null);
  assert.equal(model.bodyStart, 0);
});

test('an empty value gets an empty span after the key', () => {
  const model = parseMinutes('---\nmeeting_time:\n---\n', URI, 1);
  const entry = model.frontMatter!.entries.get('meeting_time')!;
  assert.ok(entry.valueSpan.end >= entry.valueSpan.start);
});

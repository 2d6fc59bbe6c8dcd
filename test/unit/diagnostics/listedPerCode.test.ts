// A generated or pasted file can hold a hundred thousand findings of one kind: a document
// lists at most MAX_LISTED_PER_CODE of each code, and one more finding counts the rest.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_LISTED_PER_CODE } from '../../../server/src/service/features/diagnostics/diagnose';
import { check } from '../../support/service';

const AUTHORS = 'sjn:\n  name: Salve J. Nilsen\n';

function minutesWith(strangers: number): string {
  const items = Array.from({ length: strangers }, (_, i) => `- @stranger${i} asked a question`).join('\n');
  return `---\nlayout: page\nmeeting_time: 2024-11-15 17:00 UTC\n---\n# Minutes\n\n## Attendees\n\n- @sjn\n\n## Notes\n\n${items}\n`;
}

test(`past ${MAX_LISTED_PER_CODE} findings of one code, one more says how many were left out`, () => {
  const checked = check(minutesWith(MAX_LISTED_PER_CODE + 120), undefined, { files: { '_data/authors.yml': AUTHORS } });
  const handles = checked.of('unknown-handle');
  assert.equal(handles.length, MAX_LISTED_PER_CODE + 1);
  const last = handles[handles.length - 1]!;
  assert.equal(last.message, `120 more unknown-handle findings in this file are not listed (at most ${MAX_LISTED_PER_CODE} of one kind are).`);
  assert.deepEqual(last.range, handles[handles.length - 2]!.range);
  // The listed ones are the first in the document.
  assert.ok(handles[0]!.message.startsWith('@stranger0 '), handles[0]!.message);
});

test(`${MAX_LISTED_PER_CODE} findings or fewer are listed as they are`, () => {
  const handles = check(minutesWith(MAX_LISTED_PER_CODE), undefined, { files: { '_data/authors.yml': AUTHORS } }).of('unknown-handle');
  assert.equal(handles.length, MAX_LISTED_PER_CODE);
  assert.ok(handles.every((d) => d.message.startsWith('@stranger')));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../support/service';

const front = '---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15\n---\n';

test('time headings running backwards are reported on the later heading\'s time', () => {
  const checked = check(`${front}\n## 15:30 UTC – Pre-meeting socializing\n\n## 16:00 UTC – Meeting start\n\n## $017:20 UTC$0 – Meeting end\n\n## 17:00 UTC – End\n`);
  const [diagnostic, ...rest] = checked.of('time-order');
  assert.equal(rest.length, 0);
  assert.equal(checked.fixture.document.getText(diagnostic!.range), '17:00 UTC');
  assert.match(diagnostic!.message, /earlier than the heading before it/);
});

test('the corpus order (equal end times, 18:07 then 18:30) is fine', () => {
  const checked = check(`${front}\n## 15:30 UTC – Pre-meeting socializing\n## 16:00 UTC – Meeting start\n## 17:20 UTC – Meeting end\n## 17:20 UTC – End\n`);
  assert.deepEqual(checked.of('time-order'), []);
});

test('the start heading must agree with meeting_time; the fix rewrites the heading', () => {
  const checked = check(`${front}\n## 16:30 UTC – Pre-meeting socializing\n## 17:00 UTC – Meeting start\n## 18:00 UTC – Meeting end\n`);
  const [diagnostic] = checked.of('time-order');
  assert.match(diagnostic!.message, /starts at 16:00 UTC by `meeting_time`, but this heading says 17:00 UTC/);
  assert.match(checked.applyFix(diagnostic!), /## 16:00 UTC – Meeting start/);
});

test('"Meeting begin" counts as the start, and a heading in another zone is compared as a moment', () => {
  const checked = check(`${front}\n## 17:00 CET – Meeting begin\n`);
  assert.deepEqual(checked.of('time-order'), []);
});

test('a meeting running past midnight is in order', () => {
  const late = '---\nlayout: page\nmeeting_time: 2024-11-15 23:00 UTC\ntitle: Minutes 2024-11-15\n---\n';
  const checked = check(`${late}\n## 23:00 UTC – Meeting start\n## 00:15 UTC – Meeting end\n`);
  assert.deepEqual(checked.of('time-order'), []);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyWorkspaceEdit, assertFix } from '../../support/fixes';
import { check, open } from '../../support/service';

test('the start heading\'s fix is the one right answer (preferred, in Fix all) when the agenda times around it agree with meeting_time; otherwise it is offered, not preferred', () => {
  const evening = '---\nlayout: page\nmeeting_time: 2024-11-27 17:00 UTC\ntitle: Minutes 2024-11-27\n---\n';
  const agenda = (start: string) => `${evening}\n## 16:30 UTC – Pre-meeting socializing\n## ${start} UTC – Meeting start\n## 18:00 UTC – Meeting end\n`;
  const diagnostic = assertFix(agenda('$016:00$0'), agenda('17:00'), { code: 'time-order', title: 'Change the heading to 17:00' });
  const checked = check(agenda('16:00'));
  const start = checked.of('time-order').find((d) => d.message === diagnostic.message)!;
  assert.equal(checked.actions(start).find((a) => a.title === 'Change the heading to 17:00')!.isPreferred, true);
  // Out of order too (16:00 after 16:30): that finding has no fix of its own, the start heading's fixes both.
  assert.equal(checked.of('time-order').length, 2);
  const opened = open(agenda('16:00'));
  const [fixAll] = opened.service.codeActions(opened.fixture.document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['source.fixAll'] }, opened.knowledge, opened.settings);
  assert.equal(applyWorkspaceEdit(opened.fixture.document, fixAll!.edit!), agenda('17:00'));

  // The CPANSec 2024-11-27 shape: 15:30 socializing, 16:00 start, meeting_time 17:00. In order as
  // written, so meeting_time may be the slip as well: the fix is offered, not preferred.
  const corpus = `${evening}\n## 15:30 UTC – Pre-meeting socializing\n## 16:00 UTC – Meeting start\n`;
  const [ambiguous] = check(corpus).of('time-order');
  assert.equal(check(corpus).actions(ambiguous!)[0]!.isPreferred, false);
});

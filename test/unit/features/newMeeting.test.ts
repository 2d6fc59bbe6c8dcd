import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseMinutes } from '../../../server/src/service/parse/parseMinutes';
import { allSections } from '../../../server/src/service/parse/sections';
import { carryOver } from '../../../server/src/service/features/newMeeting/carryOver';
import { draftNewMeeting, open, SITE } from '../../support/service';

const corpus = (path: string) => readFileSync(`test/fixtures/cpansec/${path}`, 'utf8');
const MEETINGS = ['2024-01-06', '2024-01-20', '2024-02-10', '2024-02-24', '2024-03-13', '2024-03-27', '2024-04-10', '2024-05-15', '2024-06-05', '2024-06-19', '2024-07-03', '2024-07-18', '2024-11-15'];
const site = Object.fromEntries([
  ...MEETINGS.map((d) => [`meetings/cpansec-minutes-${d}.md`, corpus(`meetings/cpansec-minutes-${d}.md`)]),
  ['meetings/README.md', corpus('meetings/README.md')],
  ['templates/minutes-template.md', corpus('templates/minutes-template.md')],
  ['_data/authors.yml', corpus('_data/authors.yml')],
]);

function carry(text: string): string {
  const model = parseMinutes(text, 'file:///x.md', 0);
  return carryOver(model, { start: 0, end: text.length }).join('\n');
}

test('the group\'s rule: unchecked items with their sub-items carry over; checked items and all under them go', () => {
  const before = [
    '- [x] Set up the Matrix channel – @stigtsp',
    '    - [ ] a stray open sub-item of a done item',
    '    - invited @ingy',
    '- [ ] Write the CNA disclosure – @timlegge',
    '    - first draft shared',
    '    - [x] asked Mitre for the form',
    '        - they sent it',
    '- Information: PTS is in May',
    '    - nothing to do',
  ].join('\n');
  assert.equal(carry(before), ['- [ ] Write the CNA disclosure – @timlegge', '    - first draft shared'].join('\n'));
});

test('information without checkboxes stays behind, project boards carry over with a placeholder (real 2024-03-13 text)', () => {
  const text = corpus('meetings/cpansec-minutes-2024-03-13.md');
  const model = parseMinutes(text, 'file:///x.md', 0);
  const summary = [...allSections(model.sections)].find((s) => s.heading.label === 'Quick summary of current work')!;
  const end = model.headings.find((h) => h.line > summary.heading.line && h.level <= 3)!.span.start;
  const after = carryOver(model, { start: summary.span.start, end }).join('\n');
  assert.equal(after.split('\n').length, 18);
  assert.match(after, /^1\. \[CPAN Metadata & Software Bills of Materials\]\(https:\/\/github\.com\/orgs\/CPAN-Security\/projects\/1\)\n    - …\n2\. \[CPAN Privacy and Compliance\]/);
  assert.doesNotMatch(after, /Cyber Resiliance Act/);
});

test('New Meeting from the 2024-11-15 minutes: the file of 2024-11-27, the template, the topics, the index', () => {
  const opened = open(corpus('meetings/cpansec-minutes-2024-11-15.md'), 'meetings/cpansec-minutes-2024-11-15.md', { files: site });
  const plan = opened.service.newMeeting(null, opened.knowledge, opened.settings, opened.readText);
  assert.ok(plan.ok, plan.ok ? '' : plan.message);
  assert.equal(plan.uri, `${SITE}/meetings/cpansec-minutes-2024-11-27.md`);
  assert.match(plan.text, /^---\nlayout: page\ntoc: true\nmeeting_time: 2024-11-27 17:00 UTC\ntitle: Minutes 2024-11-27\n---\n\n## Meeting details\n/);
  assert.match(plan.text, /## 16:30 UTC –\s+Pre-meeting socializing\n\n## 17:00 UTC – Meeting start\n\n### Welcome\n/);
  assert.match(plan.text, /### TLS\/HTTPS\/CSPRNG\/DSA in core\n\n\*   …\n/);
  assert.doesNotMatch(plan.text, /Crypt::Bear/);
  const changes = plan.edit.documentChanges!;
  assert.deepEqual(changes[0], { kind: 'create', uri: plan.uri, options: { overwrite: false, ignoreIfExists: false } });
  const index = changes[2] as TextDocumentEdit;
  assert.equal(index.textDocument.uri, `${SITE}/meetings/README.md`);
  const readme = TextDocument.create(index.textDocument.uri, 'markdown', 1, site['meetings/README.md']!);
  const updated = TextDocument.applyEdits(readme, index.edits as TextEdit[]);
  // next_meeting_time moves to the new meeting, in the index's own spelling.
  assert.match(updated, /next_meeting_time: November 27th, 2024 17:00 UTC\n/);
  assert.match(updated, /\* \[2024-07-18\]\(cpansec-minutes-2024-07-18\.md\)\n\* \[2024-11-27\]\(cpansec-minutes-2024-11-27\.md\)\n$/);
});

test('chair and secretary come from the election section; agenda times follow the new start', () => {
  const previous = '---\nlayout: page\nmeeting_time: 2025-01-08 17:00 UTC\ntitle: Minutes 2025-01-08\n---\n## 16:30 UTC – Pre-meeting socializing\n\n## 17:04 UTC – Meeting start\n\n### Welcome\n\n*   Meeting chair: @sjn\n*   Meeting secretary: @stigtsp\n\n### Elect next meeting chair and secretary\n\n*   Chair: @oalders\n*   Secretary: @sjn\n\n### Next meeting date, time and location\n\n*   Next meeting is Wednesday 2025-01-22 @ 16:00 UTC\n\n## 18:02 UTC – Meeting end\n';
  const opened = open(previous, 'meetings/cpansec-minutes-2025-01-08.md', { files: { 'templates/minutes-template.md': site['templates/minutes-template.md']! } });
  const plan = opened.service.newMeeting(`${SITE}/meetings/cpansec-minutes-2025-01-08.md`, opened.knowledge, opened.settings, opened.readText);
  assert.ok(plan.ok);
  assert.match(plan.text, /meeting_time: 2025-01-22 16:00 UTC/);
  assert.match(plan.text, /\*   Meeting chair: @oalders\n\*   Meeting secretary: @sjn/);
  assert.match(plan.text, /^## 15:30 UTC – Pre-meeting socializing\n\n## 16:00 UTC – Meeting start\n/m);
  assert.match(plan.text, /\n## 17:00 UTC – Meeting end\n$/);
});

test('an existing next file is not overwritten', () => {
  const opened = open(corpus('meetings/cpansec-minutes-2024-03-27.md'), 'meetings/cpansec-minutes-2024-03-27.md', { files: site });
  const plan = opened.service.newMeeting(`${SITE}/meetings/cpansec-minutes-2024-03-27.md`, opened.knowledge, opened.settings, opened.readText);
  assert.deepEqual(plan, { ok: false, message: 'cpansec-minutes-2024-04-10.md already exists.' });
});

test('New Meeting from the group\'s newest minutes (2024-12-11): their layout and time line, no section the group dropped, the events still ahead', () => {
  const root = 'test/fixtures/cpansec-corpus';
  const files: Record<string, string> = {};
  for (const dir of ['meetings', 'templates', '_data']) for (const name of readdirSync(`${root}/${dir}`)) files[`${dir}/${name}`] = readFileSync(`${root}/${dir}/${name}`, 'utf8');
  const { text, index, plan } = draftNewMeeting(files, 'meetings/cpansec-minutes-2024-12-11.md');
  assert.equal(plan.date, '2025-01-08');
  assert.match(text, /^---\nlayout: single\ntoc: true\nmeeting_time: 2025-01-08 16:00 UTC\ntitle: Minutes 2025-01-08\n---\n\n## Agenda & Meeting Details\n\n\* 2025-01-08 16:00 UTC on #cpansec-discussion on Matrix\n\n## 15:30 UTC –\s+Pre-meeting socializing\n\n\*   …\n\n## 16:00 UTC – Meeting start\n/);
  assert.match(text, /\n## 17:00 UTC – Meeting end\n\n## 17:30 UTC – End\n$/);
  assert.doesNotMatch(text, /Elect next meeting|Quick summary of current work|TPRF Slack/);
  assert.match(text, /#### POSIX::2008 vulnerabilities/);
  assert.match(text, /### Upcoming events and deadlines\n\n1\. \[FOSDEM Fringe 2025\][^\n]*\n    \* Related: \[EU Open Source Week\][^\n]*\n1\. \[FOSDEM 2025\][^\n]*\n1\. \[PTS 2025\]/);
  // The index announced this meeting already, in its own words: only the entry is added.
  assert.match(index!, /next_meeting_time: January 8th, 2025 16:00 UTC\n/);
  assert.match(index!, /\* \[2024-12-11\]\(cpansec-minutes-2024-12-11\.md\)\n\* \[2025-01-08\]\(cpansec-minutes-2025-01-08\.md\)\n/);
});

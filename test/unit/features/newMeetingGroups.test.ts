import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMinutesService, DEFAULT_SETTINGS } from '../../../server/src/service';
import { diagnosticsOf, draftNewMeeting, open, SITE, TEST_NOW, workspaceIndex } from '../../support/service';

/** The Riverside Allotment Society's committee: its own layout, title, roles and index. */
const AUTHORS = 'hana:\n  name: Hana Berg\nole:\n  name: Ole Dahl\nmira:\n  name: Mira Quist\nteo:\n  name: Teo Lund\n';

function committee(date: string, next: string, body = ''): string {
  return [
    '---',
    'layout: page',
    `meeting_time: ${date} 18:00 UTC`,
    'title: Riverside committee minutes',
    '---',
    '',
    '## Attendees',
    '',
    '* @hana, @ole, @mira',
    '* **Scribe**: @mira',
    '',
    '## Apologies',
    '',
    '* @teo',
    '',
    '## Approval of previous minutes',
    '',
    '* Approved by @hana',
    '',
    '## Action items',
    '',
    body || '- [x] @ole - order compost',
    '',
    '## Upcoming events',
    '',
    '* Seed swap - Saturday 2026-03-07',
    '* Open day - Sunday 2026-06-14',
    '',
    '## Any other business',
    '',
    '* (none)',
    '',
    '## Next meeting',
    '',
    `* Next meeting is ${next} @ 18:00 UTC in the shed`,
    '',
  ].join('\n');
}

const OPEN_ITEMS = [
  '- [ ] @ole - fix the gate latch',
  '    - hinge ordered',
  '- [x] @hana - renew the insurance',
  '    - [ ] a stray open box under a done item',
  '',
  '#### Shed::Roof',
  '',
  '+ [ ] @teo - get two quotes',
  '\t+ one from Dahl & Sons',
  '\t\t+ [ ] ask about gutters',
  '+ [x] @mira - clear the moss',
  '',
  '#### Water',
  '',
  '1. [ ] @hana - read the meter',
  '2. [x] @ole - bleed the pipes',
].join('\n');

const INDEX = (next: string, entries: string[]) =>
  ['---', 'layout: page', `next_meeting_time: ${next}`, 'title: Committee', '---', '', '## Minutes', '', ...entries, ''].join('\n');

function site(): Record<string, string> {
  return {
    '_data/authors.yml': AUTHORS,
    // The group's old template: other names, another order, a section since dropped.
    'templates/riverside-minutes-template.md': '---\nlayout: page\nmeeting_time: 2025-01-09 18:00 UTC\ntitle: Minutes 2025-01-09\n---\n\n## Agenda\n\n* …\n\n## Any other business\n\n* …\n\n## Attendees\n\n* Secretary: …\n\n## Treasurer\'s report\n\n* …\n',
    'minutes/riverside-minutes-2026-01-08.md': committee('2026-01-08', 'Thursday 2026-01-22'),
    'minutes/riverside-minutes-2026-01-22.md': committee('2026-01-22', 'Thursday 2026-02-05'),
    'minutes/riverside-minutes-2026-02-05.md': committee('2026-02-05', 'Thursday 2026-02-19'),
    'minutes/riverside-minutes-2026-02-19.md': committee('2026-02-19', 'Thursday 2026-03-19', OPEN_ITEMS),
    'minutes/README.md': INDEX('February 19th 2026 18:00 UTC', ['2026-01-08', '2026-01-22', '2026-02-05', '2026-02-19'].map((d) => `* [${d}](riverside-minutes-${d}.md)`)),
  };
}

test('every open item carries over with its sub-items and the headings above it, at any depth and in any list style; done items and all under them go', () => {
  const { text } = draftNewMeeting(site(), null);
  const actions = text.slice(text.indexOf('## Action items'), text.indexOf('## Upcoming events'));
  assert.equal(
    actions,
    [
      '## Action items',
      '',
      '- [ ] @ole - fix the gate latch',
      '    - hinge ordered',
      '',
      '#### Shed::Roof',
      '',
      '+ [ ] @teo - get two quotes',
      '\t+ one from Dahl & Sons',
      '\t\t+ [ ] ask about gutters',
      '',
      '#### Water',
      '',
      '1. [ ] @hana - read the meter',
      '',
      '',
    ].join('\n'),
  );
  assert.doesNotMatch(text, /insurance|stray open box|moss|bleed/);
});

test('the draft is written as the group writes minutes now: its title, its roles, its section order, the new date and time', () => {
  const { plan, text } = draftNewMeeting(site(), null);
  assert.equal(plan.uri, `${SITE}/minutes/riverside-minutes-2026-03-19.md`);
  assert.match(text, /^---\nlayout: page\nmeeting_time: 2026-03-19 18:00 UTC\ntitle: Riverside committee minutes\n---\n\n## Attendees\n\n\* …\n\* \*\*Scribe\*\*: FIXME\n\n## Apologies\n\n\* …\n\n## Approval of previous minutes\n\n\* Approved by …\n\n## Action items\n/);
  assert.doesNotMatch(text, /secretary|Minutes 2026|Treasurer|## Agenda/i);
  const order = ['Attendees', 'Apologies', 'Approval', 'Action items', 'Upcoming events', 'Any other business', 'Next meeting'].map((s) => text.indexOf(`## ${s}`));
  assert.deepEqual([...order].sort((a, b) => a - b), order);
  assert.match(text, /## Next meeting\n\n\* Next meeting is FIXME\n$/);
});

test('upcoming events before the new meeting stay behind; later ones carry over', () => {
  const { text } = draftNewMeeting(site(), null);
  assert.match(text, /## Upcoming events\n\n\* Open day - Sunday 2026-06-14\n\n/);
  assert.doesNotMatch(text, /Seed swap/);
});

test('the index lists the draft in its own order and spelling, and the draft brings no new warnings', () => {
  const drafted = draftNewMeeting(site(), null);
  assert.equal(
    drafted.index,
    INDEX('March 19th 2026 18:00 UTC', ['2026-01-08', '2026-01-22', '2026-02-05', '2026-02-19', '2026-03-19'].map((d) => `* [${d}](riverside-minutes-${d}.md)`)),
  );
  assert.equal(drafted.plan.indexChange?.summary, 'listed riverside-minutes-2026-03-19.md and moved next_meeting_time to March 19th 2026 18:00 UTC');
  const warnings = diagnosticsOf(drafted.files, 'minutes/riverside-minutes-2026-03-19.md').filter((d) => d.severity! <= 2);
  assert.deepEqual(warnings.map((d) => `${d.code}: ${d.message}`), []);
  assert.deepEqual(diagnosticsOf(drafted.files, 'minutes/README.md').filter((d) => d.severity! <= 2).map((d) => d.message), []);
});

test('run on an older file, New Meeting fills the gap: the index is listed in order and its next_meeting_time does not move back', () => {
  const files = site();
  delete files['minutes/riverside-minutes-2026-01-22.md'];
  files['minutes/README.md'] = INDEX('April 2nd 2026 16:00 UTC', ['2026-02-19', '2026-02-05', '2026-01-08'].map((d) => `* [${d}](riverside-minutes-${d}.md)`));
  const drafted = draftNewMeeting(files, 'minutes/riverside-minutes-2026-01-08.md');
  assert.equal(drafted.plan.date, '2026-01-22');
  assert.equal(drafted.index, INDEX('April 2nd 2026 16:00 UTC', ['2026-02-19', '2026-02-05', '2026-01-22', '2026-01-08'].map((d) => `* [${d}](riverside-minutes-${d}.md)`)));
  assert.equal(drafted.plan.indexChange?.summary, 'listed riverside-minutes-2026-01-22.md');
});

test('an index grouped by year: the entry joins its year\'s list, or starts the new year\'s beside the others', () => {
  const board = (date: string, next: string) => `---\nlayout: page\nmeeting_time: ${date} 17:00 UTC\ntitle: Board ${date}\n---\n\n## Agenda\n\n- [ ] @hana - budget\n\n## Next meeting\n\n- Next meeting is ${next} 17:00 UTC\n`;
  const entry = (date: string) => `- [${date}](board-minutes-${date}.md)`;
  const files: Record<string, string> = {
    '_data/authors.yml': AUTHORS,
    'meetings/board-minutes-2024-12-19.md': board('2024-12-19', '2025-11-20'),
    'meetings/board-minutes-2025-11-20.md': board('2025-11-20', '2025-12-18'),
    'meetings/board-minutes-2025-12-18.md': board('2025-12-18', '2026-01-15'),
    'meetings/README.md': ['---', 'layout: page', 'title: Board minutes', '---', '', '### 2025', '', entry('2025-11-20'), entry('2025-12-18'), '', '### 2024', '', entry('2024-12-19'), ''].join('\n'),
  };
  const first = draftNewMeeting(files, null);
  assert.equal(first.index, ['---', 'layout: page', 'title: Board minutes', '---', '', '### 2026', '', entry('2026-01-15'), '', '### 2025', '', entry('2025-11-20'), entry('2025-12-18'), '', '### 2024', '', entry('2024-12-19'), ''].join('\n'));
  const second = draftNewMeeting(first.files, null);
  assert.match(second.index!, /^### 2026\n\n- \[2026-01-15\]\(board-minutes-2026-01-15\.md\)\n- \[2026-02-12\]\(board-minutes-2026-02-12\.md\)\n\n### 2025\n/m);
});

test('a draft deleted outside the editor is forgotten: the index stops reporting it and New Meeting drafts it again', () => {
  const files = site();
  const first = draftNewMeeting(files, null);
  const index = workspaceIndex(first.files);
  index.remove(first.plan.uri);
  const opened = open(files['minutes/README.md']!, 'minutes/README.md', { files });
  const service = opened.service;
  const again = service.newMeeting(null, index.knowledge(), DEFAULT_SETTINGS, opened.readText);
  assert.ok(again.ok && again.uri === first.plan.uri, again.ok ? again.uri : again.message);
  assert.ok(!index.knowledge().minutesFiles.some((f) => f.uri === first.plan.uri));
  const service2 = createMinutesService({ clock: () => TEST_NOW });
  const page = TextDocument.create(`${SITE}/minutes/README.md`, 'markdown', 1, files['minutes/README.md']!);
  const reported = service2.diagnostics(page, index.knowledge(), DEFAULT_SETTINGS).map((d) => String(d.message));
  assert.ok(!reported.some((m) => m.includes('riverside-minutes-2026-03-19.md')), reported.join('\n'));
});

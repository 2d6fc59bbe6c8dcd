import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { open, type Workspace } from '../../support/service';

const authors = readFileSync('test/fixtures/cpansec/_data/authors.yml', 'utf8');
const front = '---\nlayout: page\nmeeting_time: 2024-11-27 17:00 UTC\ntitle: Minutes 2024-11-27\n---\n';
const history: Workspace = {
  files: {
    '_data/authors.yml': authors,
    'meetings/cpansec-minutes-2024-10-30.md': '---\nlayout: page\nmeeting_time: 2024-10-30 17:00 UTC\n---\n### Attendees\n* @timlegge\n* @ingy\n### Next meeting\n* Next meeting is 2024-11-15 @ 16:00 UTC\n',
    'meetings/cpansec-minutes-2024-11-15.md': '---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\n---\n### Attendees\n* @sjn\n* @ingy\n### Next meeting date, time and location\n*   Next meeting is Wednesday 2024-11-27 @ 17:00UTC in #cpansec-discussion on Matrix\n',
  },
};

function complete(marked: string, path = 'meetings/cpansec-minutes-2024-11-27.md', workspace: Workspace = history): CompletionItem[] {
  const opened = open(marked, path, workspace);
  return opened.service.completions(opened.fixture.document, opened.fixture.position, opened.knowledge, opened.settings);
}

const edited = (item: CompletionItem) => (item.textEdit as { newText: string }).newText;

test('@ offers members, most recent attendees first, then regular attendees, with the name as detail', () => {
  const items = complete(`${front}\n* Attendees: @$0\n`);
  const labels = items.map((i) => i.label);
  assert.deepEqual(labels.slice(0, 2), ['sjn', 'timlegge']);
  assert.ok(items.findIndex((i) => i.label === 'ingy') > items.findLastIndex((i) => i.kind === CompletionItemKind.Constant), 'members before others');
  const sjn = items.find((i) => i.label === 'sjn')!;
  assert.equal(sjn.detail, 'Salve J. Nilsen');
  assert.match(sjn.filterText!, /Salve J\. Nilsen/);
  assert.ok(labels.includes('stigtsp') && labels.includes('robrwo'));
  assert.ok(labels.includes('ingy'), 'established by use');
  assert.ok(labels.includes('all'), 'special handle');
});

test('@ never offers a likely typo of a member, however often it was copied; a regular guest is offered after the members', () => {
  const authors = 'marguerite:\n  name: Marguerite Blanc\nokonkwo:\n  name: Chidi Okonkwo\ntib:\n  name: Tiberius Stone\n';
  const minutes = (date: string, body: string) => [`minutes/board-minutes-${date}.md`, `---\nlayout: page\nmeeting_time: ${date} 18:00 UTC\n---\n${body}`];
  const board: Workspace = {
    files: {
      '_data/authors.yml': authors,
      ...Object.fromEntries([
        minutes('2025-01-15', '## Attendees\n- @margurite\n- @hollis\n- @okonkwo\n'),
        minutes('2025-02-05', '## Attendees\n- @margurite\n- @hollis\n'),
        minutes('2025-02-26', '## Attendees\n- @margurite\n- @hollis\n- @okonkow\n- @tim\n'),
        minutes('2025-03-01', '## Attendees\n- @okonkow\n- @tim\n'),
      ]),
    },
  };
  const items = complete('---\nlayout: page\nmeeting_time: 2025-03-12 18:00 UTC\n---\n## Attendees\n- @$0\n', 'minutes/board-minutes-2025-03-12.md', board);
  const labels = items.map((i) => i.label);
  assert.deepEqual(labels.slice(0, 4), ['okonkwo', 'marguerite', 'tib', 'hollis']);
  assert.ok(!labels.includes('margurite') && !labels.includes('okonkow'), 'likely typos of members');
  assert.ok(!labels.includes('tim'), 'a near miss of a member, even one that may be someone else');
  assert.equal(items.find((i) => i.label === 'hollis')!.detail, 'not in _data/authors.yml');
});

test('no handle completion inside an e-mail address or a URL', () => {
  assert.deepEqual(complete(`${front}\n* write to pause-admin@$0\n`), []);
  assert.deepEqual(complete(`${front}\n* https://fosstodon.org/@$0\n`), []);
});

test('a list item or [ offers whole project links; /projects/ offers board numbers', () => {
  const items = complete(`${front}\n### Quick summary of current work\n\n1.  CPAN Tra$0\n`);
  assert.deepEqual(items.map(edited), ['[CPAN Transparency Logs](https://github.com/orgs/CPAN-Security/projects/2)']);
  const bracket = complete(`${front}\n* see [$0\n`);
  assert.ok(bracket.some((i) => edited(i) === '[CPAN Vulnerability Index](https://github.com/orgs/CPAN-Security/projects/10)'));
  const numbers = complete(`${front}\n1. [x](https://github.com/orgs/CPAN-Security/projects/$0)\n`);
  assert.deepEqual(numbers.find((i) => i.label === '10')?.detail, 'CPAN Vulnerability Index');
});

test('meeting_time proposes the slot the previous minutes announced; title follows the date', () => {
  const items = complete('---\nlayout: page\nmeeting_time: $0\n---\n');
  assert.equal(edited(items[0]!), '2024-11-27 17:00 UTC');
  assert.match(items[0]!.detail!, /Announced as the next meeting in cpansec-minutes-2024-11-15\.md/);
  const title = complete('---\nlayout: page\nmeeting_time: 2024-11-27 17:00 UTC\ntitle: $0\n---\n');
  assert.equal(edited(title[0]!), 'Minutes 2024-11-27');
});

test('without an announcement, the usual cadence after the previous meeting', () => {
  const files = {
    'meetings/cpansec-minutes-2024-10-02.md': '---\nmeeting_time: 2024-10-02 17:00 UTC\n---\n',
    'meetings/cpansec-minutes-2024-10-16.md': '---\nmeeting_time: 2024-10-16 17:00 UTC\n---\n',
    'meetings/cpansec-minutes-2024-10-30.md': '---\nmeeting_time: 2024-10-30 17:00 UTC\n---\n* Next meeting is to be decided\n',
  };
  const items = complete('---\nlayout: page\nmeeting_time: $0\n---\n', 'meetings/cpansec-minutes-2024-11-13.md', { files });
  assert.equal(edited(items[0]!), '2024-11-13 17:00 UTC');
  assert.match(items[0]!.detail!, /usual interval/);
});

test('front-matter keys that are missing', () => {
  const items = complete('---\nlayout: page\n$0\n---\n');
  assert.deepEqual(items.map((i) => i.label).slice(0, 3), ['title', 'meeting_time', 'toc']);
});

test('after ## the template sections still missing, at their level', () => {
  const items = complete(`${front}\n## Meeting details\n## 17:00 UTC – Meeting start\n### Welcome\n\n## $0\n`);
  const labels = items.map((i) => i.label);
  assert.ok(labels.includes('Attendees, absents & regrets'));
  assert.ok(!labels.includes('Welcome'));
  assert.equal(edited(items.find((i) => i.label === 'Attendees, absents & regrets')!), '### Attendees, absents & regrets');
});

test('after ## the sections the group writes now, learned from its recent minutes, not the ones it stopped writing', () => {
  const board = (date: string) =>
    `---\nlayout: page\nmeeting_time: ${date} 18:00 Europe/Oslo\ntitle: Board minutes ${date}\n---\n### Attendees\n\n*   @ingrid\n\n### [Hut Bookings](https://github.com/orgs/Fjord-Trails/projects/5/views/2)\n\n*   …\n\n### Action items\n\n*   [ ] @olav – order gravel\n`;
  const files = {
    'templates/board-minutes-template.md': "---\nlayout: page\nmeeting_time: 2025-01-07 18:00 Europe/Oslo\n---\n### Attendees\n### Treasurer's report\n### Action items\n",
    'meetings/board-minutes-2025-02-04.md': board('2025-02-04'),
    'meetings/board-minutes-2025-02-18.md': board('2025-02-18'),
    'meetings/board-minutes-2025-03-04.md': board('2025-03-04'),
  };
  const items = complete('---\nlayout: page\nmeeting_time: 2025-03-18 18:00 Europe/Oslo\n---\n### Attendees\n\n### $0\n', 'meetings/board-minutes-2025-03-18.md', { files });
  assert.deepEqual(items.map((i) => [i.label, edited(i), i.detail]), [
    ['Hut Bookings', '### [Hut Bookings](https://github.com/orgs/Fjord-Trails/projects/5/views/2)', 'Missing section the recent minutes have'],
    ['Action items', '### Action items', 'Missing section the recent minutes have'],
  ]);
});

test('after a time, zone names, the group\'s zones first', () => {
  const items = complete(`${front}\n* Next meeting is 2024-12-11 @ 17:00 UTC (18:00 $0)\n`);
  assert.equal(items[0]!.label, 'UTC');
  assert.ok(items.slice(0, 6).some((i) => i.label === 'Europe/Amsterdam'));
  assert.ok(items.some((i) => i.label === 'Asia/Tokyo'));
});

test('nothing for Markdown that is not minutes', () => {
  assert.deepEqual(complete('# Notes\n\n@$0\n', 'docs/notes.md'), []);
});

test('@ leaves out whoever the line already names (by handle or alias), not the handle being typed', () => {
  const labels = complete(`${front}\n* Present: @sjn, @rrwo, @Ingy, @ti$0\n* @timlegge elsewhere\n`).map((i) => i.label);
  assert.ok(!labels.includes('sjn') && !labels.includes('robrwo') && !labels.includes('ingy'), labels.join(', '));
  assert.ok(labels.includes('timlegge') && labels.includes('stigtsp'), labels.join(', '));
  assert.equal(labels[0], 'timlegge', 'the most recent attendee not yet on the line comes first');
});

test('@ offers each member once: a handle another member lists as an alias completes as that member, found by either name', () => {
  const files = {
    ...history.files,
    '.minutes.json': '{ "members": { "ingy": { "name": "Ingy döt Net", "aliases": ["ingydotnet"] } } }',
    '_data/authors.yml': `${authors}\ningydotnet:\n  github: ingydotnet\n`,
  };
  const items = complete(`${front}\n* Attendees: @$0\n`, undefined, { files });
  assert.deepEqual(items.filter((i) => /^ingy/i.test(String(i.label))).map((i) => i.label), ['ingy']);
  const ingy = items.find((i) => i.label === 'ingy')!;
  assert.equal(ingy.detail, 'Ingy döt Net');
  assert.match(ingy.filterText!, /ingydotnet/);
});

test('the special handles are labelled alike, used or not, after the members and guests', () => {
  const files = { ...history.files, 'meetings/cpansec-minutes-2024-11-01.md': '---\nlayout: page\nmeeting_time: 2024-11-01 17:00 UTC\n---\n* Thanks @all\n', 'meetings/cpansec-minutes-2024-11-08.md': '---\nlayout: page\nmeeting_time: 2024-11-08 17:00 UTC\n---\n* Thanks @all\n' };
  const items = complete(`${front}\n* Attendees: @$0\n`, undefined, { files });
  const specials = items.filter((i) => ['all', 'here', 'everyone', 'channel'].includes(String(i.label)));
  assert.deepEqual(specials.map((i) => [i.label, i.detail]), [
    ['all', 'special handle: everyone'],
    ['channel', 'special handle: everyone'],
    ['everyone', 'special handle: everyone'],
    ['here', 'special handle: everyone'],
  ]);
  assert.deepEqual(items.slice(-4), specials);
  assert.match(String(specials[0]!.documentation), /Named in 2 minutes files/);
});

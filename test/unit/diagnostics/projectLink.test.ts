import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { assertFix } from '../../support/fixes';
import { check } from '../../support/service';

const fjord = (date: string, body: string) => `---\nlayout: post\ntitle: Fjord Trails volunteers ${date}\nmeeting_time: ${date} 18:00 UTC\n---\n# Minutes ${date}\n\n${body}`;
const board = (n: number, view = '') => `https://github.com/orgs/Fjord-Trails/projects/${n}${view}`;
/** Three earlier meetings of an invented group with four boards. */
const history = Object.fromEntries(
  ['2025-01-08', '2025-01-22', '2025-02-05'].map((date) => [
    `minutes/fjord-${date}.md`,
    fjord(date, `## Boards\n\n1. [Trail Maintenance](${board(1)})\n2. [Hut Bookings](${board(2)})\n3. [Bridge Repairs](${board(3)})\n4. [Volunteer Onboarding](${board(4)})\n`),
  ]),
);
const newest = 'minutes/fjord-2025-02-19.md';

const front = '---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15\n---\n';

test('a misspelt project name gets the canonical text (the real 2024-02-10 typo)', () => {
  const board1 = (text: string) => `${front}\n1. [${text}](https://github.com/orgs/CPAN-Security/projects/1)\n`;
  const checked = check(board1('$0CPAN Metatata & Software Bills of Materials$0'));
  const [diagnostic] = checked.of('project-link');
  assert.deepEqual(diagnostic!.range, checked.fixture.range);
  assert.match(diagnostic!.message, /misspelling of project 1, "CPAN Metadata & Software Bills of Materials"/);
  assertFix(board1('$0CPAN Metatata & Software Bills of Materials$0'), board1('CPAN Metadata & Software Bills of Materials'), { code: 'project-link' });
});

test('text naming another project than the number is reported with both ways out', () => {
  const item = (text: string, n: number) => `${front}\n2. [${text}](https://github.com/orgs/CPAN-Security/projects/${n})\n`;
  const checked = check(item('CPAN Privacy and Compliance', 3));
  const [diagnostic] = checked.of('project-link');
  assert.match(diagnostic!.message, /"CPAN Privacy and Compliance" is project 9, but the link goes to project 3 \(CPAN Provenance & Supply Chain Security\)/);
  assert.deepEqual(checked.actions(diagnostic!).map((a) => a.title), ['Link to project 9 instead', 'Change the text to "CPAN Provenance & Supply Chain Security"']);
  const marked = item('$0CPAN Privacy and Compliance$0', 3);
  assertFix(marked, item('CPAN Privacy and Compliance', 9), { code: 'project-link', title: 'Link to project 9 instead' });
  assertFix(marked, item('CPAN Provenance & Supply Chain Security', 3), { code: 'project-link', title: 'Change the text to "CPAN Provenance & Supply Chain Security"' });
});

test('a board linked nowhere else is information on the URL, not a warning: the group adds boards', () => {
  const checked = check(`${front}\n10. [CPAN CVE Registration]($0https://github.com/orgs/CPAN-Security/projects/13$0)\n`);
  const [diagnostic] = checked.of('project-link');
  assert.match(diagnostic!.message, /Project 13 of CPAN-Security is new to Minutes: no other minutes link it/);
  assert.equal(diagnostic!.severity, DiagnosticSeverity.Information);
  assert.deepEqual(diagnostic!.range, checked.fixture.range);
  const configured = check(`${front}\n10. [CPAN CVE Registration](https://github.com/orgs/CPAN-Security/projects/13)\n`, undefined, {
    files: { '.minutes.json': '{ "projects": [{ "org": "CPAN-Security", "number": 13, "name": "CPAN CVE Registration" }] }' },
  });
  assert.deepEqual(configured.of('project-link'), []);
});

test('current and former names are fine; the 2024-01-06 board 4 and "CPANSec Governance" too', () => {
  const checked = check(
    `${front}\n4. [CPAN Rich Metadata & Dependencies](https://github.com/orgs/CPAN-Security/projects/4)\n6. [CPANSec Governance, Policy & Funding](https://github.com/orgs/CPAN-Security/projects/7)\n\nAs the agenda template has it:\n\n9. [CPAN-SEC Governance, Policy & Funding](https://github.com/orgs/CPAN-Security/projects/7)\n`,
  );
  assert.deepEqual(checked.of('project-link'), []);
});

test('a name learned from the minutes becomes current, and the built-in one an alias', () => {
  const renamed = '---\nlayout: single\nmeeting_time: 2025-01-10 17:00 UTC\n---\n1. [CPAN SBOM & Metadata](https://github.com/orgs/CPAN-Security/projects/1)\n';
  const files = { 'meetings/cpansec-minutes-2025-01-10.md': renamed, 'meetings/cpansec-minutes-2025-01-24.md': renamed.replace('2025-01-10', '2025-01-24') };
  const checked = check(`${front}\n1. [CPAN Metadata & Software Bills of Materials](https://github.com/orgs/CPAN-Security/projects/1)\n\nRenamed since:\n\n2. [CPAN SBOM & Metadata](https://github.com/orgs/CPAN-Security/projects/1)\n`, undefined, { files });
  assert.deepEqual(checked.of('project-link'), []);
});

test('links in headings, to a view of the board, get the same checks as list items', () => {
  const boards = (bridge: string) =>
    fjord('2025-02-19', `## Boards\n\n### [Trail Maintenance](${board(1, '/views/2')})\n\nGravel ordered.\n\n### ${bridge}\n\nNo news.\n\n### [Volunteer Onbaording](${board(4, '/views/1')}) ###\n`);
  const marked = boards(`[$0Bridge Repairs$0](${board(2, '/views/2')})`);
  const checked = check(marked, newest, { files: history });
  const [wrong, typo] = checked.of('project-link');
  assert.deepEqual(wrong!.range, checked.fixture.range);
  assert.match(wrong!.message, /"Bridge Repairs" is project 3, but the link goes to project 2 \(Hut Bookings\)/);
  // A view number belongs to its board: the fix links to the other board itself.
  assertFix(marked, boards(`[Bridge Repairs](${board(3)})`), { path: newest, files: history, title: 'Link to project 3 instead' });
  assert.match(typo!.message, /"Volunteer Onbaording" looks like a misspelling of project 4, "Volunteer Onboarding"/);
  assert.equal(checked.of('project-link').length, 2);
});

test('a board renamed in the newest minutes: its old name stays right in old minutes, a typo of the new one does not', () => {
  const renamed = { ...history, [newest]: fjord('2025-02-19', `## Boards\n\n1. [Trail Stewardship](${board(1)})\n`) };
  const old = check(history['minutes/fjord-2025-01-22.md']!, 'minutes/fjord-2025-01-22.md', { files: renamed });
  assert.deepEqual(old.of('project-link'), []);
  const later = check(fjord('2025-03-05', `## Boards\n\n1. [Trail Stewardshp](${board(1)})\n`), 'minutes/fjord-2025-03-05.md', { files: renamed });
  assert.deepEqual(later.of('project-link').map((d) => d.message), ['"Trail Stewardshp" looks like a misspelling of project 1, "Trail Stewardship".']);
});

test('a board listed twice in one summary is a warning on the second, naming the line of the first', () => {
  const checked = check(
    fjord('2025-02-19', `## Boards\n\n1. [Trail Maintenance](${board(1)})\n    * Gravel ordered\n2. [Hut Bookings](${board(2)})\n3. $0[Trail Maintenance](${board(1, '/views/4')})$0\n    * Signs repainted\n`),
    newest,
    { files: history },
  );
  const [duplicate] = checked.of('project-link');
  assert.deepEqual(duplicate!.range, checked.fixture.range);
  assert.equal(duplicate!.severity, DiagnosticSeverity.Warning);
  assert.equal(duplicate!.message, 'Project 1 (Trail Maintenance) is already listed on line 10; list each board once and merge the notes there.');
  assert.equal(duplicate!.relatedInformation![0]!.location.range.start.line, 9);
  assert.equal(checked.of('project-link').length, 1);
  const headings = check(fjord('2025-02-19', `## Boards\n\n### [Hut Bookings](${board(2, '/views/1')})\n\n### [Trail Maintenance](${board(1)})\n\n### [Hut Bookings](${board(2, '/views/2')})\n`), newest, { files: history });
  assert.deepEqual(headings.of('project-link').map((d) => d.message), ['Project 2 (Hut Bookings) is already listed on line 10; list each board once and merge the notes there.']);
});

test('a board again in another section, another list, under its own heading or mentioned in a note is not listed twice', () => {
  const checked = check(
    fjord(
      '2025-02-19',
      [
        '## Boards',
        '',
        `### [Trail Maintenance](${board(1, '/views/2')})`,
        '',
        `* [Trail Maintenance](${board(1)}): gravel ordered`,
        `* [Hut Bookings](${board(2)})`,
        `    * moves two cards to [Trail Maintenance](${board(1)})`,
        `* Cards moved from [Hut Bookings](${board(2)}) to [Bridge Repairs](${board(3)})`,
        '',
        'Blocked:',
        '',
        `* [Trail Maintenance](${board(1)})`,
        '',
        '## Action items',
        '',
        `* [ ] [Trail Maintenance](${board(1)}) - order signs`,
        '',
      ].join('\n'),
    ),
    newest,
    { files: history },
  );
  assert.deepEqual(checked.of('project-link'), []);
});

test('a board new to Minutes whose text misspells a known board is a warning, with the link to that board', () => {
  const boards = (item: string) => fjord('2025-02-19', `## Boards\n\n5. ${item}\n`);
  const checked = check(boards(`[Hut Bokings](${board(12, '/views/1')})`), newest, { files: history });
  const [diagnostic] = checked.of('project-link');
  assert.equal(diagnostic!.severity, DiagnosticSeverity.Warning);
  assert.match(diagnostic!.message, /"Hut Bokings" looks like a misspelling of project 2, "Hut Bookings", but the link goes to project 12, which Minutes has not seen before/);
  assertFix(boards(`[Hut Bok$0ings](${board(12, '/views/1')})`), boards(`[Hut Bookings](${board(2)})`), { path: newest, files: history, code: 'project-link' });
});

test('a board new in the newest minutes is information there and known once two minutes link it', () => {
  const added = fjord('2025-02-19', `## Boards\n\n5. [Winter Grooming](${board(5)})\n`);
  const first = check(added, newest, { files: history });
  assert.deepEqual(first.of('project-link').map((d) => d.severity), [DiagnosticSeverity.Information]);
  const next = check(added.replace(/2025-02-19/g, '2025-03-05'), 'minutes/fjord-2025-03-05.md', { files: { ...history, [newest]: added } });
  assert.deepEqual(next.of('project-link'), []);
});

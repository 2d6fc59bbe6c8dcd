import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open } from '../../support/service';

const fjord = (date: string, body: string) => `---\nlayout: post\ntitle: Fjord Trails volunteers ${date}\nmeeting_time: ${date} 18:00 UTC\n---\n# Minutes ${date}\n\n${body}`;
const board = (n: number, view = '') => `https://github.com/orgs/Fjord-Trails/projects/${n}${view}`;
const summary = (date: string, name: string) => [`minutes/fjord-${date}.md`, fjord(date, `## Boards\n\n1. [${name}](${board(1)})\n2. [Hut Bookings](${board(2)})\n`)] as const;

// Listed newest first: what counts is the meeting date, not the order files are read in.
const renamed = Object.fromEntries([
  summary('2025-03-05', 'Trail Stewardship'),
  summary('2025-02-19', 'Trail Maintenance'),
  summary('2025-02-05', 'Trail Maintenance'),
  summary('2025-01-22', 'Trail Maintenance'),
]);

test('the name in the newest minutes is current, however often the older one was used', () => {
  const old = open(fjord('2025-01-08', `## Boards\n\n1. [Trail $0Maintenance](${board(1)})\n`), 'minutes/fjord-2025-01-08.md', { files: renamed }).hover()!;
  assert.match(old, /^\*\*Trail Stewardship\*\* — project 1 of Fjord-Trails/);
  assert.match(old, /Earlier names: Trail Maintenance\./);
  assert.match(old, /This link uses an earlier name; the board is now called Trail Stewardship\./);
});

test('a CPANSec board renamed in the newest minutes: the new name is current, the built-in one earlier', () => {
  const files = { 'meetings/cpansec-minutes-2025-01-08.md': `---\nlayout: single\nmeeting_time: 2025-01-08 17:00 UTC\n---\n1. [CPAN Vulnerability Database](https://github.com/orgs/CPAN-Security/projects/10)\n` };
  const value = open(`---\nlayout: single\nmeeting_time: 2024-11-27 17:00 UTC\n---\n8. [CPAN $0Vulnerability Index](https://github.com/orgs/CPAN-Security/projects/10)\n`, 'meetings/cpansec-minutes-2024-11-27.md', { files }).hover()!;
  assert.match(value, /^\*\*CPAN Vulnerability Database\*\* — project 10 of CPAN-Security/);
  assert.match(value, /Earlier names: CPAN Vulnerability Index\./);
});

test('within the newest minutes, the name that appears there first time wins over the one carried on', () => {
  const files = { ...renamed, 'minutes/fjord-2025-03-05.md': fjord('2025-03-05', `## Boards\n\n### [Trail Stewardship](${board(1, '/views/2')})\n\n1. [Trail Maintenance](${board(1)})\n`) };
  const value = open(fjord('2025-01-08', `1. [$0Trail Maintenance](${board(1)})\n`), 'minutes/fjord-2025-01-08.md', { files }).hover()!;
  assert.match(value, /^\*\*Trail Stewardship\*\*/);
});

test('.minutes.json names the board over any minutes', () => {
  const files = { ...renamed, '.minutes.json': '{ "projects": [{ "org": "Fjord-Trails", "number": 1, "name": "Trails & Paths" }] }' };
  const value = open(fjord('2025-01-08', `1. [$0Trail Maintenance](${board(1)})\n`), 'minutes/fjord-2025-01-08.md', { files }).hover()!;
  assert.match(value, /^\*\*Trails \\& Paths\*\* — project 1 of Fjord-Trails/);
  assert.match(value, /Earlier names: Trail Maintenance; Trail Stewardship\./);
});

test('a project link in a heading, to a view of the board, has the hover', () => {
  const value = open(fjord('2025-03-19', `## Boards\n\n### [Hut $0Bookings](${board(2, '/views/2')})\n`), 'minutes/fjord-2025-03-19.md', { files: renamed }).hover()!;
  assert.match(value, /^\*\*Hut Bookings\*\* — project 2 of Fjord-Trails$/);
});

test('a board linked only here is named as the link names it, and said to be new', () => {
  const value = open(fjord('2025-03-19', `5. [Winter $0Grooming](${board(5)})\n`), 'minutes/fjord-2025-03-19.md', { files: renamed }).hover()!;
  assert.match(value, /^\*\*Winter Grooming\*\* — project 5 of Fjord-Trails\n\nNew to Minutes: no other minutes link this board/);
});

test('a built-in name changed by a few letters is a rename once the two newest minutes use it, a typo before', () => {
  const cpansec = (date: string, name: string) => `---\nlayout: single\nmeeting_time: ${date} 17:00 UTC\n---\n9. [${name}](https://github.com/orgs/CPAN-Security/projects/7)\n`;
  const hovered = (files: Record<string, string>) =>
    open(cpansec('2024-11-27', 'CPANSec $0Governance, Policy & Funding'), 'meetings/cpansec-minutes-2024-11-27.md', { files }).hover()!;
  const once = { 'meetings/cpansec-minutes-2025-01-08.md': cpansec('2025-01-08', 'CPANSec Governance, Policy and Funding') };
  assert.match(hovered(once), /^\*\*CPANSec Governance, Policy \\& Funding\*\*/);
  const twice = { ...once, 'meetings/cpansec-minutes-2025-01-22.md': cpansec('2025-01-22', 'CPANSec Governance, Policy and Funding') };
  assert.match(hovered(twice), /^\*\*CPANSec Governance, Policy and Funding\*\* — project 7 of CPAN-Security\n\nEarlier names: CPAN-SEC Governance, Policy \\& Funding; CPANSec Governance, Policy \\& Funding\./);
  const back = { ...twice, 'meetings/cpansec-minutes-2025-02-05.md': cpansec('2025-02-05', 'CPANSec Governance, Policy & Funding') };
  assert.match(hovered(back), /^\*\*CPANSec Governance, Policy \\& Funding\*\* — project 7 of CPAN-Security\n\nEarlier names: CPAN-SEC Governance, Policy \\& Funding\.$/);
});

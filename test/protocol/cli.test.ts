import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { ROOT } from '../support/lspClient';

const CLI = resolve(ROOT, 'dist/cli.js');
const site = mkdtempSync(join(tmpdir(), 'minutes-cli-'));
cpSync(resolve(ROOT, 'test/fixtures/cpansec'), site, { recursive: true });
after(() => rmSync(site, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: site, encoding: 'utf8' });

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}
const findingsOf = (result: { stdout: string }) => JSON.parse(result.stdout) as JsonFinding[];
const located = (f: JsonFinding) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`;

test('minutes check over a copy of the CPANSec site: the real findings, warnings only, exit 0', () => {
  const result = run('check', '--format', 'json');
  assert.equal(result.status, 0, result.stderr);
  const lines = findingsOf(result).map(located);
  assert.equal(lines.length, 32);
  assert.ok(lines.includes("meetings/cpansec-minutes-2024-01-06.md:30:7 warning unknown-handle @stigsp is not a member's handle; it is likely a misspelling of @stigtsp (Stig Palmquist)."));
  assert.ok(lines.some((l) => l.startsWith('meetings/README.md:27:1 warning index cpansec-minutes-2024-11-15.md (2024-11-15) is not listed on the index page.')));
  assert.ok(lines.some((l) => l.startsWith('meetings/cpansec-minutes-2024-03-27.md:1:1 warning front-matter The file starts with a byte-order mark')));
  assert.ok(!lines.some((l) => /cpansec-minutes-2024-01-(06|20)\.md:.* missing-section/.test(l)), 'no missing-section noise on January files');
  assert.match(result.stderr, /15 files checked: 0 errors, 15 warnings, 17 notes/);
  assert.match(run('check').stdout, /\n⚠ 15 files checked: 0 errors, 15 warnings, 17 notes\n$/);
});

test('--format json, one file, and exit 1 when Jekyll would fail the build', () => {
  const file = 'meetings/cpansec-minutes-2024-04-10.md';
  writeFileSync(join(site, file), readFileSync(join(site, file), 'utf8').replace('April 10th, 2024 17:00 UTC', 'April 31st, 2024 25:00 UTC'));
  const result = run('check', '--format', 'json', file);
  assert.equal(result.status, 1);
  const findings = JSON.parse(result.stdout) as { file: string; line: number; column: number; severity: string; code: string; message: string }[];
  const bad = findings.find((f) => f.code === 'bad-date')!;
  assert.deepEqual([bad.file, bad.line, bad.severity], [file, 4, 'error']);
  assert.match(bad.message, /Ruby refuses this hour/);
});

test('bad usage exits 2 with the usage text', () => {
  const result = run('lint');
  assert.equal(result.status, 2);
  assert.match(result.stderr, /unknown command lint\n\nUsage: minutes <command>/);
  assert.equal(run('check', 'no/such/place').status, 2);
});

// The group's 2024 files as published (with the index page of January 2025): every warning
// here is one a reviewer would ask to change; the rest are notes.
const corpus = mkdtempSync(join(tmpdir(), 'minutes-corpus-'));
cpSync(resolve(ROOT, 'test/fixtures/cpansec-corpus'), corpus, { recursive: true });
after(() => rmSync(corpus, { recursive: true, force: true }));

test('minutes check over the 2024 corpus, run from its meetings folder: the site root is found by _data, and every warning is a real slip', () => {
  const result = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json'], { cwd: join(corpus, 'meetings'), encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const findings = findingsOf(result);
  const warnings = findings.filter((f) => f.severity === 'warning' || f.severity === 'error').map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code}`);
  assert.deepEqual(warnings, [
    'README.md:5:20 warning index', // next_meeting_time 2025-01-08 long past, no later minutes
    'README.md:40:1 warning index', // 2024-06-19 not listed
    'README.md:40:1 warning index', // 2024-07-03 not listed
    'cpansec-minutes-2024-01-06.md:30:7 warning unknown-handle', // @stigsp
    'cpansec-minutes-2024-01-06.md:78:12 warning upcoming-date', // FOSDEM 2023-02-03
    'cpansec-minutes-2024-01-06.md:78:25 warning upcoming-date', // FOSDEM 2023-02-04
    'cpansec-minutes-2024-01-20.md:15:15 warning attendance', // @ingy attending and absent
    'cpansec-minutes-2024-02-10.md:20:5 warning project-link', // "Metatata"
    'cpansec-minutes-2024-02-10.md:46:43 warning upcoming-date', // TPRF 2023-02-16
    'cpansec-minutes-2024-03-13.md:42:32 warning minutes-link', // 2024-02-06 never existed
    'cpansec-minutes-2024-03-27.md:1:1 warning front-matter', // byte-order mark
    'cpansec-minutes-2024-05-15.md:1:1 warning front-matter', // byte-order mark
    'cpansec-minutes-2024-07-03.md:85:13 warning unknown-handle', // @Tim
    'cpansec-minutes-2024-08-29.md:118:55 warning timezone-mismatch', // 17:00UTC is 19:00 Amsterdam in September
    'cpansec-minutes-2024-11-27.md:17:4 warning time-order', // 16:00 start heading, meeting_time 17:00
    'cpansec-minutes-2024-11-27.md:36:5 warning unknown-handle', // @stigstp
    'cpansec-minutes-2024-11-27.md:63:5 warning project-link', // board 6 listed twice
    'cpansec-minutes-2024-12-11.md:95:21 warning weekday-mismatch', // "Friday 2025-01-08"
  ]);
  assert.ok(!findings.some((f) => f.code === 'missing-section' && f.message.startsWith('Missing section "Elect')), 'the election section the group dropped is not asked for');
  assert.ok(!findings.some((f) => f.code === 'time-order' && /16:(03|10) UTC/.test(f.message)), 'actual start times are not findings');
  assert.match(result.stderr, /^21 files checked: 0 errors, 18 warnings, 21 notes\n$/);
});

test('links to devices and FIFOs (git stores links) are not read: the check ends, and a FIFO named on the command line is a usage error', (t) => {
  const hostile = mkdtempSync(join(tmpdir(), 'minutes-hostile-'));
  after(() => rmSync(hostile, { recursive: true, force: true }));
  cpSync(resolve(ROOT, 'test/fixtures/cpansec'), hostile, { recursive: true });
  if (spawnSync('mkfifo', [join(hostile, 'meetings/cpansec-minutes-2024-12-11.md')]).status !== 0) {
    t.skip('mkfifo is not available here');
    return;
  }
  symlinkSync('/dev/zero', join(hostile, '.minutes.json'));
  symlinkSync('/dev/zero', join(hostile, 'meetings/cpansec-minutes-2024-12-25.md'));
  const result = spawnSync(process.execPath, [CLI, 'check'], { cwd: hostile, encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.signal, null, 'the check ends by itself');
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /\d+ files checked/);
  const fifo = spawnSync(process.execPath, [CLI, 'check', 'meetings/cpansec-minutes-2024-12-11.md'], { cwd: hostile, encoding: 'utf8', timeout: 60_000 });
  assert.equal(fifo.status, 2);
  assert.match(fifo.stderr, /not a regular file or folder/);
});

test('minutes actions over the 2024 corpus: a "Review outstanding action items" section by owner, commitments included', () => {
  const result = spawnSync(process.execPath, [CLI, 'actions', '--format', 'markdown'], { cwd: corpus, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stdout.split('\n');
  assert.equal(lines[0], '### Review outstanding action items');
  assert.match(lines[2]!, /^From the minutes up to 2024-12-11: \d+ open items, by owner, oldest first\.$/);
  assert.ok(lines.includes('- @timlegge'), result.stdout);
  assert.ok(lines.includes('    - [ ] @timlegge will look at setting up a sharable calendar _(new on 2024-08-29; meetings/cpansec-minutes-2024-08-29.md)_'), result.stdout);
  // Copied from 2024-11-15 into 2024-11-27: one item, carried once.
  assert.ok(lines.includes("    - [ ] @stigtsp - No movement around Mojo's secure token/secrets issues; Volunteers needed _(carried 1 meeting, since 2024-11-15; meetings/cpansec-minutes-2024-11-27.md)_"), result.stdout);
  // A report of what happened is no commitment: "reported by @robrwo to CPANSec list".
  assert.ok(!result.stdout.includes('Several reported by @robrwo'), result.stdout);

  const mine = spawnSync(process.execPath, [CLI, 'actions', '--owner', '@garu', '--format', 'json'], { cwd: corpus, encoding: 'utf8' });
  const json = JSON.parse(mine.stdout) as { items: { text: string; owners: string[]; file: string; latest: { line: number } }[] };
  assert.ok(json.items.length >= 2 && json.items.every((i) => i.owners.some((o) => o.toLowerCase() === 'garu')), mine.stdout);
  const first = json.items[0]!;
  assert.ok(readFileSync(join(corpus, first.file), 'utf8').split('\n')[first.latest.line]!.includes(first.text));
  assert.equal(spawnSync(process.execPath, [CLI, 'actions', '--format', 'yaml'], { cwd: corpus, encoding: 'utf8' }).status, 2);
});

test('minutes ics: the index page\'s next_meeting_time as an RFC 5545 event; exit 1 when a file states no next meeting', () => {
  const result = spawnSync(process.execPath, [CLI, 'ics'], { cwd: corpus, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^BEGIN:VCALENDAR\r\n/);
  assert.match(result.stdout, /\r\nDTSTART:20250108T160000Z\r\n/);
  assert.match(result.stdout, /\r\nSUMMARY:CPANSec meeting details & minutes\r\n/);
  const output = join(corpus, 'next.ics');
  assert.equal(spawnSync(process.execPath, [CLI, 'ics', 'meetings/cpansec-minutes-2024-12-11.md', '--output', output], { cwd: corpus, encoding: 'utf8' }).status, 0);
  assert.match(readFileSync(output, 'utf8'), /\r\nDTSTART:20250108T160000Z\r\nDTEND:20250108T170000Z\r\nSUMMARY:Minutes 2025-01-08\r\n/);
  const none = spawnSync(process.execPath, [CLI, 'ics', 'meetings/cpansec-minutes-2024-01-06.md'], { cwd: corpus, encoding: 'utf8' });
  assert.equal(none.status, 1, none.stdout);
  assert.match(none.stderr, /states no next meeting/);
});

test('a file outside any marked site is judged with its own folder only, not every folder below it', () => {
  const loose = mkdtempSync(join(tmpdir(), 'minutes-unmarked-'));
  after(() => rmSync(loose, { recursive: true, force: true }));
  const minutes = (date: string) => `---\nlayout: page\nmeeting_time: ${date} 18:00 UTC\ntitle: Board minutes ${date}\n---\n### Attendees\n\n*   @frequent\n`;
  mkdirSync(join(loose, 'meetings/archive'), { recursive: true });
  writeFileSync(join(loose, 'meetings/board-minutes-2025-03-04.md'), minutes('2025-03-04'));
  writeFileSync(join(loose, 'meetings/archive/board-minutes-2025-02-04.md'), minutes('2025-02-04'));
  writeFileSync(join(loose, 'meetings/archive/board-minutes-2025-02-18.md'), minutes('2025-02-18'));
  const named = spawnSync(process.execPath, [CLI, 'check', 'meetings/board-minutes-2025-03-04.md'], { cwd: loose, encoding: 'utf8' });
  assert.match(named.stdout, /@frequent is not in _data\/authors\.yml and is not used in other minutes/);
  // A folder named on the command line is read whole: there @frequent is a regular guest.
  const folder = spawnSync(process.execPath, [CLI, 'check', 'meetings'], { cwd: loose, encoding: 'utf8' });
  assert.equal(folder.status, 0, folder.stderr);
  assert.doesNotMatch(folder.stdout, /@frequent/);
  assert.match(folder.stdout, /3 files checked/);
});

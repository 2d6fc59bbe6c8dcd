import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { ROOT } from '../support/lspClient';

const CLI = resolve(ROOT, 'dist/cli.js');
const corpus = mkdtempSync(join(tmpdir(), 'minutes-fix-'));
cpSync(resolve(ROOT, 'test/fixtures/cpansec-corpus'), corpus, { recursive: true });
after(() => rmSync(corpus, { recursive: true, force: true }));

const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
const snapshot = (folder: string) => Object.fromEntries(readdirSync(join(folder, 'meetings')).map((name) => [`meetings/${name}`, readFileSync(join(folder, 'meetings', name), 'utf8')]));

interface Hunk {
  file: string;
  /** 1-based line numbers in the original of the lines taken out. */
  removed: number[];
  oldStart: number;
  lines: string[];
}

/** The hunks of a unified diff, per file. */
function parseDiff(diff: string): Hunk[] {
  const hunks: Hunk[] = [];
  let file = '';
  let oldLine = 0;
  for (const line of diff.split('\n')) {
    if (line.startsWith('--- a/')) continue;
    if (line.startsWith('+++ b/')) file = line.slice(6);
    else if (line.startsWith('@@')) {
      const [, start] = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@$/.exec(line)!;
      oldLine = Number(start);
      hunks.push({ file, removed: [], oldStart: oldLine, lines: [] });
    } else if (hunks.length > 0 && line !== '') {
      const hunk = hunks[hunks.length - 1]!;
      hunk.lines.push(line);
      if (line.startsWith('-')) hunk.removed.push(oldLine++);
      else if (line.startsWith(' ')) oldLine++;
    }
  }
  return hunks;
}

/** Applies parsed hunks to a text (lines here end with \n). */
function applyHunks(text: string, hunks: readonly Hunk[]): string {
  const lines = text.split('\n');
  let shift = 0;
  for (const hunk of hunks) {
    const removed = hunk.lines.filter((l) => !l.startsWith('+')).length;
    const added = hunk.lines.filter((l) => !l.startsWith('-')).map((l) => l.slice(1));
    for (const [i, l] of hunk.lines.filter((l) => !l.startsWith('+')).entries()) assert.equal(lines[hunk.oldStart - 1 + shift + i], l.slice(1), 'the diff\'s context and removed lines are the original\'s');
    lines.splice(hunk.oldStart - 1 + shift, removed, ...added);
    shift += added.length - removed;
  }
  return lines.join('\n');
}

test('minutes fix on the 2024 corpus: the diff touches only lines with a certain fix, the files get exactly the diff, and a second run changes nothing', () => {
  const original = snapshot(corpus);
  const findings = JSON.parse(run(corpus, 'check', '--format', 'json').stdout) as { file: string; fix?: { line: number; endLine: number }[] }[];
  const fixedLines = new Set(findings.flatMap((f) => (f.fix ?? []).flatMap((edit) => Array.from({ length: edit.endLine - edit.line + 1 }, (_, i) => `${f.file}:${edit.line + i}`))));

  const dry = run(corpus, 'fix', '--dry-run');
  assert.equal(dry.status, 0, dry.stderr);
  assert.deepEqual(snapshot(corpus), original, 'a dry run writes nothing');
  assert.match(dry.stderr, /^Would fix \d+ problems in \d+ files\.$/m);
  const hunks = parseDiff(dry.stdout);
  assert.ok(hunks.length > 0);
  // Never a line of the user's text lost: whatever the fixes take out is on a line a fix covers.
  for (const hunk of hunks) for (const line of hunk.removed) assert.ok(fixedLines.has(`${hunk.file}:${line}`), `${hunk.file}:${line} is changed without a fix for it`);
  const changed = [...new Set(hunks.map((h) => h.file))];
  assert.ok(changed.includes('meetings/cpansec-minutes-2024-01-06.md') && changed.includes('meetings/README.md'), changed.join(', '));
  assert.ok(dry.stdout.includes('-    - @stigsp – [Pre-Release Disclosure]') && dry.stdout.includes('+    - @stigtsp – [Pre-Release Disclosure]'), dry.stdout);

  const fixed = run(corpus, 'fix');
  assert.equal(fixed.status, 0, fixed.stderr);
  assert.match(fixed.stdout, /^meetings\/cpansec-minutes-2024-01-06\.md: fixed 3 problems$/m);
  const after = snapshot(corpus);
  for (const [file, text] of Object.entries(original)) {
    const expected = changed.includes(file) ? applyHunks(text, hunks.filter((h) => h.file === file)) : text;
    assert.equal(after[file], expected, `${file} is what the dry run showed`);
  }
  assert.ok(!after['meetings/cpansec-minutes-2024-03-27.md']!.startsWith('\ufeff'), 'the byte-order mark is gone');

  const again = run(corpus, 'fix');
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /^Nothing to fix in 21 files\.$/m);
  assert.deepEqual(snapshot(corpus), after, 'a second run changes nothing');
  assert.equal(run(corpus, 'fix', '--dry-run').stdout, '', 'and has no diff to show');

  const check = JSON.parse(run(corpus, 'check', '--format', 'json').stdout) as { code: string; severity: string; message: string }[];
  assert.ok(!check.some((f) => f.message.startsWith('@stigsp')), 'the fixed findings are gone');
});

test('a file with an error no fix can remove is left as it was, and the exit code says errors remain', () => {
  const site = mkdtempSync(join(tmpdir(), 'minutes-fix-error-'));
  after(() => rmSync(site, { recursive: true, force: true }));
  cpSync(resolve(ROOT, 'test/fixtures/cpansec'), site, { recursive: true });
  const file = 'meetings/cpansec-minutes-2024-04-10.md';
  // A meeting_time Jekyll cannot read, and a fixable typo (@stigsp).
  const broken = `${readFileSync(join(site, file), 'utf8').replace('April 10th, 2024 17:00 UTC', 'April 31st, 2024 25:00 UTC')}\n* @stigsp will look into it\n`;
  writeFileSync(join(site, file), broken);
  const result = run(site, 'fix', file);
  assert.equal(result.status, 1);
  assert.match(result.stdout, /^meetings\/cpansec-minutes-2024-04-10\.md: left as it was: line 4: bad-date has no certain fix/m);
  assert.match(run(site, 'check', file).stdout, /warning +unknown-handle +@stigsp/, 'the typo is there to fix');
  assert.match(result.stdout, /Nothing to fix in 1 file; 1 file left as it was\./);
  assert.equal(readFileSync(join(site, file), 'utf8'), broken);
  assert.equal(run(site, 'fix', '--frobnicate').status, 2);
  assert.equal(run(site, 'fix', 'no/such/file.md').status, 2);
});

test('fix acts on warnings and errors only: a note (a section the layout merely suggests) is never inserted into finished minutes', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'minutes-fix-notes-'));
  cpSync(resolve(ROOT, 'test/fixtures/cpansec-corpus'), fresh, { recursive: true });
  const result = run(fresh, 'fix', '--dry-run', 'meetings/cpansec-minutes-2024-12-11.md');
  rmSync(fresh, { recursive: true, force: true });
  assert.match(result.stdout + result.stderr, /cpansec-minutes-2024-12-11\.md: would fix 1 problem\b/);
  const added = parseDiff(result.stdout).flatMap((hunk) => hunk.lines.filter((line) => line.startsWith('+')));
  // The one warning: "Friday 2025-01-08" is a Wednesday.
  assert.deepEqual(added.map((line) => /Wednesday 2025-01-08/.test(line)), [true]);
});

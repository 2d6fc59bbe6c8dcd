import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { ROOT } from '../support/lspClient';

const CLI = resolve(ROOT, 'dist/cli.js');
const site = mkdtempSync(join(tmpdir(), 'minutes-cli-'));
cpSync(resolve(ROOT, 'test/fixtures/cpansec'), site, { recursive: true });
after(() => rmSync(site, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: site, encoding: 'utf8' });

test('minutes check over a copy of the CPANSec site: the real findings, warnings only, exit 0', () => {
  const result = run('check');
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stdout.trim().split('\n');
  assert.equal(lines.length, 38);
  assert.ok(lines.includes("meetings/cpansec-minutes-2024-01-06.md:30:7 warning unknown-handle @stigsp is not a member's handle; it is likely a misspelling of @stigtsp (Stig Palmquist)."));
  assert.ok(lines.some((l) => l.startsWith('meetings/README.md:27:1 warning index cpansec-minutes-2024-11-15.md (2024-11-15) is not listed on the index page.')));
  assert.ok(lines.some((l) => l.startsWith('meetings/cpansec-minutes-2024-03-27.md:1:1 warning front-matter The file starts with a byte-order mark')));
  assert.ok(!lines.some((l) => /cpansec-minutes-2024-01-(06|20)\.md:.* missing-section/.test(l)), 'no missing-section noise on January files');
  assert.match(result.stderr, /16 files checked: 0 errors, 24 warnings/);
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
  assert.match(result.stderr, /Usage: minutes check/);
  assert.equal(run('check', 'no/such/place').status, 2);
});

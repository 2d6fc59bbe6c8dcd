import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { ROOT } from '../support/lspClient';

const ACTION = resolve(ROOT, 'dist/action.js');
const CLI = resolve(ROOT, 'dist/cli.js');
const changedFile = 'meetings/cpansec-minutes-2024-11-15.md';

/** A checkout as GitHub makes it for a pull request: the base on main, the pull request's commit on top. */
const repo = mkdtempSync(join(tmpdir(), 'minutes-action-'));
after(() => rmSync(repo, { recursive: true, force: true }));
cpSync(resolve(ROOT, 'test/fixtures/cpansec'), repo, { recursive: true });
const git = (...args: string[]) => {
  const result = spawnSync('git', ['-c', 'user.name=Secretary', '-c', 'user.email=secretary@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim();
};
git('init', '--quiet', '--initial-branch=main');
git('add', '.');
git('commit', '--quiet', '-m', 'base');
const base = git('rev-parse', 'HEAD');
git('checkout', '--quiet', '-b', 'minutes-2024-11-15');
// The pull request misspells a handle in one file.
writeFileSync(join(repo, changedFile), readFileSync(join(repo, changedFile), 'utf8').replace('@sjn, @stigtsp, @tux', '@sjn, @stigstp, @tux'));
writeFileSync(join(repo, 'notes.txt'), 'not minutes\n');
git('add', '.');
git('commit', '--quiet', '-m', 'Minutes of 2024-11-15');
const eventPath = join(repo, '..', `${repo.split('/').pop()}-event.json`);
writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 7, base: { ref: 'main', sha: base } } }));
after(() => rmSync(eventPath, { force: true }));

/** Runs the Action's entry as the runner does: inputs and context in the environment, in the checkout. */
function runAction(inputs: Record<string, string>, extra: Record<string, string> = {}) {
  const outputFile = join(repo, '..', `${repo.split('/').pop()}-output`);
  const summaryFile = join(repo, '..', `${repo.split('/').pop()}-summary`);
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: repo,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_BASE_REF: 'main',
    GITHUB_HEAD_REF: 'minutes-2024-11-15',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...extra,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = spawnSync(process.execPath, [ACTION], { cwd: repo, encoding: 'utf8', env });
  const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => line.split('=') as [string, string]));
  rmSync(outputFile, { force: true });
  const summary = readFileSync(summaryFile, 'utf8');
  rmSync(summaryFile, { force: true });
  return { ...result, annotations: result.stdout.split('\n').filter((line) => line.startsWith('::')), outputs, summary };
}

test('only-changed: annotations for the file the pull request changed (and its index page), none for the others', () => {
  const result = runAction({ paths: 'meetings', 'only-changed': 'true' });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /^Minutes: checking the 1 file the changes touch\.$/m);
  assert.ok(
    result.annotations.includes(
      `::warning file=${changedFile},line=28,endLine=28,col=13,endColumn=21,title=minutes/unknown-handle::@stigstp is not a member's handle; it is likely a misspelling of @stigtsp (Stig Palmquist).`,
    ),
    result.stdout,
  );
  const files = new Set(result.annotations.map((a) => /file=([^,]+)/.exec(a)?.[1]));
  assert.deepEqual([...files].sort(), ['meetings/README.md', changedFile]);
  assert.ok(!result.stdout.includes('@stigsp is not'), 'the 2024-01-06 typo is not this pull request\'s');
  assert.equal(result.outputs.errors, '0');
  assert.equal(result.outputs.files, '2');
  assert.equal(Number(result.outputs.warnings), result.annotations.filter((a) => a.startsWith('::warning')).length);
  assert.match(result.summary, /^### Minutes\n\n2 files checked: 0 errors, \d+ warnings, \d+ notes?\n/);
  assert.ok(result.summary.includes(`| ${changedFile}:28 | warning | \`unknown-handle\` | @stigstp is not a member's handle;`), result.summary);

  const strict = runAction({ paths: 'meetings', 'only-changed': 'true', 'fail-on': 'warning' });
  assert.equal(strict.status, 1, 'fail-on: warning fails the step on a warning');
});

test('without only-changed every path is checked, with the same annotations as minutes check --format github', () => {
  const result = runAction({ paths: 'meetings', format: 'sarif', output: 'out/minutes.sarif' });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  const cli = spawnSync(process.execPath, [CLI, 'check', '--format', 'github', 'meetings'], { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  assert.deepEqual(result.annotations, cli.stdout.trim().split('\n'));
  assert.ok(result.annotations.some((a) => a.includes('@stigsp is not')));
  assert.match(result.stdout, /^Minutes: the sarif report is in out\/minutes\.sarif\.$/m);
  assert.equal((JSON.parse(readFileSync(join(repo, 'out/minutes.sarif'), 'utf8')) as { version: string }).version, '2.1.0');
});

test('only-changed with no minutes among the changes checks nothing and passes; a bad input fails with an error annotation', () => {
  git('checkout', '--quiet', '-b', 'notes-only', base);
  writeFileSync(join(repo, 'notes.txt'), 'still not minutes\n');
  git('add', 'notes.txt');
  git('commit', '--quiet', '-m', 'Notes');
  try {
    const result = runAction({ paths: 'meetings', 'only-changed': 'true' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.deepEqual(result.annotations, []);
    assert.match(result.stdout, /nothing to check/);
    assert.equal(result.outputs.files, '0');
  } finally {
    git('checkout', '--quiet', 'minutes-2024-11-15');
  }
  const bad = runAction({ paths: 'meetings', 'fail-on': 'sometimes' });
  assert.equal(bad.status, 2);
  assert.deepEqual(bad.annotations, ['::error title=minutes::fail-on must be one of error, warning, never (not "sometimes")']);
  const missing = runAction({ paths: 'minutes' });
  assert.equal(missing.status, 2);
  assert.match(missing.annotations[0]!, /^::error title=minutes::.*minutes: no such file or folder$/);
});

test('only-changed on a push compares with the commit before it; without a base it checks every path and says so', () => {
  const pushEvent = join(repo, '..', `${repo.split('/').pop()}-push.json`);
  writeFileSync(pushEvent, JSON.stringify({ before: base, after: git('rev-parse', 'HEAD') }));
  after(() => rmSync(pushEvent, { force: true }));
  const push = runAction({ paths: 'meetings', 'only-changed': 'true' }, { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: pushEvent, GITHUB_BASE_REF: '' });
  assert.equal(push.status, 0, push.stdout);
  assert.match(push.stdout, /checking the 1 file the changes touch/);
  const none = runAction({ paths: 'meetings', 'only-changed': 'true' }, { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_EVENT_PATH: '', GITHUB_BASE_REF: '' });
  assert.equal(none.status, 0, none.stdout);
  assert.ok(none.annotations[0]!.startsWith('::notice title=minutes::only-changed: this event has no base to compare with'));
  assert.ok(none.annotations.some((a) => a.includes('@stigsp is not')), 'every file is checked');
});

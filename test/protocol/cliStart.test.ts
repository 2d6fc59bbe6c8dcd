import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { build } from 'esbuild';
import type * as Time from '../../server/src/service/time';
import { psychTokenize, renderJekyllLiquid, type BuildSettings, type RubyValue } from '../../server/src/service/time';
import { ROOT } from '../support/lspClient';

const CLI = resolve(ROOT, 'dist/cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'minutes-start-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
// The code caches these runs write go to a folder of their own.
const env = { ...process.env, XDG_CACHE_HOME: join(scratch, 'cache') };

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}
const check = (cwd: string, ...paths: string[]) => {
  const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...paths], { cwd, encoding: 'utf8', env });
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  return JSON.parse(result.stdout) as JsonFinding[];
};

test('a file named alone gets the findings a check of its whole site gives it: every file of the 2024 corpus, with minutes kept outside meetings/', () => {
  const site = join(scratch, 'corpus');
  cpSync(resolve(ROOT, 'test/fixtures/cpansec-corpus'), site, { recursive: true });
  // A page with meeting_time is minutes wherever it is: @stuart, a guest of 2024-11-27, also attended this one.
  mkdirSync(join(site, 'notes'));
  writeFileSync(join(site, 'notes/board-sync.md'), '---\nlayout: page\ntitle: Board sync\nmeeting_time: 2024-12-01 17:00 UTC\n---\n### Attendees\n\n* @stuart\n* @sjn\n');
  const whole = check(site, '.');
  const files = [...readdirSync(join(site, 'meetings')).map((name) => `meetings/${name}`), 'notes/board-sync.md'];
  for (const file of files) assert.deepEqual(check(site, file), whole.filter((finding) => finding.file === file), file);
  // Which the named file's check read too: the guest is no stranger there.
  assert.ok(!whole.some((finding) => finding.file === 'meetings/cpansec-minutes-2024-11-27.md' && finding.message.startsWith('@stuart')));
  assert.ok(whole.some((finding) => finding.file === 'notes/board-sync.md' && finding.code === 'missing-section'));
});

/** dist/ as installed, copied, with or without the bundles the CLI loads lazily. */
function copiedDist(name: string, chunks: readonly string[]): string {
  const home = join(scratch, name);
  mkdirSync(join(home, 'dist'), { recursive: true });
  copyFileSync(resolve(ROOT, 'package.json'), join(home, 'package.json'));
  for (const bundle of ['cli.js', 'cliMain.js', ...chunks]) copyFileSync(resolve(ROOT, 'dist', bundle), join(home, 'dist', bundle));
  return join(home, 'dist/cli.js');
}

test('check, fix and actions run without the Liquid and calendar bundles; ics loads its own', () => {
  const site = join(scratch, 'fixture');
  cpSync(resolve(ROOT, 'test/fixtures/cpansec'), site, { recursive: true });
  const bare = copiedDist('bare', []);
  const full = copiedDist('full', ['cliLiquid.js', 'cliIcal.js']);
  const run = (cli: string, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: site, encoding: 'utf8', env });
  const outcome = ({ status, stdout, stderr }: { status: number | null; stdout: string; stderr: string }) => ({ status, stdout, stderr });
  for (const args of [['check', '--format', 'json'], ['fix', '--dry-run'], ['actions', '--format', 'json']]) {
    const withChunks = outcome(run(full, ...args));
    assert.ok(withChunks.stdout.length > 0, withChunks.stderr);
    assert.deepEqual(outcome(run(bare, ...args)), withChunks, args.join(' '));
  }
  const without = run(bare, 'ics');
  assert.equal(without.status, 2);
  assert.match(without.stderr, /cliIcal\.js/);
  const ics = run(full, 'ics');
  assert.equal(ics.status, 0, ics.stderr);
  assert.match(ics.stdout, /^BEGIN:VCALENDAR\r\n[^]*\r\nDTSTART:\d{8}T\d{6}Z\r\n/);
});

/** The `--alias` options of build:cli, so the bundle below is built as the CLI's is. */
function cliAliases(): Record<string, string> {
  const script = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['build:cli']!;
  const aliases = Object.fromEntries([...script.matchAll(/--alias:([^=\s]+)=(\S+)/g)].map(([, from, to]) => [from!, to!]));
  assert.deepEqual(Object.keys(aliases).sort(), ['ical-generator', 'liquidjs']);
  return aliases;
}

test('Liquid renders the same through the CLI bundle\'s stand-in for liquidjs, which loads dist/cliLiquid.js at the first render', async () => {
  const folder = join(scratch, 'liquid');
  mkdirSync(folder);
  writeFileSync(join(folder, 'entry.ts'), `export { renderJekyllLiquid, psychTokenize } from ${JSON.stringify(resolve(ROOT, 'server/src/service/time'))};\n`);
  await build({
    entryPoints: [join(folder, 'entry.ts')],
    outfile: join(folder, 'time.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],
    alias: cliAliases(),
    absWorkingDir: ROOT,
    logLevel: 'warning',
  });
  copyFileSync(resolve(ROOT, 'dist/cliLiquid.js'), join(folder, 'cliLiquid.js'));
  const load = Module.createRequire(join(folder, 'time.js'));
  const bundled = load('./time.js') as typeof Time;
  const chunk = join(folder, 'cliLiquid.js');
  assert.ok(!(chunk in load.cache), 'not loaded with the bundle');

  const now = new Date(Date.UTC(2026, 10, 23, 17, 52, 24));
  const settings: BuildSettings[] = [{ buildZone: 'UTC', now }, { buildZone: 'Europe/Oslo', now }];
  // Each bundle reads its own values: a Ruby time holds a DateTime of its copy of luxon.
  const values = (tokenize: typeof psychTokenize): RubyValue[] => [{ kind: 'string', text: 'March 27th, 2024 17:00 UTC' }, tokenize('2024-11-15T16:00:00.123Z'), tokenize('2024-11-15'), { kind: 'nil' }];
  const templates = [
    'on {{ page.meeting_time | date_to_string: "ordinal", "US" }}, at {{ page.meeting_time | date: "%H:%M %Z" }}',
    '{{ page.meeting_time }}|{{ page.meeting_time | inspect }}|{{ page.meeting_time | jsonify }}|{{ page.meeting_time.year }}',
    '{% if page.meeting_time < site.time %}past{% else %}coming{% endif %} {{ site.time | date: "%Y" }}',
    '{{ page.meeting_time | date_to_xmlschema }} {{ "now" | date: "%F %R %Z" }}',
    '{% for i in (1..999999999) %}x{% endfor %}',
  ];
  const theirs = values(bundled.psychTokenize);
  const ours = values(psychTokenize);
  for (const given of settings) {
    for (const [i, value] of ours.entries()) {
      for (const template of templates) {
        assert.deepEqual(bundled.renderJekyllLiquid(template, { meeting_time: theirs[i]! }, given), renderJekyllLiquid(template, { meeting_time: value }, given), template);
      }
    }
  }
  assert.ok(chunk in load.cache);
});

test('the code cache: one file per command, the oldest beyond eight removed', { skip: 'enableCompileCache' in Module && 'Node 22 and later use their own compile cache' }, () => {
  const site = join(scratch, 'cached');
  cpSync(resolve(ROOT, 'test/fixtures/cpansec'), site, { recursive: true });
  const cache = join(scratch, 'own-cache');
  const folder = join(cache, 'minutes');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // Caches of earlier builds, written a day ago and before.
  const day = Date.now() / 1000 - 86_400;
  for (let i = 0; i < 10; i++) {
    const old = join(folder, `cliMain.js-1-${i}-v0-check.v8`);
    writeFileSync(old, '', { mode: 0o600 });
    utimesSync(old, day - i, day - i);
  }
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: site, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache } });
  const first = run('check');
  const cached = () => readdirSync(folder).filter((name) => !name.startsWith('cliMain.js-1-'));
  assert.deepEqual(cached().map((name) => name.replace(/^.*-/, '')), ['check.v8']);
  assert.equal(readdirSync(folder).length, 8);
  run('actions');
  assert.deepEqual(cached().map((name) => name.replace(/^.*-/, '')).sort(), ['actions.v8', 'check.v8']);
  // The oldest went first; what this build wrote stays.
  assert.deepEqual(readdirSync(folder).filter((name) => name.startsWith('cliMain.js-1-')).sort(), ['0', '1', '2', '3', '4', '5'].map((i) => `cliMain.js-1-${i}-v0-check.v8`));
  const written = statSync(join(folder, cached().find((name) => name.endsWith('check.v8'))!)).mtimeMs;
  // A run that finds its cache uses it and writes nothing.
  const again = run('check');
  assert.equal(again.stdout, first.stdout);
  assert.equal(statSync(join(folder, cached().find((name) => name.endsWith('check.v8'))!)).mtimeMs, written);
});

// The real-client tests: npm run test:e2e (all), npm run test:vscode (@vscode/test-electron).
// Usage: node test/e2e/run.mjs [workbench] [web-workbench] [vscode-api] [neovim] [electron]
//   workbench   the VS Code workbench (code-server) in Chromium, driven by Playwright
//   web-workbench  the same workbench with the extension in the web-worker extension host
//               (the browser entry, the server in a browser worker: github.dev's build)
//   vscode-api  the mocha suite on the VS Code API, inside code-server's extension host
//   neovim      Neovim's built-in LSP client on minutes-language-server --stdio
//   electron    the same mocha suite in desktop VS Code (@vscode/test-electron); skipped,
//               with the reason, where VS Code cannot be downloaded
// Installs what is missing first (test/e2e/setup.mjs), packages the .vsix, bundles the
// drivers with esbuild and runs them one file at a time on Node's test runner.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE, ROOT, installCodeServer, installDebianPackages, installNode24 } from './setup.mjs';

const ALL = ['workbench', 'web-workbench', 'vscode-api', 'neovim', 'electron'];
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : ALL;
const unknown = chosen.filter((name) => !ALL.includes(name));
if (unknown.length) {
  console.error(`unknown e2e suite: ${unknown.join(', ')} (known: ${ALL.join(', ')})`);
  process.exit(2);
}
const needs = (...names) => names.some((name) => chosen.includes(name));
const timings = [];

function timed(what, run) {
  const started = Date.now();
  const result = run();
  timings.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function timedAsync(what, run) {
  const started = Date.now();
  const result = await run();
  timings.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** Runs an npm script; prints its last line, or all of its output when it fails. */
function npm(...args) {
  const result = spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.trim() && !line.includes('Unknown user config'));
  if (result.status !== 0) {
    console.error(output.join('\n'));
    process.exit(result.status ?? 1);
  }
  console.log(`npm ${args.join(' ')}: ${output.at(-1)?.trim() ?? 'done'}`);
}

const started = Date.now();
timed('install', () => {
  if (needs('workbench', 'web-workbench', 'neovim')) installDebianPackages();
  if (needs('workbench', 'web-workbench', 'vscode-api')) {
    installNode24();
    installCodeServer();
  }
});
timed('package', () => npm('run', '--silent', 'package'));

const out = join(ROOT, 'out', 'e2e');
rmSync(out, { recursive: true, force: true });
await timedAsync('bundle', async () => {
  // The drivers run on Node's test runner; their packages come from node_modules.
  await build({
    entryPoints: chosen.map((name) => join(ROOT, 'test', 'e2e', `${name}.test.ts`)),
    outdir: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    packages: 'external',
    logLevel: 'warning',
  });
  // The mocha suite runs inside VS Code's extension host: one file with mocha in it,
  // only `vscode` left to the host.
  if (needs('vscode-api', 'electron')) {
    await build({
      entryPoints: [join(ROOT, 'test', 'e2e', 'vscode', 'index.ts')],
      outfile: join(out, 'vscode', 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: 'inline',
      external: ['vscode'],
      logLevel: 'error',
    });
  }
});

// Profiles and workspace copies of this run go into one folder, removed when all passed;
// those of earlier runs are removed after a day. No screenshots of earlier failures.
const runs = join(CACHE, 'runs');
mkdirSync(runs, { recursive: true });
for (const name of readdirSync(runs)) {
  if (Date.now() - statSync(join(runs, name)).mtimeMs > 86_400_000) rmSync(join(runs, name), { recursive: true, force: true });
}
const run = mkdtempSync(join(runs, 'r'));
// Where a socket can be made when the run folder is too deep for one (see tmpFolder in support/site.ts).
const systemTmp = tmpdir().length <= 40 ? tmpdir() : '/tmp';
mkdirSync(join(run, 'tmp'));
const artifacts = join(ROOT, 'test', 'e2e', 'artifacts');
mkdirSync(artifacts, { recursive: true });
for (const name of readdirSync(artifacts)) if (name.startsWith('failed-')) rmSync(join(artifacts, name));

const files = chosen.map((name) => join(out, `${name}.test.js`));
const result = timed('tests', () =>
  spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-concurrency=1', '--test-timeout=600000', '--test-reporter=spec', ...files], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, MINUTES_E2E_RUN: run, TMPDIR: join(run, 'tmp'), MINUTES_E2E_SYSTEM_TMP: systemTmp },
  }),
);
if (result.status === 0) rmSync(run, { recursive: true, force: true });
else console.log(`profiles, logs and workspaces of this run: ${run}`);
const failures = readdirSync(artifacts).filter((name) => name.startsWith('failed-'));
if (failures.length) console.log(`screenshots of failures:\n${failures.map((name) => `  ${join(artifacts, name)}`).join('\n')}`);
console.log(`e2e (${chosen.join(', ')}): ${timings.join(', ')}; total ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(result.status ?? 1);

// Bundles the TypeScript tests with esbuild (the project's one bundler) and runs them
// on Node's built-in test runner. Usage: node test/run.mjs [suite ...]
// Suites are folders under test/ (default: unit protocol grammar meta).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const suites = process.argv.slice(2).length ? process.argv.slice(2) : ['unit', 'protocol', 'grammar', 'meta'];

function findTests(dir) {
  let found = [];
  let entries = [];
  try { entries = readdirSync(dir); } catch { return found; }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found = found.concat(findTests(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const entryPoints = suites.flatMap((suite) => findTests(join(root, 'test', suite)));
if (entryPoints.length === 0) {
  console.error(`no tests found in: ${suites.join(', ')}`);
  process.exit(1);
}
// One folder per run, so two runs at once (an editor's test task and a terminal) do not
// delete each other's bundles.
const outdir = join(root, 'out', 'test', String(process.pid));
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints,
  outdir,
  outbase: join(root, 'test'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  sourcemap: 'inline',
  packages: 'external',
  logLevel: 'warning',
});
const files = entryPoints.map((p) => join(outdir, relative(join(root, 'test'), p)).replace(/\.ts$/, '.js'));
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  cwd: root,
});
rmSync(outdir, { recursive: true, force: true });
process.exit(result.status ?? 1);

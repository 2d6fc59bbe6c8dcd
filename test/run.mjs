// Bundles the TypeScript tests with esbuild (the project's one bundler) and runs them
// on Node's built-in test runner. Usage: node test/run.mjs [what ...], where each is a suite
// (a folder under test/: `unit`, `unit/reliability`), or a folder or a test file given as a
// path (`test/unit/diagnostics`, `test/unit/diagnostics/badDate.test.ts`). Options starting
// with `--` go to the test runner (`--test-name-pattern=CET`). Default: unit protocol grammar meta.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const testRoot = join(root, 'test');
const args = process.argv.slice(2);
const runnerOptions = args.filter((arg) => arg.startsWith('--'));
const named = args.filter((arg) => !arg.startsWith('--'));
const asked = named.length ? named : ['unit', 'protocol', 'grammar', 'meta'];

function findTests(dir) {
  let found = [];
  let entries = [];
  try { entries = readdirSync(dir); } catch { return found; }
  for (const name of entries.sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found = found.concat(findTests(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

/** The test files one argument names: a suite under test/, or a folder or file from here or from the root. */
function testsOf(arg) {
  const path = [join(testRoot, arg), resolve(arg), join(root, arg)].find((candidate) => existsSync(candidate));
  if (!path) return { error: `no suite, folder or file ${arg}` };
  if (path !== testRoot && !path.startsWith(testRoot + sep)) return { error: `${arg} is not under test/` };
  if (statSync(path).isDirectory()) return { files: findTests(path) };
  if (!path.endsWith('.test.ts')) return { error: `${arg} is not a test file (*.test.ts)` };
  return { files: [path] };
}

const entryPoints = [];
for (const arg of asked) {
  const { files, error } = testsOf(arg);
  if (error) {
    console.error(error);
    process.exit(1);
  }
  for (const file of files) if (!entryPoints.includes(file)) entryPoints.push(file);
}
if (entryPoints.length === 0) {
  console.error(`no tests found in: ${asked.join(', ')}`);
  process.exit(1);
}
// One folder per run, so two runs at once (an editor's test task and a terminal) do not
// delete each other's bundles.
const outdir = join(root, 'out', 'test', String(process.pid));
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints,
  outdir,
  outbase: testRoot,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  sourcemap: 'inline',
  packages: 'external',
  logLevel: 'warning',
});
const files = entryPoints.map((p) => join(outdir, relative(testRoot, p)).replace(/\.ts$/, '.js'));
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-reporter=spec', ...runnerOptions, ...files], {
  stdio: 'inherit',
  cwd: root,
});
rmSync(outdir, { recursive: true, force: true });
process.exit(result.status ?? 1);

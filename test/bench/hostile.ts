/**
 * `npm run bench -- --hostile`: what a hostile repository costs the spawned server, at the
 * sizes of the reliability review. Each case builds its workspace in a temp folder, spawns
 * the server (MINUTES_SERVER, default dist/server.js: another build can be measured the same
 * way), and reports the case's own time, the server's peak resident memory, and the slowest
 * answers to small hovers sent every 50 ms meanwhile: on an untitled document (how long the
 * server was held: others blocked) and in the site (which also waits for the site's knowledge).
 * A case that does not finish within its limit is reported as such. MINUTES_HOSTILE_ITEMS=6,10
 * runs only those items.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';

const ROOT = process.cwd();
const SERVER = resolve(process.env.MINUTES_SERVER ?? join(ROOT, 'dist/server.js'));
const CLI = resolve(process.env.MINUTES_CLI ?? join(ROOT, 'dist/cli.js'));
const LIMIT_MS = Number(process.env.MINUTES_HOSTILE_LIMIT_MS ?? 60_000);
const PROBE = 'meetings/cpansec-minutes-2024-03-27.md';

export interface Outcome {
  readonly item: string;
  readonly what: string;
  readonly ms: number | null;
  readonly peakMb: number | null;
  /** The slowest answer to a hover that needs nothing of the site: how long the server was held. */
  readonly blockedMs: number | null;
  /** The slowest answer to a hover in the site, which also waits for the knowledge it needs. */
  readonly waitedMs?: number | null;
  readonly note?: string;
}

interface Session {
  readonly connection: ProtocolConnection;
  readonly root: string;
  uri(path: string): string;
  open(path: string, text?: string): Promise<void>;
  /** Starts the probes (done before the case unless the case initializes the server itself). */
  startProbes(): Promise<void>;
  /** Settles once the server has read the whole site. */
  siteRead(): Promise<void>;
}

function site(prepare: (root: string) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'minutes-hostile-bench-'));
  cpSync(join(ROOT, 'test/fixtures/cpansec'), root, { recursive: true });
  prepare(root);
  return root;
}

function peakMb(pid: number | undefined): number | null {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
  } catch {
    return null;
  }
}

function withLimit<T>(work: Promise<T>, ms = LIMIT_MS): Promise<T | 'timeout'> {
  return Promise.race([work, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref())]);
}

/** Spawns the server on `root`, runs `action`, probing with hovers, and measures. */
async function serverCase(item: string, what: string, root: string, action: (session: Session) => Promise<string | void>, options: { initialize?: boolean } = {}): Promise<Outcome> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  // The server logs when it has read the whole site (findings that compare minutes wait for it).
  let siteRead = () => undefined as void;
  const wholeSiteRead = new Promise<void>((resolve) => (siteRead = resolve));
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    if (/^read \d+ files of /.test(p.message)) siteRead();
  });
  connection.onRequest('workspace/applyEdit', () => ({ applied: true }));
  connection.onRequest('window/showDocument', () => ({ success: true }));
  connection.listen();
  const uri = (path: string) => pathToFileURL(join(root, path)).href;
  // Two probes, a small hover every 50 ms each: one on an untitled copy of a minutes file,
  // which needs nothing of the site (how long the server itself was held: "others blocked"),
  // one in the site, which also waits until the site's knowledge it needs has been read.
  let blocked = 0;
  let waited = 0;
  let probing = true;
  const UNTITLED = 'untitled:Probe-1';
  const probe = async (probeUri: string, slowest: (ms: number) => void) => {
    while (probing) {
      const sent = performance.now();
      await connection.sendRequest('textDocument/hover', { textDocument: { uri: probeUri }, position: { line: 3, character: 2 } }).catch(() => null);
      slowest(performance.now() - sent);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const startProbes = async () => {
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: UNTITLED, languageId: 'markdown', version: 1, text: readFileSync(join(root, PROBE), 'utf8') } });
    void probe(UNTITLED, (ms) => (blocked = Math.max(blocked, ms)));
    void probe(uri(PROBE), (ms) => (waited = Math.max(waited, ms)));
  };
  const session: Session = {
    connection,
    root,
    uri,
    startProbes,
    siteRead: () => wholeSiteRead,
    open: (path, text) => connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(path), languageId: 'markdown', version: 1, text: text ?? readFileSync(join(root, path), 'utf8') } }),
  };
  const initialize = async () => {
    const rootUri = pathToFileURL(root).href;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'site' }],
      capabilities: { textDocument: { diagnostic: {}, hover: { contentFormat: ['markdown'] } }, workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } }, window: { showDocument: { support: true } } },
    });
    await connection.sendNotification('initialized', {});
    await session.open(PROBE);
  };
  const started = performance.now();
  let note: string | void = undefined;
  let timedOut = false;
  try {
    const result = await withLimit(
      (async () => {
        if (options.initialize !== false) {
          await initialize();
          await startProbes();
        }
        note = await action(session);
      })(),
    );
    timedOut = result === 'timeout';
  } catch (error) {
    note = `error: ${error instanceof Error ? error.message : String(error)}`;
  }
  const ms = performance.now() - started;
  probing = false;
  const peak = peakMb(child.pid);
  connection.dispose();
  child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
  return { item, what, ms: timedOut ? null : ms, peakMb: peak, blockedMs: timedOut ? null : blocked, waitedMs: timedOut ? null : waited, note: timedOut ? `no answer within ${LIMIT_MS / 1000} s` : note || undefined };
}

async function cliCase(item: string, what: string, args: (root: string) => string[], prepare: (root: string) => void): Promise<Outcome> {
  const root = site(prepare);
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, ...args(root)], { encoding: 'utf8', timeout: LIMIT_MS });
  const ms = performance.now() - started;
  rmSync(root, { recursive: true, force: true });
  const peak = Number(result.stderr?.trim().split('\n').pop()) / 1024;
  return { item, what, ms: result.error ? null : ms, peakMb: Number.isFinite(peak) ? peak : null, blockedMs: null, waitedMs: null, note: result.error ? `no exit within ${LIMIT_MS / 1000} s` : `exit ${result.status}` };
}

const pull = (s: Session, path: string) => s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: s.uri(path) } });

/** The pull an editor makes when the server asks after reading the whole site: every rule runs then. */
async function pullOnceSiteRead(s: Session, path: string): Promise<string> {
  await s.siteRead();
  const started = performance.now();
  const report = (await pull(s, path)) as { items: unknown[] };
  return `pull once the site is read ${(performance.now() - started).toFixed(0)} ms (${report.items.length} findings)`;
}
const members = (count: number) => Array.from({ length: count }, (_, i) => `member${i}:\n  name: Member ${i}\n`).join('');

/** The sizes of the reliability review (`full`), or small ones for `npm test` (`small`). */
export type HostileScale = 'small' | 'full';

export interface HostileCase {
  readonly item: string;
  run(): Promise<Outcome>;
}

/** Every case, at a scale: each item of the review, its figure to compare before and after. */
export function hostileCases(scale: HostileScale): HostileCase[] {
  const full = scale === 'full';
  const n = (big: number, small: number) => (full ? big : small);
  const cases: HostileCase[] = [];
  const add = (item: string, run: () => Promise<Outcome>) => cases.push({ item, run });
  add('1', () =>
    serverCase('1', '.minutes.json → /dev/ptmx, _config.yml → /dev/zero: first hover', site((r) => {
      rmSync(join(r, '_config.yml'));
      symlinkSync('/dev/ptmx', join(r, '.minutes.json'));
      symlinkSync('/dev/zero', join(r, '_config.yml'));
    }), async (s) => {
      await s.connection.sendRequest('textDocument/hover', { textDocument: { uri: s.uri(PROBE) }, position: { line: 3, character: 2 } });
    }),
  );
  add('2', () =>
    serverCase('2', 'a .md linked to /dev/ptmx announced as created, then a hover', site(() => undefined), async (s) => {
      symlinkSync('/dev/ptmx', join(s.root, 'meetings/cpansec-minutes-2024-12-11.md'));
      await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: s.uri('meetings/cpansec-minutes-2024-12-11.md'), type: 1 }] });
      await s.connection.sendRequest('textDocument/hover', { textDocument: { uri: s.uri(PROBE) }, position: { line: 3, character: 2 } });
    }),
  );
  add('3', () =>
    serverCase('3', '"index": "../victim/README.md", New Meeting', site((r) => writeFileSync(join(r, '.minutes.json'), '{ "index": "../victim/README.md" }')), async (s) => {
      const edits: string[] = [];
      s.connection.onRequest('workspace/applyEdit', (p: { edit: { documentChanges?: ({ textDocument?: { uri: string }; uri?: string })[] } }) => {
        for (const c of p.edit.documentChanges ?? []) edits.push(c.textDocument?.uri ?? c.uri ?? '');
        return { applied: true };
      });
      await s.connection.sendRequest('workspace/executeCommand', { command: 'minutes.newMeeting', arguments: [] });
      const outside = edits.filter((u) => !u.startsWith(`${pathToFileURL(s.root).href}/`));
      return `${outside.length} edits outside the root`;
    }),
  );
  const width = n(200_000_000, 200_000);
  add('5', () =>
    serverCase('5', `hover on date: "%${width}Z %${width}N"`, site(() => undefined), async (s) => {
      const text = `${readFileSync(join(s.root, PROBE), 'utf8')}\nPublished {{ page.meeting_time | date: "%${width}Z %${width}N" }}\n`;
      await s.open('meetings/strftime.md', text);
      const line = text.split('\n').length - 2;
      await s.connection.sendRequest('textDocument/hover', { textDocument: { uri: s.uri('meetings/strftime.md') }, position: { line, character: 14 } });
    }),
  );
  for (const count of full ? [10_000, 20_000] : [1_000]) {
    add('6', () =>
      serverCase('6', `_data/authors.yml with ${count.toLocaleString('en')} members: pulls + a keystroke`, site((r) => writeFileSync(join(r, '_data/authors.yml'), members(count))), async (s) => {
        const started = performance.now();
        await pull(s, PROBE);
        const first = performance.now() - started;
        const whole = await pullOnceSiteRead(s, PROBE);
        const typed = performance.now();
        await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri: s.uri(PROBE), version: 2 }, contentChanges: [{ range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, text: 'x' }] });
        await pull(s, PROBE);
        return `first pull ${first.toFixed(0)} ms, ${whole}, a keystroke then ${(performance.now() - typed).toFixed(0)} ms`;
      }),
    );
  }
  const roster = n(20_000, 1_000);
  const strangers = n(2_000, 100);
  add('6', () =>
    serverCase('6', `${roster.toLocaleString('en')} members × ${strangers.toLocaleString('en')} unknown handles in one document`, site((r) => writeFileSync(join(r, '_data/authors.yml'), members(roster))), async (s) => {
      const text = `---\nmeeting_time: 2024-12-04 17:00 UTC\n---\n# Minutes\n\n## Attendees\n\n${Array.from({ length: strangers }, (_, i) => `- @stranger${i}x`).join('\n')}\n`;
      await s.open('meetings/cpansec-minutes-2024-12-04.md', text);
      await pull(s, 'meetings/cpansec-minutes-2024-12-04.md');
      return pullOnceSiteRead(s, 'meetings/cpansec-minutes-2024-12-04.md');
    }),
  );
  const zones = n(200_000, 2_000);
  add('7', () =>
    serverCase('7', `timeZones.hover with ${zones.toLocaleString('en')} entries: one hover`, site((r) => writeFileSync(join(r, '.minutes.json'), JSON.stringify({ timeZones: { hover: Array.from({ length: zones }, (_, i) => (i % 2 ? 'Europe/Oslo' : 'UTC')) } }))), async (s) => {
      await s.connection.sendRequest('textDocument/hover', { textDocument: { uri: s.uri(PROBE) }, position: { line: 3, character: 2 } });
    }),
  );
  const below = n(1_000, 100);
  add('8', () => {
    const noRoot = mkdtempSync(join(tmpdir(), 'minutes-hostile-noroot-'));
    cpSync(join(ROOT, 'test/fixtures/cpansec/meetings'), join(noRoot, 'meetings'), { recursive: true });
    for (let i = 0; i < below; i++) {
      mkdirSync(join(noRoot, 'meetings', 'deep', `d${i % 20}`), { recursive: true });
      writeFileSync(join(noRoot, 'meetings', 'deep', `d${i % 20}`, `page-${i}.md`), `# Page ${i}\n`);
    }
    return serverCase('8', `a file opened with no workspace root (${below.toLocaleString('en')} files below it)`, noRoot, async (s) => {
      let read = '';
      s.connection.onNotification('window/logMessage', (p: { message: string }) => {
        if (/^read \d+ files/.test(p.message)) read = p.message.replace(/ of .* in /, ' in ');
      });
      await s.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: { textDocument: { diagnostic: {} } } });
      await s.connection.sendNotification('initialized', {});
      await s.startProbes();
      await s.open(PROBE);
      await pull(s, PROBE);
      for (let i = 0; i < 100 && !read; i++) await new Promise((r) => setTimeout(r, 20));
      return read;
    }, { initialize: false });
  });
  const bytes = n(200e6, 20e6);
  const big = (r: string) => {
    const chunk = readFileSync(join(r, PROBE), 'utf8').replace(/^---[\s\S]*?---\n/, '');
    writeFileSync(join(r, 'meetings/cpansec-minutes-2024-12-04.md'), `---\nmeeting_time: 2024-12-04 17:00 UTC\n---\n${chunk.repeat(Math.ceil(bytes / chunk.length))}`);
  };
  add('9', () =>
    serverCase('9', `a ${bytes / 1e6} MB minutes file in the workspace: references on @sjn`, site(big), async (s) => {
      const text = readFileSync(join(s.root, PROBE), 'utf8');
      const line = text.split('\n').findIndex((l) => l.includes('@'));
      await s.connection.sendRequest('textDocument/references', { textDocument: { uri: s.uri(PROBE) }, position: { line, character: text.split('\n')[line]!.indexOf('@') + 1 }, context: { includeDeclaration: true } });
    }),
  );
  add('9', () => cliCase('9', `the CLI on a site with a ${bytes / 1e6} MB minutes file`, (r) => ['check', join(r, 'meetings')], big));
  const lines = n(50_000, 5_000);
  add('10', () =>
    serverCase('10', `a ${((lines * 18) / 1e6).toFixed(1)} MB document with ${(lines * 3).toLocaleString('en')} handles: pull`, site(() => undefined), async (s) => {
      const text = `---\nmeeting_time: 2024-12-04 17:00 UTC\n---\n# Minutes\n\n${'- @h1 @sjn @other\n'.repeat(lines)}`;
      await s.open('meetings/cpansec-minutes-2024-12-04.md', text);
      await pull(s, 'meetings/cpansec-minutes-2024-12-04.md');
      return pullOnceSiteRead(s, 'meetings/cpansec-minutes-2024-12-04.md');
    }),
  );
  add('12', () =>
    cliCase('12', 'the CLI given a FIFO', (r) => ['check', join(r, 'fifo.md')], (r) => {
      spawnSync('mkfifo', [join(r, 'fifo.md')]);
    }),
  );
  return cases;
}

export async function hostile(): Promise<void> {
  console.log(`server: ${SERVER}\n`);
  const outcomes: Outcome[] = [];
  const only = process.env.MINUTES_HOSTILE_ITEMS?.split(',');
  for (const hostileCase of hostileCases('full')) {
    if (only && !only.includes(hostileCase.item)) continue;
    const o = await hostileCase.run();
    outcomes.push(o);
    console.log(`${o.item.padEnd(4)} ${o.what.padEnd(62)} ${o.ms === null ? 'timeout' : `${o.ms.toFixed(0)} ms`}  peak ${o.peakMb?.toFixed(0) ?? '?'} MB  blocked ${o.blockedMs?.toFixed(0) ?? '–'} ms  site hover ${o.waitedMs?.toFixed(0) ?? '–'} ms${o.note ? `  (${o.note})` : ''}`);
  }
  console.log('\n| item | case | time | peak RSS | others blocked | slowest hover in the site |');
  console.log('|---|---|---|---|---|---|');
  for (const o of outcomes) {
    console.log(`| ${o.item} | ${o.what} | ${o.ms === null ? `> ${LIMIT_MS / 1000} s` : `${(o.ms / 1000).toFixed(2)} s`} | ${o.peakMb?.toFixed(0) ?? '?'} MB | ${o.blockedMs === null ? '–' : `${o.blockedMs.toFixed(0)} ms`} | ${o.waitedMs == null ? '–' : `${o.waitedMs.toFixed(0)} ms`} |${o.note ? ` ${o.note}` : ''}`);
  }
}

/**
 * What an editor sees through the protocol, on the spawned server over stdio: a keystroke to
 * its diagnostics, an unchanged re-pull, the bytes of each report, a workspace pull of 1,000
 * files, and the server's memory once it has read them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { corpusSite, documentOfSize } from './corpus';
import { median } from './measure';
import { removeSite, thousandMinutes } from './startup';

const ROOT = process.cwd();

export interface ProtocolRow {
  readonly what: string;
  readonly value: string;
  readonly target: string;
  readonly met: boolean | null;
}

interface Spawned {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  stop(): void;
}

/** Spawns the built server on a root and waits until it has read the whole workspace. */
async function spawnRead(root: string): Promise<Spawned> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  let markRead: () => void = () => undefined;
  const read = new Promise<void>((resolve) => (markRead = resolve));
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    if (/^read \d+ files of /.test(p.message)) markRead();
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  const rootUri = pathToFileURL(root).href;
  await connection.sendRequest('initialize', {
    processId: null,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'site' }],
    capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true, diagnostics: { refreshSupport: true } } },
  });
  await connection.sendNotification('initialized', {});
  await read;
  return {
    connection,
    child,
    stop: () => {
      connection.dispose();
      child.kill();
    },
  };
}

function rssMb(pid: number | undefined): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
}

type Report = { kind: string; resultId?: string; items?: unknown[] };

/** `lintMs`: markdownlint's full lint of the same documents, measured by the bench in this process. */
export async function protocolRows(lintMs: Readonly<Record<string, number>>): Promise<ProtocolRow[]> {
  const rows: ProtocolRow[] = [];
  const site = join(ROOT, 'test/fixtures/cpansec');
  const server = await spawnRead(site);
  const uri = pathToFileURL(join(site, 'meetings/cpansec-minutes-2024-11-15.md')).href;
  const corpus = corpusSite();
  for (const [label, size, target] of [
    ['6 KB', 6_000, 2],
    ['100 KB', 100_000, null],
    ['1 MB', 1_000_000, 30],
  ] as const) {
    const text = documentOfSize(corpus, size);
    const c = server.connection;
    await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    let report = (await c.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as Report;
    const bytes = JSON.stringify(report).length;
    const edits: number[] = [];
    // As many keystrokes as a few lines of typing: the server's code is warm, as in a session.
    const keystrokes = size < 1_000_000 ? 200 : 30;
    for (let version = 2; version < 2 + keystrokes; version++) {
      const started = performance.now();
      // One character typed into a line of the body, then the pull an editor makes.
      await c.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, text: 'x' }] });
      report = (await c.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId })) as Report;
      edits.push(performance.now() - started);
    }
    const unchanged: number[] = [];
    for (let i = 0; i < 30; i++) {
      const started = performance.now();
      const again = (await c.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId })) as Report;
      unchanged.push(performance.now() - started);
      if (again.kind !== 'unchanged') throw new Error('an unchanged document was reported in full');
    }
    const edit = median(edits);
    const lint = lintMs[label];
    rows.push({
      what: `through stdio: a keystroke → its diagnostics, ${label}`,
      value: `${edit.toFixed(2)} ms${lint ? ` (markdownlint's lint ${lint.toFixed(1)} ms)` : ''}, report ${(bytes / 1024).toFixed(1)} KB, ${report.items?.length ?? 0} diagnostics`,
      target: target === null ? '' : `≤ ${target} ms`,
      met: target === null ? null : edit <= target,
    });
    const again = median(unchanged);
    rows.push({ what: `through stdio: unchanged re-pull, ${label}`, value: `${again.toFixed(2)} ms, 48 bytes`, target: label === '1 MB' ? '≤ 0.5 ms' : '', met: label === '1 MB' ? again <= 0.5 : null });
    await c.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  server.stop();

  const big = thousandMinutes();
  const started = performance.now();
  const busy = await spawnRead(big.root);
  const readMs = performance.now() - started;
  const rss = rssMb(busy.child.pid);
  const pullStarted = performance.now();
  const workspace = (await busy.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { uri: string; resultId?: string; items?: unknown[] }[] };
  const pullMs = performance.now() - pullStarted;
  const bytes = JSON.stringify(workspace).length;
  const againStarted = performance.now();
  await busy.connection.sendRequest('workspace/diagnostic', { previousResultIds: workspace.items.map((item) => ({ uri: item.uri, value: item.resultId })) });
  const againMs = performance.now() - againStarted;
  // V8 hands back the pages the read's garbage grew into once the process has been idle a while.
  await new Promise((resolve) => setTimeout(resolve, 8_000));
  const idleRss = rssMb(busy.child.pid);
  busy.stop();
  removeSite(big);
  rows.push({ what: 'through stdio: workspace pull, 1,000 minutes files', value: `${pullMs.toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KB; again, all unchanged: ${againMs.toFixed(0)} ms`, target: '', met: null });
  rows.push({ what: 'server RSS after reading 1,000 minutes files', value: `${rss.toFixed(0)} MB at once, ${idleRss.toFixed(0)} MB after 8 s idle (read in ${readMs.toFixed(0)} ms)`, target: '≤ 80 MB', met: idleRss <= 80 });
  return rows;
}

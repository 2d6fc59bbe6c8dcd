import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, type Hover, type ResponseError } from 'vscode-languageserver-protocol';
import { PULL_CAPABILITIES, ROOT, spawnRawServer, spawnServer, type RawServer } from '../support/lspClient';

/**
 * A client that breaks the protocol: the lifecycle out of order, headers that are not
 * headers, requests cancelled while they wait. The server must answer as the LSP spec says,
 * or close with one line on stderr; never hang, never grow without bound.
 */

const CANCELLED = -32800; // LSPErrorCodes.RequestCancelled
const INVALID_REQUEST = -32600;
const SERVER_NOT_INITIALIZED = -32002;

const initializeParams = { processId: null, rootUri: null, capabilities: PULL_CAPABILITIES };

/** A server that has been initialized (no workspace folder, so nothing to read). */
async function initializedRawServer(): Promise<RawServer> {
  const server = spawnRawServer();
  const answer = await server.request('initialize', initializeParams);
  assert.ok(answer.result, JSON.stringify(answer));
  server.send({ method: 'initialized', params: {} });
  return server;
}

/** Resident and peak memory of a live process, in MB (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    const rss = kb('VmRSS');
    return Number.isNaN(rss) ? null : { rss: rss / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

test('lifecycle: requests before initialize, a second initialize, requests and notifications after shutdown, exit 0', async () => {
  const server = spawnRawServer();
  try {
    const early = await server.request('textDocument/hover', { textDocument: { uri: 'untitled:a' }, position: { line: 0, character: 0 } });
    assert.equal(early.error?.code, SERVER_NOT_INITIALIZED, JSON.stringify(early));
    assert.ok((await server.request('initialize', initializeParams)).result);
    const again = await server.request('initialize', initializeParams);
    assert.equal(again.error?.code, INVALID_REQUEST, JSON.stringify(again));
    server.send({ method: 'initialized', params: {} });
    // Still serving after the refused initialize.
    assert.deepEqual((await server.request('textDocument/diagnostic', { textDocument: { uri: 'untitled:none' } })).result, { kind: 'full', items: [] });

    // A settings change asks a pulling client to refresh its diagnostics, at once (before the next answer)…
    const refreshes = () => server.received.filter((m) => m.method === 'workspace/diagnostic/refresh').length;
    server.send({ method: 'workspace/didChangeConfiguration', params: { settings: {} } });
    await server.request('textDocument/hover', { textDocument: { uri: 'untitled:none' }, position: { line: 0, character: 0 } });
    assert.equal(refreshes(), 1);

    assert.deepEqual((await server.request('shutdown')).result, null);
    const late = await server.request('textDocument/hover', { textDocument: { uri: 'untitled:none' }, position: { line: 0, character: 0 } });
    assert.equal(late.error?.code, INVALID_REQUEST, JSON.stringify(late));
    assert.equal((await server.request('shutdown')).error?.code, INVALID_REQUEST);
    assert.equal((await server.request('initialize', initializeParams)).error?.code, INVALID_REQUEST);
    // …but after shutdown the same notification is ignored.
    server.send({ method: 'workspace/didChangeConfiguration', params: { settings: {} } });
    await server.request('textDocument/hover', { textDocument: { uri: 'untitled:none' }, position: { line: 0, character: 0 } });
    assert.equal(refreshes(), 1);

    server.send({ method: 'exit' });
    assert.equal(await server.exitCode(), 0);
  } finally {
    server.process.kill();
  }
});

test('exit without shutdown ends the server with code 1', async () => {
  const server = await initializedRawServer();
  server.send({ method: 'exit' });
  assert.equal(await server.exitCode(), 1);
});

test('legal framing is served: lower-case field names, a Content-Type, a message split across writes', async () => {
  const server = await initializedRawServer();
  try {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'textDocument/hover', params: { textDocument: { uri: 'untitled:x' }, position: { line: 0, character: 0 } } }));
    const bytes = Buffer.concat([Buffer.from(`content-length:${body.length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n`), body]);
    const cuts = [0, 3, 16, 17, 40, 70, bytes.length - 1, bytes.length];
    for (let i = 0; i + 1 < cuts.length; i++) server.write(bytes.subarray(cuts[i], cuts[i + 1]));
    const answer = await server.waitFor(() => server.received.find((m) => m.id === 7), 'the answer to the split message');
    assert.deepEqual(answer.result, null);
    assert.equal(server.stderr(), '');
  } finally {
    server.process.kill();
  }
});

const MALFORMED: [string, Buffer | string][] = [
  ['Content-Length: abc', 'Content-Length: abc\r\n\r\n{}'],
  ['Content-Length: -5', 'Content-Length: -5\r\n\r\n{"jsonrpc":"2.0"}'],
  ['a header line without a colon', 'Content-Length 38\r\n\r\n{"jsonrpc":"2.0","id":1,"result":null}'],
  ['Content-Length: 10^12', 'Content-Length: 1000000000000\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"shutdown"}'],
  ['garbage bytes before the header', Buffer.concat([Buffer.from([0x00, 0xff, 0xfe, 0x1b]), Buffer.from('junk\r\nContent-Length: 2\r\n\r\n{}')])],
  ['1 MB without a header end', Buffer.alloc(1024 * 1024, 'A')],
  ['no Content-Length at all', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}'],
  ['Content-Length twice', 'Content-Length: 2\r\nContent-Length: 30\r\n\r\n{}'],
];

for (const [name, bytes] of MALFORMED) {
  test(`malformed header (${name}): the server closes with one line on stderr, memory bounded`, async () => {
    const server = await initializedRawServer();
    try {
      const pid = server.process.pid!;
      const before = memoryOf(pid);
      let peak = before?.peak ?? 0;
      const sample = setInterval(() => (peak = Math.max(peak, memoryOf(pid)?.peak ?? 0)), 2);
      const started = performance.now();
      server.write(bytes);
      const code = await server.exitCode().finally(() => clearInterval(sample));
      const closedIn = performance.now() - started;
      const lines = server.stderr().trim().split('\n');
      assert.equal(code, 1);
      assert.equal(lines.length, 1, server.stderr());
      assert.match(lines[0]!, /^minutes-language-server: malformed message header, closing the connection: \S/);
      if (before) assert.ok(peak - before.rss < 64, `memory grew from ${before.rss.toFixed(1)} MB to a peak of ${peak.toFixed(1)} MB`);
      console.log(`${name}: closed in ${closedIn.toFixed(0)} ms; RSS ${before?.rss.toFixed(1)} MB before, peak ${peak.toFixed(1)} MB; ${lines[0]}`);
    } finally {
      server.process.kill();
    }
  });
}

test('a body cut off by the end of the input: one line on stderr and exit 1', async () => {
  const server = await initializedRawServer();
  const started = performance.now();
  server.write('Content-Length: 100\r\n\r\n{"jsonrpc":"2.0","id":5,');
  server.process.stdin!.end();
  assert.equal(await server.exitCode(), 1);
  const lines = server.stderr().trim().split('\n');
  assert.deepEqual(lines, ['minutes-language-server: the input ended 76 bytes before the end of a message body']);
  console.log(`unterminated body: closed in ${(performance.now() - started).toFixed(0)} ms`);
});

// A site as CPANSec keeps it (every minutes file in meetings/), but with thousands of them:
// reading it takes a while, and a request on one of its files waits for that folder.
const FILES = 3_000;
const big = mkdtempSync(join(tmpdir(), 'minutes-big-'));
const small = mkdtempSync(join(tmpdir(), 'minutes-small-'));
after(() => {
  rmSync(big, { recursive: true, force: true });
  rmSync(small, { recursive: true, force: true });
});
const fixture = resolve(ROOT, 'test/fixtures/cpansec');
cpSync(fixture, small, { recursive: true });
cpSync(join(fixture, '_data'), join(big, '_data'), { recursive: true });
cpSync(join(fixture, '_config.yml'), join(big, '_config.yml'));
mkdirSync(join(big, 'meetings'));
const minutes = readdirSync(join(fixture, 'meetings'))
  .filter((name) => name.startsWith('cpansec-minutes-'))
  .map((name) => readFileSync(join(fixture, 'meetings', name), 'utf8'));
let newest = '';
for (let i = 0; i < FILES; i++) {
  const date = new Date(Date.UTC(1960, 0, 6) + i * 7 * 86_400_000).toISOString().slice(0, 10);
  newest = join(big, 'meetings', `cpansec-minutes-${date}.md`);
  writeFileSync(newest, minutes[i % minutes.length]!.replace(/^meeting_time: .*$/m, `meeting_time: ${date} 17:00 UTC`));
}

/** Opens a file in the server and returns its URI and the position of its first `@handle`. */
async function open(server: Awaited<ReturnType<typeof spawnServer>>, path: string) {
  const text = readFileSync(path, 'utf8');
  const uri = pathToFileURL(path).href;
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const before = text.slice(0, text.search(/@[a-z]/i) + 2).split('\n');
  return { uri, handle: { line: before.length - 1, character: before[before.length - 1]!.length - 1 } };
}

const settle = <T>(promise: Promise<T>) => promise.then(
  (result) => ({ result, error: undefined as ResponseError<unknown> | undefined, at: performance.now() }),
  (error: ResponseError<unknown>) => ({ result: undefined, error, at: performance.now() }),
);

test('requests cancelled while the workspace is read are answered RequestCancelled at once', async () => {
  const server = await spawnServer(big, PULL_CAPABILITIES);
  try {
    const { uri, handle } = await open(server, newest);
    const started = performance.now();
    // The same hover, not cancelled: it waits until meetings/ is read.
    const waiting = settle(server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 3 } }));
    const requests = {
      'textDocument/hover': { textDocument: { uri }, position: { line: 3, character: 3 } },
      'textDocument/completion': { textDocument: { uri }, position: handle },
      'textDocument/references': { textDocument: { uri }, position: handle, context: { includeDeclaration: true } },
      'textDocument/diagnostic': { textDocument: { uri } },
    };
    const cancelled = Object.entries(requests).map(([method, params]) => {
      const source = new CancellationTokenSource();
      const answer = settle(server.connection.sendRequest(method, params, source.token));
      source.cancel();
      return answer.then((settled) => ({ method, ...settled }));
    });
    for (const answer of await Promise.all(cancelled)) assert.equal(answer.error?.code, CANCELLED, `${answer.method}: ${JSON.stringify(answer)}`);
    const lastCancelled = performance.now();
    const waited = await waiting;
    assert.match((waited.result?.contents as { value: string }).value, /17:00 UTC/);
    assert.ok(waited.at > lastCancelled, 'the cancelled requests were answered before their folder was read');
    console.log(`cancelled while reading ${FILES} files: answered within ${(lastCancelled - started).toFixed(0)} ms; the same hover uncancelled took ${(waited.at - started).toFixed(0)} ms`);
  } finally {
    await server.stop();
  }
});

test('while a large workspace is read, a hover in another folder is answered (the slow request does not block it)', async () => {
  const server = await spawnServer(big, PULL_CAPABILITIES, {}, [small]);
  try {
    const inBig = await open(server, newest);
    const inSmall = await open(server, join(small, 'meetings/cpansec-minutes-2024-04-10.md'));
    const started = performance.now();
    const slow = settle(server.connection.sendRequest('textDocument/references', { textDocument: { uri: inBig.uri }, position: inBig.handle, context: { includeDeclaration: true } }));
    let slowAnswered = false;
    void slow.then(() => (slowAnswered = true));
    const hover = await settle(server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: inSmall.uri }, position: { line: 3, character: 3 } }));
    const hoverLatency = hover.at - started;
    const stillReading = !slowAnswered;
    assert.match((hover.result?.contents as { value: string }).value, /on Apr 10th, 2024, at 17:00 UTC/);
    const references = await slow;
    assert.ok(Array.isArray(references.result) && references.result.length > FILES / 2, JSON.stringify(references.error));
    console.log(
      `hover during the read of ${FILES} files: ${hoverLatency.toFixed(0)} ms (references over the big folder ${stillReading ? 'still pending' : 'already answered'} then; answered after ${(references.at - started).toFixed(0)} ms)`,
    );
  } finally {
    await server.stop();
  }
});

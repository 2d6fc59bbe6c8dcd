// First squiggle first: on a slow file system, an opened file is diagnosed as soon as the
// configuration and _data/ are read, before the rest of the workspace; what compares it with
// the other minutes follows once everything is read, announced by workspace/diagnostic/refresh.
// The server runs in this process on a FileAccess whose minutes folder answers only when
// the test lets it, through the same adapter the real server uses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startAdapter } from '../../server/src/adapter';
import { nodeFileAccess } from '../../server/src/node/nodeFileAccess';
import type { FileAccess } from '../../server/src/workspace/fileAccess';
import { ROOT } from '../support/lspClient';

const SITE = resolve(ROOT, 'test/fixtures/cpansec');
const rootUri = pathToFileURL(SITE).href;
const OPENED = `${rootUri}/meetings/cpansec-minutes-2024-01-06.md`;

/** The disk, except that reading anything in meetings/ waits until `open()` is called. */
function slowMeetings(): { files: FileAccess; open(): void; waiting(): number } {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolveGate) => (release = resolveGate));
  let waiting = 0;
  const held = async <T>(uri: string, work: () => Promise<T>): Promise<T> => {
    if (uri.includes('/meetings')) {
      waiting++;
      await gate;
    }
    return work();
  };
  return {
    files: {
      read: (uri, limits) => held(uri, () => nodeFileAccess.read(uri, limits)),
      list: (uri) => held(uri, () => nodeFileAccess.list(uri)),
      exists: (uri) => nodeFileAccess.exists(uri),
    },
    open: () => release(),
    waiting: () => waiting,
  };
}

test('the opened file is diagnosed before the workspace is read; the rest follows with a refresh', { timeout: 20_000 }, async () => {
  const slow = slowMeetings();
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startAdapter(server, slow.files);
  server.listen();
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  let refreshes = 0;
  let refreshed: () => void = () => undefined;
  client.onRequest('workspace/diagnostic/refresh', () => {
    refreshes++;
    refreshed();
    return null;
  });
  client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  client.onRequest('client/registerCapability', () => null);
  client.onRequest('window/workDoneProgress/create', () => null);
  client.listen();
  try {
    await client.sendRequest('initialize', {
      // No process id: the server would watch this process with a timer that keeps it alive.
      processId: null,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'site' }],
      capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true, diagnostics: { refreshSupport: true } } },
    });
    await client.sendNotification('initialized', {});
    const text = readFileSync(join(SITE, 'meetings/cpansec-minutes-2024-01-06.md'), 'utf8');
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: OPENED, languageId: 'markdown', version: 1, text } });
    const pull = async () => ((await client.sendRequest('textDocument/diagnostic', { textDocument: { uri: OPENED } })) as { items: Diagnostic[] }).items;

    // The minutes folder is still being read: the file's own findings are there already.
    const early = await pull();
    assert.ok(slow.waiting() > 0, 'the scan is waiting on the minutes folder');
    assert.equal(refreshes, 0);
    const codes = (items: Diagnostic[]) => [...new Set(items.map((d) => String(d.code)))].sort();
    assert.ok(early.some((d) => d.code === 'upcoming-date'), JSON.stringify(codes(early)));
    // Judged against the roster in _data/authors.yml, read first: the misspelt handle.
    assert.ok(!early.some((d) => d.code === 'missing-section' || d.code === 'minutes-link'));

    const refresh = new Promise<void>((resolveRefresh) => (refreshed = resolveRefresh));
    slow.open();
    await refresh;
    const whole = await pull();
    assert.ok(whole.some((d) => d.code === 'unknown-handle' && String(d.message).startsWith('@stigsp')), JSON.stringify(codes(whole)));
    for (const finding of early) assert.ok(whole.some((d) => d.message === finding.message), `kept: ${String(finding.message)}`);
  } finally {
    client.dispose();
    server.dispose();
    // Ended, the streams leave nothing for the event loop to wait on once the test is over.
    toServer.end();
    toClient.end();
  }
});

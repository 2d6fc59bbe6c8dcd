import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type Diagnostic, type DocumentDiagnosticReport, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { nodeFileAccess } from '../../server/src/node/nodeFileAccess';
import { FileRequests, type FileExistsParams, type FileListParams, type FileReadParams, type FileReadResult } from '../../server/src/common/protocol';
import { PULL_CAPABILITIES, ROOT, SERVER } from '../support/lspClient';

/**
 * A virtual workspace (Remote Repositories' `vscode-vfs:` in desktop VS Code): the Node server
 * cannot read it, so it asks the client for its files with minutes/fs/read, list and exists,
 * as the server in a browser worker always does. Here the test is the client, serving a copy
 * of the fixture site under a vscode-vfs: root.
 */
const REPO = 'vscode-vfs://github/CPAN-Security/cpan-security.github.io';
const site = mkdtempSync(join(tmpdir(), 'minutes-vfs-'));
cpSync(resolve(ROOT, 'test/fixtures/cpansec'), site, { recursive: true });
const onDisk = (uri: string) => (uri === REPO || uri.startsWith(`${REPO}/`) ? `${pathToFileURL(site).href}${uri.slice(REPO.length)}` : null);
const asked: { method: string; uri: string; at: number }[] = [];
let initializedAt = Infinity;
let connection: ProtocolConnection;
const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });

before(async () => {
  connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest(FileRequests.read, async (params: FileReadParams): Promise<FileReadResult> => {
    asked.push({ method: 'read', uri: params.uri, at: Date.now() });
    const [file, root] = [onDisk(params.uri), onDisk(params.root)];
    return file && root ? nodeFileAccess.read(file, { maxBytes: params.maxBytes, root }) : { ok: false, reason: 'outside-root' };
  });
  connection.onRequest(FileRequests.list, async (params: FileListParams) => {
    asked.push({ method: 'list', uri: params.uri, at: Date.now() });
    const folder = onDisk(params.uri);
    return folder ? nodeFileAccess.list(folder) : [];
  });
  connection.onRequest(FileRequests.exists, async (params: FileExistsParams) => {
    asked.push({ method: 'exists', uri: params.uri, at: Date.now() });
    const file = onDisk(params.uri);
    return file ? nodeFileAccess.exists(file) : false;
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: REPO, workspaceFolders: [{ uri: REPO, name: 'repository' }], capabilities: PULL_CAPABILITIES, initializationOptions: { fileRequests: true } });
  initializedAt = Date.now();
  await connection.sendNotification('initialized', {});
});

after(async () => {
  await connection.sendRequest('shutdown').catch(() => undefined);
  await connection.sendNotification('exit').catch(() => undefined);
  connection.dispose();
  child.kill();
  rmSync(site, { recursive: true, force: true });
});

const messageOf = (diagnostic: Diagnostic) => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);

async function diagnosticsUntil(uri: string, accept: (items: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const report: DocumentDiagnosticReport = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    const items = report.kind === 'full' ? report.items : [];
    if (accept(items) || Date.now() > deadline) return items;
    // The workspace is still being read: the server answers what it can and refreshes later.
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 50));
  }
}

test('the Node server reads a vscode-vfs: workspace through the client: the roster from _data/authors.yml judges a handle', async () => {
  const uri = `${REPO}/meetings/cpansec-minutes-2024-01-06.md`;
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(join(site, 'meetings/cpansec-minutes-2024-01-06.md'), 'utf8') } });
  const items = await diagnosticsUntil(uri, (found) => found.some((d) => d.code === 'unknown-handle' && messageOf(d).includes('@stigsp')));
  const warning = items.find((d) => d.code === 'unknown-handle' && messageOf(d).includes('@stigsp'));
  assert.ok(warning, items.map(messageOf).join('\n'));
  assert.match(messageOf(warning), /likely a misspelling of @stigtsp/);
  assert.ok(asked.some((a) => a.method === 'read' && a.uri === `${REPO}/_data/authors.yml`));
  assert.ok(asked.some((a) => a.method === 'list' && a.uri === `${REPO}/meetings`));
});

test('file requests are sent only after initialized, and only for the workspace', () => {
  assert.ok(asked.length > 0);
  assert.ok(asked.every((a) => a.at >= initializedAt), 'no request before initialized');
  assert.deepEqual(asked.filter((a) => !a.uri.startsWith(REPO)), []);
});

test('a client that does not say it answers file requests (Neovim, Helix) is never sent one', async () => {
  const other = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const plain = createProtocolConnection(new StreamMessageReader(other.stdout), new StreamMessageWriter(other.stdin));
  const sent: string[] = [];
  for (const method of Object.values(FileRequests)) plain.onRequest(method, () => void sent.push(method));
  plain.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  plain.onRequest('client/registerCapability', () => null);
  plain.onRequest('window/workDoneProgress/create', () => null);
  plain.onRequest('workspace/diagnostic/refresh', () => null);
  plain.listen();
  try {
    await plain.sendRequest('initialize', { processId: process.pid, rootUri: REPO, workspaceFolders: [{ uri: REPO, name: 'repository' }], capabilities: PULL_CAPABILITIES });
    await plain.sendNotification('initialized', {});
    const uri = `${REPO}/meetings/cpansec-minutes-2024-01-06.md`;
    await plain.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(join(site, 'meetings/cpansec-minutes-2024-01-06.md'), 'utf8') } });
    // Answered, judged on its own (no roster): and nothing was asked of this client.
    const report: DocumentDiagnosticReport = await plain.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(sent, []);
  } finally {
    await plain.sendRequest('shutdown').catch(() => undefined);
    plain.dispose();
    other.kill();
  }
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { PULL_CAPABILITIES, PUSH_CAPABILITIES, ROOT, spawnServer, type SpawnedServer } from '../support/lspClient';

const SITE = resolve(ROOT, 'test/fixtures/cpansec');
const FILE = resolve(SITE, 'meetings/cpansec-minutes-2024-11-15.md');
const URI = pathToFileURL(FILE).href;
const TEXT = readFileSync(FILE, 'utf8');

function open(server: SpawnedServer, text = TEXT, version = 1) {
  return server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version, text } });
}

const codes = (items: Diagnostic[]) => items.map((d) => d.code).sort();

test('an editor that pulls diagnostics gets them by pull, and the server declares the pull provider', async () => {
  const server = await spawnServer(SITE, PULL_CAPABILITIES);
  await server.workspaceRead();
  try {
    await open(server);
    const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })) as DocumentDiagnosticReport;
    assert.equal(report.kind, 'full');
    const items = (report as { items: Diagnostic[] }).items;
    assert.ok(items.length > 0);
    assert.ok(items.every((d) => d.source === 'minutes'));
    // The 2024-11-15 minutes lack the election section (the workspace template is read at start).
    assert.ok(codes(items).includes('missing-section'), JSON.stringify(items.map((d) => d.message)));
  } finally {
    await server.stop();
  }
});

test('an editor without pull support gets the same diagnostics pushed, and new ones after an edit', async () => {
  const server = await spawnServer(SITE, PUSH_CAPABILITIES);
  await server.workspaceRead();
  try {
    await open(server);
    const first = await server.waitForPublished(URI, (p) => p.diagnostics.length > 0);
    assert.ok(codes(first.diagnostics).includes('missing-section'));
    // The April minutes format meeting_time with date_to_string: month 13 stops the site build.
    const april = readFileSync(resolve(SITE, 'meetings/cpansec-minutes-2024-04-10.md'), 'utf8');
    const aprilUri = pathToFileURL(resolve(SITE, 'meetings/cpansec-minutes-2024-04-10.md')).href;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: aprilUri, languageId: 'markdown', version: 1, text: april } });
    await server.waitForPublished(aprilUri);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: aprilUri, version: 2 },
      contentChanges: [{ text: april.replace('meeting_time: April 10th, 2024 17:00 UTC', 'meeting_time: April 10th, 2024 25:00 UTC') }],
    });
    const second = await server.waitForPublished(aprilUri, (p) => p.version === 2);
    const badDate = second.diagnostics.filter((d) => d.code === 'bad-date');
    assert.equal(badDate.length, 1, JSON.stringify(second.diagnostics));
    assert.equal(badDate[0]!.severity, 1);
    assert.match(String(badDate[0]!.message), /stops with "Invalid Date: '"April 10th, 2024 25:00 UTC"' is not a valid datetime\."/);
  } finally {
    await server.stop();
  }
});

test('a request that fails is answered with an error and the server keeps serving', async () => {
  const server = await spawnServer(SITE, PULL_CAPABILITIES);
  await server.workspaceRead();
  try {
    // Diagnostics for a document the client never opened: answered, not fatal.
    const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: 'file:///nowhere/x.md' } })) as { items: unknown[] };
    assert.deepEqual(report.items, []);
    await open(server);
    const again = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })) as { items: unknown[] };
    assert.ok(again.items.length > 0);
  } finally {
    await server.stop();
  }
});

test('capabilities are declared honestly: pull provider only for pull clients', async () => {
  const pull = await spawnServer(SITE, PULL_CAPABILITIES);
  await pull.workspaceRead();
  const push = await spawnServer(SITE, PUSH_CAPABILITIES);
  try {
    assert.deepEqual(pull.initializeResult.capabilities.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: true });
    assert.equal(push.initializeResult.capabilities.diagnosticProvider, undefined);
    assert.deepEqual(pull.initializeResult.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.minutes'], resolveProvider: false });
  } finally {
    await pull.stop();
    await push.stop();
  }
});

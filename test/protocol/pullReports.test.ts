// Pull diagnostics as LSP 3.17 reports them: result ids, `unchanged` answers, lean
// diagnostics whose quick fixes are rebuilt on request, and the whole workspace's problems.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { PULL_CAPABILITIES, ROOT, spawnServer, type SpawnedServer } from '../support/lspClient';

const site = mkdtempSync(join(tmpdir(), 'minutes-reports-'));
cpSync(resolve(ROOT, 'test/fixtures/cpansec'), site, { recursive: true });
const uriOf = (path: string) => pathToFileURL(join(site, path)).href;
const OPEN = 'meetings/cpansec-minutes-2024-01-06.md';
let server: SpawnedServer;
let settings: Record<string, unknown> = {};

before(async () => {
  server = await spawnServer(site, PULL_CAPABILITIES);
  // Settings answered from a variable, so a test can change them and notify the server.
  server.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(OPEN), languageId: 'markdown', version: 1, text: readFileSync(join(site, OPEN), 'utf8') } });
  // Until the whole workspace is read, every file read changes what the findings depend on.
  await server.workspaceRead();
});
after(async () => {
  await server.stop();
  rmSync(site, { recursive: true, force: true });
});

const pull = (previousResultId?: string) =>
  server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uriOf(OPEN) }, ...(previousResultId ? { previousResultId } : {}) }) as Promise<DocumentDiagnosticReport>;

const pullWorkspace = (previousResultIds: { uri: string; value: string }[] = []) =>
  server.connection.sendRequest('workspace/diagnostic', { previousResultIds }) as Promise<WorkspaceDiagnosticReport>;

test('a document report carries a result id; asked again with it, nothing changed is answered unchanged', async () => {
  const first = await pull();
  assert.equal(first.kind, 'full');
  assert.ok(first.resultId);
  const again = await pull(first.resultId);
  assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
  // An edit makes a new version: a full report with a new id.
  const text = readFileSync(join(site, OPEN), 'utf8');
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(OPEN), version: 2 }, contentChanges: [{ text: `${text}\n- @nobodyknown joined\n` }] });
  const edited = await pull(first.resultId);
  assert.equal(edited.kind, 'full');
  assert.notEqual(edited.resultId, first.resultId);
  assert.ok(edited.kind === 'full' && edited.items.some((d) => String(d.message).startsWith('@nobodyknown')));
});

test('diagnostics travel without their fixes; the quick fix is rebuilt when asked for', async () => {
  const report = await pull();
  assert.equal(report.kind, 'full');
  const items = (report as { items: Diagnostic[] }).items;
  assert.ok(items.length > 0);
  assert.ok(items.every((d) => d.data === undefined), 'no diagnostic carries data');
  const misspelt = items.find((d) => d.code === 'unknown-handle' && String(d.message).startsWith('@stigsp'))!;
  const actions = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: uriOf(OPEN) },
    range: misspelt.range,
    context: { diagnostics: [misspelt] },
  })) as CodeAction[];
  const fix = actions.find((a) => a.title.includes('@stigtsp'));
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  assert.deepEqual(fix.edit?.changes?.[uriOf(OPEN)]?.map((e) => e.newText), ['stigtsp']);
});

test('the workspace report holds every closed minutes file, the index page and a knowledge file with a problem; the open file is left to document pulls', async () => {
  const report = await pullWorkspace();
  const uris = report.items.map((item) => item.uri);
  assert.ok(uris.includes(uriOf('meetings/cpansec-minutes-2024-03-27.md')));
  assert.ok(uris.includes(uriOf('meetings/README.md')));
  // The fixture's member list has a problem (a `bio:` that lost its indentation).
  assert.ok(uris.includes(uriOf('_data/authors.yml')));
  assert.ok(!uris.includes(uriOf(OPEN)));
  assert.equal(uris.length, 14, uris.join('\n'));
  assert.ok(report.items.every((item) => item.kind === 'full' && item.version === null && item.resultId));
  const withFindings = report.items.filter((item) => item.kind === 'full' && item.items.length > 0);
  assert.ok(withFindings.length > 0);
  // Asked again with the ids it holds, the client is told nothing changed, file by file.
  const again = await pullWorkspace(report.items.map((item) => ({ uri: item.uri, value: item.resultId! })));
  assert.equal(again.items.length, report.items.length);
  assert.ok(again.items.every((item) => item.kind === 'unchanged'));
});

test('with `minutes.problems` set to openFiles, what the workspace report showed is cleared once, then nothing', async () => {
  const before = await pullWorkspace();
  const shown = before.items.filter((item) => item.kind === 'full' && item.items.length > 0).map((item) => item.uri);
  assert.ok(shown.length > 0);
  settings = { problems: 'openFiles' };
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const cleared = await pullWorkspace(before.items.map((item) => ({ uri: item.uri, value: item.resultId! })));
  assert.deepEqual(cleared.items.map((item) => item.uri).sort(), shown.sort());
  assert.ok(cleared.items.every((item) => item.kind === 'full' && item.items.length === 0));
  assert.deepEqual((await pullWorkspace()).items, []);
  settings = {};
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  assert.ok((await pullWorkspace()).items.length > 0);
});

test('workspace result ids across edits: an edit that changes nothing others depend on keeps them unchanged; one that does makes them new', async () => {
  // The open file as the first test left it.
  const text = `${readFileSync(join(site, OPEN), 'utf8')}\n- @nobodyknown joined\n`;
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(OPEN), version: 9 }, contentChanges: [{ text }] });
  const first = await pullWorkspace();
  const ids = first.items.map((item) => ({ uri: item.uri, value: item.resultId! }));
  // A sentence at the end: no handle, heading or date the other files depend on.
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(OPEN), version: 10 }, contentChanges: [{ text: `${text}\nA closing sentence.\n` }] });
  assert.ok((await pullWorkspace(ids)).items.every((item) => item.kind === 'unchanged'));
  // A new handle in the open minutes changes what the workspace knows: every file is reported afresh.
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(OPEN), version: 11 }, contentChanges: [{ text: `${text}\n- @brandnewperson joined\n` }] });
  const after = await pullWorkspace(ids);
  assert.ok(after.items.length > 0 && after.items.every((item) => item.kind === 'full'));
  assert.ok(after.items.every((item) => !ids.some((id) => id.uri === item.uri && id.value === item.resultId)));
});

test('a change to _data/authors.yml on disk makes the server ask the editor to pull again, and the findings follow', async () => {
  let refreshes = 0;
  server.connection.onRequest('workspace/diagnostic/refresh', () => {
    refreshes++;
    return null;
  });
  const misspelt = (items: Diagnostic[]) => items.some((d) => d.code === 'unknown-handle' && String(d.message).startsWith('@stigsp'));
  const before = await pull();
  assert.ok(before.kind === 'full' && misspelt(before.items));
  writeFileSync(join(site, '_data/authors.yml'), `${readFileSync(join(site, '_data/authors.yml'), 'utf8')}\nstigsp:\n  name: Stig S. Palmquist\n`);
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('_data/authors.yml'), type: 2 }] });
  const after = await pull(before.resultId);
  assert.ok(refreshes > 0, 'workspace/diagnostic/refresh was sent');
  assert.ok(after.kind === 'full' && !misspelt(after.items));
});

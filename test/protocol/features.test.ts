import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ApplyWorkspaceEditParams, CompletionItem, Diagnostic, Hover, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ActionItemsResult, NextMeetingCalendarResult } from '../../server/src/common/protocol';
import { PULL_CAPABILITIES, ROOT, spawnServer, type SpawnedServer } from '../support/lspClient';

const site = mkdtempSync(join(tmpdir(), 'minutes-lsp-'));
cpSync(resolve(ROOT, 'test/fixtures/cpansec'), site, { recursive: true });
const uriOf = (path: string) => pathToFileURL(join(site, path)).href;
const textOf = (path: string) => readFileSync(join(site, path), 'utf8');
let server: SpawnedServer;
const applied: WorkspaceEdit[] = [];

before(async () => {
  server = await spawnServer(site, { ...PULL_CAPABILITIES, workspace: { ...PULL_CAPABILITIES.workspace, applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } });
  await server.workspaceRead();
  // Act as the editor: apply the server's edits to the files on disk.
  server.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
    applied.push(params.edit);
    for (const change of params.edit.documentChanges ?? []) {
      if ('kind' in change && change.kind === 'create') writeFileSync(new URL(change.uri), '');
      else if ('textDocument' in change) {
        const path = new URL(change.textDocument.uri);
        const document = TextDocument.create(change.textDocument.uri, 'markdown', 0, readFileSync(path, 'utf8'));
        writeFileSync(path, TextDocument.applyEdits(document, change.edits as TextEdit[]));
      }
    }
    return { applied: true };
  });
  for (const path of ['meetings/cpansec-minutes-2024-03-27.md', 'meetings/cpansec-minutes-2024-01-06.md']) {
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(path), languageId: 'markdown', version: 1, text: textOf(path) } });
  }
});
after(async () => {
  await server.stop();
  rmSync(site, { recursive: true, force: true });
});

const pull = async (path: string) =>
  ((await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uriOf(path) } })) as { items: Diagnostic[] }).items;

test('the meeting_time hover from the spawned server: the published sentence and the zone table', async () => {
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf('meetings/cpansec-minutes-2024-03-27.md') }, position: { line: 3, character: 2 } })) as Hover;
  const value = (hover.contents as { value: string }).value;
  assert.ok(value.includes('The page shows: *Time: on Mar 27th, 2024, at 17:00 UTC. \\(Other timezones; iCal download\\)*'), value);
  assert.match(value, /\| Oslo \| 18:00 CET \|/);
});

test('completion after @ from the spawned server lists members with their names, not those the line already names', async () => {
  const items = (await server.connection.sendRequest('textDocument/completion', {
    textDocument: { uri: uriOf('meetings/cpansec-minutes-2024-01-06.md') },
    position: { line: 10, character: 13 },
    context: { triggerKind: 2, triggerCharacter: '@' },
  })) as CompletionItem[];
  // "- Present: @stigtsp, @petek, @sjn, @timlegge", completing in @stigtsp.
  assert.equal(items.find((i) => i.label === 'leont')?.detail, 'Leon Timmermans');
  assert.ok(items.some((i) => i.label === 'stigtsp'));
  assert.ok(!items.some((i) => i.label === 'sjn' || i.label === 'timlegge'));
});

test('editing _data/authors.yml on disk and notifying the server changes diagnostics without a restart', async () => {
  const path = 'meetings/cpansec-minutes-2024-01-06.md';
  const before = await pull(path);
  assert.ok(before.some((d) => d.code === 'unknown-handle' && String(d.message).startsWith('@stigsp')));
  writeFileSync(join(site, '_data/authors.yml'), `${textOf('_data/authors.yml')}\nstigsp:\n  name: Stig S. Palmquist\n`);
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('_data/authors.yml'), type: 2 }] });
  const afterChange = await pull(path);
  assert.ok(!afterChange.some((d) => d.code === 'unknown-handle' && String(d.message).startsWith('@stigsp')), JSON.stringify(afterChange.map((d) => d.message)));
});

test('New Meeting through workspace/executeCommand: one edit creates the file and updates the index', async () => {
  const result = (await server.connection.sendRequest('workspace/executeCommand', { command: 'minutes.newMeeting', arguments: [] })) as { uri: string; date: string };
  assert.equal(result.date, '2024-11-27');
  assert.equal(result.uri, uriOf('meetings/cpansec-minutes-2024-11-27.md'));
  assert.ok(existsSync(join(site, 'meetings/cpansec-minutes-2024-11-27.md')));
  assert.match(textOf('meetings/cpansec-minutes-2024-11-27.md'), /^---\nlayout: page\ntoc: true\nmeeting_time: 2024-11-27 17:00 UTC\n/);
  assert.match(textOf('meetings/README.md'), /next_meeting_time: November 27th, 2024 17:00 UTC\n/);
  assert.equal(applied.length, 1);
});

test('a quick fix from the spawned server', async () => {
  const path = 'meetings/cpansec-minutes-2024-01-06.md';
  const diagnostic = (await pull(path)).find((d) => d.code === 'upcoming-date')!;
  const actions = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: uriOf(path) },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  })) as { title: string; edit: WorkspaceEdit }[];
  assert.equal(actions[0]!.title, 'Change the year to 2024');
  assert.deepEqual(actions[0]!.edit.changes![uriOf(path)]![0]!.newText, '2024');
});

test('minutes/actionItems from the spawned server: items by owner, each with the place to open it', async () => {
  const result = (await server.connection.sendRequest('minutes/actionItems', { uri: uriOf('meetings/cpansec-minutes-2024-01-06.md'), groupBy: 'owner' })) as ActionItemsResult;
  const group = result.groups.find((g) => g.label === '@timlegge')!;
  const items = group.items.map((i) => result.items[i]!);
  const postMortem = items.find((i) => i.text === '@timlegge & @stigtsp to write a post-mortem blog post')!;
  assert.deepEqual([postMortem.state, postMortem.since.date, postMortem.carried, postMortem.owners], ['open', '2024-01-06', 0, ['timlegge', 'stigtsp']]);
  assert.equal(textOf('meetings/cpansec-minutes-2024-01-06.md').split('\n')[postMortem.latest.line], '    - @timlegge & @stigtsp to write a post-mortem blog post');
  assert.equal(result.open, result.items.length);
  const calendar = (await server.connection.sendRequest('minutes/nextMeetingCalendar', {})) as NextMeetingCalendarResult;
  assert.ok(calendar.ok && calendar.text.startsWith('BEGIN:VCALENDAR\r\n'), JSON.stringify(calendar));
});

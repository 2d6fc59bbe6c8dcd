import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type InitializeResult } from 'vscode-languageserver-protocol/node';
import type { MinutesInitializationOptions } from '../../server/src/common/protocol';
import { PULL_CAPABILITIES, ROOT, SERVER } from '../support/lspClient';

/** The capabilities the built server announces to a client that sends these initialization options. */
async function capabilitiesFor(initializationOptions: MinutesInitializationOptions | undefined): Promise<InitializeResult['capabilities']> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.listen();
  try {
    const rootUri = pathToFileURL(`${ROOT}/test/fixtures/cpansec`).href;
    const result: InitializeResult = await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'site' }], capabilities: PULL_CAPABILITIES, initializationOptions });
    return result.capabilities;
  } finally {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    connection.dispose();
    child.kill();
  }
}

test('document symbols are offered to editors without a Markdown outline of their own, and not to VS Code, which says it has one', async () => {
  assert.deepEqual((await capabilitiesFor(undefined)).documentSymbolProvider, { label: 'Minutes' });
  assert.deepEqual((await capabilitiesFor({})).documentSymbolProvider, { label: 'Minutes' });
  assert.equal((await capabilitiesFor({ markdownOutline: true })).documentSymbolProvider, undefined);
});

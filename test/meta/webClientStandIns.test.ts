import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type InitializeResult, type RegistrationParams } from 'vscode-languageserver-protocol/node';
import type * as AbsentFeatures from '../../client/src/web/absentFeatures';
import type * as Unreachable from '../../client/src/web/unreachable';
import standIns from '../../client/src/web/standIns.json';
import type { MinutesInitializationOptions } from '../../server/src/common/protocol';
import { PULL_CAPABILITIES, ROOT, SERVER } from '../support/lspClient';

/**
 * The web client's stand-ins for parts of vscode-languageclient (client/src/web/, put in place
 * by scripts/buildWeb.mjs) against the library itself, loaded here with a `vscode` module that
 * answers everything: the same capabilities announced, the same state, the same requests
 * answered while the server offers nothing; and the built server offering none of them.
 */

/** Whatever is asked of it: a function, a class, an object, each property again itself. */
const anything: unknown = new Proxy(function () {}, {
  get: (_target, key) => (key === 'prototype' ? {} : typeof key === 'symbol' || key === 'then' ? undefined : anything),
  apply: () => anything,
  construct: () => anything as object,
});
const FAKE_VSCODE = join(ROOT, 'node_modules', 'vscode', 'fake.js');
const moduleInternals = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string; _cache: Record<string, unknown> };
const resolveFilename = moduleInternals._resolveFilename;
moduleInternals._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? FAKE_VSCODE : resolveFilename.call(this, request, ...rest);
};
moduleInternals._cache[FAKE_VSCODE] = { id: FAKE_VSCODE, filename: FAKE_VSCODE, loaded: true, exports: anything };

const load = createRequire(join(ROOT, 'package.json'));
const languageClient = realpathSync(join(ROOT, 'node_modules', 'vscode-languageclient'));
// The library's features call the runtime layer vscode-jsonrpc installs with its platform entry.
load(join(languageClient, 'node_modules', 'vscode-languageserver-protocol', 'lib', 'node', 'main.js'));
// Required, not imported, so that they load after the fake `vscode` is in place.
const absent = require('../../client/src/web/absentFeatures') as typeof AbsentFeatures;
const unreachable = require('../../client/src/web/unreachable') as typeof Unreachable;

type Capabilities = Record<string, unknown>;
type Handler = (params: { uri: string }) => Promise<unknown>;
interface Feature {
  registrationType: { method: string };
  getState(): unknown;
  fillClientCapabilities(capabilities: Capabilities): void;
  preInitialize?(capabilities: Capabilities, selector: unknown): void;
  initialize(capabilities: Capabilities, selector: unknown): void;
  register(data: unknown): void;
}
type FeatureClass = new (client: unknown) => Feature;

/** A language client as the features see it, recording the server requests they answer. */
function fakeClient(asUri: (uri: string) => unknown = (uri) => uri) {
  const answered = new Map<string, Handler>();
  const client = {
    onRequest: (type: string | { method: string }, handler: Handler) => answered.set(typeof type === 'string' ? type : type.method, handler),
    protocol2CodeConverter: { asUri, asDocumentSelector: (selector: unknown) => selector },
    code2ProtocolConverter: anything,
    clientOptions: {},
    middleware: {},
  };
  return { client, answered };
}

const SELECTOR = [{ scheme: 'file', language: 'markdown' }];

/** Server capabilities with which the library's feature of each registration method registers itself. */
const OFFERS: Record<string, Capabilities> = {
  'textDocument/prepareCallHierarchy': { callHierarchyProvider: true },
  'textDocument/prepareTypeHierarchy': { typeHierarchyProvider: true },
  'textDocument/codeLens': { codeLensProvider: {} },
  'textDocument/documentColor': { colorProvider: true },
  'textDocument/declaration': { declarationProvider: true },
  'textDocument/definition': { definitionProvider: true },
  'textDocument/implementation': { implementationProvider: true },
  'textDocument/typeDefinition': { typeDefinitionProvider: true },
  'textDocument/documentHighlight': { documentHighlightProvider: true },
  'textDocument/formatting': { documentFormattingProvider: true },
  'textDocument/rangeFormatting': { documentRangeFormattingProvider: true },
  'textDocument/onTypeFormatting': { documentOnTypeFormattingProvider: { firstTriggerCharacter: '}' } },
  'textDocument/inlayHint': { inlayHintProvider: true },
  'textDocument/inlineCompletion': { inlineCompletionProvider: true },
  'textDocument/inlineValue': { inlineValueProvider: true },
  'textDocument/linkedEditingRange': { linkedEditingRangeProvider: true },
  'textDocument/selectionRange': { selectionRangeProvider: true },
  'textDocument/semanticTokens': { semanticTokensProvider: { legend: { tokenTypes: [], tokenModifiers: [] }, full: true } },
  'textDocument/signatureHelp': { signatureHelpProvider: {} },
  'workspace/symbol': { workspaceSymbolProvider: true },
  'workspace/textDocumentContent': { workspace: { textDocumentContent: { schemes: ['minutes'] } } },
  'notebookDocument/sync': { notebookDocumentSync: { notebookSelector: [{ notebook: '*' }] } },
  ...Object.fromEntries(
    ['didCreate', 'didRename', 'didDelete', 'willCreate', 'willRename', 'willDelete'].map((operation) => [
      `workspace/${operation}Files`,
      { workspace: { fileOperations: { [operation]: { filters: [{ pattern: { glob: '**/*.md' } }] } } } },
    ]),
  ),
};

/** Every library feature the web client stands in for, with its stand-in. */
const pairs = standIns.absentFeatures.flatMap((name) =>
  Object.entries(load(join(languageClient, 'lib', 'common', `${name}.js`)) as Record<string, unknown>).map(([exported, library]) => {
    const standIn = (absent as unknown as Record<string, unknown>)[exported];
    assert.equal(typeof standIn, 'function', `client/src/web/absentFeatures.ts stands in for ${name}'s ${exported}`);
    return { name: `${name}'s ${exported}`, library: library as FeatureClass, standIn: standIn as FeatureClass };
  }),
);

test('a stand-in for each export of the left-out library modules', () => {
  assert.deepEqual(Object.keys(absent).sort(), pairs.map(({ name }) => name.split("'s ")[1]).sort());
});

test('while the server offers nothing, each stand-in does what the library feature does', async () => {
  for (const { name, library, standIn } of pairs) {
    // A URI the converter refuses tells a handler that reads it from one that does not.
    const refuse = (uri: string) => {
      throw new Error(`not a URI: ${uri}`);
    };
    const [ours, theirs] = [fakeClient(refuse), fakeClient(refuse)];
    const [stood, real] = [new standIn(ours.client), new library(theirs.client)];
    const announced = (feature: Feature) => {
      const capabilities = {};
      feature.fillClientCapabilities(capabilities);
      return capabilities;
    };
    assert.deepEqual(announced(stood), announced(real), `${name}: client capabilities`);
    assert.equal(stood.registrationType.method, real.registrationType.method, `${name}: registration method`);
    assert.deepEqual(stood.getState(), real.getState(), `${name}: state`);
    for (const feature of [stood, real]) {
      feature.preInitialize?.({}, SELECTOR);
      feature.initialize({}, SELECTOR);
    }
    assert.deepEqual([...ours.answered.keys()], [...theirs.answered.keys()], `${name}: requests answered`);
    const outcome = (handler: Handler) => handler({ uri: 'site/a.md' }).then((value) => ({ value }), (error: Error) => ({ error: error.message }));
    for (const [method, handler] of ours.answered) assert.deepEqual(await outcome(handler), await outcome(theirs.answered.get(method)!), `${name}: ${method}`);
  }
});

test('each stand-in refuses to start where the library feature would register itself', () => {
  for (const { name, library, standIn } of pairs) {
    const method = new standIn(fakeClient().client).registrationType.method;
    const offers = OFFERS[method];
    assert.ok(offers, `${name}: server capabilities that offer ${method}`);
    const real = new library(fakeClient().client);
    let registered = false;
    real.register = () => void (registered = true);
    real.preInitialize?.(offers, SELECTOR);
    real.initialize(offers, SELECTOR);
    assert.ok(registered, `${name}: the library registers for ${JSON.stringify(offers)}`);
    const stood = new standIn(fakeClient().client);
    assert.throws(() => {
      stood.preInitialize?.(offers, SELECTOR);
      stood.initialize(offers, SELECTOR);
    }, /web client is built without/);
    assert.throws(() => stood.register({ id: '1', registerOptions: {} }), /web client is built without/);
  }
});

test("the notebook stand-in handles no document and sends no notebook notification, as the library's with nothing registered", () => {
  const [stood, real] = [new absent.NotebookDocumentSyncFeature(fakeClient().client), new (pairs.find(({ name }) => name.startsWith('notebook'))!.library)(fakeClient().client)] as const;
  const cell = { uri: { scheme: 'vscode-notebook-cell', toString: () => 'vscode-notebook-cell:/a.ipynb#1' } };
  assert.equal(stood.handles(cell), (real as unknown as typeof stood).handles(cell));
  assert.equal(absent.NotebookDocumentSyncFeature.CellScheme, (real.constructor as unknown as typeof absent.NotebookDocumentSyncFeature).CellScheme);
});

test('the unreachable packages throw when reached', () => {
  assert.throws(() => new unreachable.Minimatch(), /web client is built without glob matching/);
  assert.throws(() => unreachable.TextDocument.create(), /web client is built without delayed open notifications/);
});

test('the built server offers the web client none of the stood-in capabilities, statically or by registration', async () => {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const registered: string[] = [];
  let workspaceRead: () => void = () => undefined;
  const read = new Promise<void>((resolve) => (workspaceRead = resolve));
  // The server registers its watches one after another once initialized, the file watch last.
  let watchesRegistered: () => void = () => undefined;
  const watches = new Promise<void>((resolve) => (watchesRegistered = resolve));
  connection.onRequest('client/registerCapability', (params: RegistrationParams) => {
    registered.push(...params.registrations.map(({ method }) => method));
    if (registered.includes('workspace/didChangeWatchedFiles')) watchesRegistered();
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    if (params.message.startsWith('read ')) workspaceRead();
  });
  connection.listen();
  try {
    const announced: Capabilities = structuredClone(PULL_CAPABILITIES) as Capabilities;
    for (const { standIn } of pairs) new standIn(fakeClient().client).fillClientCapabilities(announced);
    const workspace = announced.workspace as Capabilities;
    Object.assign(workspace, { didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } });
    const rootUri = pathToFileURL(join(ROOT, 'test', 'fixtures', 'cpansec')).href;
    // What the web client says of itself (client/src/activate.ts).
    const initializationOptions: MinutesInitializationOptions = { markdownOutline: true };
    const result: InitializeResult = await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'site' }], capabilities: announced, initializationOptions });
    await connection.sendNotification('initialized', {});
    await Promise.all([read, watches]);
    // One more round trip: whatever the server sent before its answer has arrived.
    await connection.sendRequest('textDocument/hover', { textDocument: { uri: `${rootUri}/meetings/none.md` }, position: { line: 0, character: 0 } });
    for (const { name, standIn } of pairs) {
      const stood = new standIn(fakeClient().client);
      assert.doesNotThrow(() => {
        stood.preInitialize?.(result.capabilities as Capabilities, SELECTOR);
        stood.initialize(result.capabilities as Capabilities, SELECTOR);
      }, `${name}: the server offers ${stood.registrationType.method}`);
      assert.ok(!registered.includes(stood.registrationType.method), `${name}: the server registers ${stood.registrationType.method}`);
    }
    assert.ok(registered.length > 0, 'the server registered its file and configuration watches');
  } finally {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    connection.dispose();
    child.kill();
  }
});

import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

/** The repository root: tests run from it (see test/run.mjs). */
export const ROOT = process.cwd();
export const SERVER = resolve(ROOT, 'dist', 'server.js');

export interface SpawnedServer {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly initializeResult: InitializeResult;
  /** Everything the server logged through window/logMessage. */
  readonly logs: string[];
  /** Waits until the server publishes diagnostics for a URI that satisfy `accept`. */
  waitForPublished(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Waits until a log line matches. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Spawns the built server (`dist/server.js --stdio`) the way an editor does and speaks
 * LSP to it. `capabilities` decides, among others, whether diagnostics are pulled or pushed.
 */
export async function spawnServer(rootPath: string, capabilities: ClientCapabilities, settings: unknown = {}): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const logs: string[] = [];
  const published: PublishDiagnosticsParams[] = [];
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
    wake();
  });
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    wake();
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();

  const waitFor = <T>(find: () => T | undefined, what: string, timeoutMs: number): Promise<T> =>
    new Promise((resolvePromise, reject) => {
      const deadline = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; logs:\n${logs.join('\n')}`)), timeoutMs);
      const check = () => {
        const found = find();
        if (found !== undefined) {
          clearTimeout(deadline);
          resolvePromise(found);
        } else waiters.push(check);
      };
      check();
    });

  const rootUri = pathToFileURL(rootPath).href;
  const initializeResult: InitializeResult = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'site' }],
    capabilities,
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    initializeResult,
    logs,
    waitForPublished: (uri, accept = () => true, timeoutMs = 10_000) =>
      waitFor(() => [...published].reverse().find((p) => p.uri === uri && accept(p)), `diagnostics for ${uri}`, timeoutMs),
    waitForLog: (pattern, timeoutMs = 10_000) => waitFor(() => logs.find((line) => pattern.test(line)), `a log matching ${pattern}`, timeoutMs),
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // already gone
      }
      connection.dispose();
      child.kill();
    },
  };
}

/** Client capabilities of an editor that pulls diagnostics (VS Code). */
export const PULL_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    diagnostic: { dynamicRegistration: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true } },
  },
  workspace: { configuration: true, diagnostics: { refreshSupport: true }, workspaceFolders: true },
  window: { workDoneProgress: true },
};

/** Client capabilities of an editor that only takes pushed diagnostics (older Neovim, Helix). */
export const PUSH_CAPABILITIES: ClientCapabilities = {
  textDocument: { publishDiagnostics: {}, hover: { contentFormat: ['markdown', 'plaintext'] } },
  workspace: { configuration: true },
};

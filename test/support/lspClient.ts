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
  /** Waits until the server has read every file of its first workspace folder (findings that compare files come after). */
  workspaceRead(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Spawns the built server (`dist/server.js --stdio`) the way an editor does and speaks
 * LSP to it. `capabilities` decides, among others, whether diagnostics are pulled or pushed.
 */
export async function spawnServer(rootPath: string, capabilities: ClientCapabilities, settings: unknown = {}, moreFolders: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
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
    workspaceFolders: [{ uri: rootUri, name: 'site' }, ...moreFolders.map((path, i) => ({ uri: pathToFileURL(path).href, name: `folder ${i + 2}` }))],
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
    workspaceRead: async () => {
      await waitFor(() => logs.find((line) => line.startsWith('read ') && line.includes(` files of ${rootUri} `)), `the read of ${rootUri}`, 30_000);
    },
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

/** A message the server wrote, as parsed from its output. */
export interface RawMessage {
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export interface RawServer {
  readonly process: ChildProcess;
  /** Every message the server wrote, in order. */
  readonly received: RawMessage[];
  /** What the server wrote on stderr so far. */
  stderr(): string;
  /** Sends a message with a correct header. */
  send(message: object): void;
  /** Writes bytes as they are, header or not. */
  write(bytes: Buffer | string): void;
  /** Sends a request and waits for the answer with its id. */
  request(method: string, params?: unknown, timeoutMs?: number): Promise<RawMessage>;
  /** Waits, on the server's output and exit, until `find` returns something. */
  waitFor<T>(find: () => T | undefined, what: string, timeoutMs?: number): Promise<T>;
  /** The exit code once the process has ended. */
  exitCode(timeoutMs?: number): Promise<number | null>;
}

/**
 * Spawns the built server on stdio and speaks to it in raw bytes: for what a well-behaved
 * client (vscode-jsonrpc) cannot send, such as a malformed header.
 */
export function spawnRawServer(): RawServer {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const received: RawMessage[] = [];
  let output = Buffer.alloc(0);
  let stderr = '';
  let exited = false;
  const waiters = new Set<() => void>();
  const wake = () => [...waiters].forEach((w) => w());
  child.stdout!.on('data', (chunk: Buffer) => {
    output = Buffer.concat([output, chunk]);
    for (;;) {
      const end = output.indexOf('\r\n\r\n');
      const length = end === -1 ? NaN : Number(/Content-Length: (\d+)/i.exec(output.subarray(0, end).toString('ascii'))?.[1]);
      if (Number.isNaN(length) || output.length < end + 4 + length) break;
      received.push(JSON.parse(output.subarray(end + 4, end + 4 + length).toString('utf8')) as RawMessage);
      output = output.subarray(end + 4 + length);
    }
    wake();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    wake();
  });
  child.on('exit', () => {
    exited = true;
    wake();
  });
  // Writing to a server that has closed the connection is expected here.
  child.stdin!.on('error', () => undefined);

  const waitFor = <T>(find: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> =>
    new Promise((resolvePromise, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return;
        waiters.delete(check);
        clearTimeout(deadline);
        resolvePromise(found);
      };
      const deadline = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; stderr:\n${stderr}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  const write = (bytes: Buffer | string) => {
    if (!child.stdin!.destroyed) child.stdin!.write(bytes);
  };
  const send = (message: object) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  };
  let nextId = 1000;
  return {
    process: child,
    received,
    stderr: () => stderr,
    send,
    write,
    request(method, params, timeoutMs) {
      const id = nextId++;
      send(params === undefined ? { id, method } : { id, method, params });
      return waitFor(() => received.find((m) => m.id === id && m.method === undefined), `the answer to ${method}`, timeoutMs);
    },
    waitFor,
    exitCode: (timeoutMs) => waitFor(() => (exited ? { code: child.exitCode } : undefined), 'the server to exit', timeoutMs).then((e) => e.code),
  };
}

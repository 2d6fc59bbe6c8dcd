import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startAdapter } from '../adapter';
import { createLifecycle } from '../lifecycle';
import { describeError } from '../service/logger';
import { clientFileAccess, watchFileRequests } from '../workspace/clientFileAccess';

/** The worker's global scope, as much of it as the server uses (the project compiles without the DOM library). */
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: string, listener: (event: { error?: unknown; reason?: unknown; message?: string }) => void): void;
  close(): void;
}
declare const self: WorkerScope;

/**
 * The Minutes language server in a browser worker (github.dev, vscode.dev): the same adapter
 * and service as the Node server (server/src/server.ts), talking to the client through the
 * worker's messages and reading the workspace through the client.
 */
const lifecycle = createLifecycle();
const { strategy, clientAnswers } = watchFileRequests(lifecycle.strategy);
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self), { messageStrategy: strategy });
// A bug must cost one answer, never the server: log what escaped every guard and go on.
self.addEventListener('error', (event) => connection.console.error(`uncaught: ${describeError(event.error ?? event.message)}`));
self.addEventListener('unhandledrejection', (event) => connection.console.error(`unhandled rejection: ${describeError(event.reason)}`));
// Nothing else ends a worker: after `exit` it closes itself, so a restart does not leave one behind.
connection.onExit(() => self.close());
lifecycle.listen(connection);
startAdapter(connection, clientFileAccess(connection, clientAnswers));
connection.listen();

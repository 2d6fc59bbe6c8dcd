import { Uri, workspace, type ExtensionContext } from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { activateMinutes, deactivateMinutes } from './activate';

/** The browser's worker API, as much of it as this uses (the project compiles without the DOM library). */
interface ServerWorker {
  addEventListener(type: 'message', listener: () => void, options: { once: boolean }): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;

/**
 * The web entry (github.dev, vscode.dev, a VS Code server's web-worker extension host): the
 * server runs in a browser worker and asks this side for the workspace's files. Everything
 * else (commands, the action items view, the middleware) is the desktop's, in activate.ts.
 */
export async function activate(context: ExtensionContext): Promise<void> {
  // The transports are made here: the host's Worker is a wrapper, so the client's own `instanceof Worker` test fails on it.
  const transports = async (): Promise<MessageTransports> => {
    const worker = await startServerWorker(context.extensionUri);
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
  await activateMinutes(context, (_context, options) => new LanguageClient('minutes', 'Minutes', transports, options), {
    // github.dev's repositories and a VS Code server's files, whatever the folders were at start.
    schemes: ['vscode-vfs', 'vscode-remote'],
  });
}

export function deactivate(): Promise<void> {
  return deactivateMinutes();
}

const WORKER_NAME = 'Minutes language server';

/**
 * vscode.dev and github.dev serve an extension over https, and a worker starts from its URL.
 * A VS Code server (code-server, a tunnel) serves it as `vscode-remote:`, and the extension
 * host refuses a worker from such a URL ("Creating workers from remote extensions is
 * currently not supported", microsoft/vscode#168942): then the bundle is read through
 * `workspace.fs` and started from a Blob URL, which the host allows.
 */
async function startServerWorker(extensionUri: Uri): Promise<ServerWorker> {
  const script = Uri.joinPath(extensionUri, 'dist', 'browserServer.js');
  try {
    return new Worker(script.toString(true), { name: WORKER_NAME });
  } catch {
    const bytes = await workspace.fs.readFile(script);
    const url = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
    const worker = new Worker(url, { name: WORKER_NAME });
    // The host's own wrapper loads the URL once the worker runs: it is released after the first answer.
    worker.addEventListener('message', () => URL.revokeObjectURL(url), { once: true });
    return worker;
  }
}

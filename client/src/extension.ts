import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateMinutes, deactivateMinutes } from './activate';

/**
 * The desktop entry: the server runs as a Node process beside the extension host and reads
 * the disk itself; the files of a virtual workspace (Remote Repositories' `vscode-vfs:`) it
 * asks this side for, as the web build does.
 */
export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  await activateMinutes(context, (_context, clientOptions) => new LanguageClient('minutes', 'Minutes', serverOptions, clientOptions), { schemes: [] });
}

export function deactivate(): Promise<void> {
  return deactivateMinutes();
}

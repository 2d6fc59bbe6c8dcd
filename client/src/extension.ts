import * as path from 'node:path';
import { commands, Uri, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Commands, type MeetingTimesResult } from '../../server/src/shared/protocol';
import { registerActionItems } from './actionItemsView';

let client: LanguageClient | undefined;

/**
 * Starts the Minutes language server and connects VS Code to it. The server owns all
 * minutes logic, including the commands (so every editor gets them); this side only adds
 * the current file as the default argument and shows the zone table in a quick pick.
 */
export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const watcher = workspace.createFileSystemWatcher('**/{_data/authors.yml,_data/authors.yaml,_config.yml,.minutes.json,*.md}');
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    // The server decides which Markdown files are minutes and answers nothing for the rest.
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'file', pattern: '**/_data/authors.{yml,yaml}' },
      { scheme: 'file', pattern: '**/.minutes.json' },
      { scheme: 'file', pattern: '**/_config.yml' },
    ],
    synchronize: { fileEvents: watcher },
    outputChannelName: 'Minutes',
    middleware: {
      executeCommand: async (command, args, next) => {
        const first: unknown = args[0];
        const uri = typeof first === 'string' ? first : first instanceof Uri ? first.toString() : window.activeTextEditor?.document.uri.toString();
        const result: unknown = await next(command, uri ? [uri, ...args.slice(1)] : []);
        if (command === Commands.showMeetingTimes) await showMeetingTimes(result as MeetingTimesResult | null);
        return result;
      },
    },
  };
  client = new LanguageClient('minutes', 'Minutes', serverOptions, clientOptions);
  context.subscriptions.push(
    commands.registerCommand('minutes.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();
  context.subscriptions.push(...registerActionItems(client));
}

async function showMeetingTimes(result: MeetingTimesResult | null): Promise<void> {
  if (!result) {
    void window.showInformationMessage('Minutes: this file has no meeting time that Jekyll can read.');
    return;
  }
  await window.showQuickPick(
    result.rows.map((row) => ({ label: row.time, description: row.zone, detail: row.note || undefined })),
    { title: result.title },
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

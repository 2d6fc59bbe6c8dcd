import { commands, Uri, window, workspace, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import { Commands, type MeetingTimesResult, type MinutesInitializationOptions, type NewMeetingResult } from '../../server/src/common/protocol';
import { registerActionItems } from './actionItemsView';
import { answerFileRequests } from './fileRequests';
import { showMeetingTimes } from './meetingTimesPick';
import { logFixAll, logNewMeeting, registerOutputLog } from './outputLog';
import { registerMeetingStatus } from './statusBar';

/**
 * How an entry point makes its language client: the Node entry spawns the server as a
 * process, the browser entry starts it in a web worker. Everything else is shared.
 */
export type CreateClient = (context: ExtensionContext, options: LanguageClientOptions) => BaseLanguageClient | Promise<BaseLanguageClient>;

/** What an entry point adds to the shared client options. */
export interface ClientSetup {
  /** URI schemes of documents the server is given besides `file` and the workspace folders' (the web adds `vscode-vfs`, `vscode-remote`). */
  readonly schemes: readonly string[];
}

let client: BaseLanguageClient | undefined;

/**
 * Starts the Minutes language server and connects VS Code to it. The server owns all
 * minutes logic, including the commands (so every editor gets them); this side only adds
 * the current file as the default argument and shows the zone table in a quick pick.
 */
export async function activateMinutes(context: ExtensionContext, createClient: CreateClient, setup: ClientSetup): Promise<BaseLanguageClient> {
  const watcher = workspace.createFileSystemWatcher('**/{_data/authors.yml,_data/authors.yaml,_config.yml,.minutes.json,*.md}');
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    // The server decides which Markdown files are minutes and answers nothing for the rest.
    documentSelector: documentSelector([...new Set(['file', ...(workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme), ...setup.schemes])]),
    synchronize: { fileEvents: watcher },
    outputChannelName: 'Minutes',
    // VS Code has a Markdown outline of its own: one outline, not two. It answers the file
    // requests of a server that cannot read the workspace (a browser worker, a vscode-vfs: folder).
    initializationOptions: { markdownOutline: true, fileRequests: true } satisfies MinutesInitializationOptions,
    middleware: {
      provideCodeActions: logFixAll,
      executeCommand: async (command, args, next) => {
        const first: unknown = args[0];
        const uri = typeof first === 'string' ? first : first instanceof Uri ? first.toString() : window.activeTextEditor?.document.uri.toString();
        const result: unknown = await next(command, uri ? [uri, ...args.slice(1)] : []);
        if (command === Commands.showMeetingTimes) await showMeetingTimes(result as MeetingTimesResult | null);
        if (command === Commands.newMeeting) logNewMeeting(client, result as NewMeetingResult | null);
        return result;
      },
    },
  };
  const started = await createClient(context, clientOptions);
  client = started;
  context.subscriptions.push(
    commands.registerCommand('minutes.restartServer', async () => {
      // stop() then start() is the Node client's restart(), and the only one the browser client has.
      await client?.stop();
      await client?.start();
    }),
  );
  // Registered before start, the handlers stay across restarts.
  context.subscriptions.push(...answerFileRequests(started));
  await started.start();
  context.subscriptions.push(...registerActionItems(started));
  context.subscriptions.push(...registerMeetingStatus(started), ...registerOutputLog(started));
  return started;
}

function documentSelector(schemes: readonly string[]): DocumentSelector {
  return [
    ...schemes.map((scheme) => ({ scheme, language: 'markdown' })),
    { scheme: 'untitled', language: 'markdown' },
    ...schemes.flatMap((scheme) => [
      { scheme, pattern: '**/_data/authors.{yml,yaml}' },
      { scheme, pattern: '**/.minutes.json' },
      { scheme, pattern: '**/_config.yml' },
    ]),
  ];
}

export async function deactivateMinutes(): Promise<void> {
  await client?.stop();
  client = undefined;
}

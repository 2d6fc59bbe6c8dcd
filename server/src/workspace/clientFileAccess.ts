import { Message, type Connection, type MessageStrategy } from 'vscode-languageserver';
import { FileRequests, type MinutesInitializationOptions, type FileExistsParams, type FileListEntry, type FileListParams, type FileReadParams, type FileReadResult } from '../common/protocol';
import type { FileAccess, FolderEntry, ReadLimits, ReadResult } from './fileAccess';

/**
 * The workspace as the client sees it, for a server that cannot read it itself: the server in
 * a browser worker (github.dev, vscode.dev), or the Node server given a virtual workspace
 * (`vscode-vfs:` in desktop VS Code). Every read, listing and existence check is a request the
 * client answers with `vscode.workspace.fs` (client/src/fileRequests.ts), which also enforces
 * the limits. The scan, the site-root search and the indexes above this are the same for
 * every host.
 *
 * Requests wait for `initialized` (the LSP allows a server none before) and go only to a
 * client that said it answers them (`initializationOptions.fileRequests`): to any other, the
 * files are not there. Like every FileAccess this never throws: a failed request is a file
 * that cannot be read.
 */
export function clientFileAccess(connection: Connection, clientAnswers: Promise<boolean>): FileAccess {
  async function ask<P, R>(method: string, params: P, otherwise: R): Promise<R> {
    if (!(await clientAnswers)) return otherwise;
    try {
      return await connection.sendRequest<R>(method, params);
    } catch {
      return otherwise;
    }
  }
  return {
    read(uri: string, limits: ReadLimits): Promise<ReadResult> {
      const params: FileReadParams = { uri, maxBytes: limits.maxBytes, root: limits.root };
      return ask<FileReadParams, FileReadResult>(FileRequests.read, params, { ok: false, reason: 'unreadable' });
    },
    list(folderUri: string): Promise<readonly FolderEntry[]> {
      return ask<FileListParams, readonly FileListEntry[]>(FileRequests.list, { uri: folderUri }, []);
    },
    exists(uri: string): Promise<boolean> {
      return ask<FileExistsParams, boolean>(FileRequests.exists, { uri }, false);
    },
  };
}

/** `file:` URIs through `local` (the disk), any other scheme through `other` (the client). */
export function byScheme(local: FileAccess, other: FileAccess): FileAccess {
  const pick = (uri: string) => (uri.startsWith('file:') ? local : other);
  return {
    read: (uri, limits) => pick(uri).read(uri, limits),
    list: (folderUri) => pick(folderUri).list(folderUri),
    exists: (uri) => pick(uri).exists(uri),
  };
}

/**
 * A message strategy that also notes whether the client answers file requests (from
 * `initialize`) and when it may be asked (once it has sent `initialized`), before passing each
 * message on. `clientAnswers` settles then.
 */
export function watchFileRequests(strategy: MessageStrategy): { strategy: MessageStrategy; clientAnswers: Promise<boolean> } {
  let answers = false;
  let initialized: (answers: boolean) => void = () => undefined;
  const clientAnswers = new Promise<boolean>((resolve) => (initialized = resolve));
  return {
    clientAnswers,
    strategy: {
      handleMessage(message, next) {
        if (Message.isRequest(message) && message.method === 'initialize') {
          const options = (message.params as { initializationOptions?: MinutesInitializationOptions } | undefined)?.initializationOptions;
          answers = options?.fileRequests === true;
        }
        if (Message.isNotification(message) && message.method === 'initialized') initialized(answers);
        return strategy.handleMessage(message, next);
      },
    },
  };
}

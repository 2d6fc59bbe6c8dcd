import type { Connection } from 'vscode-languageserver';
import { FileRequests, type FileExistsParams, type FileListEntry, type FileListParams, type FileReadParams, type FileReadResult } from '../shared/protocol';
import type { FileAccess, FolderEntry, ReadLimits, ReadResult } from '../workspace/fileAccess';

/**
 * The workspace as the client sees it, for a server with no file system (a browser worker):
 * every read, listing and existence check is a request the client answers with
 * `vscode.workspace.fs` (client/src/browserFiles.ts), which also enforces the limits. The
 * scan, the site-root search and the indexes above this are the Node server's own.
 *
 * Requests wait for `initialized` (the LSP allows a server none before), and like every
 * FileAccess this never throws: a failed request is a file that cannot be read.
 */
export function clientFileAccess(connection: Connection, initialized: Promise<void>): FileAccess {
  async function ask<P, R>(method: string, params: P, otherwise: R): Promise<R> {
    await initialized;
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

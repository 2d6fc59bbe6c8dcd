import { FileSystemError, FileType, Uri, workspace, type Disposable } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FileRequests, type FileExistsParams, type FileListEntry, type FileListParams, type FileReadParams, type FileReadResult } from '../../server/src/common/protocol';

/**
 * Answers the server's file requests with `vscode.workspace.fs`: every file for the server in a
 * browser worker, which has no file system (github.dev's repository, vscode.dev's folder, a VS
 * Code server's disk), and a virtual workspace's for the Node server. The same rules as the Node server's own reads (server/src/node/nodeFileAccess.ts):
 * nothing outside the workspace folders, regular files only, the size checked before the
 * read. `workspace.fs` cannot say where a symbolic link leads, so a link is never read.
 */
export function answerFileRequests(client: BaseLanguageClient): Disposable[] {
  return [
    client.onRequest(FileRequests.read, (params: FileReadParams) => readFile(params)),
    client.onRequest(FileRequests.list, (params: FileListParams) => listFolder(params)),
    client.onRequest(FileRequests.exists, (params: FileExistsParams) => exists(params)),
  ];
}

// Node's reads keep a byte-order mark, and the server reports it (Jekyll then misses the front matter).
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

async function readFile({ uri, maxBytes, root }: FileReadParams): Promise<FileReadResult> {
  const target = parse(uri);
  const rootUri = parse(root);
  if (!target || !rootUri || !inWorkspace(target) || !isInside(rootUri, target)) return { ok: false, reason: 'outside-root' };
  try {
    const stat = await workspace.fs.stat(target);
    if (stat.type & FileType.SymbolicLink) return { ok: false, reason: 'outside-root' };
    if (!(stat.type & FileType.File)) return { ok: false, reason: 'not-a-file' };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', size: stat.size };
    const bytes = await workspace.fs.readFile(target);
    // A file that grew between the stat and the read is cut at the limit, never sent unbounded.
    return { ok: true, text: utf8.decode(bytes.length > maxBytes ? bytes.subarray(0, maxBytes) : bytes) };
  } catch (error) {
    return { ok: false, reason: error instanceof FileSystemError && error.code === 'FileNotFound' ? 'missing' : 'unreadable' };
  }
}

async function listFolder({ uri }: FileListParams): Promise<FileListEntry[]> {
  const folder = parse(uri);
  if (!folder || !inWorkspace(folder)) return [];
  try {
    const entries = await workspace.fs.readDirectory(folder);
    return entries.map(([name, type]) => ({
      name,
      type: type & FileType.SymbolicLink ? 'link' : type & FileType.Directory ? 'folder' : type & FileType.File ? 'file' : 'other',
    }));
  } catch {
    return [];
  }
}

async function exists({ uri }: FileExistsParams): Promise<boolean> {
  const target = parse(uri);
  if (!target || !inWorkspace(target)) return false;
  try {
    await workspace.fs.stat(target);
    return true;
  } catch {
    return false;
  }
}

/** A URI the server sent, or null when it is malformed or has `.`/`..` segments (which could lead anywhere). */
function parse(text: unknown): Uri | null {
  if (typeof text !== 'string') return null;
  try {
    const uri = Uri.parse(text, true);
    return uri.path.split('/').some((segment) => segment === '.' || segment === '..') ? null : uri;
  } catch {
    return null;
  }
}

function inWorkspace(uri: Uri): boolean {
  return (workspace.workspaceFolders ?? []).some((folder) => isInside(folder.uri, uri));
}

function isInside(root: Uri, uri: Uri): boolean {
  if (root.scheme !== uri.scheme || root.authority.toLowerCase() !== uri.authority.toLowerCase()) return false;
  const base = root.path.replace(/\/$/, '');
  return uri.path === base || uri.path.startsWith(`${base}/`);
}

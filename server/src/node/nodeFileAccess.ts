import { constants, type Dirent, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileAccess, FolderEntry, ReadLimits, ReadResult } from '../workspace/fileAccess';

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

export function pathOf(uri: string): string {
  return fileURLToPath(uri);
}

/**
 * The disk, for the Node server and the CLI. A cloned repository can hold symbolic links to
 * devices, FIFOs or files elsewhere (git stores links), so a file is opened without blocking
 * and checked on the open descriptor (what is read is what was checked: a regular file, not
 * too large), and its real path must lie inside the workspace's real root.
 */
export const nodeFileAccess: FileAccess = {
  async read(uri: string, limits: ReadLimits): Promise<ReadResult> {
    let path: string;
    try {
      path = pathOf(uri);
    } catch {
      return { ok: false, reason: 'unreadable' };
    }
    let real: string;
    try {
      real = await realpath(path);
    } catch (error) {
      return unreadable(error);
    }
    if (!(await insideRealRoot(real, limits.root))) return { ok: false, reason: 'outside-root' };
    let handle;
    try {
      handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch (error) {
      return unreadable(error);
    }
    try {
      const stat = await handle.stat();
      const refused = refusal(stat, limits);
      if (refused) return refused;
      // A file growing between the check and the read is cut at the limit, never read unbounded.
      const buffer = Buffer.alloc(stat.size);
      const { bytesRead } = await handle.read(buffer, 0, stat.size, 0);
      return { ok: true, text: buffer.toString('utf8', 0, bytesRead) };
    } catch {
      return { ok: false, reason: 'unreadable' };
    } finally {
      await handle.close().catch(() => undefined);
    }
  },

  async list(folderUri: string): Promise<readonly FolderEntry[]> {
    try {
      return (await readdir(pathOf(folderUri), { withFileTypes: true })).map(folderEntry);
    } catch {
      return [];
    }
  },

  async exists(uri: string): Promise<boolean> {
    try {
      await lstat(pathOf(uri));
      return true;
    } catch {
      return false;
    }
  },
};

/** Real roots, resolved once each: a workspace root is itself often reached through a link (`/tmp` on macOS). */
const realRoots = new Map<string, Promise<string | null>>();

async function insideRealRoot(realFile: string, rootUri: string): Promise<boolean> {
  let root = realRoots.get(rootUri);
  if (!root) {
    root = Promise.resolve()
      .then(() => realpath(pathOf(rootUri)))
      .catch(() => null);
    realRoots.set(rootUri, root);
  }
  return isWithin(realFile, await root);
}

// What both ways of reading the disk decide alike: this asynchronous one, for the server,
// and the CLI's synchronous one (cliFileAccess.ts).

/** Why a path could not be resolved or opened. */
export function unreadable(error: unknown): ReadResult {
  return { ok: false, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable' };
}

/** Why an opened file is not read (not a regular file, or over the limit), or null to read it. */
export function refusal(stat: Stats, limits: ReadLimits): ReadResult | null {
  if (!stat.isFile()) return { ok: false, reason: 'not-a-file' };
  if (stat.size > limits.maxBytes) return { ok: false, reason: 'too-large', size: stat.size };
  return null;
}

/** Whether a real path lies in a real root (null: the root itself could not be resolved). */
export function isWithin(realFile: string, realRoot: string | null): boolean {
  if (realRoot === null) return false;
  return realFile === realRoot || realFile.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

/** A folder's entry as a scan sees it: a link is a link, never followed. */
export function folderEntry(entry: Dirent): FolderEntry {
  return { name: entry.name, type: entry.isSymbolicLink() ? 'link' : entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other' };
}

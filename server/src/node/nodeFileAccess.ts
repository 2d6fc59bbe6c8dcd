import { constants } from 'node:fs';
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
      return { ok: false, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable' };
    }
    if (!(await insideRealRoot(real, limits.root))) return { ok: false, reason: 'outside-root' };
    let handle;
    try {
      handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch (error) {
      return { ok: false, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable' };
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) return { ok: false, reason: 'not-a-file' };
      if (stat.size > limits.maxBytes) return { ok: false, reason: 'too-large', size: stat.size };
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
      const entries = await readdir(pathOf(folderUri), { withFileTypes: true });
      return entries.map((entry) => ({
        name: entry.name,
        type: entry.isSymbolicLink() ? 'link' : entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other',
      }));
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
  const realRoot = await root;
  if (realRoot === null) return false;
  return realFile === realRoot || realFile.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import type { FileAccess, FolderEntry, ReadLimits, ReadResult } from '../workspace/fileAccess';
import { folderEntry, isWithin, pathOf, refusal, unreadable } from './nodeFileAccess';

/**
 * The disk as the CLI and the Action read it: the same checks as the server's access
 * (nodeFileAccess: opened without blocking, checked on the open descriptor, inside the real
 * root), made with synchronous calls. A check does nothing else while it reads, and each
 * asynchronous call is a round trip through libuv's thread pool: five per file, a tenth of a
 * 21-file check. The server keeps the asynchronous access, which lets it answer while it reads.
 */
export const cliFileAccess: FileAccess = {
  read: (uri, limits) => Promise.resolve(readFile(uri, limits)),
  list: (folderUri) => Promise.resolve(listFolder(folderUri)),
  exists: (uri) => Promise.resolve(exists(uri)),
};

function readFile(uri: string, limits: ReadLimits): ReadResult {
  let real: string;
  try {
    real = realpathSync(pathOf(uri));
  } catch (error) {
    return unreadable(error);
  }
  if (!insideRealRoot(real, limits.root)) return { ok: false, reason: 'outside-root' };
  let descriptor: number;
  try {
    descriptor = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return unreadable(error);
  }
  try {
    const stat = fstatSync(descriptor);
    const refused = refusal(stat, limits);
    if (refused) return refused;
    // A file growing between the check and the read is cut at the limit, never read unbounded.
    const buffer = Buffer.alloc(stat.size);
    const bytesRead = readSync(descriptor, buffer, 0, stat.size, 0);
    return { ok: true, text: buffer.toString('utf8', 0, bytesRead) };
  } catch {
    return { ok: false, reason: 'unreadable' };
  } finally {
    try {
      closeSync(descriptor);
    } catch {
      // Closed or not, the read is over.
    }
  }
}

function listFolder(folderUri: string): FolderEntry[] {
  try {
    return readdirSync(pathOf(folderUri), { withFileTypes: true }).map(folderEntry);
  } catch {
    return [];
  }
}

function exists(uri: string): boolean {
  try {
    lstatSync(pathOf(uri));
    return true;
  } catch {
    return false;
  }
}

/** Real roots, resolved once each: a root is itself often reached through a link (`/tmp` on macOS). */
const realRoots = new Map<string, string | null>();

function insideRealRoot(realFile: string, rootUri: string): boolean {
  let realRoot = realRoots.get(rootUri);
  if (realRoot === undefined) {
    try {
      realRoot = realpathSync(pathOf(rootUri));
    } catch {
      realRoot = null;
    }
    realRoots.set(rootUri, realRoot);
  }
  return isWithin(realFile, realRoot);
}

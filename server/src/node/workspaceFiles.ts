import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkspaceIndex } from '../service';
import { readRegularFile } from './readRegularFile';

/** Folders never worth reading: dependencies, build output, caches. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '_site', 'vendor', '.jekyll-cache', '.sass-cache', '.bundle']);
/** Files that mark the root of a Jekyll site or a Minutes workspace. */
const ROOT_MARKERS = ['.minutes.json', '_config.yml', '_data', '.git'];
/** Read before anything else: they decide which other files count (ignores, templates, zone). */
const FIRST_FILES = ['.minutes.json', '_config.yml'];

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

export function pathOf(uri: string): string {
  return fileURLToPath(uri);
}

/** How far above a file's folder its site root is looked for (`site/meetings/2024/x.md` is three levels down). */
const ROOT_SEARCH_LEVELS = 3;

/**
 * The site root holding a path: the nearest folder with `.minutes.json`, `_config.yml`,
 * `_data` or `.git`, at most ROOT_SEARCH_LEVELS above it; else the path's own folder.
 * The walk is bounded so that a file opened from `/` or `/etc` is not taken to belong to a
 * site that is the whole disk.
 */
export function findSiteRoot(path: string): string {
  const start = existsSync(path) && statSync(path).isDirectory() ? path : dirname(path);
  let folder = start;
  for (let level = 0; level <= ROOT_SEARCH_LEVELS; level++) {
    if (hasRootMarker(folder)) return folder;
    if (dirname(folder) === folder) break;
    folder = dirname(folder);
  }
  return start;
}

/** Whether a folder is marked as a site or workspace root: only such a folder is read with its subfolders unasked. */
export function hasRootMarker(folder: string): boolean {
  return ROOT_MARKERS.some((marker) => existsSync(join(folder, marker)));
}

/** Files under a folder, one folder at a time (so async callers can yield between folders). */
export function* filesByFolder(root: string, recursive = true): Generator<string[]> {
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    const files: string[] = [];
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (recursive && !SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
      } else if (entry.isFile()) files.push(path);
    }
    yield files.sort();
  }
}

/** Reads one file into the index if the index uses it; returns whether it did. */
function readInto(index: WorkspaceIndex, path: string): boolean {
  const uri = uriOf(path);
  if (!index.kindOf(uri)) return false;
  // Vanished, unreadable, not a regular file or too large: simply not known.
  const text = readRegularFile(path);
  return text !== null && index.update(uri, text);
}

function readFirstFiles(root: string, index: WorkspaceIndex): number {
  return FIRST_FILES.filter((name) => existsSync(join(root, name)) && readInto(index, join(root, name))).length;
}

/**
 * Reads a whole workspace at once (the CLI). A folder without a root marker is read without
 * its subfolders unless `recursive` says otherwise (a folder the user named).
 */
export function loadWorkspace(root: string, index: WorkspaceIndex, recursive = hasRootMarker(root)): number {
  let read = readFirstFiles(root, index);
  for (const files of filesByFolder(root, recursive)) for (const path of files) if (!isFirstFile(root, path) && readInto(index, path)) read++;
  return read;
}

/**
 * Reads a workspace for a server: yields to the event loop between folders, so requests
 * are answered during a large scan, and reports progress.
 */
export async function scanWorkspace(root: string, index: WorkspaceIndex, progress?: (read: number) => void, recursive = hasRootMarker(root)): Promise<number> {
  let read = readFirstFiles(root, index);
  for (const files of filesByFolder(root, recursive)) {
    for (const path of files) if (!isFirstFile(root, path) && readInto(index, path)) read++;
    progress?.(read);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return read;
}

function isFirstFile(root: string, path: string): boolean {
  return dirname(path) === root && FIRST_FILES.some((name) => path === join(root, name));
}

/** Reads a file the index uses again (after a change on disk), or forgets it when it is gone. */
export function refreshFile(index: WorkspaceIndex, uri: string): void {
  const text = readRegularFile(pathOf(uri));
  if (text === null) index.remove(uri);
  else index.update(uri, text);
}

/** A file's text, or null when it cannot be read. */
export function readFileText(uri: string): string | null {
  return readRegularFile(pathOf(uri));
}

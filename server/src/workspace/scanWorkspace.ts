import type { WorkspaceIndex } from '../service';
import { childUri, describeUnread, parentUri, type FileAccess, type ReadLimits } from './fileAccess';

/** Folders never worth reading: dependencies, build output, caches. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '_site', 'vendor', '.jekyll-cache', '.sass-cache', '.bundle']);
/** Names that mark the root of a Jekyll site or a Minutes workspace. */
const ROOT_MARKERS = ['.minutes.json', '_config.yml', '_data', '.git'];
/** Read before anything else: they decide which other files count (ignores, templates, zone, size limit). */
const FIRST_FILES = ['.minutes.json', '_config.yml'];
/** How far above a file's folder its site root is looked for (`site/meetings/2024/x.md` is three levels down). */
const ROOT_SEARCH_LEVELS = 3;

/** Whether a folder is marked as a site or workspace root: only such a folder is read with its subfolders unasked. */
export async function hasRootMarker(files: FileAccess, folderUri: string): Promise<boolean> {
  for (const marker of ROOT_MARKERS) if (await files.exists(childUri(folderUri, marker))) return true;
  return false;
}

/**
 * The site root holding a file (or a folder): the nearest folder with `.minutes.json`, `_config.yml`,
 * `_data` or `.git`, at most ROOT_SEARCH_LEVELS above it; else the file's own folder. The
 * walk is bounded so that a file opened from `/` or `/etc` is not taken to belong to a site
 * that is the whole disk.
 */
export async function findSiteRoot(files: FileAccess, uri: string, isFolder = false): Promise<{ root: string; marked: boolean }> {
  const start = isFolder ? uri.replace(/\/$/, '') : parentUri(uri);
  let folder = start;
  for (let level = 0; level <= ROOT_SEARCH_LEVELS; level++) {
    if (await hasRootMarker(files, folder)) return { root: folder, marked: true };
    const parent = parentUri(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return { root: start, marked: false };
}

export interface ScanOptions {
  /** Read subfolders too (a marked root, or a folder the user named). */
  readonly recursive: boolean;
  readonly maxBytes: number;
  /** Called after each folder with the count of files read so far. */
  readonly progress?: (read: number) => void;
  /** Called for a file the index wanted but that was not read for a reason worth telling. */
  readonly skipped?: (uri: string, message: string) => void;
  /** Checked between folders: a scan of a removed root stops. */
  readonly cancelled?: () => boolean;
}

/**
 * Reads a workspace into its index, the files that decide what counts first, then folder
 * by folder (the shallowest first, so `meetings/` comes before deep asset trees), handing
 * the event loop back between folders so requests are answered during a large scan.
 * Returns how many files were read.
 */
export async function scanWorkspace(files: FileAccess, index: WorkspaceIndex, options: ScanOptions): Promise<number> {
  const root = index.rootUri;
  let read = 0;
  for (const name of FIRST_FILES) if (await readInto(files, index, childUri(root, name), options)) read++;
  for await (const batch of filesByFolder(files, root, options.recursive, options.cancelled)) {
    for (const uri of batch) if (!FIRST_FILES.some((name) => uri === childUri(root, name)) && (await readInto(files, index, uri, options))) read++;
    options.progress?.(read);
  }
  return read;
}

/**
 * The files under a folder, one folder at a time, the shallowest first (so `meetings/` comes
 * before deep asset trees), each batch sorted by name. Links are never followed (GitHub Pages
 * builds in safe mode, which ignores them too). The event loop gets a turn between folders,
 * so requests are answered during a large scan.
 */
export async function* filesByFolder(files: FileAccess, folderUri: string, recursive: boolean, cancelled?: () => boolean): AsyncGenerator<string[]> {
  const pending = [folderUri.replace(/\/$/, '')];
  while (pending.length > 0 && !cancelled?.()) {
    const folder = pending.shift()!;
    const entries = [...(await files.list(folder))].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const batch: string[] = [];
    for (const entry of entries) {
      if (entry.type === 'folder') {
        if (recursive && !SKIPPED_FOLDERS.has(entry.name)) pending.push(childUri(folder, entry.name));
      } else if (entry.type === 'file') batch.push(childUri(folder, entry.name));
    }
    yield batch;
    await yieldToEventLoop();
  }
}

/** Reads one file into the index if the index uses it; returns whether it did. */
export async function readInto(files: FileAccess, index: WorkspaceIndex, uri: string, options: Pick<ScanOptions, 'maxBytes' | 'skipped'>): Promise<boolean> {
  if (!index.kindOf(uri)) return false;
  const limits: ReadLimits = { maxBytes: options.maxBytes, root: index.rootUri };
  const result = await files.read(uri, limits);
  if (result.ok) return index.update(uri, result.text);
  if (result.reason !== 'missing' && result.reason !== 'unreadable') options.skipped?.(uri, describeUnread(result, limits));
  return false;
}

/** Lets queued messages be handled (works in Node and in a browser worker). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

import type { WorkspaceIndex } from '../service';
import { childUri, describeUnread, isInside, parentUri, type FileAccess, type ReadLimits } from './fileAccess';

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
  /** Called for a file the index wanted but that was not read for a reason worth telling. */
  readonly skipped?: (uri: string, message: string) => void;
  /** Checked between folders: a scan of a removed root stops. */
  readonly cancelled?: () => boolean;
}

/** How many files of one folder are read at once. */
const READS_AT_ONCE = 8;

/** Folders read right after the first files: what a diagnosis needs before any other minutes (`_data/authors.yml`). */
const BASIC_FOLDERS = ['_data'];

/**
 * Reads a workspace into its index in the order a user feels: the files that decide what
 * counts (`.minutes.json`, `_config.yml`) and `_data/` first — then `basics` settles, and an
 * opened file can be diagnosed —, then folder by folder, the shallowest first, a folder an
 * opened file is in before any other (`prioritize`). The event loop gets a turn between
 * folders, so requests are answered during a large scan.
 */
export class WorkspaceScan {
  /** Settles once the first files and `_data/` are read. */
  readonly basics: Promise<void>;
  /** Settles with the count of files read when the whole scan is over. */
  readonly done: Promise<number>;
  /** Called after each folder with the count of files read so far (set by whoever shows progress). */
  onProgress: (read: number) => void = () => undefined;
  private readonly visited = new Set<string>();
  private readonly urgent: string[] = [];
  private readonly pending: string[] = [];
  private readonly waiting = new Map<string, (() => void)[]>();
  private finished = false;
  private read = 0;
  private basicsRead: () => void = () => undefined;

  constructor(
    private readonly files: FileAccess,
    private readonly index: WorkspaceIndex,
    private readonly options: ScanOptions,
  ) {
    this.basics = new Promise((resolve) => (this.basicsRead = resolve));
    this.done = this.run().finally(() => {
      // Even a failed read ends: what was read is all there will be.
      this.index.setComplete(true);
      this.finished = true;
      this.basicsRead();
      for (const wake of [...this.waiting.values()].flat()) wake();
      this.waiting.clear();
    });
  }

  /** Reads a folder before the others still pending; settles when it has been read (or the scan is over). */
  prioritize(folderUri: string): Promise<void> {
    const folder = folderUri.replace(/\/$/, '');
    if (this.finished || this.visited.has(folder) || !isInside(this.index.rootUri, folder)) return Promise.resolve();
    // Below the root without subfolders, only the root itself is ever read.
    if (!this.options.recursive && folder !== this.index.rootUri.replace(/\/$/, '')) return Promise.resolve();
    this.urgent.push(folder);
    return new Promise((resolve) => this.waiting.set(folder, [...(this.waiting.get(folder) ?? []), resolve]));
  }

  private async run(): Promise<number> {
    const root = this.index.rootUri.replace(/\/$/, '');
    this.index.setComplete(false);
    for (const name of FIRST_FILES) if (await readInto(this.files, this.index, childUri(root, name), this.options)) this.read++;
    if (this.options.recursive) for (const name of BASIC_FOLDERS) await this.readFolder(childUri(root, name));
    this.basicsRead();
    this.pending.push(root);
    while (!this.options.cancelled?.()) {
      const folder = this.urgent.shift() ?? this.pending.shift();
      if (folder === undefined) break;
      if (this.visited.has(folder)) continue;
      await this.readFolder(folder);
      this.onProgress(this.read);
      await yieldToEventLoop();
    }
    return this.read;
  }

  private async readFolder(folder: string): Promise<void> {
    this.visited.add(folder);
    const root = this.index.rootUri.replace(/\/$/, '');
    const entries = [...(await this.files.list(folder))].sort(byName);
    const files: string[] = [];
    for (const entry of entries) {
      const uri = childUri(folder, entry.name);
      if (entry.type === 'folder') {
        if (this.options.recursive && !SKIPPED_FOLDERS.has(entry.name)) this.pending.push(uri);
      } else if (entry.type === 'file' && !(folder === root && FIRST_FILES.includes(entry.name))) files.push(uri);
    }
    // A few reads at a time: where each read is a round trip (a server in a browser worker asks
    // its client, and github.dev the network), one after another would add up the latencies.
    let next = 0;
    const reader = async () => {
      while (next < files.length) if (await readInto(this.files, this.index, files[next++]!, this.options)) this.read++;
    };
    await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, files.length) }, reader));
    for (const wake of this.waiting.get(folder) ?? []) wake();
    this.waiting.delete(folder);
  }
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

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
    const entries = [...(await files.list(folder))].sort(byName);
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
  // A large roster is parsed a slice at a time, so requests are answered meanwhile.
  if (result.ok) return index.updateInTurns(uri, result.text, yieldToEventLoop);
  if (result.reason !== 'missing' && result.reason !== 'unreadable') options.skipped?.(uri, describeUnread(result, limits));
  return false;
}

/** Lets queued messages be handled (works in Node and in a browser worker). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

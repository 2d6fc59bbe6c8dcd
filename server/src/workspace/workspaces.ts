import { RULE_CODES, WorkspaceIndex } from '../service';
import { isInside, type FileAccess } from './fileAccess';
import { findSiteRoot, readInto, WorkspaceScan, type ScanOptions } from './scanWorkspace';

export interface WorkspaceEntry {
  readonly index: WorkspaceIndex;
  /** Settles when the first full read of the root is over. */
  readonly ready: Promise<void>;
  /**
   * Settles when what a file in `folderUri` needs first has been read: the configuration and
   * `_data/`. That folder is read next, before any other still pending.
   */
  basicsFor(folderUri: string): Promise<void>;
}

/** Told when a root starts being read; settles when its owner is done with the read (progress shown, diagnostics refreshed). */
export type ScanReporter = (root: string, scan: WorkspaceScan) => Promise<void>;

const settled: WorkspaceEntry['basicsFor'] = () => Promise.resolve();

const UNTITLED = 'untitled:';

/**
 * One knowledge index per workspace root. Roots come from the client's workspace folders;
 * a file outside all of them (a single file opened in Neovim) gets the Jekyll site around it,
 * read with its subfolders only when it is marked as a site root.
 */
export class Workspaces {
  private readonly entries = new Map<string, WorkspaceEntry & { removed?: boolean }>();
  /** A file's folder → the root found for it, so the search runs once per folder. */
  private readonly sitesFound = new Map<string, Promise<WorkspaceEntry>>();

  constructor(
    private readonly files: FileAccess,
    private readonly onScan: ScanReporter,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** Adds a root and starts reading it (a workspace folder of the client: with all its subfolders). */
  add(rootUri: string, recursive = true): WorkspaceEntry {
    const root = rootUri.replace(/\/$/, '');
    const existing = this.entries.get(root);
    if (existing) return existing;
    const index = new WorkspaceIndex(root, RULE_CODES);
    let removed = false;
    const scan = new WorkspaceScan(this.files, index, this.scanOptions(index, { recursive, cancelled: () => removed }));
    const entry = {
      index,
      ready: this.onScan(root, scan),
      basicsFor: async (folderUri: string) => {
        // The folder is read next, for what completion and hovers know; the answer does not wait for it.
        void scan.prioritize(folderUri);
        await scan.basics;
      },
      set removed(value: boolean) {
        removed = value;
      },
    };
    this.entries.set(root, entry);
    return entry;
  }

  remove(rootUri: string): void {
    const root = rootUri.replace(/\/$/, '');
    const entry = this.entries.get(root);
    if (entry) entry.removed = true;
    this.entries.delete(root);
    this.sitesFound.clear();
  }

  /**
   * The index that owns a document, adding the site around it when no root holds it. A
   * folder the user named (`minutes check meetings`) is read whole even without a marker.
   */
  async indexFor(uri: string, named: { folder: boolean } | null = null): Promise<WorkspaceEntry> {
    const held = this.holding(named?.folder ? `${uri.replace(/\/$/, '')}/` : uri);
    if (held) return held;
    if (!/^[a-z][\w+.-]*:\/\//i.test(uri)) {
      // Untitled documents: judged with an empty workspace.
      let untitled = this.entries.get(UNTITLED);
      if (!untitled) this.entries.set(UNTITLED, (untitled = { index: new WorkspaceIndex(UNTITLED, RULE_CODES), ready: Promise.resolve(), basicsFor: settled }));
      return untitled;
    }
    const folder = named?.folder ? uri.replace(/\/$/, '') : uri.slice(0, uri.lastIndexOf('/'));
    let found = this.sitesFound.get(folder);
    if (!found) {
      found = findSiteRoot(this.files, folder, true).then(({ root, marked }) => this.holding(`${root}/`) ?? this.add(root, marked || (!!named?.folder && root === folder)));
      this.sitesFound.set(folder, found);
    }
    return found;
  }

  /** The entry of the deepest root holding a URI, if any. */
  private holding(uri: string): WorkspaceEntry | null {
    let best: WorkspaceEntry | null = null;
    let bestLength = -1;
    for (const [root, entry] of this.entries) {
      if (root !== UNTITLED && isInside(root, uri) && uri !== root && root.length > bestLength) [best, bestLength] = [entry, root.length];
    }
    return best;
  }

  /** The first workspace folder's index (for commands run without a file). */
  first(): WorkspaceEntry | null {
    for (const [root, entry] of this.entries) if (root !== UNTITLED) return entry;
    return null;
  }

  all(): WorkspaceIndex[] {
    return [...this.entries.values()].map((entry) => entry.index);
  }

  /** Every root's entry (untitled documents' empty workspace left out). */
  roots(): WorkspaceEntry[] {
    return [...this.entries].filter(([root]) => root !== UNTITLED).map(([, entry]) => entry);
  }

  /**
   * Reads a file the index uses again (after a change on disk), or forgets it when it is
   * gone. Returns whether the index read or forgot something.
   */
  async refresh(index: WorkspaceIndex, uri: string): Promise<boolean> {
    if (!index.kindOf(uri)) return false;
    if (await readInto(this.files, index, uri, this.scanOptions(index, {}))) return true;
    if (!(await this.files.exists(uri))) index.remove(uri);
    return true;
  }

  /** A workspace file's text from the disk (bounded and checked like every read), or null. */
  async readText(index: WorkspaceIndex, uri: string): Promise<string | null> {
    const result = await this.files.read(uri, { maxBytes: index.maxFileBytes, root: index.rootUri });
    return result.ok ? result.text : null;
  }

  /** Whether anything exists at a URI (a file about to be created must not be there yet). */
  exists(uri: string): Promise<boolean> {
    return this.files.exists(uri);
  }

  private scanOptions(index: WorkspaceIndex, options: Partial<ScanOptions>): ScanOptions {
    return {
      recursive: true,
      ...options,
      // Read when a file is read: `.minutes.json` (read first) may set it.
      get maxBytes() {
        return index.maxFileBytes;
      },
      skipped: (uri, message) => {
        this.log(`not reading ${uri}: ${message}`);
        index.unread(uri, message);
      },
    };
  }
}

import { RULE_CODES, WorkspaceIndex } from '../service';
import { findSiteRoot, hasRootMarker, pathOf, scanWorkspace, uriOf } from './workspaceFiles';

/**
 * One knowledge index per workspace root. Roots come from the client's workspace folders;
 * a file outside all of them (a single file opened in Neovim) gets the Jekyll site around it.
 */
export class Workspaces {
  private readonly indexes = new Map<string, { index: WorkspaceIndex; ready: Promise<void> }>();

  constructor(private readonly onScan: (root: string, scan: (progress: (read: number) => void) => Promise<number>) => Promise<void>) {}

  /**
   * Adds a root and starts reading it: a workspace folder of the client with all its
   * subfolders, the site found around a file outside them only when it is marked as a root.
   */
  add(rootUri: string, recursive = true): Promise<void> {
    const root = rootUri.replace(/\/$/, '');
    const existing = this.indexes.get(root);
    if (existing) return existing.ready;
    const index = new WorkspaceIndex(root, RULE_CODES);
    const ready = this.onScan(root, (progress) => scanWorkspace(pathOf(root), index, progress, recursive));
    this.indexes.set(root, { index, ready });
    return ready;
  }

  remove(rootUri: string): void {
    this.indexes.delete(rootUri.replace(/\/$/, ''));
  }

  /** The index that owns a document, adding its site root when no folder holds it. */
  indexFor(uri: string): { index: WorkspaceIndex; ready: Promise<void> } {
    let best: { index: WorkspaceIndex; ready: Promise<void> } | undefined;
    let bestLength = -1;
    for (const [root, entry] of this.indexes) {
      if (uri.startsWith(`${root}/`) && root.length > bestLength) [best, bestLength] = [entry, root.length];
    }
    if (best) return best;
    if (!uri.startsWith('file:')) {
      // Untitled documents: judged with an empty workspace.
      const key = 'untitled:';
      if (!this.indexes.has(key)) this.indexes.set(key, { index: new WorkspaceIndex(key, RULE_CODES), ready: Promise.resolve() });
      return this.indexes.get(key)!;
    }
    const folder = findSiteRoot(pathOf(uri));
    const root = uriOf(folder);
    void this.add(root, hasRootMarker(folder));
    return this.indexes.get(root.replace(/\/$/, ''))!;
  }

  /** The first workspace folder's index (for commands run without a file). */
  first(): { index: WorkspaceIndex; ready: Promise<void> } | null {
    for (const [root, entry] of this.indexes) if (root !== 'untitled:') return entry;
    return null;
  }

  all(): WorkspaceIndex[] {
    return [...this.indexes.values()].map((entry) => entry.index);
  }
}

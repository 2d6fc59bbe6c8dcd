import { Workspaces, type WorkspaceEntry } from '../workspace/workspaces';
import { cliFileAccess } from './cliFileAccess';
import { uriOf } from './nodeFileAccess';

/** The CLI's sites: read with the same checks and the same scan as the server's, without progress. */
export function cliWorkspaces(): Workspaces {
  return new Workspaces(cliFileAccess, async (_root, scan) => {
    await scan.done;
  });
}

/** The site holding a path, read in full before it is answered. */
export async function siteOf(workspaces: Workspaces, path: string, isFolder: boolean): Promise<WorkspaceEntry> {
  const entry = await workspaces.indexFor(uriOf(path), isFolder ? { folder: true } : null);
  await entry.ready;
  return entry;
}

import { statSync } from 'node:fs';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { createMinutesService, DEFAULT_SETTINGS, type MinutesService, type WorkspaceIndex } from '../../service';
import { filesByFolder } from '../../workspace/scanWorkspace';
import type { Workspaces } from '../../workspace/workspaces';
import { cliWorkspaces, siteOf } from '../cliSites';
import { cliFileAccess } from '../cliFileAccess';
import { pathOf, uriOf } from '../nodeFileAccess';

/** One file the CLI looked at, with what the service found in it. */
export interface CheckedFile {
  readonly path: string;
  readonly uri: string;
  readonly index: WorkspaceIndex;
  /** Minutes and index pages are what the CLI checks; other files are reported only when they have findings. */
  readonly isMinutes: boolean;
  /** Null when it was not read (a link out of the site, too large…: the site's findings say why). */
  readonly text: string | null;
  readonly diagnostics: Diagnostic[];
}

/** What a run needs across files: one service and one set of sites. */
export interface CheckSession {
  readonly service: MinutesService;
  readonly workspaces: Workspaces;
}

export function checkSession(): CheckSession {
  return { service: createMinutesService(), workspaces: cliWorkspaces() };
}

/** The files under the given paths (files or folders) that a site's index knows, sorted. */
export async function filesUnder(session: CheckSession, paths: readonly string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const path of paths) {
    if (!statSync(path).isDirectory()) files.add(path);
    else {
      // A folder the user named is read whole; an unmarked folder around a named file is not.
      await siteOf(session.workspaces, path, true);
      for await (const batch of filesByFolder(cliFileAccess, uriOf(path), true)) for (const uri of batch) files.add(pathOf(uri));
    }
  }
  return [...files].sort();
}

/** Checks one file with the knowledge of its own site (null: a file no site uses). */
export async function checkFile(session: CheckSession, path: string): Promise<CheckedFile | null> {
  const uri = uriOf(path);
  const { index } = await siteOf(session.workspaces, path, false);
  const kind = index.kindOf(uri);
  if (!kind) return null;
  const knowledge = index.knowledge();
  const text = await session.workspaces.readText(index, uri);
  if (text !== null && (kind === 'markdown' || kind === 'template')) {
    const document = { uri, version: 0, getText: () => text };
    const diagnostics = sortDiagnostics(session.service.diagnostics(document, knowledge, DEFAULT_SETTINGS));
    const documentKind = session.service.contextOf(document, knowledge, DEFAULT_SETTINGS).kind;
    return { path, uri, index, isMinutes: documentKind === 'minutes' || documentKind === 'index', text, diagnostics };
  }
  const diagnostics = sortDiagnostics(session.service.knowledgeDiagnostics(uri, text ?? '', knowledge, DEFAULT_SETTINGS));
  return { path, uri, index, isMinutes: false, text, diagnostics };
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * The edits of a finding's one certain fix, as Fix all takes them: exactly one preferred fix,
 * editing this file only (the fixes ride in `diagnostic.data`).
 */
export function certainFix(diagnostic: Diagnostic, uri: string): TextEdit[] | null {
  const data = diagnostic.data as { fixes?: readonly { preferred?: boolean; edit?: { changes?: Record<string, TextEdit[]>; documentChanges?: unknown } }[] } | undefined;
  const preferred = (Array.isArray(data?.fixes) ? data.fixes : []).filter((fix) => fix.preferred && fix.edit?.changes && !fix.edit.documentChanges);
  if (preferred.length !== 1) return null;
  const edits = preferred[0]!.edit!.changes![uri];
  return edits && edits.length > 0 ? edits : null;
}

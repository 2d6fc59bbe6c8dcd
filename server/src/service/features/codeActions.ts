import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { DiagnosticData, Fix } from './diagnostics/rule';
import { SOURCE } from './diagnostics/diagnose';

/** The code-action kind for "fix everything Minutes can fix with certainty". */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.minutes`;

function fixesOf(diagnostic: Diagnostic): readonly Fix[] {
  if (diagnostic.source !== SOURCE) return [];
  const data = diagnostic.data as DiagnosticData | undefined;
  return Array.isArray(data?.fixes) ? data.fixes : [];
}

/**
 * Quick fixes for the diagnostics in the request (their fixes ride in `diagnostic.data`),
 * a "fix all of this kind" action where a code has several certain fixes in the file, and
 * the file-wide fix-all when asked for it.
 */
export function codeActions(uri: string, requested: readonly Diagnostic[], all: readonly Diagnostic[], only: readonly string[] | undefined): CodeAction[] {
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of requested) {
      for (const fix of fixesOf(diagnostic)) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: fix.edit, isPreferred: fix.preferred });
      }
    }
    const codes = new Set(requested.filter((d) => fixesOf(d).length > 0).map((d) => String(d.code)));
    for (const code of codes) {
      const sameKind = all.filter((d) => String(d.code) === code && preferredFix(d));
      if (sameKind.length < 2) continue;
      const edit = mergeEdits(uri, sameKind.map((d) => preferredFix(d)!));
      if (edit) actions.push({ title: `Fix all ${code} problems in this file`, kind: CodeActionKind.QuickFix, diagnostics: sameKind, edit });
    }
  }
  if (only && wants(FIX_ALL_KIND) && only.some((o) => o.startsWith(CodeActionKind.SourceFixAll) || o === CodeActionKind.Source)) {
    const fixable = all.filter(preferredFix);
    const edit = mergeEdits(uri, fixable.map((d) => preferredFix(d)!));
    if (edit) actions.push({ title: 'Fix all Minutes problems with a certain fix', kind: FIX_ALL_KIND, diagnostics: fixable, edit });
  }
  return actions;
}

/**
 * The one right fix of a diagnostic, if it has exactly one preferred fix editing this file
 * only and the finding is a warning or an error: a note (information, hint) is not a request
 * for a change, so fixing "all" never acts on one (a missing section the layout merely
 * suggests is not inserted into finished minutes).
 */
function preferredFix(diagnostic: Diagnostic): Fix | undefined {
  if (diagnostic.severity !== undefined && diagnostic.severity > DiagnosticSeverity.Warning) return undefined;
  const preferred = fixesOf(diagnostic).filter((fix) => fix.preferred && fix.edit.changes && !fix.edit.documentChanges);
  return preferred.length === 1 ? preferred[0] : undefined;
}

/** Combines single-file fixes into one edit, in document order, dropping any that overlaps one taken before it. */
function mergeEdits(uri: string, fixes: readonly Fix[]): WorkspaceEdit | null {
  const ordered = fixes
    .map((fix) => fix.edit.changes?.[uri] ?? [])
    .filter((edits) => edits.length > 0)
    .map((edits) => ({ edits, start: Math.min(...edits.map((e) => offset(e.range.start))), end: Math.max(...edits.map((e) => offset(e.range.end))) }))
    .sort((a, b) => a.start - b.start);
  const taken: TextEdit[] = [];
  let end = -1;
  for (const fix of ordered) {
    // Touching is fine (inserts at one position land in the order given); overlapping is not.
    if (fix.start < end) continue;
    taken.push(...fix.edits);
    end = Math.max(end, fix.end);
  }
  return taken.length > 0 ? { changes: { [uri]: taken } } : null;
}

/** Positions as one comparable number (lines are far shorter than a million characters apart). */
function offset(position: TextEdit['range']['start']): number {
  return position.line * 1e7 + position.character;
}

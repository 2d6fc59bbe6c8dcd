import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { DiagnosticData, Fix } from './diagnostics/rule';
import { SOURCE } from './diagnostics/computeDiagnostics';

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

/** The one right fix of a diagnostic, if it has exactly one preferred fix editing this file only. */
function preferredFix(diagnostic: Diagnostic): Fix | undefined {
  const preferred = fixesOf(diagnostic).filter((fix) => fix.preferred && fix.edit.changes && !fix.edit.documentChanges);
  return preferred.length === 1 ? preferred[0] : undefined;
}

/** Combines single-file fixes into one edit, dropping any that overlap an earlier one. */
function mergeEdits(uri: string, fixes: readonly Fix[]): WorkspaceEdit | null {
  const edits: TextEdit[] = [];
  for (const fix of fixes) {
    const own = fix.edit.changes?.[uri] ?? [];
    if (own.some((edit) => edits.some((taken) => overlaps(edit, taken)))) continue;
    edits.push(...own);
  }
  return edits.length > 0 ? { changes: { [uri]: edits } } : null;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  const before = (x: TextEdit['range']['end'], y: TextEdit['range']['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  const aEmpty = a.range.start.line === a.range.end.line && a.range.start.character === a.range.end.character;
  const bEmpty = b.range.start.line === b.range.end.line && b.range.start.character === b.range.end.character;
  // Inserts at one position do not conflict: they land in the order given.
  if (aEmpty && bEmpty) return false;
  return !(before(a.range.end, b.range.start) || before(b.range.end, a.range.start));
}

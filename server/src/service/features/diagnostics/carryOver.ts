import type { Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ModelPatch } from '../../parse/reparse';
import type { DiagnosticData } from './rule';

/** Position order, then message: a total order, so fresh and carried-over lists compare equal. */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
  const x = a.range;
  const y = b.range;
  return (
    x.start.line - y.start.line ||
    x.start.character - y.start.character ||
    x.end.line - y.end.line ||
    x.end.character - y.end.character ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/**
 * A line-scoped rule's findings for the new version: the previous ones above the edit as
 * they were, the new ones on the changed lines, and the previous ones below it moved by the
 * number of lines the edit added or removed. All three lists are in position order.
 */
export function carryOver(previous: readonly Diagnostic[], patch: ModelPatch, onChangedLines: readonly Diagnostic[], uri: string): Diagnostic[] {
  const { firstLine, previousLastLine, lastLine } = patch;
  const lineDelta = lastLine - previousLastLine;
  const result: Diagnostic[] = [];
  let index = 0;
  for (; index < previous.length && previous[index]!.range.start.line < firstLine; index++) result.push(previous[index]!);
  for (const diagnostic of onChangedLines) {
    const line = diagnostic.range.start.line;
    if (line >= firstLine && line <= lastLine) result.push(diagnostic);
  }
  for (; index < previous.length && previous[index]!.range.start.line <= previousLastLine; index++);
  for (; index < previous.length; index++) {
    const diagnostic = previous[index]!;
    result.push(lineDelta === 0 ? diagnostic : moveDiagnostic(diagnostic, lineDelta, uri));
  }
  return result;
}

function moveDiagnostic(diagnostic: Diagnostic, lineDelta: number, uri: string): Diagnostic {
  const moved: Diagnostic = { ...diagnostic, range: moveRange(diagnostic.range, lineDelta) };
  const data = diagnostic.data as DiagnosticData | undefined;
  if (data?.fixes.length) moved.data = { fixes: data.fixes.map((fix) => ({ ...fix, edit: moveEdit(fix.edit, uri, lineDelta) })) } satisfies DiagnosticData;
  if (diagnostic.relatedInformation) {
    moved.relatedInformation = diagnostic.relatedInformation.map((related) =>
      related.location.uri === uri ? { ...related, location: { uri, range: moveRange(related.location.range, lineDelta) } } : related,
    );
  }
  return moved;
}

function moveEdit(edit: WorkspaceEdit, uri: string, lineDelta: number): WorkspaceEdit {
  const own = edit.changes?.[uri];
  if (!own) return edit;
  const moved: TextEdit[] = own.map((textEdit) => ({ range: moveRange(textEdit.range, lineDelta), newText: textEdit.newText }));
  return { ...edit, changes: { ...edit.changes, [uri]: moved } };
}

function moveRange(range: Range, lineDelta: number): Range {
  return {
    start: { line: range.start.line + lineDelta, character: range.start.character },
    end: { line: range.end.line + lineDelta, character: range.end.character },
  };
}

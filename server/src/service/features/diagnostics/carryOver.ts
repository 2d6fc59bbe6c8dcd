import type { Diagnostic, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
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
 * A rule's findings for the new version: the previous ones above the edit, the new ones on
 * the changed lines, and the previous ones below it, with every position after the changed
 * lines moved by the number of lines the edit added or removed. Lists in position order stay so.
 */
export function carryOver(previous: readonly Diagnostic[], patch: ModelPatch, onChangedLines: readonly Diagnostic[], uri: string): Diagnostic[] {
  const { firstLine, previousLastLine, lastLine } = patch;
  const lineDelta = lastLine - previousLastLine;
  const move = (diagnostic: Diagnostic) => (lineDelta === 0 ? diagnostic : moveDiagnostic(diagnostic, previousLastLine, lineDelta, uri));
  const result: Diagnostic[] = [];
  let index = 0;
  for (; index < previous.length && previous[index]!.range.start.line < firstLine; index++) result.push(move(previous[index]!));
  for (const diagnostic of onChangedLines) {
    const line = diagnostic.range.start.line;
    if (line >= firstLine && line <= lastLine) result.push(diagnostic);
  }
  for (; index < previous.length && previous[index]!.range.start.line <= previousLastLine; index++);
  for (; index < previous.length; index++) result.push(move(previous[index]!));
  return result;
}

/** Whether a finding, its related places or its fixes' edits in this document reach into the changed lines. */
export function touches(diagnostic: Diagnostic, patch: ModelPatch, uri: string): boolean {
  return rangesOf(diagnostic, uri).some((range) => range.end.line >= patch.firstLine && range.start.line <= patch.previousLastLine);
}

function rangesOf(diagnostic: Diagnostic, uri: string): Range[] {
  const ranges = [diagnostic.range];
  for (const related of diagnostic.relatedInformation ?? []) if (related.location.uri === uri) ranges.push(related.location.range);
  for (const fix of (diagnostic.data as DiagnosticData | undefined)?.fixes ?? []) ranges.push(...(fix.edit.changes?.[uri] ?? []).map((edit) => edit.range));
  return ranges;
}

function moveDiagnostic(diagnostic: Diagnostic, after: number, lineDelta: number, uri: string): Diagnostic {
  if (!rangesOf(diagnostic, uri).some((range) => range.end.line > after)) return diagnostic;
  const moveRange = (range: Range): Range => ({ start: movePosition(range.start, after, lineDelta), end: movePosition(range.end, after, lineDelta) });
  const moved: Diagnostic = { ...diagnostic, range: moveRange(diagnostic.range) };
  const data = diagnostic.data as DiagnosticData | undefined;
  if (data?.fixes.length) moved.data = { fixes: data.fixes.map((fix) => ({ ...fix, edit: moveEdit(fix.edit, uri, moveRange) })) } satisfies DiagnosticData;
  if (diagnostic.relatedInformation) {
    moved.relatedInformation = diagnostic.relatedInformation.map((related) =>
      related.location.uri === uri ? { ...related, location: { uri, range: moveRange(related.location.range) } } : related,
    );
  }
  return moved;
}

function moveEdit(edit: WorkspaceEdit, uri: string, moveRange: (range: Range) => Range): WorkspaceEdit {
  const own = edit.changes?.[uri];
  if (!own) return edit;
  const moved: TextEdit[] = own.map((textEdit) => ({ range: moveRange(textEdit.range), newText: textEdit.newText }));
  return { ...edit, changes: { ...edit.changes, [uri]: moved } };
}

/** Positions on lines after `after` (the last changed line) move with their lines. */
function movePosition(position: Position, after: number, lineDelta: number): Position {
  return position.line > after ? { line: position.line + lineDelta, character: position.character } : position;
}

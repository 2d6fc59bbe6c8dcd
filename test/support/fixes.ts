import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { CURSOR } from './fixture';
import { check, SITE, type PlainDiagnostic, type Workspace } from './service';

export interface FixOptions extends Workspace {
  /** The file the fixture is, from the site's root (default: the 2024-11-15 CPANSec minutes). */
  path?: string;
  /** Only diagnostics of this code are looked at. */
  code?: string;
  /** The fix to apply; may be left out only when the diagnostic has one fix of its own. */
  title?: string | RegExp;
  /**
   * The other file of the site the fix edits (its path from the root, one of `files`): `after`
   * is then that file's whole text, and the fixture itself must stay as it is.
   */
  edits?: string;
}

/**
 * Applies a quick fix and asserts the whole text after it (rust-analyzer's `check_assist`).
 * In `before`, two `$0` mark the diagnostic's exact range, one `$0` a position inside it
 * (or at either end). The fix's edit may only change this document's text, and once
 * applied the document has fewer diagnostics like the one fixed. Returns that diagnostic.
 */
export function assertFix(before: string, after: string, options: FixOptions = {}): PlainDiagnostic {
  const { path, code, title, edits: other, ...workspace } = options;
  assert.ok(!after.includes(CURSOR), 'the expected text has no markers');
  const checked = check(before, path, workspace);
  const { fixture } = checked;
  assert.ok(fixture.offsets.length === 1 || fixture.offsets.length === 2, `mark the diagnostic with one ${CURSOR} (a position in it) or two (its range), not ${fixture.offsets.length}`);
  const marked = (d: Diagnostic) =>
    fixture.offsets.length === 2 ? sameRange(d.range, fixture.range) : !isBefore(fixture.position, d.range.start) && !isBefore(d.range.end, fixture.position);
  const there = checked.diagnostics.filter((d) => (code === undefined || d.code === code) && marked(d));
  const offering = there.flatMap((diagnostic) => {
    const action = pickFix(checked.actions(diagnostic), diagnostic, title);
    return action ? [{ diagnostic, action }] : [];
  });
  const describe = (ds: readonly Diagnostic[]) => ds.map((d) => `  ${String(d.code)} ${showRange(d.range)} "${fixture.document.getText(d.range)}": ${d.message}`).join('\n') || '  (none)';
  if (offering.length !== 1) {
    const wanted = title === undefined ? 'its one fix' : `the fix "${String(title)}"`;
    assert.fail(
      `expected one diagnostic${code ? ` of ${code}` : ''} at ${showRange(fixture.range)} offering ${wanted}, found ${offering.length}; ` +
        `there:\n${describe(there)}\nin the file:\n${describe(checked.diagnostics)}`,
    );
  }
  const { diagnostic, action } = offering[0]!;
  assert.ok(action.edit, `"${action.title}" has no edit`);
  const like = (d: Diagnostic) => d.code === diagnostic.code && d.message === diagnostic.message;
  if (other !== undefined) {
    const before = workspace.files?.[other];
    assert.ok(before !== undefined, `${other} is not one of the site's files`);
    const otherText = applyWorkspaceEdit(TextDocument.create(`${SITE}/${other}`, 'plaintext', 1, before), action.edit);
    assert.equal(otherText, after, `${other} after "${action.title}"`);
    const left = check(fixture.text, path, { ...workspace, files: { ...workspace.files, [other]: otherText } }).diagnostics.filter(like).length;
    assert.ok(left < checked.diagnostics.filter(like).length, `"${action.title}" leaves: ${diagnostic.message}`);
    return diagnostic;
  }
  const text = applyWorkspaceEdit(fixture.document, action.edit);
  assert.equal(text, after, `the text after "${action.title}"`);
  const left = check(text, path, workspace).diagnostics.filter(like).length;
  assert.ok(left < checked.diagnostics.filter(like).length, `"${action.title}" leaves: ${diagnostic.message}`);
  return diagnostic;
}

/**
 * The fix of a diagnostic by title, or its one own fix when no title is given (the "fix all
 * of this kind" actions, which cover several diagnostics, do not count as its own).
 */
function pickFix(actions: readonly CodeAction[], diagnostic: Diagnostic, title: string | RegExp | undefined): CodeAction | undefined {
  if (title !== undefined) return actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  const own = actions.filter((a) => a.diagnostics?.length === 1);
  if (own.length > 1) assert.fail(`"${diagnostic.message}" has ${own.length} fixes (${own.map((a) => `"${a.title}"`).join(', ')}): name one by title`);
  return own[0];
}

/**
 * A document's text after a workspace edit, as an editor applies it: every text edit of
 * the document (from `changes` or `documentChanges`) at once, inserts at one position in
 * the order given. Positions must exist in the document (an editor would not clamp them
 * silently), and the edit may not touch other files.
 */
export function applyWorkspaceEdit(document: TextDocument, edit: WorkspaceEdit): string {
  assert.ok(!(edit.changes && edit.documentChanges), 'a workspace edit with both changes and documentChanges is applied differently by different clients');
  const edits: TextEdit[] = [];
  for (const [uri, changes] of Object.entries(edit.changes ?? {})) {
    assert.equal(uri, document.uri, 'the edit changes another file');
    edits.push(...changes);
  }
  for (const change of edit.documentChanges ?? []) {
    if (!('textDocument' in change)) assert.fail(`the edit does more than change text: ${change.kind} ${JSON.stringify(change)}`);
    assert.equal(change.textDocument.uri, document.uri, 'the edit changes another file');
    edits.push(...(change.edits as TextEdit[]));
  }
  assert.ok(edits.length > 0, 'the edit changes nothing in the document');
  for (const e of edits) {
    assertInDocument(document, e.range.start);
    assertInDocument(document, e.range.end);
    assert.ok(!isBefore(e.range.end, e.range.start), `edit range ${showRange(e.range)} ends before it starts`);
  }
  return TextDocument.applyEdits(document, edits);
}

function assertInDocument(document: TextDocument, position: Position): void {
  assert.ok(position.line >= 0 && position.line < document.lineCount, `line ${position.line} is not in the document (${document.lineCount} lines)`);
  const line = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
  const length = line.replace(/(\r\n|\r|\n)$/, '').length;
  assert.ok(position.character >= 0 && position.character <= length, `character ${position.character} is not on line ${position.line} ("${line}")`);
}

function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** A range as an editor shows it: lines and columns from 1. */
function showRange(range: Range): string {
  const at = (p: Position) => `${p.line + 1}:${p.character + 1}`;
  return sameRange(range, { start: range.start, end: range.start }) ? at(range.start) : `${at(range.start)}-${at(range.end)}`;
}

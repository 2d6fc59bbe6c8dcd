import { CodeAction, commands, workspace, type Disposable, type Range, type TextDocument, type WorkspaceEdit } from 'vscode';
import type { BaseLanguageClient, Middleware } from 'vscode-languageclient';
import type { NewMeetingResult } from '../../server/src/common/protocol';

/** The client-side command a "Fix all" action runs once its edit is applied: it writes what changed to the log. */
const LOG_FIXES = 'minutes.logAppliedFixes';

/** What New Meeting did, in the Minutes output channel. */
export function logNewMeeting(client: BaseLanguageClient | undefined, result: NewMeetingResult | null | undefined): void {
  if (result?.message) client?.outputChannel.info(`New Meeting: ${result.message} (${workspace.asRelativePath(result.uri)})`);
}

/**
 * Code-action middleware: a Minutes "Fix all" action (the file-wide one, or all of one code)
 * also runs a command after its edit is applied, which logs each change, line by line, with
 * the code it fixes. VS Code runs an action's command after its edit, on save too.
 */
export const logFixAll: NonNullable<Middleware['provideCodeActions']> = async (document, range, context, token, next) => {
  const actions = await next(document, range, context, token);
  for (const action of actions ?? []) {
    if (!(action instanceof CodeAction) || !action.edit || action.command) continue;
    if (!action.kind?.value.startsWith('source.fixAll.minutes') && !/^Fix all .* problems in this file$/.test(action.title)) continue;
    action.command = { title: 'Log the changes', command: LOG_FIXES, arguments: [action.title, describeChanges(document, action.edit, action.diagnostics ?? [])] };
  }
  return actions;
};

/** Registers the command the "Fix all" actions run to log their changes. */
export function registerOutputLog(client: BaseLanguageClient): Disposable[] {
  return [
    commands.registerCommand(LOG_FIXES, (title: string, changes: string[]) => {
      client.outputChannel.info(`${title}: ${changes.length === 1 ? '1 change' : `${changes.length} changes`}`);
      for (const change of changes) client.outputChannel.info(`  ${change}`);
    }),
  ];
}

/** Each edit as `file:line  "old" → "new"  (code)`, read before the edit is applied. */
function describeChanges(document: TextDocument, edit: WorkspaceEdit, diagnostics: readonly { range: Range; code?: unknown }[]): string[] {
  const lines: string[] = [];
  for (const [uri, edits] of edit.entries()) {
    const file = workspace.asRelativePath(uri);
    for (const change of edits) {
      const before = uri.toString() === document.uri.toString() ? document.getText(change.range) : '';
      const fixed = diagnostics.find((d) => d.range.intersection(change.range) !== undefined);
      const code = fixed?.code === undefined ? '' : `  (${typeof fixed.code === 'object' && fixed.code !== null ? String((fixed.code as { value: unknown }).value) : String(fixed.code)})`;
      lines.push(`${file}:${change.range.start.line + 1}  ${JSON.stringify(before)} → ${JSON.stringify(change.newText)}${code}`);
    }
  }
  return lines;
}

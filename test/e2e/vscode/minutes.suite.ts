import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as pause } from 'node:timers/promises';
import type Mocha from 'mocha';
import * as vscode from 'vscode';

/**
 * The end-to-end scenarios on the VS Code API, inside a real extension host with the
 * extension under development: diagnostics, the meeting_time hover, @ completion, quick
 * fixes and Minutes: New Meeting. The workspace is the fixture site with one wrong weekday.
 */
export function defineMinutesSuite({ describe, it, before }: Pick<Mocha.MochaGlobals, 'describe' | 'it' | 'before'>): void {
  describe('Minutes on the VS Code API', () => {
    let site: vscode.Uri;
    const file = (path: string) => vscode.Uri.joinPath(site, path);

    before(async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder, 'the fixture site is open as the workspace folder');
      site = folder.uri;
      const extension = vscode.extensions.getExtension('cpansec.cpansec-minutes');
      assert.ok(extension, 'the Minutes extension is loaded');
      await extension.activate();
    });

    it('reports the misspelt handle @stigsp as a warning suggesting @stigtsp (languages.getDiagnostics)', async () => {
      const uri = file('meetings/cpansec-minutes-2024-01-06.md');
      await vscode.window.showTextDocument(uri);
      const found = await diagnostic(uri, (d) => d.message.startsWith("@stigsp is not a member's handle; it is likely a misspelling of @stigtsp"));
      assert.equal(found.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(codeOf(found), 'unknown-handle');
      assert.equal(found.source, 'minutes');
      assert.deepEqual([found.range.start.line, found.range.start.character, found.range.end.character], [29, 6, 13]);
    });

    it('reports the wrong weekday: 2024-11-27 is a Wednesday, not a Thursday (languages.getDiagnostics)', async () => {
      const uri = file('meetings/cpansec-minutes-2024-11-15.md');
      await vscode.window.showTextDocument(uri);
      const found = await diagnostic(uri, (d) => d.message.startsWith('2024-11-27 is a Wednesday, not a Thursday'));
      assert.equal(found.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(codeOf(found), 'weekday-mismatch');
      assert.equal(found.range.start.line, 129);
    });

    it('hovers meeting_time with the published sentence and the zone table (vscode.executeHoverProvider)', async () => {
      const uri = file('meetings/cpansec-minutes-2024-03-27.md');
      await vscode.window.showTextDocument(uri);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(3, 2));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.ok(text.includes('on Mar 27th, 2024, at 17:00 UTC'), text);
      assert.match(text, /\| Oslo \| 18:00 CET \|/);
      assert.match(text, /\| New York \| 13:00 EDT \|/);
    });

    it('completes @ with the members and their names, not those the line names (vscode.executeCompletionItemProvider)', async () => {
      const uri = file('meetings/cpansec-minutes-2024-01-06.md');
      const editor = await vscode.window.showTextDocument(uri);
      const line = editor.document.lineAt(10);
      assert.equal(line.text, '- Present: @stigtsp, @petek, @sjn, @timlegge');
      const typed = ', @';
      assert.ok(await editor.edit((edit) => edit.insert(line.range.end, typed)));
      try {
        const at = line.range.end.translate(0, typed.length);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at, '@');
        const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
        // Who the line already names is not offered again.
        for (const named of ['sjn', 'stigtsp', 'timlegge']) assert.ok(!labels.includes(named), labels.join(' '));
        for (const member of ['leont', 'robrwo']) assert.ok(labels.includes(member), labels.join(' '));
        assert.equal(list.items.find((item) => item.label === 'leont')?.detail, 'Leon Timmermans');
      } finally {
        const end = editor.document.lineAt(10).range.end;
        await editor.edit((edit) => edit.delete(new vscode.Range(end.translate(0, -typed.length), end)));
      }
      assert.equal(editor.document.lineAt(10).text, line.text);
    });

    it('offers the quick fix "Change to @stigtsp", which changes the text (vscode.executeCodeActionProvider)', async () => {
      const uri = file('meetings/cpansec-minutes-2024-01-06.md');
      const editor = await applyQuickFix(uri, "@stigsp is not a member's handle", 'Change to @stigtsp');
      assert.equal(editor.document.lineAt(29).text, '    - @stigtsp – [Pre-Release Disclosure](https://security.metacpan.org/docs/pre-release-disclosure.html)');
      await until('the warning to go', () => !vscode.languages.getDiagnostics(uri).some((d) => d.message.startsWith('@stigsp')));
    });

    it('offers the quick fix Change "Thursday" to "Wednesday" (vscode.executeCodeActionProvider)', async () => {
      const uri = file('meetings/cpansec-minutes-2024-11-15.md');
      const editor = await applyQuickFix(uri, '2024-11-27 is a Wednesday, not a Thursday', 'Change "Thursday" to "Wednesday"');
      assert.ok(editor.document.lineAt(129).text.includes('Next meeting is Wednesday 2024-11-27 @ 17:00UTC'), editor.document.lineAt(129).text);
      await until('the warning to go', () => !vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'weekday-mismatch'));
      await editor.document.save();
    });

    it('runs Minutes: New Meeting, which creates and shows cpansec-minutes-2024-11-27.md', async () => {
      const from = file('meetings/cpansec-minutes-2024-11-15.md');
      const created = file('meetings/cpansec-minutes-2024-11-27.md');
      assert.ok(!existsSync(created.fsPath));
      await vscode.window.showTextDocument(from);
      await vscode.commands.executeCommand('minutes.newMeeting', from);
      const editor = await until('the new file in the active editor', () => {
        const active = vscode.window.activeTextEditor;
        return active?.document.uri.toString() === created.toString() ? active : null;
      });
      assert.match(editor.document.getText(), /^---\nlayout: page\ntoc: true\nmeeting_time: 2024-11-27 17:00 UTC\ntitle: Minutes 2024-11-27\n---\n/);
      // The same edit updated the index page (open in no editor); saving writes both.
      const index = await until('the index page edited', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === file('meetings/README.md').toString() && d.getText().includes('next_meeting_time: November 27th, 2024 17:00 UTC\n')));
      assert.ok(await editor.document.save());
      assert.ok(!index.isDirty || (await index.save()));
      assert.match(readFileSync(created.fsPath, 'utf8'), /^---\nlayout: page\ntoc: true\nmeeting_time: 2024-11-27 17:00 UTC\n/);
      assert.match(readFileSync(index.uri.fsPath, 'utf8'), /next_meeting_time: November 27th, 2024 17:00 UTC\n/);
    });
  });
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/**
 * Shows `uri`, waits for the diagnostic whose message starts with `message`, asks the
 * code-action provider at its range for the quick fix called `title` and applies it.
 */
async function applyQuickFix(uri: vscode.Uri, message: string, title: string): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri);
  const found = await diagnostic(uri, (d) => d.message.startsWith(message));
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, found.range);
  const fix = actions.find((a) => a.title === title);
  assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
  assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), fix.kind?.value);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  return editor;
}

/** Waits for the diagnostic of `uri` that `matches` (the server answers once it has read the workspace). */
function diagnostic(uri: vscode.Uri, matches: (d: vscode.Diagnostic) => boolean): Promise<vscode.Diagnostic> {
  return until(`a diagnostic of ${uri.path}`, () => vscode.languages.getDiagnostics(uri).find(matches));
}

/** How long a poll waits between looks: short against the deadlines, long against the CPU. */
const POLL_INTERVAL_MS = 100;

/** Polls until `check` gives a value; fails naming `what` after the deadline. No fixed sleeps. */
async function until<T>(what: string, check: () => T | null | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await pause(POLL_INTERVAL_MS);
  }
}

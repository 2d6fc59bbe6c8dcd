import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, FIX_ALL_KIND, type WorkspaceIndex } from '../../service';
import { certainFix, checkFile, checkSession, filesUnder, type CheckSession } from './checkFiles';
import { plural } from './findings';
import { OptionReader, checkPaths, type CliIo, UsageError } from './options';
import { unifiedDiff } from './unifiedDiff';

/** Fix all on one text until nothing changes (a fix can uncover another, or two can overlap): at most this many times. */
const MAX_PASSES = 10;
/**
 * Fixing a file can change what its site knows (the spelling of a handle, the list of minutes),
 * and so what other files are told: the files are fixed again with the fixed texts until
 * nothing changes, so that a second run has nothing left to do.
 */
const MAX_ROUNDS = 3;

interface FileState {
  readonly path: string;
  readonly uri: string;
  readonly index: WorkspaceIndex;
  readonly original: string;
  text: string;
  /** Why the file is left as it was, when it is. */
  untouched: string | null;
  /** Findings with a certain fix in the original text. */
  fixableBefore: number;
  errorsLeft: number;
}

/** `minutes fix [paths…] [--dry-run]`: returns the exit code. */
export async function runFix(args: readonly string[], io: CliIo): Promise<number> {
  let dryRun = false;
  const paths: string[] = [];
  const reader = new OptionReader(args, 'fix');
  for (let arg = reader.next(); arg !== null; arg = reader.next()) {
    if (arg === '--dry-run' || arg === '-n') dryRun = true;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`, 'fix');
    else paths.push(resolve(io.cwd, arg));
  }
  if (paths.length === 0) paths.push(io.cwd);
  checkPaths(paths);

  const session = checkSession();
  const files: FileState[] = [];
  for (const path of await filesUnder(session, paths)) {
    const checked = await checkFile(session, path);
    if (!checked?.isMinutes || checked.text === null) continue;
    files.push({
      path,
      uri: checked.uri,
      index: checked.index,
      original: checked.text,
      text: checked.text,
      untouched: unsafeError(checked.diagnostics, checked.uri),
      fixableBefore: checked.diagnostics.filter((d) => certainFix(d, checked.uri)).length,
      errorsLeft: 0,
    });
  }
  let version = 1;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const file of files) {
      if (file.untouched) continue;
      const fixed = fixText(session, file, () => ++version);
      if (fixed !== file.text) {
        file.text = fixed;
        changed = true;
        // What the other files are judged with.
        file.index.update(file.uri, fixed);
      }
    }
    if (!changed) break;
  }

  let fixedFiles = 0;
  let fixedCount = 0;
  for (const file of files) {
    const name = relative(io.cwd, file.path) || file.path;
    let after = diagnose(session, file, file.text, ++version);
    if (!file.untouched && file.text !== file.original) {
      const introduced = unsafeError(after, file.uri);
      if (introduced) {
        // Never leave a file worse than it was: its fixes are dropped.
        file.untouched = `fixing it would leave ${introduced}`;
        file.text = file.original;
        file.index.update(file.uri, file.original);
        after = diagnose(session, file, file.text, ++version);
      }
    }
    file.errorsLeft = after.filter((d) => d.severity === DiagnosticSeverity.Error).length;
    const log = dryRun ? io.stderr : io.stdout;
    if (file.untouched) {
      log.write(`${name}: left as it was: ${file.untouched}\n`);
      continue;
    }
    if (file.text === file.original) continue;
    const count = Math.max(1, file.fixableBefore - after.filter((d) => certainFix(d, file.uri)).length);
    fixedFiles++;
    fixedCount += count;
    log.write(`${name}: ${dryRun ? 'would fix' : 'fixed'} ${plural(count, 'problem')}\n`);
    if (dryRun) io.stdout.write(unifiedDiff(name.split('\\').join('/'), file.original, file.text));
    else writeFileSync(file.path, file.text);
  }
  const left = files.filter((f) => f.untouched).length;
  const done = fixedFiles > 0 ? `${dryRun ? 'Would fix' : 'Fixed'} ${plural(fixedCount, 'problem')} in ${plural(fixedFiles, 'file')}` : `Nothing to fix in ${plural(files.length, 'file')}`;
  const summary = `${done}${left > 0 ? `; ${plural(left, 'file')} left as ${left === 1 ? 'it was' : 'they were'}` : ''}.`;
  (dryRun ? io.stderr : io.stdout).write(`${summary}\n`);
  return files.some((f) => f.errorsLeft > 0) ? 1 : 0;
}

/** An error Fix all would not remove, described, or null. */
function unsafeError(diagnostics: readonly Diagnostic[], uri: string): string | null {
  const error = diagnostics.find((d) => d.severity === DiagnosticSeverity.Error && !certainFix(d, uri));
  return error ? `line ${error.range.start.line + 1}: ${String(error.code)} has no certain fix (${error.message})` : null;
}

function diagnose(session: CheckSession, file: FileState, text: string, version: number): Diagnostic[] {
  return session.service.diagnostics({ uri: file.uri, version, getText: () => text }, file.index.knowledge(), DEFAULT_SETTINGS);
}

/** Applies Fix all to a file's text until it changes nothing. */
function fixText(session: CheckSession, file: FileState, nextVersion: () => number): string {
  let text = file.text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const document = { uri: file.uri, version: nextVersion(), getText: () => text };
    const knowledge = file.index.knowledge();
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = session.service.codeActions(document, whole, { diagnostics: [], only: [FIX_ALL_KIND] }, knowledge, DEFAULT_SETTINGS);
    const fixAll = actions.find((action) => action.kind === FIX_ALL_KIND);
    const edits = fixAll?.edit?.changes?.[file.uri];
    if (!edits || edits.length === 0) break;
    const next = applyEdits(text, edits);
    if (next === text) break;
    text = next;
  }
  return text;
}

/** Applies non-overlapping edits (as a workspace edit's are) to a text; inserts at one place keep their order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const offset = (position: TextEdit['range']['start']) => {
    if (position.line >= lineStarts.length) return text.length;
    const lineEnd = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1]! - 1 : text.length;
    return Math.min(lineStarts[position.line]! + position.character, lineEnd);
  };
  const located = edits
    .map((edit, order) => ({ start: offset(edit.range.start), end: offset(edit.range.end), newText: edit.newText, order }))
    .sort((a, b) => a.start - b.start || a.order - b.order);
  let out = '';
  let at = 0;
  for (const edit of located) {
    if (edit.start < at) continue;
    out += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return out + text.slice(at);
}

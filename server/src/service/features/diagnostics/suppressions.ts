import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { DocumentContext } from '../../documentContext';
import { editDistance } from '../../knowledge/editDistance';
import { endOfLine, lineAt, positionAt } from '../../parse/lines';
import type { MinutesModel } from '../../parse/model';
import { SOURCE } from './diagnose';
import { RULES } from './rules';

/**
 * Suppression comments, as markdownlint has them. They are HTML comments, so neither Jekyll
 * nor GitHub shows them on the page:
 *
 *     <!-- minutes-disable-next-line unknown-handle -->   the line after the comment
 *     <!-- minutes-disable-line unknown-handle -->        the line the comment is on
 *     <!-- minutes-disable unknown-handle placeholder --> from this line on, until
 *     <!-- minutes-enable unknown-handle -->              this line (a bare enable: every code)
 *     <!-- minutes-disable-file unknown-handle -->        the whole file, wherever it stands
 *
 * Without codes a comment applies to every code; codes are separated by spaces or commas.
 * They are applied to the findings of the whole document after every diagnosis (so an edit
 * to a comment changes the result at once, and findings kept across edits stay unfiltered).
 * A finding is suppressed by the line it starts on. Comments in fenced code or in a code
 * span are text on the page and do nothing.
 */

/** The kind of "Disable <code> for this line": a quick fix, told apart from the findings' own fixes. */
export const DISABLE_KIND = `${CodeActionKind.QuickFix}.minutes.disable`;

const DIRECTIVES = ['disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file'] as const;
type DirectiveName = (typeof DIRECTIVES)[number];

interface Directive {
  readonly name: DirectiveName;
  /** The line it applies to (`-line`, `-next-line`) or from which it takes effect. */
  readonly line: number;
  /** Null: every code. */
  readonly codes: ReadonlySet<string> | null;
}

/** A mistake in a suppression comment, as offsets into the text (reported by the `suppression` rule). */
export interface CommentProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly replacement: string | null;
}

interface Suppressions {
  readonly directives: readonly Directive[];
  readonly problems: readonly CommentProblem[];
}

const NO_SUPPRESSIONS: Suppressions = { directives: [], problems: [] };
/** `<!--`, then `minutes-` and a directive's words (hyphens between words only: `-->` may follow at once). */
const COMMENT_START = /<!--[ \t]*minutes-([A-Za-z]+(?:-[A-Za-z]+)*)?/y;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Read when first needed: the rule table holds the `suppression` rule, which reads this module. */
let knownCodes: ReadonlySet<string> | undefined;
const known = (): ReadonlySet<string> => (knownCodes ??= new Set(RULES.map((rule) => rule.code)));

/** One reading per model (a model is one version of a document). */
const readings = new WeakMap<MinutesModel, Suppressions>();

function suppressionsOf(model: MinutesModel): Suppressions {
  let found = readings.get(model);
  if (!found) {
    found = readSuppressions(model);
    readings.set(model, found);
  }
  return found;
}

/** The mistakes in a document's suppression comments (an unknown code or directive). */
export function suppressionProblems(model: MinutesModel): readonly CommentProblem[] {
  return suppressionsOf(model).problems;
}

/**
 * The findings that no suppression comment turns off. Returns `diagnostics` itself when the
 * document has no suppression comment.
 */
export function applySuppressions(context: DocumentContext, diagnostics: Diagnostic[]): Diagnostic[] {
  if (context.kind !== 'minutes' && context.kind !== 'index') return diagnostics;
  const suppressions = suppressionsOf(context.model);
  if (suppressions === NO_SUPPRESSIONS) return diagnostics;
  return diagnostics.filter((diagnostic) => !isSuppressed(suppressions.directives, diagnostic.range.start.line, String(diagnostic.code)));
}

function isSuppressed(directives: readonly Directive[], line: number, code: string): boolean {
  // Region state: everything off (with exceptions), or some codes off.
  let allOff = false;
  const exceptions = new Set<string>();
  for (const directive of directives) {
    const applies = directive.codes === null || directive.codes.has(code);
    switch (directive.name) {
      case 'disable-file':
        if (applies) return true;
        break;
      case 'disable-line':
      case 'disable-next-line':
        if (applies && directive.line === line) return true;
        break;
      case 'disable':
      case 'enable':
        if (directive.line > line) break;
        if (directive.codes === null) {
          allOff = directive.name === 'disable';
          exceptions.clear();
        } else if (applies) {
          // Under "all off", an exception is a code enabled again; otherwise a code turned off.
          if ((directive.name === 'enable') === allOff) exceptions.add(code);
          else exceptions.delete(code);
        }
        break;
    }
  }
  return allOff ? !exceptions.has(code) : exceptions.has(code);
}

function readSuppressions(model: MinutesModel): Suppressions {
  const text = model.text;
  let at = text.indexOf('<!--', model.bodyStart);
  if (at < 0) return NO_SUPPRESSIONS;
  const directives: Directive[] = [];
  const problems: CommentProblem[] = [];
  const fenced = fencedLines(model);
  for (; at >= 0; at = text.indexOf('<!--', at + 4)) {
    COMMENT_START.lastIndex = at;
    const start = COMMENT_START.exec(text);
    if (!start) continue;
    const close = text.indexOf('-->', COMMENT_START.lastIndex);
    if (close < 0) break;
    const line = lineAt(model.lineStarts, at);
    if (fenced(line) || inCodeSpan(text, model.lineStarts[line]!, at)) continue;
    const word = start[1] ?? '';
    const wordStart = at + start[0].length - word.length;
    const name = DIRECTIVES.find((directive) => directive === word.toLowerCase());
    if (!name) {
      // Other "minutes-…" comments are the group's own; only a misspelt directive is reported.
      if (/^(dis|en)able/i.test(word)) {
        const nearest = nearestOf(word.toLowerCase(), DIRECTIVES, 3);
        problems.push({
          start: wordStart,
          end: wordStart + word.length,
          message: `"minutes-${word}" is not a suppression comment${nearest ? `; did you mean "minutes-${nearest}"?` : ''} It suppresses nothing.`,
          replacement: nearest,
        });
      }
      at = close;
      continue;
    }
    const codes = readCodes(text, COMMENT_START.lastIndex, close, problems);
    const lineOfEnd = lineAt(model.lineStarts, close);
    directives.push({ name, line: name === 'disable-next-line' ? lineOfEnd + 1 : line, codes });
    at = close;
  }
  return directives.length === 0 && problems.length === 0 ? NO_SUPPRESSIONS : { directives, problems };
}

/** The codes a comment names (null: none, meaning all), reporting the unknown ones. */
function readCodes(text: string, start: number, end: number, problems: CommentProblem[]): Set<string> | null {
  const codes = new Set<string>();
  const word = /[^\s,]+/g;
  word.lastIndex = start;
  for (let match = word.exec(text); match && match.index < end; match = word.exec(text)) {
    const code = match[0].slice(0, end - match.index);
    if (known().has(code)) {
      codes.add(code);
      continue;
    }
    const nearest = nearestOf(code.toLowerCase(), [...known()], 3);
    problems.push({
      start: match.index,
      end: match.index + code.length,
      message: `"${code}" is not a Minutes code${nearest ? `; did you mean ${nearest}?` : ''} The comment does not suppress it.`,
      replacement: nearest,
    });
  }
  // No word at all: every code. Only unknown words: none (they were reported).
  return /[^\s,]/.test(text.slice(start, end)) ? codes : null;
}

/** The one candidate within `limit` edits of `word` that is nearer than every other, if any. */
function nearestOf(word: string, candidates: readonly string[], limit: number): string | null {
  let best: string | null = null;
  let bestDistance = limit + 1;
  let tie = false;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate, limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) tie = true;
  }
  return best !== null && bestDistance <= limit && !tie ? best : null;
}

/** Whether a line is inside fenced code (or is a fence), read up to the last line with a comment. */
function fencedLines(model: MinutesModel): (line: number) => boolean {
  let known: Uint8Array | null = null;
  return (line) => {
    if (!known) {
      known = new Uint8Array(model.lineStarts.length);
      let fence: string | null = null;
      for (let l = lineAt(model.lineStarts, model.bodyStart); l < model.lineStarts.length; l++) {
        const lineText = model.text.slice(model.lineStarts[l], endOfLine(model.text, model.lineStarts, l));
        const match = lineText.includes('`') || lineText.includes('~') ? FENCE.exec(lineText) : null;
        if (fence !== null) {
          known[l] = 1;
          if (match && match[1]!.startsWith(fence)) fence = null;
        } else if (match) {
          known[l] = 1;
          fence = match[1]!;
        }
      }
    }
    return known[line] === 1;
  };
}

/** Whether an odd number of backticks precedes `at` on its line: the comment is shown as code. */
function inCodeSpan(text: string, lineStart: number, at: number): boolean {
  let ticks = 0;
  for (let i = lineStart; i < at; i++) if (text.charCodeAt(i) === 96) ticks++;
  return ticks % 2 === 1;
}

/**
 * "Disable <code> for this line" for each Minutes finding asked about: a comment at the end
 * of the line, where the page shows nothing of it; above a heading instead (a comment in a
 * heading would change its anchor), inside a table row's last cell, and after the front
 * matter for the whole file when the finding is in the front matter.
 */
export function disableActions(model: MinutesModel, requested: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of requested) {
    if (diagnostic.source !== SOURCE || diagnostic.code === undefined) continue;
    const code = String(diagnostic.code);
    const line = diagnostic.range.start.line;
    if (seen.has(`${code}@${line}`)) continue;
    seen.add(`${code}@${line}`);
    const planned = disableEdit(model, code, line);
    actions.push({
      title: planned.wholeFile ? `Disable ${code} for this file` : `Disable ${code} for this line`,
      kind: DISABLE_KIND,
      diagnostics: [diagnostic],
      isPreferred: false,
      edit: { changes: { [model.uri]: [planned.edit] } },
    });
  }
  return actions;
}

const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const TABLE_ROW = /^\s*\|/;
const LINE_COMMENT = /<!--[ \t]*minutes-disable-line\b([^>]*?)[ \t]*-->[ \t]*$/;

function disableEdit(model: MinutesModel, code: string, line: number): { edit: TextEdit; wholeFile: boolean } {
  const { text, lineStarts } = model;
  const bodyLine = lineAt(lineStarts, model.bodyStart);
  const inFrontMatter = model.frontMatter !== null && (line < bodyLine || (line === bodyLine && lineStarts[line]! < model.bodyStart));
  if (inFrontMatter) {
    // After the closing fence, where the body begins: front matter is YAML, not HTML.
    const end = model.frontMatter!.span.end;
    const endLine = lineAt(lineStarts, end);
    const at = lineStarts[endLine] === end ? end : (lineStarts[endLine + 1] ?? text.length);
    const before = at === text.length && !text.endsWith('\n') ? model.eol : '';
    return { edit: insertAt(model, at, `${before}<!-- minutes-disable-file ${code} -->${model.eol}`), wholeFile: true };
  }
  const start = Math.max(lineStarts[line] ?? text.length, line === bodyLine ? model.bodyStart : 0);
  const end = endOfLine(text, lineStarts, Math.min(line, lineStarts.length - 1));
  const lineText = text.slice(start, end);
  const existing = LINE_COMMENT.exec(lineText);
  if (existing) {
    // One comment per line: the code joins the comment already there.
    const at = start + existing.index + existing[0].lastIndexOf('-->');
    return { edit: insertAt(model, at, /\s/.test(text[at - 1]!) ? `${code} ` : ` ${code}`), wholeFile: false };
  }
  if (HEADING.test(lineText)) return { edit: insertAt(model, start, `<!-- minutes-disable-next-line ${code} -->${model.eol}`), wholeFile: false };
  const comment = `<!-- minutes-disable-line ${code} -->`;
  if (TABLE_ROW.test(lineText)) {
    // Inside the last cell: after the closing pipe the comment would make a cell of its own.
    const trimmed = lineText.trimEnd();
    if (trimmed.endsWith('|') && trimmed.indexOf('|') < trimmed.length - 1) return { edit: insertAt(model, start + trimmed.length - 1, `${comment} `), wholeFile: false };
  }
  // Before trailing white space or a backslash: they make a hard line break only at the end of the line.
  const hardBreak = /(?:[ \t]{2,}|\\)$/.exec(lineText);
  const at = hardBreak ? start + hardBreak.index : end;
  const gap = at > start && !/\s/.test(text[at - 1]!) ? ' ' : '';
  return { edit: insertAt(model, at, `${gap}${comment}`), wholeFile: false };
}

function insertAt(model: MinutesModel, offset: number, newText: string): TextEdit {
  const position = positionAt(model.lineStarts, offset);
  return { range: { start: position, end: position }, newText };
}

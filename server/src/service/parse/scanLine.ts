import { inside, mergeSpans, scanCodeSpans, scanLinks, scanLiquid, scanUrls, type Range } from './inlineSpans';
import { EMPTY, NO_TOKENS, type LineDefinition, type LineHandle, type LineItem, type LineLink, type LinePlaceholder, type LineTokens } from './lineTokens';
import { advanceColumn, skipIndentation, skipWhiteSpace, trimmedEnd } from './lines';
import { scanDefinition } from './references';
import { scanDates } from './textDates';
import { scanTimes } from './textTimes';


/** An ATX heading's opening #s, from where the heading may start. */
const HEADING = /[ \t]*(#{1,6})(?:[ \t]+|$)/y;
const ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?=[ \t]|$)[ \t]*(\[([ xX])\](?=[ \t]|$)[ \t]*)?/;
/** GitHub and CPAN ids: letters, digits, hyphens and underscores. */
const HANDLE = /@([A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?)/g;
/** Characters that make an `@` part of an address or word rather than a mention. */
const NOT_BEFORE_HANDLE = /[\w.+\-/:@`]/;
const PLACEHOLDER = /\b(FIXME|TODO)\b/g;
const ELLIPSIS_ONLY = /^(?:…|\.{3}|\(\.{3}\)|\(…\))$/;
/** A role line with no one named: "Meeting chair:", "**Scribe**: …". */
const EMPTY_ROLE = /^(?:\*\*|__)?(?:meeting |next meeting |acting )?(?:chair(?:person)?|secretary|scribe|minute[- ]?taker|note[- ]?taker|facilitator|moderator|organi[sz]er)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(?:…|\.{3})?\s*$/i;

const NONE: Range[] = [];
const DIGIT = /\d/;

/**
 * Everything one line holds, with offsets relative to the line. Pure: depends on the text
 * only. Whether the line's heading, item or definition is one depends on the lines before
 * it, which blocks.ts reads.
 */
export function scanLine(line: string): LineTokens {
  if (skipWhiteSpace(line, 0, line.length) === line.length) return NO_TOKENS;
  const item = scanItem(line);
  const textStart = item ? item.textStart : skipIndentation(line, 0);
  const heading = scanHeading(line, textStart);
  const definition = heading ? null : scanDefinition(line, textStart);
  const hasDigit = DIGIT.test(line);
  const code = scanCodeSpans(line);
  const liquid = scanLiquid(line);
  const links = scanLinks(line, code, item?.checkbox?.start);
  const urls = scanUrls(line);
  const opaque: Range[] = code.length + urls.length + links.length + liquid.length === 0 && !definition ? NONE : opaqueSpans(line, code, urls, links, liquid, definition);
  return {
    heading,
    item,
    definition,
    links,
    liquid,
    handles: scanHandles(line, opaque),
    // Times and dates need digits: one test saves two pattern runs on most lines.
    times: hasDigit ? scanTimes(line, opaque) : EMPTY,
    dates: hasDigit ? scanDates(line, opaque) : EMPTY,
    placeholders: scanPlaceholders(line, item, code),
  };
}

/**
 * Where handles, times and dates are not looked for: code, addresses, Liquid, link targets
 * (a full reference's label too; a shortcut's label is its text) and a definition line.
 */
function opaqueSpans(line: string, code: readonly Range[], urls: readonly Range[], links: readonly LineLink[], liquid: readonly Range[], definition: LineDefinition | null): Range[] {
  const spans: Range[] = [...code, ...urls, ...liquid];
  for (const link of links) if (link.reference === null || link.reference.full) spans.push({ start: link.targetStart, end: link.targetEnd });
  if (definition) spans.push({ start: definition.start, end: line.length });
  return mergeSpans(spans);
}

function scanHeading(line: string, from: number): LineTokens['heading'] {
  if (line.charCodeAt(from) !== 35 /* # */) return null;
  HEADING.lastIndex = from;
  const match = HEADING.exec(line);
  if (!match) return null;
  const titleStart = from + match[0].length;
  let titleEnd = line.length;
  // An optional closing sequence of #s is not part of the title.
  const closing = /[ \t]+#+[ \t]*$/.exec(line);
  if (closing && closing.index >= titleStart) titleEnd = closing.index;
  while (titleEnd > titleStart && /\s/.test(line.charAt(titleEnd - 1))) titleEnd--;
  return { level: match[1]!.length, titleStart, titleEnd };
}

/** Characters a list item's marker can start with, after its indentation. */
const MARKER_START = /^[ \t]*[-*+\d]/;

function scanItem(line: string): LineItem | null {
  if (!MARKER_START.test(line)) return null;
  const match = ITEM.exec(line);
  if (!match) return null;
  const indentText = match[1]!;
  const markerStart = indentText.length;
  const marker = match[2]!;
  const box = match[3];
  const markerEnd = markerStart + marker.length;
  let checkbox: LineItem['checkbox'] = null;
  if (box) {
    const boxStart = line.indexOf('[', markerEnd);
    checkbox = { checked: match[4] !== ' ', start: boxStart, end: boxStart + 3 };
  }
  // CommonMark's content column: after the marker and one to four columns of white space;
  // with five or more the text is code inside the item, one column after the marker.
  const textStart = skipIndentation(line, markerEnd);
  // Columns are offsets unless a tab comes before the text (the common case, measured without counting).
  const tabbed = textStart > 0 && line.lastIndexOf('\t', textStart - 1) >= 0;
  const markerEndColumn = tabbed ? advanceColumn(line, 0, markerEnd, 0) : markerEnd;
  const spacing = tabbed ? advanceColumn(line, markerEnd, textStart, markerEndColumn) - markerEndColumn : textStart - markerEnd;
  const empty = textStart === line.length;
  return {
    indent: tabbed ? indentText.replace(/\t/g, '    ').length : markerStart,
    marker,
    markerStart,
    markerEnd,
    checkbox,
    contentStart: match[0].length,
    textStart,
    contentColumn: markerEndColumn + (empty || spacing > 4 ? 1 : spacing),
    empty,
  };
}

function scanHandles(line: string, opaque: readonly Range[]): LineHandle[] {
  if (!line.includes('@')) return EMPTY;
  const handles: LineHandle[] = [];
  HANDLE.lastIndex = 0;
  for (let match = HANDLE.exec(line); match; match = HANDLE.exec(line)) {
    const start = match.index;
    if (start > 0 && NOT_BEFORE_HANDLE.test(line.charAt(start - 1))) continue;
    if (inside(opaque, start)) continue;
    const name = match[1]!;
    // `@perl.org` after a word is an address; `@example.com` alone is one too.
    if (line.charAt(start + match[0].length) === '.' && /^[A-Za-z]/.test(line.charAt(start + match[0].length + 1))) continue;
    handles.push({ name, start, end: start + match[0].length });
  }
  return handles;
}

function scanPlaceholders(line: string, item: LineItem | null, code: readonly Range[]): LinePlaceholder[] {
  if (!item && !line.includes('FIXME') && !line.includes('TODO')) return EMPTY;
  const found: LinePlaceholder[] = [];
  const contentStart = skipWhiteSpace(line, item ? item.contentStart : 0, line.length);
  if (item) {
    // Measured without slicing: only an empty or very short item can be a placeholder.
    const end = trimmedEnd(line, contentStart, line.length);
    if (contentStart === end && !item.checkbox) {
      found.push({ kind: 'empty-item', start: item.markerStart, end: item.markerEnd });
    } else if (end - contentStart <= 5 && ELLIPSIS_ONLY.test(line.slice(contentStart, end))) {
      found.push({ kind: 'ellipsis-item', start: contentStart, end });
    } else if (end - contentStart <= 40 && line.includes(':') && EMPTY_ROLE.test(line.slice(contentStart, end))) {
      found.push({ kind: 'empty-role', start: contentStart, end });
    }
  }
  if (line.includes('FIXME') || line.includes('TODO')) {
    PLACEHOLDER.lastIndex = 0;
    for (let match = PLACEHOLDER.exec(line); match; match = PLACEHOLDER.exec(line)) {
      if (inside(code, match.index)) continue;
      // "… ; TODO: likely a git repo" is a note in a sentence, not a leftover: only a TODO that opens the line counts.
      if (match[1] === 'TODO' && match.index !== contentStart && match.index !== skipEmphasis(line, contentStart)) continue;
      found.push({ kind: match[1] === 'FIXME' ? 'fixme' : 'todo', start: match.index, end: match.index + match[0].length });
    }
  }
  return found;
}

/** Past `**` or `_` that opens emphasis at `at`. */
function skipEmphasis(line: string, at: number): number {
  let i = at;
  while (line.charAt(i) === '*' || line.charAt(i) === '_') i++;
  return i;
}

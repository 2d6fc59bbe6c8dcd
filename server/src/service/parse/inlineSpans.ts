import { EMPTY, type LineLink, type LineLiquid } from './lineTokens';
import { labelEnd, normalizeLabel } from './references';


/** A half-open range within a line. */
export interface Range {
  start: number;
  end: number;
}

const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
const LIQUID_VARIABLE = /\b(?:page|site|layout|include)(?:\.[A-Za-z_][\w-]*)+/g;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/g;
const AUTOLINK = /<(?:https?:|mailto:)[^\s<>]*>/g;

/** Liquid output and tags on a line. */
export function scanLiquid(line: string): LineLiquid[] {
  if (!line.includes('{')) return EMPTY;
  const found: LineLiquid[] = [];
  LIQUID.lastIndex = 0;
  for (let match = LIQUID.exec(line); match; match = LIQUID.exec(line)) {
    const source = match[0];
    found.push({
      kind: source.startsWith('{{') ? 'output' : 'tag',
      start: match.index,
      end: match.index + source.length,
      source,
      variables: source.match(LIQUID_VARIABLE) ?? [],
    });
  }
  return found;
}

/** Code spans: a run of backticks up to the next run of the same length. */
export function scanCodeSpans(line: string): Range[] {
  if (!line.includes('`')) return EMPTY;
  const spans: Range[] = [];
  let at = line.indexOf('`');
  while (at >= 0) {
    let runEnd = at;
    while (line.charCodeAt(runEnd) === 96) runEnd++;
    const fence = line.slice(at, runEnd);
    let close = line.indexOf(fence, runEnd);
    // A longer run is not a closing one.
    while (close >= 0 && line.charCodeAt(close + fence.length) === 96) {
      let skip = close;
      while (line.charCodeAt(skip) === 96) skip++;
      close = line.indexOf(fence, skip);
    }
    if (close < 0) break;
    spans.push({ start: at, end: close + fence.length });
    at = line.indexOf('`', close + fence.length);
  }
  return spans;
}

/**
 * Links on a line, in order: inline links `[text](target)`, whose target may hold Liquid with
 * spaces and quotes (the CPANSec time links do), so `{{ … }}` is skipped as a unit and
 * parentheses nest; autolinks `<https://…>`, `<name@example.org>`; and the reference forms
 * `[text][label]`, `[label][]`, `[label]`, which are links only where the document defines
 * the label (see references.ts). `checkbox` is where a task item's `[ ]`/`[x]` is: never a link.
 */
export function scanLinks(line: string, code: readonly Range[], checkbox = -1): LineLink[] {
  const bracketed = line.includes(']') ? scanBracketLinks(line, code, checkbox) : EMPTY;
  const auto = line.includes('<') ? scanAutolinks(line, code, bracketed) : EMPTY;
  if (auto.length === 0) return bracketed;
  if (bracketed.length === 0) return auto;
  return [...bracketed, ...auto].sort((a, b) => a.start - b.start);
}

function scanBracketLinks(line: string, code: readonly Range[], checkbox: number): LineLink[] {
  let links: LineLink[] | null = null;
  for (let open = line.indexOf('['); open >= 0; open = line.indexOf('[', open + 1)) {
    if (open === checkbox || inside(code, open) || line.charCodeAt(open - 1) === 92 /* \ */) continue;
    const close = matchBracket(line, open);
    // No later bracket closes either: nothing is searched twice on a long line.
    if (close < 0) break;
    // Links may nest in their text (`[[x](y)](z)` is rare); the search goes on inside the text.
    const link = (line.charCodeAt(close + 1) === 40 /* ( */ ? inlineLink(line, open, close) : null) ?? referenceLink(line, open, close);
    if (link) (links ??= []).push(link);
  }
  return links ?? EMPTY;
}

/** The `]` matching the `[` at `open` (escaped brackets do not count), or -1. */
function matchBracket(line: string, open: number): number {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 91 /* [ */) depth++;
    else if (c === 93 /* ] */ && --depth === 0) return i;
  }
  return -1;
}

function inlineLink(line: string, open: number, close: number): LineLink | null {
  const targetEnd = matchParen(line, close + 1);
  if (targetEnd < 0) return null;
  let targetStart = close + 2;
  let targetStop = targetEnd;
  while (targetStart < targetStop && line.charCodeAt(targetStart) === 32) targetStart++;
  // Drop an optional title: `(url "title")`, but never split inside Liquid.
  const title = /\s+"[^"]*"\s*$|\s+'[^']*'\s*$/.exec(line.slice(targetStart, targetStop));
  if (title && !line.slice(targetStart, targetStop).includes('{{')) targetStop = targetStart + title.index;
  return {
    text: line.slice(open + 1, close),
    textStart: open + 1,
    textEnd: close,
    target: line.slice(targetStart, targetStop),
    targetStart,
    targetEnd: targetStop,
    start: open,
    end: targetEnd + 1,
    reference: null,
  };
}

/**
 * `[text][label]` (full), `[label][]` (collapsed) or `[label]` (shortcut): a link if the
 * document defines the label. A shortcut's text must itself be a label (no brackets inside).
 */
function referenceLink(line: string, open: number, close: number): LineLink | null {
  let end = close + 1;
  let labelStart = open + 1;
  let labelStop = close;
  let full = false;
  if (line.charCodeAt(close + 1) === 91 /* [ */) {
    const labelClose = labelEnd(line, close + 1);
    if (labelClose === close + 2) end = close + 3;
    else if (labelClose > 0) {
      full = true;
      labelStart = close + 2;
      labelStop = labelClose;
      end = labelClose + 1;
    }
  }
  if (!full && labelEnd(line, open) !== close) return null;
  const label = normalizeLabel(line.slice(labelStart, labelStop));
  if (!label) return null;
  return {
    text: line.slice(open + 1, close),
    textStart: open + 1,
    textEnd: close,
    target: '',
    targetStart: labelStart,
    targetEnd: labelStop,
    start: open,
    end,
    reference: { label, full },
  };
}

/** `<scheme:…>` and `<name@example.org>`, as CommonMark reads autolinks (not in code, not inside another link). */
const AUTOLINK_TOKEN = /<(?:([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\x00-\x20]*)|([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*))>/g;
/** Schemes markdown-it (and GitHub) refuse to link. */
const UNSAFE_SCHEME = /^(?:javascript|vbscript|file|data):/i;

function scanAutolinks(line: string, code: readonly Range[], links: readonly LineLink[]): LineLink[] {
  let found: LineLink[] | null = null;
  AUTOLINK_TOKEN.lastIndex = 0;
  for (let match = AUTOLINK_TOKEN.exec(line); match; match = AUTOLINK_TOKEN.exec(line)) {
    const start = match.index;
    const end = start + match[0].length;
    if (line.charCodeAt(start - 1) === 92 /* \ */ || inside(code, start)) continue;
    if (match[1] && UNSAFE_SCHEME.test(match[1])) continue;
    if (links.some((link) => link.start < end && start < link.end)) continue;
    const text = match[0].slice(1, -1);
    (found ??= []).push({
      text,
      textStart: start + 1,
      textEnd: end - 1,
      target: match[1] ? text : `mailto:${text}`,
      targetStart: start + 1,
      targetEnd: end - 1,
      start,
      end,
      reference: null,
    });
  }
  return found ?? EMPTY;
}

function matchParen(line: string, open: number): number {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 123 /* { */ && (line.charCodeAt(i + 1) === 123 || line.charCodeAt(i + 1) === 37)) {
      const closer = line.charCodeAt(i + 1) === 123 ? '}}' : '%}';
      const end = line.indexOf(closer, i + 2);
      if (end < 0) return -1;
      i = end + 1;
    } else if (c === 92 /* \ */) i++;
    else if (c === 40 /* ( */) depth++;
    else if (c === 41 /* ) */ && --depth === 0) return i;
    else if (c === 32 && depth === 1 && line.charCodeAt(i + 1) !== 34 && line.charCodeAt(i + 1) !== 39) {
      // A space ends a URL unless a title follows; such text is not a link target.
      const rest = line.slice(i).trimStart();
      if (!rest.startsWith('"') && !rest.startsWith("'")) return -1;
    }
  }
  return -1;
}

/** Bare URLs and autolinks, where `@` and digits are part of an address, not text. */
export function scanUrls(line: string): Range[] {
  const spans: Range[] = [];
  if (line.includes('://') || line.includes('www.')) {
    BARE_URL.lastIndex = 0;
    for (let match = BARE_URL.exec(line); match; match = BARE_URL.exec(line)) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  if (line.includes('<')) {
    AUTOLINK.lastIndex = 0;
    for (let match = AUTOLINK.exec(line); match; match = AUTOLINK.exec(line)) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return spans;
}

/**
 * Sorts spans and merges the ones that touch, so lookups can bisect: a long line with
 * thousands of links and handles must not cost thousands × thousands comparisons.
 */
export function mergeSpans(spans: readonly Range[]): Range[] {
  if (spans.length < 2) return [...spans];
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Range[] = [{ ...sorted[0]! }];
  for (let i = 1; i < sorted.length; i++) {
    const span = sorted[i]!;
    const last = merged[merged.length - 1]!;
    if (span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The index of the last span starting at or before `offset` in sorted, disjoint spans, or -1. */
function lastStartingBefore(spans: readonly Range[], offset: number): number {
  let low = 0;
  let high = spans.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Whether `offset` lies in one of the spans (sorted and disjoint, as mergeSpans and the scanners make them). */
export function inside(spans: readonly Range[], offset: number): boolean {
  const at = lastStartingBefore(spans, offset);
  return at >= 0 && offset < spans[at]!.end;
}

/** Whether [start, end) meets one of the spans (sorted and disjoint). */
export function overlaps(spans: readonly Range[], start: number, end: number): boolean {
  const at = lastStartingBefore(spans, end - 1);
  return at >= 0 && start < spans[at]!.end;
}

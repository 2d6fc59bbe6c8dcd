import { EMPTY, type LineLink, type LineLiquid } from './lineTokens';


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
 * Inline links `[text](target)`. The target may hold Liquid with spaces and quotes (the
 * CPANSec time links do), so `{{ … }}` is skipped as a unit, and parentheses nest.
 */
export function scanLinks(line: string, code: readonly Range[]): LineLink[] {
  if (!line.includes('](')) return EMPTY;
  const links: LineLink[] = [];
  let open = line.indexOf('[');
  while (open >= 0) {
    if (inside(code, open) || line.charCodeAt(open - 1) === 92 /* \ */) {
      open = line.indexOf('[', open + 1);
      continue;
    }
    const close = matchBracket(line, open);
    if (close < 0) break;
    if (line.charCodeAt(close + 1) !== 40 /* ( */) {
      open = line.indexOf('[', open + 1);
      continue;
    }
    const targetEnd = matchParen(line, close + 1);
    if (targetEnd < 0) {
      open = line.indexOf('[', open + 1);
      continue;
    }
    let targetStart = close + 2;
    let targetStop = targetEnd;
    while (targetStart < targetStop && line.charCodeAt(targetStart) === 32) targetStart++;
    // Drop an optional title: `(url "title")`, but never split inside Liquid.
    const title = /\s+"[^"]*"\s*$|\s+'[^']*'\s*$/.exec(line.slice(targetStart, targetStop));
    if (title && !line.slice(targetStart, targetStop).includes('{{')) targetStop = targetStart + title.index;
    links.push({
      text: line.slice(open + 1, close),
      textStart: open + 1,
      textEnd: close,
      target: line.slice(targetStart, targetStop),
      targetStart,
      targetEnd: targetStop,
      start: open,
      end: targetEnd + 1,
    });
    // Links may nest in their text (`[[x](y)](z)` is rare); continue inside the text.
    open = line.indexOf('[', open + 1);
  }
  return links;
}

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

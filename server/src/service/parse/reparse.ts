import type { HandleRef, Heading, LinkRef, LiquidRef, ListItem, MinutesModel, PlaceholderRef, Span, TextDate, TextTime, ZoneRef } from './model';
import { assembleModel, collectLine, detached, type CollectedTokens, type LineTokenCache } from './parseMinutes';
import { endOfLine, lineAt } from './lines';
import { scanLine } from './scanLine';
import { firstOnOrAfter } from './tokensByLine';

/** Text whose appearance or disappearance can change how the lines after it are read. */
const STATE_MARKERS = ['```', '~~~', '<!--', '-->'];
/** Compared a block at a time first: string equality of slices runs natively. */
const COMPARE_BLOCK = 4096;

/** Which lines an edit replaced: what a patched model tells those who cache per line. */
export interface ModelPatch {
  /** The version the patch was applied to. */
  readonly previousVersion: number;
  /** The first changed line (the same in both versions). */
  readonly firstLine: number;
  /** The last changed line in the previous version. */
  readonly previousLastLine: number;
  /** The last changed line in the new version; later lines moved by the difference. */
  readonly lastLine: number;
  /** Whether a heading was among the changed lines, before or after the edit (the sections may differ). */
  readonly headingsChanged: boolean;
}

/**
 * Patches the previous version's model after an edit instead of parsing again: the lines
 * before the change keep their tokens, the changed lines are scanned, and the tokens of the
 * lines after it are moved by the change in length and line count. Returns null (parse
 * afresh) when the edit could change how other lines are read: it touches the front matter
 * or the first body line, or code fences or HTML comments are involved.
 */
export function reparseMinutes(previous: MinutesModel, text: string, version: number, cache: LineTokenCache): { model: MinutesModel; patch: ModelPatch } | null {
  const plain = cache.plain;
  const old = previous.text;
  if (!plain || plain.length !== previous.lineStarts.length) return null;
  if (previous.frontMatter && !previous.frontMatter.terminated) return null;

  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  const firstLine = lineAt(previous.lineStarts, prefix);
  const lineStart = previous.lineStarts[firstLine]!;
  // The line before must be plain Markdown read in the plain state, and after the body start.
  if (firstLine === 0 || plain[firstLine - 1] !== 0 || lineStart <= previous.bodyStart) return null;

  const oldLast = lineAt(previous.lineStarts, Math.max(prefix, old.length - suffix));
  const oldEnd = endOfLine(old, previous.lineStarts, oldLast);
  const newChangeEnd = Math.max(prefix, text.length - suffix);
  // The new line starts: unchanged up to the first changed line, found in the changed text,
  // then the old ones moved.
  const lineStarts = previous.lineStarts.slice(0, firstLine + 1);
  for (let at = text.indexOf('\n', lineStart); at >= 0 && at < newChangeEnd; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const newLast = lineStarts.length - 1;
  const delta = text.length - old.length;
  const lineDelta = newLast - oldLast;
  for (let line = oldLast + 1; line < previous.lineStarts.length; line++) lineStarts.push(previous.lineStarts[line]! + delta);
  const newEnd = endOfLine(text, lineStarts, newLast);
  if (STATE_MARKERS.some((marker) => hasMarker(old, lineStart, oldEnd, marker) || hasMarker(text, lineStart, newEnd, marker))) return null;

  const before = <T extends { line: number }>(tokens: readonly T[]): T[] => tokens.slice(0, firstOnOrAfter(tokens, firstLine));
  const out: CollectedTokens = {
    sharedItems: firstOnOrAfter(previous.listItems, firstLine),
    headings: before(previous.headings),
    items: before(previous.listItems),
    handles: before(previous.handles),
    links: before(previous.links),
    liquid: before(previous.liquid),
    times: before(previous.times),
    dates: before(previous.dates),
    placeholders: before(previous.placeholders),
  };
  for (let line = firstLine; line <= newLast; line++) {
    const start = lineStarts[line]!;
    const end = endOfLine(text, lineStarts, line);
    // A copy, so that tokens kept by later versions do not hold on to this whole text.
    const lineText = detached(text.slice(start, end));
    collectLine(out, scanLine(lineText), lineText, start, end, line);
  }
  // Headings above the edit are kept; any heading on the changed lines, old or new, changes the sections.
  const headingsAbove = firstOnOrAfter(previous.headings, firstLine);
  const headingsChanged = firstOnOrAfter(previous.headings, oldLast + 1) !== headingsAbove || out.headings.length !== headingsAbove;
  const move = { delta, lineDelta };
  appendMoved(out.headings, previous.headings, oldLast, (heading) => moveHeading(heading, move));
  appendMoved(out.items, previous.listItems, oldLast, (item) => moveItem(item, move));
  appendMoved(out.handles, previous.handles, oldLast, (handle): HandleRef => ({ name: handle.name, span: moved(handle.span, delta), line: handle.line + lineDelta }));
  appendMoved(out.links, previous.links, oldLast, (link) => moveLink(link, move));
  appendMoved(out.liquid, previous.liquid, oldLast, (liquid): LiquidRef => ({ kind: liquid.kind, span: moved(liquid.span, delta), source: liquid.source, variables: liquid.variables, line: liquid.line + lineDelta }));
  appendMoved(out.times, previous.times, oldLast, (time) => moveTime(time, move));
  appendMoved(out.dates, previous.dates, oldLast, (date) => moveDate(date, move));
  appendMoved(out.placeholders, previous.placeholders, oldLast, (placeholder): PlaceholderRef => ({ kind: placeholder.kind, span: moved(placeholder.span, delta), line: placeholder.line + lineDelta }));

  const nextPlain = new Uint8Array(lineStarts.length);
  nextPlain.set(plain.subarray(0, firstLine));
  nextPlain.set(plain.subarray(oldLast + 1), newLast + 1);
  cache.plain = nextPlain;
  const { uri, hasBom, frontMatter, bodyStart } = previous;
  return {
    model: assembleModel({ uri, version, text, lineStarts, hasBom, frontMatter, bodyStart }, out),
    patch: { previousVersion: previous.version, firstLine, previousLastLine: oldLast, lastLine: newLast, headingsChanged },
  };
}

function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let at = 0;
  while (at + COMPARE_BLOCK <= limit && a.slice(at, at + COMPARE_BLOCK) === b.slice(at, at + COMPARE_BLOCK)) at += COMPARE_BLOCK;
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** The length of the common ending of `a` and `b`, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let length = 0;
  while (length + COMPARE_BLOCK <= limit && a.slice(a.length - length - COMPARE_BLOCK, a.length - length) === b.slice(b.length - length - COMPARE_BLOCK, b.length - length)) length += COMPARE_BLOCK;
  while (length < limit && a.charCodeAt(a.length - length - 1) === b.charCodeAt(b.length - length - 1)) length++;
  return length;
}

function hasMarker(text: string, start: number, end: number, marker: string): boolean {
  const at = text.indexOf(marker, Math.max(0, start - marker.length + 1));
  return at >= 0 && at < end;
}

/** Appends, moved, the tokens on lines after `line`. */
function appendMoved<T extends { line: number }>(into: T[], tokens: readonly T[], line: number, move: (token: T) => T): void {
  for (let index = firstOnOrAfter(tokens, line + 1); index < tokens.length; index++) into.push(move(tokens[index]!));
}

interface Move {
  readonly delta: number;
  readonly lineDelta: number;
}

function moved(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

// Object literals with every field spelled out, not spreads: V8 builds them far faster, and
// there are tens of thousands to move in a large document.

function moveTime(time: TextTime, { delta, lineDelta }: Move): TextTime {
  const zone = time.zone;
  return {
    hour: time.hour,
    minute: time.minute,
    span: moved(time.span, delta),
    timeSpan: moved(time.timeSpan, delta),
    zone: zone ? ({ ...zone, span: moved(zone.span, delta) } as ZoneRef) : null,
    parenthesized: time.parenthesized,
    line: time.line + lineDelta,
  };
}

function moveDate(date: TextDate, { delta, lineDelta }: Move): TextDate {
  return {
    year: date.year,
    month: date.month,
    day: date.day,
    span: moved(date.span, delta),
    weekday: date.weekday ? { value: date.weekday.value, span: moved(date.weekday.span, delta) } : null,
    line: date.line + lineDelta,
  };
}

function moveLink(link: LinkRef, { delta, lineDelta }: Move): LinkRef {
  return {
    text: link.text,
    textSpan: moved(link.textSpan, delta),
    target: link.target,
    targetSpan: moved(link.targetSpan, delta),
    span: moved(link.span, delta),
    line: link.line + lineDelta,
    project: link.project,
  };
}

function moveHeading(heading: Heading, move: Move): Heading {
  return {
    level: heading.level,
    title: heading.title,
    titleSpan: moved(heading.titleSpan, move.delta),
    span: moved(heading.span, move.delta),
    line: heading.line + move.lineDelta,
    time: heading.time ? moveTime(heading.time, move) : null,
    label: heading.label,
  };
}

function moveItem(item: ListItem, { delta, lineDelta }: Move): ListItem {
  return {
    line: item.line + lineDelta,
    indent: item.indent,
    marker: item.marker,
    markerSpan: moved(item.markerSpan, delta),
    checkbox: item.checkbox ? { checked: item.checkbox.checked, span: moved(item.checkbox.span, delta) } : null,
    contentSpan: moved(item.contentSpan, delta),
    content: item.content,
    span: moved(item.span, delta),
    parent: -1,
  };
}

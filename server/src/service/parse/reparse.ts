import { BlockReader, CLASSIFY, SKIP, STATE_CONTINUES, STATE_DEFINITION, STATE_PARAGRAPH, STATE_QUOTE, STATE_SPECIAL, type Container } from './blocks';
import { TokenCollector, type CollectedTokens } from './collect';
import type { HandleRef, Heading, LinkRef, LiquidRef, ListItem, MinutesModel, PlaceholderRef, Span, TextDate, TextTime, ZoneRef } from './model';
import { assembleModel, type LineTokenCache } from './parseMinutes';
import { detached, endOfLine, lineAt } from './lines';
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
  /** The first line read again (the same in both versions). */
  readonly firstLine: number;
  /** The last line read again, in the previous version. */
  readonly previousLastLine: number;
  /** The last line read again, in the new version; later lines moved by the difference. */
  readonly lastLine: number;
  /** Whether a heading was among the lines read again, before or after the edit (the sections may differ). */
  readonly headingsChanged: boolean;
}

/**
 * Patches the previous version's model after an edit instead of parsing again: the lines
 * before the change keep their tokens, the changed lines are read again, and the tokens of
 * the lines after them are moved by the change in length and line count.
 *
 * Reading starts at the first line of a paragraph open above the change (an underline typed
 * under it makes it a heading) and goes on past the change until the block structure is
 * again what it was there (a line typed blank can turn the indented lines below into code)
 * and no paragraph runs on. Returns null (parse afresh) when the edit could change how
 * other lines are read in ways not followed here: it touches the front matter or the first
 * body line, code fences or HTML comments are involved, or link definitions, or links that
 * use them (their targets are on other lines).
 */
export function reparseMinutes(previous: MinutesModel, text: string, version: number, cache: LineTokenCache): { model: MinutesModel; patch: ModelPatch } | null {
  const { states, containers } = cache;
  const labels = cache.labels ?? new Set<string>();
  const old = previous.text;
  if (!states || !containers || states.length !== previous.lineStarts.length) return null;
  if (previous.frontMatter && !previous.frontMatter.terminated) return null;

  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  const changedLine = lineAt(previous.lineStarts, prefix);
  let firstLine = changedLine;
  if (firstLine > 0 && states[firstLine - 1]! & (STATE_PARAGRAPH | STATE_QUOTE)) {
    firstLine--;
    while (firstLine > 0 && states[firstLine]! & STATE_CONTINUES) firstLine--;
  }
  // The line before must be read in the plain state, and after the body start.
  if (firstLine === 0 || states[firstLine - 1]! & STATE_SPECIAL || previous.lineStarts[firstLine]! <= previous.bodyStart) return null;

  const changedStart = previous.lineStarts[changedLine]!;
  const oldLast = lineAt(previous.lineStarts, Math.max(prefix, old.length - suffix));
  const oldEnd = endOfLine(old, previous.lineStarts, oldLast);
  const newChangeEnd = Math.max(prefix, text.length - suffix);
  // The new line starts: unchanged up to the first changed line, found in the changed text,
  // then the old ones moved.
  const lineStarts = previous.lineStarts.slice(0, changedLine + 1);
  for (let at = text.indexOf('\n', changedStart); at >= 0 && at < newChangeEnd; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const newLast = lineStarts.length - 1;
  const delta = text.length - old.length;
  const lineDelta = newLast - oldLast;
  for (let line = oldLast + 1; line < previous.lineStarts.length; line++) lineStarts.push(previous.lineStarts[line]! + delta);
  const newEnd = endOfLine(text, lineStarts, newLast);
  if (STATE_MARKERS.some((marker) => hasMarker(old, changedStart, oldEnd, marker) || hasMarker(text, changedStart, newEnd, marker))) return null;

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
  const collector = new TokenCollector(out, text);
  const reader = new BlockReader(containers[firstLine - 1]!, states[firstLine - 1]!);
  const readStates: number[] = [];
  const readContainers: (Container | null)[] = [];
  let line = firstLine;
  for (; ; line++) {
    const start = lineStarts[line]!;
    const end = endOfLine(text, lineStarts, line);
    // A copy, so that tokens kept by later versions do not hold on to this whole text.
    const lineText = detached(text.slice(start, end));
    const step = reader.enter(lineText);
    const tokens = step === SKIP ? undefined : (cache.lines.get(lineText) ?? scanLine(lineText));
    if (tokens && step === CLASSIFY) reader.classify(tokens);
    if (reader.underline) collector.underline(reader.underline, start, end);
    if (tokens) collector.collect(tokens, reader.role, lineText, start, end, line);
    if (reader.inSpecialBlock) return null;
    const state = reader.state();
    if (state & STATE_DEFINITION) return null;
    readStates.push(state);
    readContainers.push(reader.containers);
    if (line < newLast) continue;
    if (line === lineStarts.length - 1) break;
    // Past the change, reading stops where it goes on as before and no paragraph runs on into the next line.
    const oldLine = line - lineDelta;
    if (reader.sameAs(states[oldLine]!, containers[oldLine]!) && !(states[oldLine + 1]! & STATE_CONTINUES)) break;
  }
  const lastLine = line;
  const previousLastLine = line - lineDelta;
  if (collector.lostParagraph || collector.referencesAny(labels)) return null;
  for (let at = firstLine; at <= previousLastLine; at++) if (states[at]! & STATE_DEFINITION) return null;
  const referencesAbove = firstOnOrAfter(previous.links, firstLine);
  const referencesBelow = firstOnOrAfter(previous.links, previousLastLine + 1);
  for (let at = referencesAbove; at < referencesBelow; at++) if (previous.links[at]!.reference !== null) return null;
  collector.resolveReferences();

  // Headings above the edit are kept; any heading on the lines read again, old or new, changes the sections.
  const headingsAbove = firstOnOrAfter(previous.headings, firstLine);
  const headingsChanged = firstOnOrAfter(previous.headings, previousLastLine + 1) !== headingsAbove || out.headings.length !== headingsAbove;
  // Definitions are never on the lines read again: a reference's target is above them or below.
  const definitionsBelow = endOfLine(old, previous.lineStarts, previousLastLine);
  const move = { delta, lineDelta, definitionsBelow };
  if (labels.size > 0) {
    for (let at = 0; at < out.links.length; at++) {
      const link = out.links[at]!;
      if (link.reference !== null && link.targetSpan.start >= definitionsBelow) out.links[at] = { ...link, targetSpan: moved(link.targetSpan, delta) };
    }
  }
  appendMoved(out.headings, previous.headings, previousLastLine, (heading) => moveHeading(heading, move));
  appendMoved(out.items, previous.listItems, previousLastLine, (item) => moveItem(item, move));
  appendMoved(out.handles, previous.handles, previousLastLine, (handle): HandleRef => ({ name: handle.name, span: moved(handle.span, delta), line: handle.line + lineDelta }));
  appendMoved(out.links, previous.links, previousLastLine, (link) => moveLink(link, move));
  appendMoved(out.liquid, previous.liquid, previousLastLine, (liquid): LiquidRef => ({ kind: liquid.kind, span: moved(liquid.span, delta), source: liquid.source, variables: liquid.variables, line: liquid.line + lineDelta }));
  appendMoved(out.times, previous.times, previousLastLine, (time) => moveTime(time, move));
  appendMoved(out.dates, previous.dates, previousLastLine, (date) => moveDate(date, move));
  appendMoved(out.placeholders, previous.placeholders, previousLastLine, (placeholder): PlaceholderRef => ({ kind: placeholder.kind, span: moved(placeholder.span, delta), line: placeholder.line + lineDelta }));

  // The kept line states follow the edit: in place when it kept the number of lines (typing in a line).
  if (lineDelta === 0) {
    states.set(readStates, firstLine);
    for (let at = 0; at < readContainers.length; at++) containers[firstLine + at] = readContainers[at]!;
  } else {
    const nextStates = new Uint8Array(lineStarts.length);
    nextStates.set(states.subarray(0, firstLine));
    nextStates.set(readStates, firstLine);
    nextStates.set(states.subarray(previousLastLine + 1), lastLine + 1);
    cache.states = nextStates;
    cache.containers = containers.slice(0, firstLine).concat(readContainers, containers.slice(previousLastLine + 1));
  }
  const { uri, hasBom, frontMatter, bodyStart } = previous;
  return {
    model: assembleModel({ uri, version, text, lineStarts, hasBom, frontMatter, bodyStart }, out),
    patch: { previousVersion: previous.version, firstLine, previousLastLine, lastLine, headingsChanged },
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
  /** Where the lines after the ones read again began in the previous version. */
  readonly definitionsBelow: number;
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

function moveLink(link: LinkRef, { delta, lineDelta, definitionsBelow }: Move): LinkRef {
  return {
    text: link.text,
    textSpan: moved(link.textSpan, delta),
    target: link.target,
    // A reference's target is its definition's destination, which may be above the edit.
    targetSpan: link.reference === null || link.targetSpan.start >= definitionsBelow ? moved(link.targetSpan, delta) : link.targetSpan,
    span: moved(link.span, delta),
    line: link.line + lineDelta,
    project: link.project,
    reference: link.reference,
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

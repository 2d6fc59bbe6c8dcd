import { parseFrontMatter } from './frontMatter';
import type { LineTokens, LineZone } from './lineTokens';
import type {
  HandleRef,
  Heading,
  LinkRef,
  LiquidRef,
  ListItem,
  MinutesModel,
  PlaceholderRef,
  TextDate,
  TextTime,
  ZoneRef,
} from './model';
import { findNextMeeting } from './nextMeeting';
import { scanLine } from './scanLine';
import { buildSections } from './sections';
import { computeLineStarts, endOfLine, lineAt, skipWhiteSpace } from './lines';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A board and any page of it: `/projects/11`, `/projects/11/views/2`, with a query or anchor; `<…>` allowed. */
const PROJECT_URL = /^<?https?:\/\/(?:www\.)?github\.com\/orgs\/([\w.-]+)\/projects\/(\d+)(?:\/[\w.\/-]*)?(?:[?#][^>]*)?>?$/;
const TIME_HEADING_LABEL = /^\s*(?:[-–—:]\s*)?/;

/**
 * What a document's previous parse leaves for the next one (one per open document): the
 * tokens of each distinct line text, so that a full re-parse only scans lines that changed,
 * and which lines were read as Markdown, so that an edit can patch the model instead.
 */
export interface LineTokenCache {
  lines: Map<string, LineTokens>;
  /**
   * Per line of the cached version: 0 for a body line read as Markdown with the parser in
   * its plain state before and after it; 1 for front matter, fenced code, HTML comments and
   * the lines that open or close them.
   */
  plain?: Uint8Array;
}

/** The token lists of a model being built, in document order. */
export interface CollectedTokens {
  /** How many of the first list items belong to another model too (a patched model's items above the edit). */
  sharedItems?: number;
  headings: Heading[];
  items: ListItem[];
  handles: HandleRef[];
  links: LinkRef[];
  liquid: LiquidRef[];
  times: TextTime[];
  dates: TextDate[];
  placeholders: PlaceholderRef[];
}

/** Turns a document's text into the model every feature shares. */
export function parseMinutes(text: string, uri: string, version: number, cache?: LineTokenCache): MinutesModel {
  const hasBom = text.charCodeAt(0) === 0xfeff;
  const lineStarts = computeLineStarts(text);
  const frontMatter = parseFrontMatter(text, hasBom ? 1 : 0);
  const bodyStart = frontMatter ? frontMatter.span.end : hasBom ? 1 : 0;
  const nextCache: Map<string, LineTokens> | undefined = cache ? new Map() : undefined;
  const plain = cache ? new Uint8Array(lineStarts.length).fill(1) : undefined;
  const out: CollectedTokens = { headings: [], items: [], handles: [], links: [], liquid: [], times: [], dates: [], placeholders: [] };
  let fence: string | null = null;
  let inComment = false;

  const firstBodyLine = lineAt(lineStarts, bodyStart);
  for (let line = firstBodyLine; line < lineStarts.length; line++) {
    const lineStart = Math.max(lineStarts[line]!, bodyStart);
    const lineEnd = endOfLine(text, lineStarts, line);
    const lineText = text.slice(lineStart, lineEnd);

    // Fenced code and HTML comments hold no minutes content.
    let indent = 0;
    while (indent < 4 && lineText.charCodeAt(indent) === 32) indent++;
    const first = lineText.charCodeAt(indent);
    const fenceMatch = first === 96 /* ` */ || first === 126 /* ~ */ ? FENCE.exec(lineText) : null;
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = null;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      continue;
    }
    if (inComment || lineText.includes('<!--')) {
      const wasInComment = inComment;
      inComment = updateCommentState(lineText, inComment);
      if (wasInComment || inComment) continue;
    } else if (plain && lineStart === lineStarts[line]) {
      plain[line] = 0;
    }

    let tokens = cache?.lines.get(lineText);
    // Cached tokens outlive this version: scan a copy of the line, because a slice of the
    // text (and every token sliced from it) would keep the whole old text alive.
    if (!tokens) tokens = scanLine(cache ? detached(lineText) : lineText);
    nextCache?.set(lineText, tokens);
    collectLine(out, tokens, lineText, lineStart, lineEnd, line);
  }
  // Only this version's lines are kept: the cache never outgrows the document.
  if (cache && nextCache) {
    cache.lines = nextCache;
    cache.plain = plain;
  }
  return assembleModel({ uri, version, text, lineStarts, hasBom, frontMatter, bodyStart }, out);
}

/** Adds one body line's tokens, at their places in the document, to the lists being built. */
export function collectLine(out: CollectedTokens, tokens: LineTokens, lineText: string, at: number, lineEnd: number, line: number): void {
  for (const token of tokens.handles) out.handles.push({ name: token.name, span: shift(token, at), line });
  for (const token of tokens.links) {
    const project = token.target.includes('/projects/') ? PROJECT_URL.exec(token.target) : null;
    out.links.push({
      text: token.text,
      textSpan: { start: at + token.textStart, end: at + token.textEnd },
      target: token.target,
      targetSpan: { start: at + token.targetStart, end: at + token.targetEnd },
      span: shift(token, at),
      line,
      project: project ? { org: project[1]!, number: Number(project[2]) } : null,
    });
  }
  for (const token of tokens.liquid) {
    out.liquid.push({ kind: token.kind, span: shift(token, at), source: token.source, variables: token.variables, line });
  }
  let leadingTime: TextTime | null = null;
  for (const token of tokens.times) {
    const time: TextTime = {
      hour: token.hour,
      minute: token.minute,
      span: shift(token, at),
      timeSpan: { start: at + token.start, end: at + token.timeEnd },
      zone: token.zone ? shiftZone(token.zone, at) : null,
      parenthesized: token.parenthesized,
      line,
    };
    out.times.push(time);
    if (tokens.heading && token.start === tokens.heading.titleStart) leadingTime = time;
  }
  for (const token of tokens.dates) {
    out.dates.push({
      year: token.year,
      month: token.month,
      day: token.day,
      span: shift(token, at),
      weekday: token.weekday ? { value: token.weekday.value, span: shift(token.weekday, at) } : null,
      line,
    });
  }
  for (const token of tokens.placeholders) out.placeholders.push({ kind: token.kind, span: shift(token, at), line });

  if (tokens.heading) {
    const h = tokens.heading;
    const title = lineText.slice(h.titleStart, h.titleEnd);
    const label = leadingTime ? title.slice(leadingTime.span.end - at - h.titleStart).replace(TIME_HEADING_LABEL, '') : title;
    out.headings.push({
      level: h.level,
      title,
      titleSpan: { start: at + h.titleStart, end: at + h.titleEnd },
      span: { start: at, end: lineEnd },
      line,
      time: leadingTime,
      label,
    });
  } else if (tokens.item) {
    const it = tokens.item;
    out.items.push({
      line,
      indent: it.indent,
      marker: it.marker,
      markerSpan: { start: at + it.markerStart, end: at + it.markerEnd },
      checkbox: it.checkbox ? { checked: it.checkbox.checked, span: shift(it.checkbox, at) } : null,
      contentSpan: { start: at + it.contentStart, end: lineEnd },
      content: lineText.slice(it.contentStart),
      span: { start: at, end: lineEnd },
      parent: -1,
    });
  }
}

/** The document-wide facts a model is built from, besides its tokens. */
export type ModelBasics = Pick<MinutesModel, 'uri' | 'version' | 'text' | 'lineStarts' | 'hasBom' | 'frontMatter' | 'bodyStart'>;

/** Completes a model from its tokens: list nesting, the section tree, the next-meeting line. */
export function assembleModel(basics: ModelBasics, out: CollectedTokens): MinutesModel {
  const listItems = nestListItems(out.items, out.sharedItems ?? 0, basics.text, basics.lineStarts, out.headings);
  const model: MinutesModel = {
    ...basics,
    eol: basics.text.includes('\r\n') ? '\r\n' : '\n',
    headings: out.headings,
    sections: buildSections(out.headings, basics.text.length),
    listItems,
    handles: out.handles,
    links: out.links,
    liquid: out.liquid,
    times: out.times,
    dates: out.dates,
    placeholders: out.placeholders,
    nextMeeting: null,
  };
  return { ...model, nextMeeting: findNextMeeting(model) };
}

function updateCommentState(line: string, inComment: boolean): boolean {
  let state = inComment;
  let at = 0;
  for (;;) {
    if (state) {
      const close = line.indexOf('-->', at);
      if (close < 0) return true;
      state = false;
      at = close + 3;
    } else {
      const open = line.indexOf('<!--', at);
      if (open < 0) return false;
      state = true;
      at = open + 4;
    }
  }
}

export function shift<T extends { start: number; end: number }>(token: T, at: number) {
  return { start: at + token.start, end: at + token.end };
}

function shiftZone(zone: LineZone, at: number): ZoneRef {
  const span = { start: at + zone.start, end: at + zone.end };
  switch (zone.kind) {
    case 'utc':
      return { kind: zone.kind, text: zone.text, span };
    case 'offset':
      return { kind: zone.kind, text: zone.text, span, minutes: zone.minutes };
    case 'abbreviation':
      return { kind: zone.kind, text: zone.text, span, minutes: zone.minutes, region: zone.region };
    case 'iana':
      return { kind: zone.kind, text: zone.text, span, name: zone.name };
  }
}

/**
 * Gives each list item its parent (the nearest open item indented less) and its full span:
 * continuation lines and sub-items, up to the next item at its level or shallower, a
 * heading, or unindented text after a blank line. Items made by this parse are completed
 * in place; the first `shared` ones belong to another model too and are replaced by a copy
 * only when their nesting changed.
 */
function nestListItems(items: ListItem[], shared: number, text: string, lineStarts: readonly number[], headings: readonly Heading[]): ListItem[] {
  const open: number[] = [];
  const headingLines = new Set(headings.map((h) => h.line));
  let nextHeading = 0;
  let lastHeadingLine = -1;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    while (nextHeading < headings.length && headings[nextHeading]!.line < item.line) lastHeadingLine = headings[nextHeading++]!.line;
    while (open.length > 0 && items[open[open.length - 1]!]!.indent >= item.indent) open.pop();
    // A heading between the parent candidate and this item ends the list.
    while (open.length > 0 && lastHeadingLine > items[open[open.length - 1]!]!.line) open.pop();
    const parent = open.length > 0 ? open[open.length - 1]! : -1;
    open.push(i);
    const end = itemEnd(items, i, text, lineStarts, headingLines);
    if (i >= shared) {
      const mutable = item as { parent: number; span: { start: number; end: number } };
      mutable.parent = parent;
      mutable.span.end = end;
    } else if (item.parent !== parent || item.span.end !== end) {
      items[i] = { ...item, parent, span: { start: item.span.start, end } };
    }
  }
  return items;
}

function itemEnd(items: readonly ListItem[], index: number, text: string, lineStarts: readonly number[], headingLines: ReadonlySet<number>): number {
  const item = items[index]!;
  let lastContentLine = item.line;
  let sawBlank = false;
  let nextItem = index + 1;
  for (let line = item.line + 1; line < lineStarts.length; line++) {
    if (headingLines.has(line)) break;
    const next = items[nextItem];
    if (next && next.line === line) {
      if (next.indent <= item.indent) break;
      lastContentLine = line;
      sawBlank = false;
      nextItem++;
      continue;
    }
    const start = lineStarts[line]!;
    const end = endOfLine(text, lineStarts, line);
    // Measured in place: slicing every line under every item costs more than the rest.
    const contentStart = skipWhiteSpace(text, start, end);
    if (contentStart === end) {
      sawBlank = true;
      continue;
    }
    const indent = contentStart - start;
    if (indent <= item.indent && (sawBlank || indent === 0)) break;
    lastContentLine = line;
    sawBlank = false;
  }
  return endOfLine(text, lineStarts, lastContentLine);
}

/**
 * A copy of `slice` that does not reference the string it was cut from. V8 represents long
 * slices as views into their parent; concatenating and slicing again yields a view into a
 * new, line-sized string instead.
 */
export function detached(slice: string): string {
  return (' ' + slice).slice(1);
}

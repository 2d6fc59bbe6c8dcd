import { BlockReader, CLASSIFY, SKIP, STATE_SPECIAL, type Container } from './blocks';
import { TokenCollector, type CollectedTokens } from './collect';
import { parseFrontMatter } from './frontMatter';
import type { LineTokens } from './lineTokens';
import type { Heading, ListItem, MinutesModel } from './model';
import { findNextMeeting } from './nextMeeting';
import { scanLine } from './scanLine';
import { buildSections } from './sections';
import { computeLineStarts, detached, endOfLine, lineAt, skipWhiteSpace } from './lines';

/**
 * What a document's previous parse leaves for the next one (one per open document): the
 * tokens of each distinct line text, so that a full re-parse only scans lines that changed,
 * and how each line was read, so that an edit can patch the model instead.
 */
export interface LineTokenCache {
  lines: Map<string, LineTokens>;
  /**
   * Per line of the cached version, how the block structure read it (blocks.ts STATE_* bits):
   * whether a paragraph is open after it, whether it continued one, whether it is a link
   * definition; STATE_SPECIAL for front matter, fenced code, HTML comments and the lines that
   * open or close them.
   */
  states?: Uint8Array;
  /** Per line of the cached version: the list items open after it. */
  containers?: (Container | null)[];
  /** The link labels the cached version defines. */
  labels?: ReadonlySet<string>;
}

/** Turns a document's text into the model every feature shares. */
export function parseMinutes(text: string, uri: string, version: number, cache?: LineTokenCache): MinutesModel {
  const hasBom = text.charCodeAt(0) === 0xfeff;
  const lineStarts = computeLineStarts(text);
  const frontMatter = parseFrontMatter(text, hasBom ? 1 : 0);
  const bodyStart = frontMatter ? frontMatter.span.end : hasBom ? 1 : 0;
  const nextCache: Map<string, LineTokens> | undefined = cache ? new Map() : undefined;
  const states = cache ? new Uint8Array(lineStarts.length).fill(STATE_SPECIAL) : undefined;
  const containers = cache ? new Array<Container | null>(lineStarts.length).fill(null) : undefined;
  const out: CollectedTokens = { headings: [], items: [], handles: [], links: [], liquid: [], times: [], dates: [], placeholders: [] };
  const collector = new TokenCollector(out, text);
  const reader = new BlockReader();

  const firstBodyLine = lineAt(lineStarts, bodyStart);
  for (let line = firstBodyLine; line < lineStarts.length; line++) {
    const lineStart = Math.max(lineStarts[line]!, bodyStart);
    const lineEnd = endOfLine(text, lineStarts, line);
    const lineText = text.slice(lineStart, lineEnd);
    const step = reader.enter(lineText);
    let tokens: LineTokens | undefined;
    if (step !== SKIP) {
      tokens = cache?.lines.get(lineText);
      // Cached tokens outlive this version: scan a copy of the line, because a slice of the
      // text (and every token sliced from it) would keep the whole old text alive.
      if (!tokens) tokens = scanLine(cache ? detached(lineText) : lineText);
      nextCache?.set(lineText, tokens);
      if (step === CLASSIFY) reader.classify(tokens);
    }
    // An underline ends the paragraph above before its own line is collected (a lone `-` is an item too).
    if (reader.underline) collector.underline(reader.underline, lineStart, lineEnd);
    if (tokens) collector.collect(tokens, reader.role, lineText, lineStart, lineEnd, line);
    // The first body line may begin inside the front matter's last line: never a place to resume.
    if (states && containers && lineStart === lineStarts[line]) {
      states[line] = reader.state();
      containers[line] = reader.containers;
    }
  }
  collector.resolveReferences();
  // Only this version's lines are kept: the cache never outgrows the document.
  if (cache && nextCache) {
    cache.lines = nextCache;
    cache.states = states;
    cache.containers = containers;
    cache.labels = new Set(collector.definitions.keys());
  }
  return assembleModel({ uri, version, text, lineStarts, hasBom, frontMatter, bodyStart }, out);
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

import { LINE_DEFINITION, LINE_HEADING, LINE_ITEM, LINE_PARAGRAPH } from './blocks';
import type { LineLink, LineTokens, LineZone } from './lineTokens';
import { detached, skipWhiteSpace, trimmedEnd } from './lines';
import type { HandleRef, Heading, LinkRef, LiquidRef, ListItem, PlaceholderRef, Span, TextDate, TextTime, ZoneRef } from './model';

/** A board and any page of it: `/projects/11`, `/projects/11/views/2`, with a query or anchor; `<…>` allowed. */
const PROJECT_URL = /^<?https?:\/\/(?:www\.)?github\.com\/orgs\/([\w.-]+)\/projects\/(\d+)(?:\/[\w.\/-]*)?(?:[?#][^>]*)?>?$/;
const TIME_HEADING_LABEL = /^\s*(?:[-–—:]\s*)?/;

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

/** A link reference definition: where its destination is written. */
interface Definition {
  readonly destination: string;
  readonly span: Span;
}

/** A line with reference links, collected once the document's definitions are known. */
interface PendingLinks {
  readonly tokens: LineTokens;
  readonly at: number;
  readonly line: number;
  /** Where its links go in the list. */
  readonly index: number;
}

/**
 * Turns the tokens of the lines the block reader passes on into the model's token lists, at
 * their places in the document: headings (a setext heading once its underline is read), list
 * items, and the inline tokens; reference links once the definitions are known.
 */
export class TokenCollector {
  readonly definitions = new Map<string, Definition>();
  /** A setext underline came under a paragraph this collector did not see begin. */
  lostParagraph = false;
  private readonly pending: PendingLinks[] = [];
  /** The open paragraph's first line (-1: none), in case an underline makes it a heading: where it and its text start, the time leading it. */
  private paragraphLine = -1;
  private paragraphStart = 0;
  private paragraphText = 0;
  private paragraphTime: TextTime | null = null;

  constructor(
    readonly out: CollectedTokens,
    private readonly text: string,
  ) {}

  /** Adds one body line's tokens as the block reader read the line (`role`: blocks.ts LINE_* bits). */
  collect(tokens: LineTokens, role: number, lineText: string, at: number, lineEnd: number, line: number): void {
    const out = this.out;
    for (const token of tokens.handles) out.handles.push({ name: token.name, span: shift(token, at), line });
    if (role & LINE_DEFINITION) {
      const definition = tokens.definition!;
      // The first definition of a label wins.
      if (!this.definitions.has(definition.label)) {
        this.definitions.set(definition.label, { destination: definition.destination, span: { start: at + definition.destinationStart, end: at + definition.destinationEnd } });
      }
    } else if (tokens.links.some((link) => link.reference !== null)) {
      this.pending.push({ tokens, at, line, index: out.links.length });
    } else {
      for (const token of tokens.links) out.links.push(linkRef(token, at, line, token.target, { start: at + token.targetStart, end: at + token.targetEnd }, null));
    }
    for (const token of tokens.liquid) {
      out.liquid.push({ kind: token.kind, span: shift(token, at), source: token.source, variables: token.variables, line });
    }
    // Where a heading's text starts: a time there is the heading's (an agenda time heading).
    const headingStart = role & LINE_HEADING ? tokens.heading!.titleStart : role & LINE_PARAGRAPH ? skipWhiteSpace(lineText, role & LINE_ITEM ? tokens.item!.textStart : 0, lineText.length) : -1;
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
      if (token.start === headingStart) leadingTime = time;
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
    // A marker the block structure does not take for an item (a continued paragraph's `2.`) leaves no item placeholders.
    const itemPlaceholders = tokens.item === null || (role & LINE_ITEM) !== 0;
    for (const token of tokens.placeholders) {
      if (itemPlaceholders || token.kind === 'fixme' || token.kind === 'todo') out.placeholders.push({ kind: token.kind, span: shift(token, at), line });
    }

    if (role & LINE_PARAGRAPH) {
      this.paragraphLine = line;
      this.paragraphStart = at;
      this.paragraphText = at + headingStart;
      this.paragraphTime = leadingTime;
    }
    if (role & LINE_HEADING) {
      const h = tokens.heading!;
      this.pushHeading(h.level, lineText.slice(h.titleStart, h.titleEnd), { start: at + h.titleStart, end: at + h.titleEnd }, { start: at, end: lineEnd }, line, leadingTime);
    }
    if (role & LINE_ITEM) {
      const it = tokens.item!;
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

  /** A setext underline (the line from `lineStart` to `lineEnd`) ends the paragraph above it: that is a heading of `level`. */
  underline(level: number, lineStart: number, lineEnd: number): void {
    if (this.paragraphLine < 0) {
      this.lostParagraph = true;
      return;
    }
    const text = this.text;
    // The paragraph's last line ends before the underline's line break (`\n` or `\r\n`).
    const before = text.charCodeAt(lineStart - 2) === 13 ? lineStart - 2 : lineStart - 1;
    const titleSpan = { start: this.paragraphText, end: Math.max(this.paragraphText, trimmedEnd(text, this.paragraphText, before)) };
    // A copy: headings outlive this version's text in the patched models after it.
    this.pushHeading(level, detached(text.slice(titleSpan.start, titleSpan.end)), titleSpan, { start: this.paragraphStart, end: lineEnd }, this.paragraphLine, this.paragraphTime);
    this.paragraphLine = -1;
  }

  /**
   * Puts the links of lines with references in their places, resolved with the document's
   * definitions (`[text][label]` whose label is not defined is not a link).
   */
  resolveReferences(): void {
    if (this.pending.length === 0) return;
    const out = this.out;
    const links: LinkRef[] = [];
    let copied = 0;
    for (const pending of this.pending) {
      for (; copied < pending.index; copied++) links.push(out.links[copied]!);
      this.resolveLine(pending, links);
    }
    for (; copied < out.links.length; copied++) links.push(out.links[copied]!);
    out.links = links;
    this.pending.length = 0;
  }

  /** Whether a line collected so far has a reference whose label is in `labels`. */
  referencesAny(labels: ReadonlySet<string>): boolean {
    return labels.size > 0 && this.pending.some((pending) => pending.tokens.links.some((link) => link.reference !== null && labels.has(link.reference.label)));
  }

  private resolveLine({ tokens, at, line }: PendingLinks, into: LinkRef[]): void {
    // Links do not nest: a reference inside a link that was kept is text, and so is a link inside a reference.
    let keptEnd = -1;
    let referenceEnd = -1;
    for (const token of tokens.links) {
      if (token.reference) {
        const definition = token.start < keptEnd ? undefined : this.definitions.get(token.reference.label);
        if (!definition) continue;
        into.push(linkRef(token, at, line, definition.destination, definition.span, token.reference.label));
        referenceEnd = Math.max(referenceEnd, token.end);
      } else {
        if (token.start < referenceEnd) continue;
        into.push(linkRef(token, at, line, token.target, { start: at + token.targetStart, end: at + token.targetEnd }, null));
      }
      keptEnd = Math.max(keptEnd, token.end);
    }
  }

  private pushHeading(level: number, title: string, titleSpan: Span, span: Span, line: number, time: TextTime | null): void {
    const label = time ? title.slice(time.span.end - titleSpan.start).replace(TIME_HEADING_LABEL, '') : title;
    this.out.headings.push({ level, title, titleSpan, span, line, time, label });
  }
}

function linkRef(token: LineLink, at: number, line: number, target: string, targetSpan: Span, reference: string | null): LinkRef {
  const project = target.includes('/projects/') ? PROJECT_URL.exec(target) : null;
  return {
    text: token.text,
    textSpan: { start: at + token.textStart, end: at + token.textEnd },
    target,
    targetSpan,
    span: shift(token, at),
    line,
    project: project ? { org: project[1]!, number: Number(project[2]) } : null,
    reference,
  };
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

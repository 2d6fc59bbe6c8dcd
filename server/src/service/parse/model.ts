import type { PlaceholderKind } from './lineTokens';
import type { Document as YamlDocument, Pair, Scalar } from 'yaml';

/**
 * Everything the features need to know about one minutes document, parsed once per
 * document version. All positions are offsets into `text` (UTF-16 code units, as LSP
 * documents count them); features convert to LSP positions at the edge.
 */
export interface MinutesModel {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  /** Offset of each line's first character. */
  readonly lineStarts: readonly number[];
  readonly hasBom: boolean;
  readonly eol: '\n' | '\r\n';
  readonly frontMatter: FrontMatter | null;
  /** Offset where the Markdown body begins (after the front matter, if any). */
  readonly bodyStart: number;
  readonly headings: readonly Heading[];
  /** Sections as a forest: each heading owns the text up to the next heading of the same or a higher level. */
  readonly sections: readonly Section[];
  readonly listItems: readonly ListItem[];
  readonly handles: readonly HandleRef[];
  readonly links: readonly LinkRef[];
  readonly liquid: readonly LiquidRef[];
  readonly times: readonly TextTime[];
  readonly dates: readonly TextDate[];
  readonly placeholders: readonly PlaceholderRef[];
  /** The "Next meeting is …" statement, if the document has one. */
  readonly nextMeeting: NextMeetingRef | null;
}

export interface Span {
  start: number;
  end: number;
}

export interface FrontMatter {
  /** From the opening `---` to the end of the closing `---` line (or the end of the text when unterminated). */
  readonly span: Span;
  /** The YAML text between the fences. */
  readonly contentSpan: Span;
  readonly terminated: boolean;
  readonly yaml: YamlDocument.Parsed;
  readonly entries: ReadonlyMap<string, FrontMatterEntry>;
  readonly errors: readonly FrontMatterError[];
}

export interface FrontMatterEntry {
  readonly key: string;
  readonly keySpan: Span;
  /** Span of the value's source text; empty span right after the colon when there is no value. */
  readonly valueSpan: Span;
  readonly pair: Pair;
  /** The value node when it is a scalar (what date values are). */
  readonly scalar: Scalar | null;
}

export interface FrontMatterError {
  readonly message: string;
  readonly span: Span;
}

export interface Heading {
  readonly level: number;
  /** Heading text without the `#` marks. */
  readonly title: string;
  readonly titleSpan: Span;
  /** The whole heading line (without its line break). */
  readonly span: Span;
  readonly line: number;
  /** Set when the heading is an agenda time heading such as `## 17:00 UTC – Meeting start`. */
  readonly time: TextTime | null;
  /** The heading's label with any leading time removed ("Meeting start"). */
  readonly label: string;
}

export interface Section {
  readonly heading: Heading;
  /** From the heading's start to just before the next heading of the same or a higher level. */
  readonly span: Span;
  readonly children: readonly Section[];
}

export interface ListItem {
  readonly line: number;
  /** Column of the marker, after expanding tabs to 4 spaces. */
  readonly indent: number;
  readonly marker: string;
  readonly markerSpan: Span;
  readonly checkbox: { readonly checked: boolean; readonly span: Span } | null;
  /** Text after the marker (and checkbox) on the item's first line. */
  readonly contentSpan: Span;
  readonly content: string;
  /** The item with its continuation lines and sub-items, up to the next item at its level or shallower. */
  readonly span: Span;
  /** Index of the parent item in `listItems`, or -1. */
  readonly parent: number;
}

export interface HandleRef {
  /** The handle without `@`. */
  readonly name: string;
  /** Span including the `@`. */
  readonly span: Span;
  readonly line: number;
}

/**
 * An inline link `[text](target)`, an autolink `<https://…>` (its text is the address), or a
 * reference link `[text][label]`, `[label][]`, `[label]` whose label the document defines:
 * its target and target span are then the definition's destination, on the definition's line.
 */
export interface LinkRef {
  readonly text: string;
  readonly textSpan: Span;
  readonly target: string;
  readonly targetSpan: Span;
  readonly span: Span;
  readonly line: number;
  /** Set for links to GitHub organisation projects (`github.com/orgs/<org>/projects/<n>`). */
  readonly project: { readonly org: string; readonly number: number } | null;
  /** A reference link's label (normalised: case and runs of white space do not count); null for other links. */
  readonly reference: string | null;
}

export interface LiquidRef {
  readonly kind: 'output' | 'tag';
  /** The whole `{{ … }}` or `{% … %}`. */
  readonly span: Span;
  readonly source: string;
  /** Dotted variable paths it reads, e.g. `page.meeting_time`. */
  readonly variables: readonly string[];
  readonly line: number;
}

/** How a written zone denotes an offset. */
export type ZoneRef =
  | { readonly kind: 'utc'; readonly text: string; readonly span: Span }
  | { readonly kind: 'offset'; readonly text: string; readonly span: Span; readonly minutes: number }
  | {
      readonly kind: 'abbreviation';
      readonly text: string;
      readonly span: Span;
      readonly minutes: number;
      /** An IANA zone where the abbreviation is used, to tell whether it is in effect on a date. */
      readonly region: string;
    }
  | { readonly kind: 'iana'; readonly text: string; readonly span: Span; readonly name: string };

export interface TextTime {
  readonly hour: number;
  readonly minute: number;
  /** From the first digit to the end of the zone (or of the time when there is no zone). */
  readonly span: Span;
  readonly timeSpan: Span;
  readonly zone: ZoneRef | null;
  /** True when written inside parentheses, e.g. `(18:00 Europe/Amsterdam)`. */
  readonly parenthesized: boolean;
  readonly line: number;
}

export interface TextDate {
  readonly year: number | null;
  readonly month: number;
  readonly day: number;
  readonly span: Span;
  /** The weekday written next to the date (1 = Monday … 7 = Sunday, as luxon counts). */
  readonly weekday: { readonly value: number; readonly span: Span } | null;
  readonly line: number;
}

export interface PlaceholderRef {
  readonly kind: PlaceholderKind;
  readonly span: Span;
  readonly line: number;
}

export interface NextMeetingRef {
  /** The line (or list item) that states the next meeting. */
  readonly span: Span;
  readonly line: number;
  readonly date: TextDate | null;
  readonly time: TextTime | null;
}

/**
 * Tokens of one Markdown line, with offsets relative to the line's start. A line's tokens
 * depend on nothing but its text, so they can be reused across document versions for lines
 * that did not change.
 */
export interface LineTokens {
  /**
   * An ATX heading at the line's first text, or at an item's text after its marker. Whether
   * its indentation leaves it a heading depends on the list items around it (see blocks.ts).
   */
  readonly heading: { level: number; titleStart: number; titleEnd: number } | null;
  /** A list item's marker, at any indentation (blocks.ts decides whether it opens an item). */
  readonly item: LineItem | null;
  /** A link reference definition `[label]: destination "title"` where the heading could be. */
  readonly definition: LineDefinition | null;
  readonly links: readonly LineLink[];
  readonly liquid: readonly LineLiquid[];
  readonly handles: readonly LineHandle[];
  readonly times: readonly LineTime[];
  readonly dates: readonly LineDate[];
  readonly placeholders: readonly LinePlaceholder[];
}

export interface LineItem {
  indent: number;
  marker: string;
  markerStart: number;
  markerEnd: number;
  checkbox: { checked: boolean; start: number; end: number } | null;
  /** After the marker, the white space and the checkbox. */
  contentStart: number;
  /** After the marker and its white space (where a heading or a definition in the item starts). */
  textStart: number;
  /** CommonMark's content column: lines indented this far belong to the item. */
  contentColumn: number;
  /** Nothing follows the marker. */
  empty: boolean;
}

export interface LineDefinition {
  /** The label, normalised as references are matched (case and runs of white space do not count). */
  label: string;
  destination: string;
  destinationStart: number;
  destinationEnd: number;
  start: number;
}

/**
 * An inline link `[text](target)`, an autolink `<https://…>`, or a reference `[text][label]`,
 * `[label][]`, `[label]` that is a link only if the document defines its label (then the
 * target comes from the definition; until then `target` is empty and the target offsets are
 * the label's).
 */
export interface LineLink {
  text: string;
  textStart: number;
  textEnd: number;
  target: string;
  targetStart: number;
  targetEnd: number;
  start: number;
  end: number;
  reference: LineReference | null;
}

export interface LineReference {
  /** Normalised as definitions' labels are. */
  label: string;
  /** `[text][label]`, whose label is not text on the page; `[label][]` and `[label]` show theirs. */
  full: boolean;
}

export interface LineLiquid {
  kind: 'output' | 'tag';
  start: number;
  end: number;
  source: string;
  variables: string[];
}

export interface LineHandle {
  name: string;
  start: number;
  end: number;
}

export type LineZone =
  | { kind: 'utc'; text: string; start: number; end: number }
  | { kind: 'offset'; text: string; start: number; end: number; minutes: number }
  | { kind: 'abbreviation'; text: string; start: number; end: number; minutes: number; region: string }
  | { kind: 'iana'; text: string; start: number; end: number; name: string };

export interface LineTime {
  hour: number;
  minute: number;
  start: number;
  end: number;
  timeEnd: number;
  zone: LineZone | null;
  parenthesized: boolean;
}

export interface LineDate {
  year: number | null;
  month: number;
  day: number;
  start: number;
  end: number;
  weekday: { value: number; start: number; end: number } | null;
}

/**
 * Template leftovers: `FIXME` anywhere, `TODO` opening an item or line, an item of only "…"
 * or nothing, and a role line ("Meeting chair:") with no one named.
 */
export type PlaceholderKind = 'fixme' | 'todo' | 'ellipsis-item' | 'empty-item' | 'empty-role';

export interface LinePlaceholder {
  kind: PlaceholderKind;
  start: number;
  end: number;
}

/** One shared empty result: most lines hold nothing of a kind, and allocations add up. */
export const EMPTY: never[] = [];

export const NO_TOKENS: LineTokens = Object.freeze({
  heading: null,
  item: null,
  definition: null,
  links: [],
  liquid: [],
  handles: [],
  times: [],
  dates: [],
  placeholders: [],
});

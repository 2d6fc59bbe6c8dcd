/**
 * Tokens of one Markdown line, with offsets relative to the line's start. A line's tokens
 * depend on nothing but its text, so they can be reused across document versions for lines
 * that did not change.
 */
export interface LineTokens {
  readonly heading: { level: number; titleStart: number; titleEnd: number } | null;
  readonly item: LineItem | null;
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
  contentStart: number;
}

export interface LineLink {
  text: string;
  textStart: number;
  textEnd: number;
  target: string;
  targetStart: number;
  targetEnd: number;
  start: number;
  end: number;
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
  links: [],
  liquid: [],
  handles: [],
  times: [],
  dates: [],
  placeholders: [],
});

import { isMap, isPair, isScalar, parseDocument, type Scalar } from 'yaml';
import type { FrontMatter, FrontMatterEntry, FrontMatterError, Span } from './model';

/** `---` plus optional spaces, alone on the first line (Jekyll's own test, minus the BOM). */
const OPENING_FENCE = /^---[ \t]*\r?\n/;
/** A closing `---` or `...` line. Jekyll accepts both. */
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;

/**
 * Finds and parses YAML front matter. Tolerant: a byte-order mark or CRLF line ends do
 * not hide it, an unterminated block still yields what parsed, and YAML errors come back
 * as data with their positions.
 */
export function parseFrontMatter(text: string, start: number): FrontMatter | null {
  const head = text.slice(start, start + 8);
  const opening = OPENING_FENCE.exec(head);
  if (!opening) return null;
  const contentStart = start + opening[0].length;
  CLOSING_FENCE.lastIndex = contentStart;
  const closing = CLOSING_FENCE.exec(text);
  const terminated = closing !== null;
  const contentEnd = closing ? closing.index : text.length;
  const end = closing ? closing.index + closing[0].length : text.length;
  const source = text.slice(contentStart, contentEnd);

  // YAML 1.1 is what Jekyll's loader speaks; positions are kept relative to `source`.
  const yaml = parseDocument(source, { version: '1.1', prettyErrors: false, uniqueKeys: false });
  const errors: FrontMatterError[] = yaml.errors.map((error) => ({
    message: error.message.split('\n')[0] ?? error.message,
    span: shift({ start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) }, contentStart, end),
  }));
  return {
    span: { start, end },
    contentSpan: { start: contentStart, end: contentEnd },
    terminated,
    yaml,
    entries: collectEntries(yaml.contents, contentStart),
    errors,
  };
}

function collectEntries(contents: unknown, offset: number): Map<string, FrontMatterEntry> {
  const entries = new Map<string, FrontMatterEntry>();
  if (!isMap(contents)) return entries;
  for (const pair of contents.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    const keySpan = { start: pair.key.range[0] + offset, end: pair.key.range[1] + offset };
    const value = pair.value;
    const scalar = isScalar(value) ? (value as Scalar) : null;
    const range = (value as { range?: [number, number, number] } | null)?.range;
    const valueSpan = range
      ? { start: range[0] + offset, end: range[1] + offset }
      : { start: keySpan.end + 1, end: keySpan.end + 1 };
    if (!entries.has(key)) entries.set(key, { key, keySpan, valueSpan, pair, scalar });
  }
  return entries;
}

function shift(span: Span, offset: number, limit: number): Span {
  return { start: Math.min(span.start + offset, limit), end: Math.min(span.end + offset, limit) };
}

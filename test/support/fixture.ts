import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

/** The cursor marker in fixtures: one `$0` is a position, two are a range. */
export const CURSOR = '$0';

export interface Fixture {
  /** The text with every `$0` removed. */
  text: string;
  /** Offsets of the markers in the cleaned text, in order. */
  offsets: number[];
  document: TextDocument;
  /** The first marker as a position. */
  position: Position;
  /** The range between the first two markers (or an empty range at the only one). */
  range: Range;
}

/** Strips `$0` markers from a fixture, keeping their offsets (rust-analyzer style). */
export function fixture(marked: string, uri = 'file:///site/meetings/cpansec-minutes-2024-11-15.md'): Fixture {
  const offsets: number[] = [];
  let text = '';
  let rest = marked;
  for (;;) {
    const at = rest.indexOf(CURSOR);
    if (at < 0) break;
    text += rest.slice(0, at);
    offsets.push(text.length);
    rest = rest.slice(at + CURSOR.length);
  }
  text += rest;
  const document = TextDocument.create(uri, 'markdown', 1, text);
  const start = offsets[0] ?? 0;
  const end = offsets[1] ?? start;
  return {
    text,
    offsets,
    document,
    position: document.positionAt(start),
    range: { start: document.positionAt(start), end: document.positionAt(end) },
  };
}

/** The text a range covers in a document. */
export function textAt(document: TextDocument, range: Range): string {
  return document.getText(range);
}

/**
 * `text` with `search` replaced, which must occur in it exactly once: expected texts and
 * markers for long fixtures (corpus files) are written as the one change they make.
 */
export function replaceOnce(text: string, search: string, replacement: string): string {
  const at = text.indexOf(search);
  if (at < 0 || text.indexOf(search, at + 1) >= 0) throw new Error(`"${search}" occurs ${at < 0 ? 'nowhere' : 'more than once'} in the text`);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

/** Line arithmetic over a document's text, shared by the parser and the features. */

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  let at = text.indexOf('\n');
  while (at >= 0) {
    starts.push(at + 1);
    at = text.indexOf('\n', at + 1);
  }
  return starts;
}

/** The line holding `offset` (binary search over line starts). */
export function lineAt(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** End of a line's text, before its `\n` or `\r\n`. */
export function endOfLine(text: string, lineStarts: readonly number[], line: number): number {
  let end = line + 1 < lineStarts.length ? lineStarts[line + 1]! - 1 : text.length;
  if (end > lineStarts[line]! && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** LSP position (line, UTF-16 character) of an offset. */
export function positionAt(lineStarts: readonly number[], offset: number): { line: number; character: number } {
  const line = lineAt(lineStarts, offset);
  return { line, character: offset - lineStarts[line]! };
}

/** Offset of an LSP position, clamped to the line. */
export function offsetAt(text: string, lineStarts: readonly number[], position: { line: number; character: number }): number {
  if (position.line >= lineStarts.length) return text.length;
  if (position.line < 0) return 0;
  const end = endOfLine(text, lineStarts, position.line);
  return Math.min(lineStarts[position.line]! + Math.max(position.character, 0), end);
}

/** What `String.prototype.trim` removes: ECMAScript white space and line terminators. */
function isWhiteSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The first index in `text` from `start` to `end` that is not white space (`end` when there is none). */
export function skipWhiteSpace(text: string, start: number, end: number): number {
  let at = start;
  while (at < end && isWhiteSpace(text.charCodeAt(at))) at++;
  return at;
}

/** The index after the last character in `text` from `start` to `end` that is not white space. */
export function trimmedEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && isWhiteSpace(text.charCodeAt(at - 1))) at--;
  return at;
}

/**
 * The column reached after `text[start, end)` when it begins at `column`: tabs stop every
 * four columns, as CommonMark counts indentation.
 */
export function advanceColumn(text: string, start: number, end: number, column: number): number {
  let at = column;
  for (let i = start; i < end; i++) at = text.charCodeAt(i) === 9 ? at + 4 - (at % 4) : at + 1;
  return at;
}

/** The first index from `start` that is not a space or a tab (Markdown's own white space for indentation). */
export function skipIndentation(text: string, start: number): number {
  let at = start;
  while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
  return at;
}

/**
 * A copy of `slice` that does not reference the string it was cut from. V8 represents long
 * slices as views into their parent; concatenating and slicing again yields a view into a
 * new, line-sized string instead.
 */
export function detached(slice: string): string {
  return (' ' + slice).slice(1);
}

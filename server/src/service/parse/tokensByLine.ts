/** Lookups in a model's token lists, which are in line order. */

/** The index of the first token on `line` or after it. */
export function firstOnOrAfter(tokens: readonly { line: number }[], line: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.line < line) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The tokens on lines `first` to `last`, both included. */
export function onLines<T extends { line: number }>(tokens: readonly T[], first: number, last: number): T[] {
  return tokens.slice(firstOnOrAfter(tokens, first), firstOnOrAfter(tokens, last + 1));
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment), which is how
 * typos happen: `stigstp` is one step from `stigtsp`. Anything more than `limit` is
 * `limit + 1`: only the cells within `limit` of the diagonal are worked out (a cell further
 * off is more than `limit` away whatever the letters), and the work stops once a whole row
 * is over the limit.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // With no limit that matters, the band is the whole table.
  const band = Math.min(limit, Math.max(a.length, b.length));
  /** What a cell outside the band counts as: over the limit, which is all that matters of it. */
  const outside = band + 1;
  let beforePrevious = new Int32Array(b.length + 2);
  let previous = new Int32Array(b.length + 2);
  let current = new Int32Array(b.length + 2);
  for (let j = 0; j <= b.length; j++) previous[j] = j <= band ? j : outside;
  previous[b.length + 1] = outside;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    current[from - 1] = from === 1 ? (i <= band ? i : outside) : outside;
    let rowMin = current[from - 1]!;
    const letter = a.charCodeAt(i - 1);
    const letterBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = from; j <= to; j++) {
      const other = b.charCodeAt(j - 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (letter === other ? 0 : 1));
      if (j > 1 && letter === b.charCodeAt(j - 2) && letterBefore === other && beforePrevious[j - 2]! + 1 < value) value = beforePrevious[j - 2]! + 1;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // The next row reads one cell past this row's band.
    current[to + 1] = outside;
    if (rowMin > limit) return limit + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  const distance = previous[b.length]!;
  return distance > limit ? limit + 1 : distance;
}

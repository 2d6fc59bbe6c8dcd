/**
 * Which of many names a handle may be a near miss of, without comparing it with every name.
 *
 * Two strings within k edits (insertions, deletions, substitutions, swaps of neighbours) are
 * equal once at most k characters are deleted from each: a substitution or a swap costs one
 * deletion on each side, an insertion or a deletion one on one side. The same holds for their
 * first PREFIX characters (deleting a few more from the end of the longer prefix evens them
 * out without going over k). So the index keeps, per name, what its first PREFIX characters
 * become with d deletions, one hash table per d; a handle's own deletions looked up in the
 * tables up to k give every name within k edits, and a few more that the exact distance then
 * rules out. The names in sorted order give those a handle begins (`@Tim` for `timlegge`).
 * Nothing within k is ever missed: the answers are those of a comparison with every name.
 */

/** Long enough to tell names apart, short enough to keep a name's deletions few (64 at most). */
const PREFIX = 7;
/** The largest number of edits asked about (loose near misses of long handles). */
export const MAX_EDITS = 3;
/** Masks over PREFIX bits, by the number of bits set. */
const MASKS_BY_DELETIONS: readonly (readonly number[])[] = Array.from({ length: MAX_EDITS + 1 }, (_, d) =>
  Array.from({ length: 2 ** PREFIX }, (_, mask) => mask).filter((mask) => bitCount(mask) === d),
);

/** What names become with a number of deletions: a hash table of chains, built in one pass. */
interface DeletionTable {
  /** Per bucket, the first entry, or -1. */
  readonly heads: Int32Array;
  /** Per entry: the next entry of its bucket, the deletion's hash, the name's position. */
  readonly next: Int32Array;
  readonly hashes: Int32Array;
  readonly positions: Int32Array;
}

export class NearMissIndex {
  /** Names handed out for an exact comparison so far: what the index could not rule out. */
  compared = 0;
  /** Per number of deletions, the entries of every name (built when first needed). */
  private readonly tables: DeletionTable[] = [];
  /** Name positions in the order of the names, to find the names a handle begins. */
  private byName: Int32Array | null = null;

  constructor(private readonly names: readonly string[]) {}

  /**
   * Positions (ascending) of the names that start with `key` or may be within `limit` edits
   * of it (`limit` at most MAX_EDITS): every name that is, perhaps a few that are not.
   */
  candidates(key: string, limit: number): number[] {
    if (limit < 0 || limit > MAX_EDITS) throw new RangeError(`near misses are looked up within 0–${MAX_EDITS} edits, not ${limit}`);
    const found = new Set<number>(this.startingWith(key));
    const hashes = new Set<number>();
    const length = Math.min(PREFIX, key.length);
    for (let d = 0; d <= limit; d++) for (const mask of MASKS_BY_DELETIONS[d]!) if (mask >> length === 0) hashes.add(hashKept(key, mask));
    for (let d = 0; d <= limit; d++) {
      const { heads, next, hashes: entries, positions } = this.table(d);
      for (const hash of hashes) {
        for (let entry = heads[hash & (heads.length - 1)]!; entry >= 0; entry = next[entry]!) if (entries[entry] === hash) found.add(positions[entry]!);
      }
    }
    // A name whose length differs by more than the limit is not within it (unless `key` begins it).
    const result = [...found].filter((at) => Math.abs(this.names[at]!.length - key.length) <= limit || this.names[at]!.startsWith(key)).sort((a, b) => a - b);
    this.compared += result.length;
    return result;
  }

  private table(deletions: number): DeletionTable {
    const built = this.tables[deletions];
    if (built) return built;
    const masks = MASKS_BY_DELETIONS[deletions]!;
    let count = 0;
    for (const name of this.names) count += CHOOSE[Math.min(PREFIX, name.length)]![deletions]!;
    let buckets = 16;
    while (buckets < count) buckets *= 2;
    const table = { heads: new Int32Array(buckets).fill(-1), next: new Int32Array(count), hashes: new Int32Array(count), positions: new Int32Array(count) };
    let entry = 0;
    this.names.forEach((name, at) => {
      const length = Math.min(PREFIX, name.length);
      for (const mask of masks) {
        if (mask >> length !== 0) continue;
        const hash = hashKept(name, mask);
        const bucket = hash & (buckets - 1);
        table.hashes[entry] = hash;
        table.positions[entry] = at;
        table.next[entry] = table.heads[bucket]!;
        table.heads[bucket] = entry++;
      }
    });
    this.tables[deletions] = table;
    return table;
  }

  /** Positions of the names that start with `key`. */
  private startingWith(key: string): number[] {
    const names = this.names;
    if (!this.byName) this.byName = Int32Array.from(names.keys()).sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : a - b));
    const byName = this.byName;
    let low = 0;
    let high = byName.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (names[byName[middle]!]! < key) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let i = low; i < byName.length && names[byName[i]!]!.startsWith(key); i++) found.push(byName[i]!);
    return found;
  }
}

/** CHOOSE[n][k]: the ways to delete k of n characters. */
const CHOOSE: readonly (readonly number[])[] = Array.from({ length: PREFIX + 1 }, (_, n) => Array.from({ length: MAX_EDITS + 1 }, (_, k) => choose(n, k)));

function choose(n: number, k: number): number {
  let ways = 1;
  for (let i = 0; i < k; i++) ways = (ways * (n - i)) / (i + 1);
  return Math.max(0, Math.round(ways));
}

/** A hash (FNV-1a) of the first PREFIX characters of `text` without those `mask` deletes. */
function hashKept(text: string, mask: number): number {
  let hash = 0x811c9dc5;
  const length = Math.min(PREFIX, text.length);
  for (let i = 0; i < length; i++) {
    if (mask & (1 << i)) continue;
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  // As an Int32Array holds it (the offset basis alone, for nothing kept, is above 2^31).
  return hash | 0;
}

function bitCount(mask: number): number {
  let count = 0;
  for (; mask; mask &= mask - 1) count++;
  return count;
}

import type { Span } from '../span';
import type { TrackedString } from './trackedString';

/** One recognised piece: its groups, and where it and they were in the original text. */
export interface PieceMatch {
  groups: (string | null)[];
  groupSpans: (Span | null)[];
  span: Span;
}

/**
 * Ruby's `subx`: find the first match, blank it out of the working string, and hand back
 * what matched. Patterns must carry the `d` flag so group positions are known.
 */
export function takePiece(work: TrackedString, pattern: RegExp): PieceMatch | null {
  const match = pattern.exec(work.text);
  if (!match) return null;
  const indices = match.indices;
  const groups: (string | null)[] = [];
  const groupSpans: (Span | null)[] = [];
  for (let i = 0; i < match.length; i++) {
    groups.push(match[i] ?? null);
    const at = indices?.[i];
    groupSpans.push(at ? work.originalSpan(at[0], at[1]) : null);
  }
  const span = work.originalSpan(match.index, match.index + match[0].length);
  work.blank(match.index, match.index + match[0].length);
  return { groups, groupSpans, span };
}

/** Ruby's `match` without blanking: only tells whether the pattern is present. */
export function hasPiece(work: TrackedString, pattern: RegExp): boolean {
  return pattern.test(work.text);
}

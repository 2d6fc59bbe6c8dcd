import type { Span } from '../span';

/**
 * A working copy of a string that remembers where each character came from. Ruby's
 * Date._parse blanks out every piece it recognises (each match becomes one space) and
 * then tries the next pattern on what is left; keeping the origin of every character
 * lets us say exactly which words were used and which were silently ignored.
 */
export class TrackedString {
  private current: string;
  private starts: number[];
  private ends: number[];
  private readonly originalLength: number;

  constructor(original: string) {
    this.current = original;
    this.originalLength = original.length;
    this.starts = Array.from({ length: original.length }, (_, i) => i);
    this.ends = Array.from({ length: original.length }, (_, i) => i + 1);
  }

  get text(): string {
    return this.current;
  }

  /** The original span that `text[from, to)` stands for. */
  originalSpan(from: number, to: number): Span {
    if (from >= to) {
      const at = from < this.starts.length ? this.starts[from]! : this.originalLength;
      return { start: at, end: at };
    }
    return { start: this.starts[from]!, end: this.ends[to - 1]! };
  }

  /** Replaces `text[from, to)` with a single space, as Ruby's parser does with what it consumed. */
  blank(from: number, to: number): void {
    if (from >= to) return;
    const span = this.originalSpan(from, to);
    this.current = this.current.slice(0, from) + ' ' + this.current.slice(to);
    this.starts.splice(from, to - from, span.start);
    this.ends.splice(from, to - from, span.end);
  }

  /** Replaces every match of a global pattern with a single space. */
  blankAll(pattern: RegExp): void {
    const matches = [...this.current.matchAll(pattern)];
    for (const match of matches.reverse()) {
      this.blank(match.index, match.index + match[0].length);
    }
  }

  /** Original spans of the characters that are still the original text (not blanks). */
  untouchedWords(): Span[] {
    const words: Span[] = [];
    const word = /\S+/g;
    for (const match of this.current.matchAll(word)) {
      const span = this.originalSpan(match.index, match.index + match[0].length);
      words.push(span);
    }
    return words;
  }
}

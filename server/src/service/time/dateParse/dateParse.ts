import type { DateParseHash } from './dateParseHash';
import { parseDigits } from './dateParseDigits';
import {
  parseBc, parseDay, parseDot, parseEu, parseFrag, parseIso, parseIso2, parseJis, parseMday, parseMon,
  parseSla, parseTime, parseUs, parseVms, parseYear, type FoundParts, type Piece,
} from './dateParsePieces';
import { dateZoneToDiff } from './dateZoneToDiff';
import { RubyArgumentError } from '../rubyTime/rubyValue';
import type { Span } from '../span';
import { TrackedString } from './trackedString';

/** Date._parse refuses longer input (in bytes) since the 2021 ReDoS fix; Time.parse then raises. */
export const DATE_PARSE_LIMIT_BYTES = 128;

export interface DateParseOutcome {
  hash: DateParseHash;
  /** Where the recognised pieces were in the text. */
  parts: FoundParts;
  /** Words nothing recognised: Ruby drops them without a word. */
  leftovers: Span[];
  /** A two-digit year that was completed (69–99 → 19xx, 00–68 → 20xx). */
  completedYear?: { written: number; read: number };
}

/** Everything that is not a letter, digit or one of -+',./:@[] separates words. */
const SEPARATORS = /[^-+',./:@\p{Alphabetic}\p{Nd}[\]]+/gu;

const HAVE_ALPHA = 1;
const HAVE_DIGIT = 2;
const HAVE_DASH = 4;
const HAVE_DOT = 8;
const HAVE_SLASH = 16;

/** Which character classes are still present (the C locale's isalpha/isdigit: ASCII only). */
function classes(text: string): number {
  let flags = 0;
  if (/[A-Za-z]/.test(text)) flags |= HAVE_ALPHA;
  if (/[0-9]/.test(text)) flags |= HAVE_DIGIT;
  if (text.includes('-')) flags |= HAVE_DASH;
  if (text.includes('.')) flags |= HAVE_DOT;
  if (text.includes('/')) flags |= HAVE_SLASH;
  return flags;
}

/** The date recognisers in Ruby's order, each guarded by the characters it needs. */
const DATE_PIECES: [number, Piece][] = [
  [HAVE_ALPHA | HAVE_DIGIT, parseEu],
  [HAVE_ALPHA | HAVE_DIGIT, parseUs],
  [HAVE_DIGIT | HAVE_DASH, parseIso],
  [HAVE_DIGIT | HAVE_DOT, parseJis],
  [HAVE_ALPHA | HAVE_DIGIT | HAVE_DASH, parseVms],
  [HAVE_DIGIT | HAVE_SLASH, parseSla],
  [HAVE_DIGIT | HAVE_DOT, parseDot],
  [HAVE_DIGIT, parseIso2],
  [HAVE_DIGIT, parseYear],
  [HAVE_ALPHA, parseMon],
  [HAVE_DIGIT, parseMday],
  [HAVE_DIGIT, parseDigits],
];

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * Ruby's Date._parse(text, comp): the lenient reader behind Time.parse. It takes the
 * weekday, then a time (with an optional zone), then the first date form that matches,
 * and ignores everything else. `comp` completes two-digit years.
 */
export function dateParse(text: string, comp = true): DateParseOutcome {
  const bytes = utf8Length(text);
  if (bytes > DATE_PARSE_LIMIT_BYTES) {
    throw new RubyArgumentError(`string length (${bytes}) exceeds the limit ${DATE_PARSE_LIMIT_BYTES}`);
  }
  const work = new TrackedString(text);
  work.blankAll(SEPARATORS);
  const hash: DateParseHash = { _comp: comp };
  const parts: FoundParts = {};
  const has = (needed: number): boolean => (classes(work.text) & needed) === needed;

  if (has(HAVE_ALPHA)) parseDay(work, hash, parts);
  if (has(HAVE_DIGIT)) parseTime(work, hash, parts);
  for (const [needed, piece] of DATE_PIECES) {
    if (has(needed) && piece(work, hash, parts)) break;
  }
  if (has(HAVE_ALPHA)) parseBc(work, hash, parts);
  if (has(HAVE_DIGIT)) parseFrag(work, hash, parts);

  const outcome: DateParseOutcome = { hash, parts, leftovers: work.untouchedWords() };
  if (hash._bc) {
    if (hash.cwyear !== undefined) hash.cwyear = 1 - hash.cwyear;
    if (hash.year !== undefined) hash.year = 1 - hash.year;
  }
  if (hash._comp) {
    if (hash.cwyear !== undefined) hash.cwyear = completeYear(hash.cwyear);
    if (hash.year !== undefined && hash.year >= 0 && hash.year <= 99) {
      const read = completeYear(hash.year);
      outcome.completedYear = { written: hash.year, read };
      hash.year = read;
    }
  }
  delete hash._bc;
  delete hash._comp;
  if (hash.zone !== undefined && hash.offset === undefined) hash.offset = dateZoneToDiff(hash.zone);
  return outcome;
}

function completeYear(year: number): number {
  if (year < 0 || year > 99) return year;
  return year >= 69 ? year + 1900 : year + 2000;
}

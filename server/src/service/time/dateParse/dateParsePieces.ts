import { leadingInteger, type DateParseHash } from './dateParseHash';
import { takePiece, hasPiece, type PieceMatch } from './dateParseMatch';
import { assignYearMonthDay } from './assignYearMonthDay';
import type { Span } from '../span';
import type { TrackedString } from './trackedString';

/**
 * The pattern-by-pattern recognisers of Ruby's Date._parse (date_parse.c, non-tight
 * mode). Each one looks for its first match in what is left of the string, blanks it
 * out and records what it read. The patterns are Ruby's, transcribed to JavaScript
 * syntax (`[[:alpha:]]` → `\p{Alphabetic}`); their quirks are the behaviour to match.
 */

export interface FoundParts {
  date?: Span;
  time?: Span;
  zone?: Span;
  weekday?: Span;
}

export type Piece = (work: TrackedString, hash: DateParseHash, found: FoundParts) => boolean;

const ABBR_DAYS = 'sun|mon|tue|wed|thu|fri|sat';
const ABBR_MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const ERA = String.raw`c(?:e|\.e\.)|b(?:ce|\.c\.e\.)|a(?:d|\.d\.)|b(?:c|\.c\.)`;

const re = (source: string, caseInsensitive = true): RegExp => new RegExp(source, caseInsensitive ? 'diu' : 'du');

export function monthNumber(name: string): number {
  return ABBR_MONTHS.split('|').indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function dayNumber(name: string): number {
  return ABBR_DAYS.split('|').indexOf(name.slice(0, 3).toLowerCase());
}

const isBc = (era: string | null): boolean => era !== null && (era[0] === 'b' || era[0] === 'B');

const DAY = re(String.raw`\b(${ABBR_DAYS})[^-/\d\s]*`);
export const parseDay: Piece = (work, hash, found) => {
  const m = takePiece(work, DAY);
  if (!m) return false;
  hash.wday = dayNumber(m.groups[1]!);
  found.weekday = m.span;
  return true;
};

const TIME = re(
  String.raw`(` +
    String.raw`(?:\d+\s*:\s*\d+(?:\s*:\s*\d+(?:[,.]\d*)?)?|\d+\s*h(?:\s*\d+m?(?:\s*\d+s?)?)?)` +
    String.raw`(?:\s*[ap](?:m\b|\.m\.))?` +
    String.raw`|\d+\s*[ap](?:m\b|\.m\.)` +
    String.raw`)` +
    String.raw`(?:\s*(` +
    String.raw`(?:gmt|utc?)?[-+]\d+(?:[,.:]\d+(?::\d+)?)?` +
    String.raw`|[\p{Alphabetic}.\s]+(?:standard|daylight)\stime\b` +
    String.raw`|\p{Alphabetic}+(?:\sdst)?\b` +
    String.raw`))?`,
);
const TIME_FIELDS = /^(\d+)h?(?:\s*:?\s*(\d+)m?(?:\s*:?\s*(\d+)(?:[,.](\d+))?s?)?)?(?:\s*([ap])(?:m\b|\.m\.))?/iu;

export const parseTime: Piece = (work, hash, found) => {
  const m = takePiece(work, TIME);
  if (!m) return false;
  found.time = m.groupSpans[1]!;
  if (m.groups[2] !== null) {
    hash.zone = m.groups[2];
    found.zone = m.groupSpans[2]!;
  }
  const fields = TIME_FIELDS.exec(m.groups[1]!);
  if (fields) {
    let hour = Number.parseInt(fields[1]!, 10);
    if (fields[5] !== undefined) hour = (hour % 12) + (fields[5].toLowerCase() === 'p' ? 12 : 0);
    hash.hour = hour;
    if (fields[2] !== undefined) hash.min = Number.parseInt(fields[2], 10);
    if (fields[3] !== undefined) hash.sec = Number.parseInt(fields[3], 10);
    if (fields[4] !== undefined) hash.sec_fraction = fields[4];
  }
  return true;
};

/** Runs a date pattern and hands its groups to the year/month/day assignment. */
function datePiece(pattern: RegExp, assign: (m: PieceMatch, hash: DateParseHash) => void): Piece {
  return (work, hash, found) => {
    const m = takePiece(work, pattern);
    if (!m) return false;
    found.date = m.span;
    assign(m, hash);
    return true;
  };
}

const g = (m: PieceMatch, i: number): string | null => m.groups[i] ?? null;

export const parseEu = datePiece(
  re(String.raw`('?\d+)[^-\d\s]*\s*(${ABBR_MONTHS})[^-\d\s']*(?:\s*(${ERA})?\s*('?-?\d+(?:(?:st|nd|rd|th)\b)?))?`),
  (m, hash) => assignYearMonthDay(hash, g(m, 4), monthNumber(g(m, 2)!), g(m, 1), isBc(g(m, 3))),
);

export const parseUs = datePiece(
  re(String.raw`\b(${ABBR_MONTHS})[^-\d\s']*\s*('?\d+)[^-\d\s']*(?:\s*,?\s*(${ERA})?\s*('?-?\d+))?`),
  (m, hash) => assignYearMonthDay(hash, g(m, 4), monthNumber(g(m, 1)!), g(m, 2), isBc(g(m, 3))),
);

export const parseIso = datePiece(re(String.raw`('?[-+]?\d+)-(\d+)-('?-?\d+)`, false), (m, hash) =>
  assignYearMonthDay(hash, g(m, 1), g(m, 2), g(m, 3), false),
);

export const parseJis = datePiece(re(String.raw`\b([mtsh])(\d+)\.(\d+)\.(\d+)`), (m, hash) => {
  const eras: Record<string, number> = { m: 1867, t: 1911, s: 1925, h: 1988 };
  hash.year = Number.parseInt(g(m, 2)!, 10) + (eras[g(m, 1)!.toLowerCase()] ?? 0);
  hash.mon = Number.parseInt(g(m, 3)!, 10);
  hash.mday = Number.parseInt(g(m, 4)!, 10);
});

const parseVms11 = datePiece(re(String.raw`('?-?\d+)-(${ABBR_MONTHS})[^-/.]*-('?-?\d+)`), (m, hash) =>
  assignYearMonthDay(hash, g(m, 3), monthNumber(g(m, 2)!), g(m, 1), false),
);
const parseVms12 = datePiece(re(String.raw`\b(${ABBR_MONTHS})[^-/.]*-('?-?\d+)(?:-('?-?\d+))?`), (m, hash) =>
  assignYearMonthDay(hash, g(m, 3), monthNumber(g(m, 1)!), g(m, 2), false),
);
export const parseVms: Piece = (work, hash, found) =>
  parseVms11(work, hash, found) || parseVms12(work, hash, found);

export const parseSla = datePiece(re(String.raw`('?-?\d+)/\s*('?\d+)(?:\D\s*('?-?\d+))?`), (m, hash) =>
  assignYearMonthDay(hash, g(m, 1), g(m, 2), g(m, 3), false),
);

export const parseDot = datePiece(re(String.raw`('?-?\d+)\.\s*('?\d+)\.\s*('?-?\d+)`), (m, hash) =>
  assignYearMonthDay(hash, g(m, 1), g(m, 2), g(m, 3), false),
);

const toInt = (text: string | null): number => Number.parseInt(text ?? '0', 10);

const parseIso21 = datePiece(re(String.raw`\b(\d{2}|\d{4})?-?w(\d{2})(?:-?(\d))?\b`), (m, hash) => {
  if (g(m, 1) !== null) hash.cwyear = toInt(g(m, 1));
  hash.cweek = toInt(g(m, 2));
  if (g(m, 3) !== null) hash.cwday = toInt(g(m, 3));
});
const parseIso22 = datePiece(re(String.raw`-w-(\d)\b`), (m, hash) => {
  hash.cwday = toInt(g(m, 1));
});
const parseIso23 = datePiece(re(String.raw`--(\d{2})?-(\d{2})\b`, false), (m, hash) => {
  if (g(m, 1) !== null) hash.mon = toInt(g(m, 1));
  hash.mday = toInt(g(m, 2));
});
const parseIso24 = datePiece(re(String.raw`--(\d{2})(\d{2})?\b`, false), (m, hash) => {
  hash.mon = toInt(g(m, 1));
  if (g(m, 2) !== null) hash.mday = toInt(g(m, 2));
});
const ISO25_GUARD = re(String.raw`[,.](\d{2}|\d{4})-\d{3}\b`, false);
const parseIso25Body = datePiece(re(String.raw`\b(\d{2}|\d{4})-(\d{3})\b`, false), (m, hash) => {
  hash.year = toInt(g(m, 1));
  hash.yday = toInt(g(m, 2));
});
const ISO26_GUARD = re(String.raw`\d-\d{3}\b`, false);
const parseIso26Body = datePiece(re(String.raw`\b-(\d{3})\b`, false), (m, hash) => {
  hash.yday = toInt(g(m, 1));
});
export const parseIso2: Piece = (work, hash, found) =>
  parseIso21(work, hash, found) ||
  parseIso22(work, hash, found) ||
  parseIso23(work, hash, found) ||
  parseIso24(work, hash, found) ||
  (!hasPiece(work, ISO25_GUARD) && parseIso25Body(work, hash, found)) ||
  (!hasPiece(work, ISO26_GUARD) && parseIso26Body(work, hash, found));

export const parseYear = datePiece(re(String.raw`'(\d+)\b`, false), (m, hash) => {
  hash.year = toInt(g(m, 1));
});

export const parseMon = datePiece(re(String.raw`\b(${ABBR_MONTHS})\S*`), (m, hash) => {
  hash.mon = monthNumber(g(m, 1)!);
});

export const parseMday = datePiece(re(String.raw`(\d+)(st|nd|rd|th)\b`), (m, hash) => {
  hash.mday = toInt(g(m, 1));
});

const BC = re(String.raw`\b(bc\b|bce\b|b\.c\.|b\.c\.e\.)`);
export const parseBc: Piece = (work, hash) => {
  if (!takePiece(work, BC)) return false;
  hash._bc = true;
  return true;
};

const FRAG = re(String.raw`^\s*(\d{1,2})\s*$`);
/** A lone one- or two-digit number left over becomes the day (after a time) or the hour (after a date). */
export const parseFrag: Piece = (work, hash, found) => {
  const m = takePiece(work, FRAG);
  if (!m) return false;
  const n = leadingInteger(g(m, 1)!);
  if (hash.hour !== undefined && hash.mday === undefined && n >= 1 && n <= 31) {
    hash.mday = n;
    found.date ??= m.groupSpans[1]!;
  }
  if (hash.mday !== undefined && hash.hour === undefined && n >= 0 && n <= 24) {
    hash.hour = n;
    found.time ??= m.groupSpans[1]!;
  }
  return true;
};

import type { DateParseHash } from './dateParseHash';
import { takePiece } from './dateParseMatch';
import type { Piece } from './dateParsePieces';
import { dateZoneToDiff } from './dateZoneToDiff';

/**
 * Ruby's parse_ddd: a run of 2 to 14 digits read by its length (yyyymmdd, hhmmss,
 * mmdd...), optionally followed by a time block, a fraction and a zone. The last
 * resort of Date._parse, reached only when no other date pattern matched.
 */
const DIGITS = new RegExp(
  String.raw`([-+]?)(\d{2,14})(?:\s*t?\s*(\d{2,6})?(?:[,.](\d*))?)?(?:\s*(z\b|[-+]\d{1,4}\b|\[[-+]?\d[^\]]*\]))?`,
  'diu',
);

/** Digits `text[from, from + width)` as a number. */
const n2i = (text: string, from: number, width: number): number => Number.parseInt(text.slice(from, from + width), 10);

export const parseDigits: Piece = (work, hash, found) => {
  const m = takePiece(work, DIGITS);
  if (!m) return false;
  found.date = m.span;
  const sign = m.groups[1] ?? '';
  const s2 = m.groups[2]!;
  const s3 = m.groups[3] ?? null;
  const s4 = m.groups[4] ?? null;
  const s5 = m.groups[5] ?? null;
  readMainDigits(hash, sign, s2, s3 === null && s4 !== null);
  if (s3 !== null) readTimeDigits(hash, s3, s4 !== null);
  if (s4 !== null && s4 !== '') hash.sec_fraction = s4;
  if (s5 !== null) readZone(hash, s5);
  return true;
};

/** `timeOnly`: there was a fraction but no separate time block, so the digits are a time. */
function readMainDigits(hash: DateParseHash, sign: string, s: string, timeOnly: boolean): void {
  const l = s.length;
  const year = (v: number): number => (sign === '-' ? -v : v);
  switch (l) {
    case 2:
      if (timeOnly) hash.sec = n2i(s, l - 2, 2);
      else hash.mday = n2i(s, 0, 2);
      break;
    case 4:
      if (timeOnly) {
        hash.sec = n2i(s, l - 2, 2);
        hash.min = n2i(s, l - 4, 2);
      } else {
        hash.mon = n2i(s, 0, 2);
        hash.mday = n2i(s, 2, 2);
      }
      break;
    case 6:
      if (timeOnly) {
        hash.sec = n2i(s, l - 2, 2);
        hash.min = n2i(s, l - 4, 2);
        hash.hour = n2i(s, l - 6, 2);
      } else {
        hash.year = year(n2i(s, 0, 2));
        hash.mon = n2i(s, 2, 2);
        hash.mday = n2i(s, 4, 2);
      }
      break;
    case 8:
    case 10:
    case 12:
    case 14:
      if (timeOnly) {
        hash.sec = n2i(s, l - 2, 2);
        hash.min = n2i(s, l - 4, 2);
        hash.hour = n2i(s, l - 6, 2);
        hash.mday = n2i(s, l - 8, 2);
        if (l >= 10) hash.mon = n2i(s, l - 10, 2);
        if (l === 12) hash.year = year(n2i(s, l - 12, 2));
        if (l === 14) {
          hash.year = year(n2i(s, l - 14, 4));
          hash._comp = false;
        }
      } else {
        hash.year = year(n2i(s, 0, 4));
        hash.mon = n2i(s, 4, 2);
        hash.mday = n2i(s, 6, 2);
        if (l >= 10) hash.hour = n2i(s, 8, 2);
        if (l >= 12) hash.min = n2i(s, 10, 2);
        if (l >= 14) hash.sec = n2i(s, 12, 2);
        hash._comp = false;
      }
      break;
    case 3:
      if (timeOnly) {
        hash.sec = n2i(s, l - 2, 2);
        hash.min = n2i(s, l - 3, 1);
      } else hash.yday = n2i(s, 0, 3);
      break;
    case 5:
      if (timeOnly) {
        hash.sec = n2i(s, l - 2, 2);
        hash.min = n2i(s, l - 4, 2);
        hash.hour = n2i(s, l - 5, 1);
      } else {
        hash.year = year(n2i(s, 0, 2));
        hash.yday = n2i(s, 2, 3);
      }
      break;
    case 7:
      if (timeOnly) {
        hash.sec = n2i(s, l - 2, 2);
        hash.min = n2i(s, l - 4, 2);
        hash.hour = n2i(s, l - 6, 2);
        hash.mday = n2i(s, l - 7, 1);
      } else {
        hash.year = year(n2i(s, 0, 4));
        hash.yday = n2i(s, 4, 3);
      }
      break;
  }
}

/** The block after the date digits: hhmmss, or with a fraction present, seconds counted from the right. */
function readTimeDigits(hash: DateParseHash, s: string, hasFraction: boolean): void {
  const l = s.length;
  if (l !== 2 && l !== 4 && l !== 6) return;
  if (hasFraction) {
    hash.sec = n2i(s, l - 2, 2);
    if (l >= 4) hash.min = n2i(s, l - 4, 2);
    if (l >= 6) hash.hour = n2i(s, l - 6, 2);
  } else {
    hash.hour = n2i(s, 0, 2);
    if (l >= 4) hash.min = n2i(s, 2, 2);
    if (l >= 6) hash.sec = n2i(s, 4, 2);
  }
}

/** `z`, `+hhmm`, or a bracketed `[+9]` / `[-5:EST]` form whose name part becomes the zone. */
function readZone(hash: DateParseHash, s: string): void {
  hash.zone = s;
  if (s[0] !== '[') return;
  const inner = s.slice(1, -1);
  const colon = inner.indexOf(':');
  const offsetPart = colon >= 0 ? inner.slice(0, colon) : inner;
  hash.zone = colon >= 0 ? inner.slice(colon + 1) : offsetPart;
  const signed = /^\d/.test(offsetPart) ? `+${offsetPart}` : offsetPart;
  hash.offset = dateZoneToDiff(signed);
}

import { leadingInteger, type DateParseHash } from './dateParseHash';

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isSign = (c: string | undefined): boolean => c === '-' || c === '+';

/**
 * Ruby's s3e: decides which of three numbers is the year, month and day. Its swaps are
 * what make `27/11/2024` (D/M/Y) work while `11/27/2024` ends up with month 27: a piece
 * longer than two digits (or with an apostrophe) is taken as the year, and the others
 * rotate around it. Ported step by step because the order of the swaps is the behaviour.
 */
export function assignYearMonthDay(
  hash: DateParseHash,
  yearIn: string | null,
  monthIn: string | number | null,
  dayIn: string | null,
  bc: boolean,
): void {
  let y = yearIn;
  let m = monthIn === null ? null : String(monthIn);
  let d = dayIn;
  let complete: boolean | null = null;

  if (y !== null && m !== null && d === null) {
    [y, m, d] = [d, y, m];
  }
  if (y === null) {
    if (d !== null && d.length > 2) {
      y = d;
      d = null;
    }
    if (d !== null && d.length > 0 && d[0] === "'") {
      y = d;
      d = null;
    }
  }
  if (y !== null) {
    // Something after the year's digits ("27th") means it was really the day.
    let i = 0;
    while (i < y.length && !isSign(y[i]) && !isDigit(y[i])) i++;
    if (i < y.length) {
      const begin = i;
      if (isSign(y[i])) i++;
      while (isDigit(y[i])) i++;
      if (i < y.length) {
        const digits = y.slice(begin, i);
        y = d;
        d = digits;
      }
    }
  }
  if (m !== null && (m[0] === "'" || m.length > 2)) {
    // US order written as big-endian: the "month" is the year.
    [y, m, d] = [m, d, y];
  }
  if (d !== null && (d[0] === "'" || d.length > 2)) {
    [y, d] = [d, y];
  }

  if (y !== null) {
    let i = 0;
    while (i < y.length && !isSign(y[i]) && !isDigit(y[i])) i++;
    if (i < y.length) {
      const begin = i;
      if (isSign(y[i])) {
        i++;
        complete = false;
      }
      const digitsBegin = i;
      while (isDigit(y[i])) i++;
      if (i - digitsBegin > 2) complete = false;
      hash.year = leadingInteger(y.slice(begin, i));
    }
  }
  if (bc) hash._bc = true;
  if (m !== null) {
    const digits = /\d+/.exec(m);
    if (digits) hash.mon = Number.parseInt(digits[0], 10);
  }
  if (d !== null) {
    const digits = /\d+/.exec(d);
    if (digits) hash.mday = Number.parseInt(digits[0], 10);
  }
  if (complete !== null) hash._comp = complete;
}

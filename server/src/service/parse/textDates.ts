import { overlaps, type Range } from './inlineSpans';
import { EMPTY, type LineDate } from './lineTokens';


const MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['may', 5], ['jun', 6],
  ['jul', 7], ['aug', 8], ['sep', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);
const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['mon', 1], ['tue', 2], ['wed', 3], ['thu', 4], ['fri', 5], ['sat', 6], ['sun', 7],
]);

const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const WEEKDAY =
  '(?:(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\\.?,?\\s+)?';
const ORDINAL = '(?:st|nd|rd|th)?';
const DAY_RANGE = `(?:\\s*[-–]\\s*\\d{1,2}${ORDINAL}(?!\\d))?`;
const YEAR = '(?:,?\\s+(\\d{4})(?!\\d))?';

/**
 * Dates in prose, with the weekday written before them when there is one:
 * `Wednesday 2024-11-27`, `Saturday January 6th, 2024`, `Wed March 13th`, `Fri 13 Sep 2024`,
 * `Saturday 26th October 2024`, `July 03, 2024`, `September 16-20, 2024`.
 */
const DATE = new RegExp(
  [
    `\\b${WEEKDAY}(\\d{4})-(\\d{2})-(\\d{2})(?![\\d-])`,
    `\\b${WEEKDAY}${MONTH}\\s+(\\d{1,2})${ORDINAL}(?!\\d)${DAY_RANGE}${YEAR}`,
    `\\b${WEEKDAY}(\\d{1,2})${ORDINAL}${DAY_RANGE}\\s+${MONTH}${YEAR}`,
  ].join('|'),
  'g',
);

/** A cheap test that a line may hold a date at all, before the full pattern runs. */
const MAY_HOLD_DATE = /\d{4}-\d\d-\d\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s|\d\s*(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;

export function scanDates(line: string, excluded: readonly Range[]): LineDate[] {
  if (!MAY_HOLD_DATE.test(line)) return EMPTY;
  const dates: LineDate[] = [];
  DATE.lastIndex = 0;
  for (let match = DATE.exec(line); match; match = DATE.exec(line)) {
    const start = match.index;
    const end = start + match[0].length;
    let weekdayWord: string | undefined;
    let year: number | null;
    let month: number;
    let day: number;
    if (match[2] !== undefined) {
      [weekdayWord, year, month, day] = [match[1], Number(match[2]), Number(match[3]), Number(match[4])];
    } else if (match[6] !== undefined) {
      [weekdayWord, month, day] = [match[5], monthNumber(match[6]), Number(match[7])];
      year = match[8] ? Number(match[8]) : null;
    } else {
      [weekdayWord, day, month] = [match[9], Number(match[10]), monthNumber(match[11]!)];
      year = match[12] ? Number(match[12]) : null;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    // A date inside a URL or a file name (`cpansec-minutes-2024-01-20.md`) is not prose.
    if (overlaps(excluded, start, end) || /[\w/-]/.test(line.charAt(start - 1))) continue;
    const weekday = weekdayWord
      ? { value: WEEKDAYS.get(weekdayWord.slice(0, 3).toLowerCase())!, start, end: start + weekdayWord.length }
      : null;
    dates.push({ year, month, day, start: weekday ? start : firstDigitOrLetter(line, start), end, weekday });
  }
  return dates;
}

function monthNumber(word: string): number {
  return MONTHS.get(word.slice(0, 3).toLowerCase()) ?? 0;
}

function firstDigitOrLetter(line: string, at: number): number {
  while (at < line.length && !/[\dA-Za-z]/.test(line.charAt(at))) at++;
  return at;
}

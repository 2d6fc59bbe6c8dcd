import { DateTime } from 'luxon';

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b(,?\s*)/;
const ISO = /\b\d{4}-\d{2}-\d{2}\b/;
const MONTH_FIRST = new RegExp(`\\b${MONTH}(\\s+)(\\d{1,2})(st|nd|rd|th)?(,?\\s+)(\\d{4})\\b`, 'i');
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})(st|nd|rd|th)?(\\s+)${MONTH}(,?\\s+)(\\d{4})\\b`, 'i');
const CLOCK = /\b(\d{1,2}):(\d{2})(?::\d{2})?(\s*)([A-Z]{2,5}|[A-Za-z]+\/[A-Za-z_]+|[+-]\d{2}:?\d{2})?/;

/**
 * Writes a new date (and time) the way `example` writes one: `April 2nd 2026 16:00 UTC` stays
 * in words with an ordinal, `2026-04-02 16:00 UTC` stays ISO, a weekday stays a weekday.
 * Returns null when `example` holds no date this recognises.
 */
export function spellLike(example: string, isoDate: string, time: string | null): string | null {
  const date = DateTime.fromISO(isoDate, { zone: 'UTC' });
  if (!date.isValid) return null;
  let out: string | null = null;
  let dateEnd = 0;
  const iso = ISO.exec(example);
  const monthFirst = MONTH_FIRST.exec(example);
  const dayFirst = DAY_FIRST.exec(example);
  const first = [iso, monthFirst, dayFirst].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
  if (!first) return null;
  if (first === iso) {
    out = example.slice(0, first.index) + isoDate;
  } else if (first === monthFirst) {
    const [, month, space, day, ordinal, comma] = first;
    out = example.slice(0, first.index) + `${monthName(month!, date)}${space}${dayText(day!, ordinal, date.day)}${comma}${date.year}`;
  } else {
    const [, day, ordinal, space, month, comma] = first;
    out = example.slice(0, first.index) + `${dayText(day!, ordinal, date.day)}${space}${monthName(month!, date)}${comma}${date.year}`;
  }
  dateEnd = first.index + first[0].length;
  let rest = example.slice(dateEnd);
  out = out.replace(/(?:\b\w+,?\s*)$/, (prefix) => {
    const weekday = WEEKDAY.exec(prefix);
    return weekday && weekday.index === 0 ? weekdayName(weekday[1]!, date) + weekday[2]! : prefix;
  });
  if (time) {
    const [, hh, mm, zone] = /^(\d{1,2}):(\d{2})\s*(.*)$/.exec(time) ?? [];
    const clock = CLOCK.exec(rest);
    if (clock && hh !== undefined) {
      const hour = clock[1]!.length === 2 ? hh.padStart(2, '0') : String(Number(hh));
      const newZone = clock[4] && zone && clock[4] !== zone ? zone : (clock[4] ?? '');
      const spacing = newZone && !clock[4] ? ' ' : clock[3]!;
      rest = rest.slice(0, clock.index) + `${hour}:${mm}${newZone ? spacing + newZone : clock[3]!}` + rest.slice(clock.index + clock[0].length);
    }
  }
  return out + rest;
}

function monthName(example: string, date: DateTime): string {
  const full = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/i.test(example);
  const name = date.setLocale('en').toFormat(full ? 'LLLL' : 'LLL');
  return example === example.toUpperCase() ? name.toUpperCase() : example === example.toLowerCase() ? name.toLowerCase() : name;
}

function weekdayName(example: string, date: DateTime): string {
  return example.length <= 4 ? date.setLocale('en').toFormat('ccc') : date.setLocale('en').toFormat('cccc');
}

function dayText(example: string, ordinal: string | undefined, day: number): string {
  const digits = example.length === 2 && example.startsWith('0') ? String(day).padStart(2, '0') : String(day);
  return ordinal ? digits + ordinalSuffix(day) : digits;
}

function ordinalSuffix(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
}

import { DateTime } from 'luxon';
import type { TextDate, TextTime } from '../parse/model';

/**
 * The calendar date a written date means. A date without a year is the next occurrence on
 * or after the meeting (within a year): minutes announce what comes next.
 */
export function resolveDate(date: TextDate, meeting: DateTime | null): DateTime | null {
  if (date.year !== null) return validDate(date.year, date.month, date.day);
  if (!meeting) return null;
  const base = meeting.startOf('day');
  for (const year of [base.year, base.year + 1]) {
    const candidate = validDate(year, date.month, date.day);
    if (candidate && candidate.toISODate()! >= base.toISODate()!) return candidate;
  }
  return null;
}

/**
 * The calendar date a written date means in running text. A date without a year takes the
 * year that puts it nearest the meeting (so within six months of it, before or after): minutes
 * report what just happened as often as they announce what comes next. When a weekday is
 * written with it and fits only the other side's reading (a year before or after), that reading
 * is meant: the writer checked the weekday against a calendar. When no reading has the weekday
 * and the text speaks of something done (`past`), the reading before the meeting is meant.
 */
export function resolveNearestDate(date: TextDate, meeting: DateTime | null, options: { past?: boolean } = {}): DateTime | null {
  if (date.year !== null) return validDate(date.year, date.month, date.day);
  const [nearest, other] = yearReadings(date, meeting);
  if (!nearest) return null;
  const weekday = date.weekday?.value;
  if (weekday === undefined || nearest.weekday === weekday) return nearest;
  if (other?.weekday === weekday) return other;
  // No reading has the weekday: what the text reports as done happened before the meeting.
  if (options.past && other && meeting && other < nearest && nearest > meeting) return other;
  return nearest;
}

/** A year-less date in the years around the meeting, nearest to it first (at most two readings, within a year of it). */
function yearReadings(date: TextDate, meeting: DateTime | null): DateTime[] {
  if (!meeting) return [];
  const base = meeting.startOf('day');
  const distance = (d: DateTime) => Math.abs(d.diff(base, 'days').days);
  return [base.year - 1, base.year, base.year + 1]
    .map((year) => validDate(year, date.month, date.day))
    .filter((d): d is DateTime => d !== null && distance(d) <= 366)
    .sort((a, b) => distance(a) - distance(b))
    .slice(0, 2);
}

function validDate(year: number, month: number, day: number): DateTime | null {
  const date = DateTime.fromObject({ year, month, day }, { zone: 'UTC' });
  return date.isValid ? date : null;
}

/** The zone a written time zone denotes, as luxon takes it. */
export function luxonZone(time: TextTime): string | null {
  const zone = time.zone;
  if (!zone) return null;
  switch (zone.kind) {
    case 'utc':
      return 'UTC';
    case 'offset':
    case 'abbreviation':
      return zone.minutes === 0 ? 'UTC' : `UTC${zone.minutes > 0 ? '+' : '-'}${formatOffset(Math.abs(zone.minutes))}`;
    case 'iana':
      return zone.name;
  }
}

function formatOffset(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours}:${String(rest).padStart(2, '0')}` : String(hours);
}

/** The moment a time written on a date denotes, or null without a zone. */
export function momentOf(time: TextTime, date: DateTime): DateTime | null {
  const zone = luxonZone(time);
  if (!zone) return null;
  const moment = DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour: time.hour === 24 ? 0 : time.hour, minute: time.minute },
    { zone },
  );
  return moment.isValid ? (time.hour === 24 ? moment.plus({ days: 1 }) : moment) : null;
}

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Writes a weekday in the style of the word it replaces (full or abbreviated, letter case, trailing dot). */
export function weekdayLike(weekday: number, written: string): string {
  const full = WEEKDAY_NAMES[weekday - 1]!;
  const letters = written.replace(/[^A-Za-z]/g, '');
  let word = letters.length < 6 ? full.slice(0, 3) : full;
  if (letters === letters.toUpperCase()) word = word.toUpperCase();
  else if (letters === letters.toLowerCase()) word = word.toLowerCase();
  return word + written.slice(letters.length);
}

export function isoDay(date: DateTime): string {
  return date.toISODate()!;
}

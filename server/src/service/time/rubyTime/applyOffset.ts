import { DateTime } from 'luxon';

export interface CalendarFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * Days in a month the way time.rb's month_days looks them up: an array indexed by
 * month - 1, so month 0 reads December's 31 (Ruby's negative index) and month 13
 * reads nothing (undefined).
 */
export function rubyMonthDays(year: number, month: number): number | undefined {
  let lookup = month;
  if (month <= 0 && month > -12) lookup = 12 + month;
  if (lookup < 1 || lookup > 12) return undefined;
  return DateTime.utc(year, lookup, 1).daysInMonth ?? undefined;
}

function divmod(a: number, b: number): [number, number] {
  const q = Math.floor(a / b);
  return [q, a - q * b];
}

/**
 * time.rb's apply_offset: turns wall-clock fields at `offsetSeconds` into UTC fields
 * by hand, before Time.utc sees them. It carries at most one day across a month end
 * and resets the day to 1 (or the month's last day), which is why an impossible date
 * with an offset can come out differently from the same date without one (2024-03-32
 * 23:00 -05:00 is accepted as 1 April). Ported as written; the quirks are the point.
 */
export function applyOffset(fields: CalendarFields, offsetSeconds: number): CalendarFields {
  let { year, month: mon, day, hour, minute: min, second: sec } = fields;
  let off = offsetSeconds;
  let o: number;
  if (off < 0) {
    off = -off;
    [off, o] = divmod(off, 60);
    if (o !== 0) {
      sec += o;
      [o, sec] = divmod(sec, 60);
      off += o;
    }
    [off, o] = divmod(off, 60);
    if (o !== 0) {
      min += o;
      [o, min] = divmod(min, 60);
      off += o;
    }
    [off, o] = divmod(off, 24);
    if (o !== 0) {
      hour += o;
      [o, hour] = divmod(hour, 24);
      off += o;
    }
    if (off !== 0) {
      day += off;
      const days = rubyMonthDays(year, mon);
      if (days !== undefined && days < day) {
        mon += 1;
        if (12 < mon) {
          mon = 1;
          year += 1;
        }
        day = 1;
      }
    }
  } else if (0 < off) {
    [off, o] = divmod(off, 60);
    if (o !== 0) {
      sec -= o;
      [o, sec] = divmod(sec, 60);
      off -= o;
    }
    [off, o] = divmod(off, 60);
    if (o !== 0) {
      min -= o;
      [o, min] = divmod(min, 60);
      off -= o;
    }
    [off, o] = divmod(off, 24);
    if (o !== 0) {
      hour -= o;
      [o, hour] = divmod(hour, 24);
      off -= o;
    }
    if (off !== 0) {
      day -= off;
      if (day < 1) {
        mon -= 1;
        if (mon < 1) {
          year -= 1;
          mon = 12;
        }
        day = rubyMonthDays(year, mon) ?? 1; // Time.utc reads a nil day as 1
      }
    }
  }
  return { year, month: mon, day, hour, minute: min, second: sec };
}

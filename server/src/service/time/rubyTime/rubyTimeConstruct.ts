import { DateTime } from 'luxon';
import { RubyArgumentError, type RubyTime, type RubyTimeZone } from './rubyValue';
import type { CalendarFields } from './applyOffset';
import { zoneOffsetSecondsAt } from './zoneAbbreviation';

/** Calendar fields as handed to Ruby's Time.utc / Time.local / Time.new (not yet normalised). */
export interface WallClock extends CalendarFields {
  /** Decimal digits of the sub-second part ('' for none). */
  fraction: string;
}

export interface ConstructedTime {
  time: RubyTime;
  /** The fields did not name a real moment as written and Ruby moved on (Feb 30 → Mar 1, 24:00 → next day, a DST gap). */
  shifted: boolean;
}

const MILLIS_PER_DAY = 86_400_000;

/**
 * Ruby's argument checks for Time.utc/local/new (time.c): a day up to 31 is accepted in
 * any month and rolls over; hour 24 is allowed only as 24:00:00; second 60 rolls over.
 */
function checkRanges(w: WallClock): void {
  if (w.month < 1 || w.month > 12) throw new RubyArgumentError(`mon out of range (${w.month})`, 'month');
  if (w.day < 1 || w.day > 31) throw new RubyArgumentError(`argument out of range (day ${w.day})`, 'day');
  if (w.hour < 0 || w.hour > 24) throw new RubyArgumentError(`argument out of range (hour ${w.hour})`, 'hour');
  const lastMinute = w.hour === 24 ? 0 : 59;
  const lastSecond = w.hour === 24 ? 0 : 60;
  if (w.minute < 0 || w.minute > lastMinute) throw new RubyArgumentError(`argument out of range (min ${w.minute})`, 'minute');
  if (w.second < 0 || w.second > lastSecond) throw new RubyArgumentError(`argument out of range (sec ${w.second})`, 'second');
  if (w.hour === 24 && /[1-9]/.test(w.fraction)) throw new RubyArgumentError('argument out of range (sub-second at 24:00)', 'second');
}

/** The fields as a UTC calendar moment, with Ruby's rollover done by luxon's calendar arithmetic. */
function normalisedAsUtc(w: WallClock): DateTime {
  const base = DateTime.utc(w.year, w.month, 1);
  if (!base.isValid) throw new RubyArgumentError(`year out of supported range (${w.year})`, 'year');
  return base.plus({ days: w.day - 1, hours: w.hour, minutes: w.minute, seconds: w.second });
}

function differsFromFields(moment: DateTime, w: WallClock): boolean {
  return (
    moment.year !== w.year ||
    moment.month !== w.month ||
    moment.day !== w.day ||
    moment.hour !== w.hour ||
    moment.minute !== w.minute ||
    moment.second !== w.second
  );
}

function timeFrom(epochMillis: number, fraction: string, zone: RubyTimeZone): RubyTime {
  return { kind: 'time', epochSeconds: Math.floor(epochMillis / 1000), fraction: trimFraction(fraction), zone };
}

export function trimFraction(digits: string): string {
  return digits.replace(/0+$/, '');
}

/** Ruby's Time.utc(year, mon, day, hour, min, sec, usec). */
export function timeUtc(w: WallClock): ConstructedTime {
  checkRanges(w);
  const moment = normalisedAsUtc(w);
  return { time: timeFrom(moment.toMillis(), w.fraction, { mode: 'utc' }), shifted: differsFromFields(moment, w) };
}

/** Ruby's Time.new(year, mon, day, hour, min, sec, utc_offset): the wall time at a fixed offset. */
export function timeWithOffset(w: WallClock, offsetSeconds: number): ConstructedTime {
  if (offsetSeconds <= -86_400 || offsetSeconds >= 86_400) throw new RubyArgumentError('utc_offset out of range', 'offset');
  checkRanges(w);
  const moment = normalisedAsUtc(w);
  const epochMillis = moment.toMillis() - offsetSeconds * 1000;
  return {
    time: timeFrom(epochMillis, w.fraction, { mode: 'fixed', offsetSeconds }),
    shifted: differsFromFields(moment, w),
  };
}

/**
 * Ruby's Time.local(...) in the build zone. A wall time that occurs twice (autumn) is the
 * first occurrence; one that never occurs (spring gap) is read with the offset from before
 * the gap, so 02:30 becomes 03:30 — Ruby's choice, made explicit here rather than left to
 * luxon's guess, which depends on today's offset.
 */
export function timeLocal(w: WallClock, zone: string): ConstructedTime {
  checkRanges(w);
  const moment = normalisedAsUtc(w);
  const wallMillis = moment.toMillis();
  const { epochMillis, inGap } = resolveWallClock(wallMillis, zone);
  return {
    time: timeFrom(epochMillis, w.fraction, { mode: 'local' }),
    shifted: inGap || differsFromFields(moment, w),
  };
}

/** Ruby's Time.at(seconds, usec): an instant, shown in the build zone. */
export function timeAt(epochSeconds: number, fraction = ''): RubyTime {
  return { kind: 'time', epochSeconds, fraction: trimFraction(fraction), zone: { mode: 'local' } };
}

function resolveWallClock(wallMillis: number, zone: string): { epochMillis: number; inGap: boolean } {
  const offsets = new Set<number>();
  for (const probe of [wallMillis - MILLIS_PER_DAY, wallMillis, wallMillis + MILLIS_PER_DAY]) {
    offsets.add(zoneOffsetSecondsAt(zone, probe));
  }
  const fitting = [...offsets].filter((offset) => zoneOffsetSecondsAt(zone, wallMillis - offset * 1000) === offset);
  if (fitting.length > 0) {
    // The earliest instant carries the largest offset.
    return { epochMillis: wallMillis - Math.max(...fitting) * 1000, inGap: false };
  }
  const before = zoneOffsetSecondsAt(zone, wallMillis - MILLIS_PER_DAY);
  return { epochMillis: wallMillis - before * 1000, inGap: true };
}

import { DateTime, FixedOffsetZone } from 'luxon';
import { applyOffset } from './applyOffset';
import { dateParse, type DateParseOutcome } from '../dateParse/dateParse';
import { rubyInspectString } from './rubyInspect';
import { timeLocal, timeUtc, trimFraction, type WallClock } from './rubyTimeConstruct';
import { dateTimeOf, epochMillisOf } from './rubyTimeView';
import { RubyArgumentError, type BuildSettings, type RubyTime, type TimeField } from './rubyValue';
import { isRubyUtcZone, rubyZoneOffset, type ZoneOffsetReading } from './zoneOffset';
import { usableSettings } from '../usableSettings';
import { zoneOffsetSecondsAt } from './zoneAbbreviation';

export type ClockField = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

export interface TimeParseSuccess {
  ok: true;
  time: RubyTime;
  parse: DateParseOutcome;
  /** Leading fields that were missing and came from the build clock. */
  fromClock: ClockField[];
  /** The zone text and how Time.zone_offset read it (null reading: ignored, wall time read in the build zone). */
  zone: { text: string; reading: ZoneOffsetReading | null } | null;
  /** The fields named no real moment as written (Feb 30, 24:00, a DST gap) and Ruby moved on. */
  shifted: boolean;
}

export interface TimeParseFailure {
  ok: false;
  /** Ruby's ArgumentError message. */
  error: string;
  /** The field that was out of range, when that was the reason. */
  field?: TimeField;
  /** What Date._parse found, when it got that far. */
  parse: DateParseOutcome | null;
}

export type TimeParseOutcome = TimeParseSuccess | TimeParseFailure;

interface MakeTimeFields {
  year?: number;
  yday?: number;
  mon?: number;
  day?: number;
  hour?: number;
  min?: number;
  sec?: number;
  fraction?: string;
  zone?: string;
}

type MadeTime = Omit<TimeParseSuccess, 'ok' | 'parse'>;

/** Ruby's Time.parse(text) (time.rb): Date._parse, then make_time. Never throws. */
export function rubyTimeParse(text: string, given: BuildSettings): TimeParseOutcome {
  const settings = usableSettings(given);
  let parse: DateParseOutcome | null = null;
  try {
    parse = dateParse(text, true);
    const h = parse.hash;
    const fields: MakeTimeFields = {
      year: h.year, yday: h.yday, mon: h.mon, day: h.mday, hour: h.hour, min: h.min, sec: h.sec,
      fraction: h.sec_fraction, zone: h.zone,
    };
    if (Object.values(fields).every((v) => v === undefined)) {
      throw new RubyArgumentError(`no time information in ${rubyInspectString(text)}`);
    }
    return { ok: true, parse, ...makeTime(fields, settings) };
  } catch (error) {
    if (error instanceof RubyArgumentError) return { ok: false, error: error.message, field: error.field, parse };
    throw error;
  }
}

function makeTime(f: MakeTimeFields, settings: BuildSettings): MadeTime {
  const nowLocal = DateTime.fromJSDate(settings.now, { zone: settings.buildZone });
  const offsetYear = f.year ?? nowLocal.year;
  let reading = f.zone !== undefined ? rubyZoneOffset(f.zone, offsetYear, settings) : null;
  if (f.yday !== undefined) return makeTimeFromYearDay(f, offsetYear, settings);

  // The clock is read at the parsed offset when there is one, else in the build zone.
  const now = reading ? nowLocal.setZone(FixedOffsetZone.instance(reading.offsetSeconds / 60)) : nowLocal;
  const fromClock: ClockField[] = [];
  let { year, mon, day, hour, min, sec, fraction } = f;
  // Missing leading fields come from the clock, down to the first one that was given.
  if (year === undefined) {
    year = now.year;
    fromClock.push('year');
    if (mon === undefined) {
      mon = now.month;
      fromClock.push('month');
      if (day === undefined) {
        day = now.day;
        fromClock.push('day');
        if (hour === undefined) {
          hour = now.hour;
          fromClock.push('hour');
          if (min === undefined) {
            min = now.minute;
            fromClock.push('minute');
            if (sec === undefined) {
              sec = now.second;
              fromClock.push('second');
              fraction ??= String(now.millisecond).padStart(3, '0');
            }
          }
        }
      }
    }
  }
  const wall: WallClock = {
    year, month: mon ?? 1, day: day ?? 1, hour: hour ?? 0, minute: min ?? 0, second: sec ?? 0,
    fraction: trimFraction(fraction ?? ''),
  };
  if (wall.year !== offsetYear) reading = f.zone !== undefined ? rubyZoneOffset(f.zone, wall.year, settings) : null;
  const zone = f.zone !== undefined ? { text: f.zone, reading } : null;

  if (!reading) {
    const built = timeLocal(wall, settings.buildZone);
    return { time: built.time, fromClock, zone, shifted: built.shifted };
  }
  const utcFields = applyOffset(wall, reading.offsetSeconds);
  const built = timeUtc({ ...utcFields, fraction: wall.fraction });
  const time = forceZone(built.time, f.zone!, reading.offsetSeconds, settings);
  return { time, fromClock, zone, shifted: wallDiffers(time, wall, reading.offsetSeconds) };
}

/**
 * time.rb's force_zone!: "UTC"/"Z"/"UT"/"-00:00" make a UTC Time; any other offset is
 * shown in the build zone when that zone has this offset at that instant (so %Z gives
 * its abbreviation), and otherwise as a bare fixed offset whose %Z is empty.
 */
function forceZone(time: RubyTime, zone: string, offsetSeconds: number, settings: BuildSettings): RubyTime {
  if (isRubyUtcZone(zone)) return { ...time, zone: { mode: 'utc' } };
  if (zoneOffsetSecondsAt(settings.buildZone, epochMillisOf(time)) === offsetSeconds) {
    return { ...time, zone: { mode: 'local' } };
  }
  return { ...time, zone: { mode: 'fixed', offsetSeconds } };
}

function wallDiffers(time: RubyTime, wall: WallClock, offsetSeconds: number): boolean {
  const seen = DateTime.fromMillis(time.epochSeconds * 1000, { zone: FixedOffsetZone.instance(offsetSeconds / 60) });
  return (
    seen.year !== wall.year || seen.month !== wall.month || seen.day !== wall.day ||
    seen.hour !== wall.hour || seen.minute !== wall.minute || seen.second !== wall.second
  );
}

/** make_time's year-day branch: guess month/day as yday/31, then correct by the difference. */
function makeTimeFromYearDay(f: MakeTimeFields, offsetYear: number, settings: BuildSettings): MadeTime {
  const yday = f.yday!;
  if (yday < 1 || yday > 366) throw new RubyArgumentError(`yday ${yday} out of range`);
  let mon = Math.floor((yday - 1) / 31) + 1;
  let day = ((yday - 1) % 31) + 1;
  const first = makeTime({ ...f, yday: undefined, mon, day }, settings);
  const diff = yday - dateTimeOf(first.time, settings).ordinal;
  if (diff === 0) return first;
  day += diff;
  const monthDays = DateTime.utc(offsetYear, mon, 1).daysInMonth ?? 31;
  if (day > 28 && day > monthDays) {
    mon += 1;
    if (mon > 12) throw new RubyArgumentError(`yday ${yday} out of range`);
    day -= monthDays;
  }
  return makeTime({ ...f, yday: undefined, mon, day }, settings);
}

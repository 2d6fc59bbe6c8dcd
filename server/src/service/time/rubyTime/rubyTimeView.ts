import { DateTime, FixedOffsetZone } from 'luxon';
import type { BuildSettings, RubyDate, RubyTime } from './rubyValue';
import { timeLocal } from './rubyTimeConstruct';
import { zoneAbbreviation, zoneOffsetSecondsAt } from './zoneAbbreviation';

/** Milliseconds since the epoch (the sub-millisecond digits are dropped). */
export function epochMillisOf(time: RubyTime): number {
  return time.epochSeconds * 1000 + Number((time.fraction + '000').slice(0, 3));
}

/** The instant as a luxon DateTime in the zone Ruby shows it in. */
export function dateTimeOf(time: RubyTime, settings: BuildSettings): DateTime {
  const millis = epochMillisOf(time);
  switch (time.zone.mode) {
    case 'utc':
      return DateTime.fromMillis(millis, { zone: 'UTC' });
    case 'local':
      return DateTime.fromMillis(millis, { zone: settings.buildZone });
    case 'fixed':
      return DateTime.fromMillis(millis, { zone: FixedOffsetZone.instance(time.zone.offsetSeconds / 60) });
  }
}

/** `Time#utc_offset` in seconds. */
export function utcOffsetSecondsOf(time: RubyTime, settings: BuildSettings): number {
  switch (time.zone.mode) {
    case 'utc':
      return 0;
    case 'local':
      return zoneOffsetSecondsAt(settings.buildZone, epochMillisOf(time));
    case 'fixed':
      return time.zone.offsetSeconds;
  }
}

/** `Time#zone` as strftime's `%Z` prints it: "UTC", the build zone's abbreviation, or nothing for a bare offset. */
export function zoneNameOf(time: RubyTime, settings: BuildSettings): string {
  switch (time.zone.mode) {
    case 'utc':
      return 'UTC';
    case 'local':
      return zoneAbbreviation(settings.buildZone, epochMillisOf(time));
    case 'fixed':
      return '';
  }
}

/** `Time#localtime`: the same instant shown in the build zone (what Jekyll's date filters do). */
export function localtime(time: RubyTime): RubyTime {
  return { kind: 'time', epochSeconds: time.epochSeconds, fraction: time.fraction, zone: { mode: 'local' } };
}

/** `Date#to_time`: local midnight of that day in the build zone. */
export function dateToTime(date: RubyDate, settings: BuildSettings): RubyTime {
  const wall = { year: date.year, month: date.month, day: date.day, hour: 0, minute: 0, second: 0, fraction: '' };
  return timeLocal(wall, settings.buildZone).time;
}

/** `+0100` (or `+01:00` with a colon), as strftime's `%z` / `%:z` print an offset. */
export function formatOffset(offsetSeconds: number, colon = false): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const total = Math.abs(offsetSeconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  return `${sign}${String(hours).padStart(2, '0')}${colon ? ':' : ''}${String(minutes).padStart(2, '0')}`;
}

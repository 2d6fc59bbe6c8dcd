import type { BuildSettings } from './rubyValue';
import { timeLocal } from './rubyTimeConstruct';
import { epochMillisOf } from './rubyTimeView';
import { zoneAbbreviation, zoneOffsetSecondsAt } from './zoneAbbreviation';

/**
 * The only names Ruby's Time.zone_offset knows (time.rb ZoneOffset): UTC, the RFC 822
 * North American zones and the military letters. Everything else (CET, BST, IST...)
 * is unknown to it unless the build zone happens to use that abbreviation.
 */
const TIME_ZONE_HOURS: Record<string, number> = {
  UTC: 0, Z: 0, UT: 0, GMT: 0,
  EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7,
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, I: 9, K: 10, L: 11, M: 12,
  N: -1, O: -2, P: -3, Q: -4, R: -5, S: -6, T: -7, U: -8, V: -9, W: -10, X: -11, Y: -12,
};

export type ZoneOffsetSource = 'numeric' | 'known-name' | 'build-zone-abbreviation';

export interface ZoneOffsetReading {
  offsetSeconds: number;
  source: ZoneOffsetSource;
}

/**
 * Ruby's Time.zone_offset(zone, year): a numeric offset, a name from its small table, or
 * — the surprising part — any name equal to the build zone's own abbreviation on
 * 1 January or 1 July of that year (so "CET" works only when the site is built in a CET zone).
 */
export function rubyZoneOffset(zone: string, year: number, settings: BuildSettings): ZoneOffsetReading | null {
  const name = zone.toUpperCase();
  const full = /^([+-])(\d\d)(:?)(\d\d)(?:\3(\d\d))?$/.exec(name);
  if (full) {
    const seconds = (Number(full[2]) * 60 + Number(full[4])) * 60 + Number(full[5] ?? 0);
    return { offsetSeconds: (full[1] === '-' ? -1 : 1) * seconds, source: 'numeric' };
  }
  if (/^[+-]\d\d$/.test(name)) return { offsetSeconds: Number.parseInt(name, 10) * 3600, source: 'numeric' };
  const hours = TIME_ZONE_HOURS[name];
  if (hours !== undefined) return { offsetSeconds: hours * 3600, source: 'known-name' };
  for (const month of [1, 7]) {
    const local = localMidnight(year, month, settings);
    if (local !== null && zoneAbbreviation(settings.buildZone, local).toUpperCase() === name) {
      return { offsetSeconds: zoneOffsetSecondsAt(settings.buildZone, local), source: 'build-zone-abbreviation' };
    }
  }
  return null;
}

function localMidnight(year: number, month: number, settings: BuildSettings): number | null {
  try {
    const wall = { year, month, day: 1, hour: 0, minute: 0, second: 0, fraction: '' };
    return epochMillisOf(timeLocal(wall, settings.buildZone).time);
  } catch {
    return null;
  }
}

/** Ruby's zone_utc?: the zones Time.parse turns into a UTC Time (GMT and +00:00 are not among them). */
export function isRubyUtcZone(zone: string): boolean {
  return /^(?:-00:00|-0000|-00|UTC|Z|UT)$/i.test(zone);
}

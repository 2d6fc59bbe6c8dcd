import type { BuildSettings } from './rubyTime/rubyValue';
import { isKnownZone } from './rubyTime/zoneAbbreviation';

/**
 * Settings safe to compute with. A zone name the tz data does not know makes Ruby (via
 * the C library) fall back to UTC, and so do we; an invalid clock reads as the epoch
 * rather than poisoning every date with NaN.
 */
export function usableSettings(settings: BuildSettings): BuildSettings {
  const buildZone = isKnownZone(settings.buildZone) ? settings.buildZone : 'UTC';
  const now = Number.isNaN(settings.now.getTime()) ? new Date(0) : settings.now;
  if (buildZone === settings.buildZone && now === settings.now) return settings;
  return { buildZone, now };
}

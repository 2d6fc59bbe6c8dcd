import { DateTime } from 'luxon';

/**
 * English locales tried in turn for a zone's abbreviation. Ruby prints the tz database's
 * abbreviation (CET, EDT, BST...); JavaScript only exposes CLDR's names, and each locale
 * knows a few regions' letters (en-US: EST/PST, en-GB: CET/BST/WET, en-IE: IST...).
 */
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-IE', 'en-AU', 'en-IN', 'en-CA'];

/**
 * What Ruby's `Time#zone` (and strftime `%Z`) gives for a local time in `zone` at this
 * instant. Where no locale has letters for it, the tz database itself uses the numeric
 * form (`+03`, `-0330`), so that is the fallback.
 */
export function zoneAbbreviation(zone: string, epochMillis: number): string {
  const instant = DateTime.fromMillis(epochMillis, { zone });
  if (!instant.isValid) return '';
  if (instant.zone.isUniversal && instant.offset === 0 && /^(?:utc|etc\/utc|z)$/i.test(zone)) return 'UTC';
  for (const locale of ABBREVIATION_LOCALES) {
    const name = instant.setLocale(locale).offsetNameShort;
    if (name && /^[A-Za-z]+$/.test(name)) return name;
  }
  return numericAbbreviation(instant.offset);
}

/** The tz database's numeric abbreviation: `+03`, `-0330`. */
function numericAbbreviation(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(offsetMinutes) / 60);
  const minutes = Math.abs(offsetMinutes) % 60;
  return `${sign}${pad2(hours)}${minutes ? pad2(minutes) : ''}`;
}

/** The zone's UTC offset in seconds at this instant. */
export function zoneOffsetSecondsAt(zone: string, epochMillis: number): number {
  return DateTime.fromMillis(epochMillis, { zone }).offset * 60;
}

/** True when luxon (and so the platform's tz data) knows this zone name. */
export function isKnownZone(zone: string): boolean {
  return DateTime.fromMillis(0, { zone }).isValid;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

import type { DateTime } from 'luxon';

const GENERIC = /^(?:GMT|UTC)[+-]/;

/**
 * The abbreviation people know a zone by at a moment (CET/CEST, BST, EST/EDT), as tz
 * databases spell it. Intl gives American abbreviations in en-US and European ones in
 * en-GB; where neither has one, the offset is written as `UTC+9`.
 */
export function zoneAbbreviation(moment: DateTime): string {
  if (moment.zoneName === 'UTC' || moment.zoneName === 'Etc/UTC') return 'UTC';
  for (const locale of ['en-US', 'en-GB']) {
    const name = moment.setLocale(locale).offsetNameShort;
    if (name && !GENERIC.test(name)) return name;
  }
  return `UTC${moment.offset === 0 ? '' : moment.toFormat('ZZ').replace(/:00$/, '').replace(/^([+-])0/, '$1')}`;
}

import { IANAZone } from 'luxon';

/**
 * Zone abbreviations people write in minutes, with their fixed offset (minutes east of UTC)
 * and a region where they are in use, so a checker can tell whether the abbreviation was in
 * effect on a date (writing CEST for a November meeting is a common slip).
 * Ambiguous abbreviations (IST, CST in Asia, …) are deliberately absent.
 */
export const ZONE_ABBREVIATIONS: ReadonlyMap<string, { minutes: number; region: string }> = new Map([
  ['WET', { minutes: 0, region: 'Europe/Lisbon' }],
  ['WEST', { minutes: 60, region: 'Europe/Lisbon' }],
  ['BST', { minutes: 60, region: 'Europe/London' }],
  ['CET', { minutes: 60, region: 'Europe/Paris' }],
  ['CEST', { minutes: 120, region: 'Europe/Paris' }],
  ['EET', { minutes: 120, region: 'Europe/Helsinki' }],
  ['EEST', { minutes: 180, region: 'Europe/Helsinki' }],
  ['MSK', { minutes: 180, region: 'Europe/Moscow' }],
  ['EST', { minutes: -300, region: 'America/New_York' }],
  ['EDT', { minutes: -240, region: 'America/New_York' }],
  ['CST', { minutes: -360, region: 'America/Chicago' }],
  ['CDT', { minutes: -300, region: 'America/Chicago' }],
  ['MST', { minutes: -420, region: 'America/Denver' }],
  ['MDT', { minutes: -360, region: 'America/Denver' }],
  ['PST', { minutes: -480, region: 'America/Los_Angeles' }],
  ['PDT', { minutes: -420, region: 'America/Los_Angeles' }],
  ['JST', { minutes: 540, region: 'Asia/Tokyo' }],
  ['AEST', { minutes: 600, region: 'Australia/Sydney' }],
  ['AEDT', { minutes: 660, region: 'Australia/Sydney' }],
  ['NZST', { minutes: 720, region: 'Pacific/Auckland' }],
  ['NZDT', { minutes: 780, region: 'Pacific/Auckland' }],
]);

const validIana = new Map<string, boolean>();
/** Zone-like words come from whatever users type; the memo is cleared rather than let grow. */
const VALID_IANA_MEMO_LIMIT = 2_000;

/** Whether `name` is an IANA zone luxon knows (memoised: luxon's check builds a formatter). */
export function isIanaZone(name: string): boolean {
  let known = validIana.get(name);
  if (known === undefined) {
    known = name.includes('/') && IANAZone.isValidZone(name);
    if (validIana.size >= VALID_IANA_MEMO_LIMIT) validIana.clear();
    validIana.set(name, known);
  }
  return known;
}

let zonesByCity: ReadonlyMap<string, string> | null = null;

/**
 * The IANA zone a city name denotes as people write it (`Amsterdam`, `New York`): the last part
 * of a zone name the runtime knows (America/New_York → "New York"). Only Area/City zones:
 * deeper ones name counties and small towns (America/North_Dakota/Center, America/Indiana/Knox),
 * and Antarctic and Arctic ones name research stations after people (Antarctica/Davis).
 */
export function zoneOfCity(name: string): string | null {
  zonesByCity ??= readZonesByCity();
  return zonesByCity.get(name) ?? null;
}

function readZonesByCity(): ReadonlyMap<string, string> {
  const byCity = new Map<string, string | null>();
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  for (const zone of supported) {
    const parts = zone.split('/');
    // The runtime's own list: every name in it is a zone it can convert (asking luxon for each
    // of the ~420 built a formatter apiece, about 40 ms of every CLI run).
    if (parts.length !== 2 || parts[0] === 'Antarctica' || parts[0] === 'Arctic' || parts[0] === 'Etc') continue;
    const city = parts[1]!.replace(/_/g, ' ');
    // A name two zones share says nothing about which one is meant.
    byCity.set(city, byCity.has(city) ? null : zone);
  }
  return new Map([...byCity].filter((entry): entry is [string, string] => entry[1] !== null));
}

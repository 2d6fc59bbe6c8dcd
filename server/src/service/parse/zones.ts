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

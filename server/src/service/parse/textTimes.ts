import { overlaps, type Range } from './inlineSpans';
import type { LineTime, LineZone } from './lineTokens';
import { isIanaZone, ZONE_ABBREVIATIONS, zoneOfCity } from './zones';

/**
 * Times as people write them in minutes: `16:30 UTC`, `@ 17:00UTC`, `(18:00 Europe/Amsterdam)`,
 * `17:00 CET`, `5pm UTC`, `4:00 PM`, `1700 UTC` (four digits only when a zone follows),
 * `(18:00 Amsterdam)`, `18:00 in Oslo`, `12:00 New York time` (a city that names an IANA zone).
 */
const TIME =
  /(?<![\d:.])(?:(\d{1,2}):(\d{2})(?::\d{2})?(?:\s?([AaPp])\.?[Mm]\.?\b)?|(\d{1,2})\s?([AaPp])\.?[Mm]\.?\b|(\d{2})(\d{2})(?=\s?(?:UTC|GMT)\b))(?![\d:])/g;
/** What may follow a time as its zone. */
const ZONE =
  /\s?(?:(UTC|GMT)(?:\s?([+-])(\d{1,2})(?::?(\d{2}))?)?(?![A-Za-z])|(Z)(?![A-Za-z\d])|([A-Z]{2,5})(?![A-Za-z])|([+-])(\d{2}):?(\d{2})(?!\d)|\(?([A-Z][A-Za-z_]+(?:\/[A-Za-z_][A-Za-z_+-]*){1,2})\)?)/y;

export function scanTimes(line: string, excluded: readonly Range[]): LineTime[] {
  const times: LineTime[] = [];
  TIME.lastIndex = 0;
  for (let match = TIME.exec(line); match; match = TIME.exec(line)) {
    const start = match.index;
    const timeEnd = start + match[0].length;
    if (overlaps(excluded, start, timeEnd)) continue;
    let hour: number;
    let minute: number;
    if (match[1] !== undefined) {
      hour = Number(match[1]);
      minute = Number(match[2]);
      if (match[3]) hour = twelveHour(hour, match[3]);
    } else if (match[4] !== undefined) {
      hour = twelveHour(Number(match[4]), match[5]!);
      minute = 0;
    } else {
      hour = Number(match[6]);
      minute = Number(match[7]);
    }
    if (hour > 24 || minute > 59 || (hour === 24 && minute > 0) || Number.isNaN(hour)) continue;
    const zone = readZone(line, timeEnd);
    if (match[6] !== undefined && !zone) continue;
    const end = zone ? zone.end : timeEnd;
    times.push({ hour, minute, start, end, timeEnd, zone, parenthesized: isParenthesized(line, start, end) });
    TIME.lastIndex = end;
  }
  return times;
}

function twelveHour(hour: number, meridiem: string): number {
  const pm = meridiem === 'p' || meridiem === 'P';
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

function readZone(line: string, at: number): LineZone | null {
  ZONE.lastIndex = at;
  const match = ZONE.exec(line);
  if (!match) return readCity(line, at);
  const textStart = at + (match[0].length - match[0].trimStart().length);
  const end = at + match[0].length;
  if (match[1]) {
    const text = line.slice(textStart, end);
    if (!match[2]) return { kind: 'utc', text, start: textStart, end };
    const minutes = (match[2] === '-' ? -1 : 1) * (Number(match[3]) * 60 + Number(match[4] ?? 0));
    return { kind: 'offset', text, start: textStart, end, minutes };
  }
  if (match[5]) return { kind: 'utc', text: 'Z', start: textStart, end };
  if (match[6]) {
    const known = ZONE_ABBREVIATIONS.get(match[6]);
    if (!known) return null;
    return { kind: 'abbreviation', text: match[6], start: textStart, end, ...known };
  }
  if (match[7]) {
    const minutes = (match[7] === '-' ? -1 : 1) * (Number(match[8]) * 60 + Number(match[9]));
    return { kind: 'offset', text: line.slice(textStart, end), start: textStart, end, minutes };
  }
  const name = match[10]!;
  if (!isIanaZone(name)) return null;
  const nameStart = line.indexOf(name, textStart);
  return { kind: 'iana', text: name, start: nameStart, end: nameStart + name.length, name };
}

/** Up to four words after a time (`18:00 Amsterdam`, `18:00 in Oslo`) that may name a city. */
const CITY_WORDS = /[ \t]+(?:in[ \t]+)?([A-Z][A-Za-z'-]*(?: [A-Za-z][A-Za-z'-]*){0,3})/y;
/**
 * What follows a city that is a time's zone: the word "time", the end of the line, punctuation,
 * a parenthesis, a dash, or "or"/"and" before the next restatement. "18:00 Christmas dinner" is no zone.
 */
const AFTER_CITY = /[ \t]+time\b|[ \t]*(?:\r?$|[),;.:/=\]|(]|[-–—](?:\s|$))|[ \t]+(?:or|and)\b/y;

function readCity(line: string, at: number): LineZone | null {
  CITY_WORDS.lastIndex = at;
  const match = CITY_WORDS.exec(line);
  if (!match) return null;
  const words = match[1]!.split(' ');
  const start = at + match[0].length - match[1]!.length;
  // The longest run of words that names a city: "New York", not "New".
  for (let count = words.length; count > 0; count--) {
    const city = words.slice(0, count).join(' ');
    const name = zoneOfCity(city);
    if (!name) continue;
    const end = start + city.length;
    AFTER_CITY.lastIndex = end;
    if (!AFTER_CITY.test(line)) return null;
    return { kind: 'iana', text: city, start, end, name };
  }
  return null;
}

function isParenthesized(line: string, start: number, end: number): boolean {
  const before = line.lastIndexOf('(', start);
  if (before < 0) return false;
  const closing = line.indexOf(')', before);
  return closing >= end - 1 && line.slice(before + 1, start).trim() === '';
}

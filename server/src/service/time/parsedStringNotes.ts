import { DateTime } from 'luxon';
import type { DateParseOutcome } from './dateParse/dateParse';
import type { BuildSettings } from './rubyTime/rubyValue';
import type { Span } from './span';
import type { TimeNote } from './timeNote';
import type { TimeParseSuccess } from './rubyTime/timeParse';
import { dateTimeOf, formatOffset } from './rubyTime/rubyTimeView';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Words whose loss changes nothing: connectors, the ISO "T", lone separators. */
const BENIGN_WORD = /^(?:at|on|the|of|and|t|@|[-+',./:@[\]]+)$/i;

/** The spans of what Date._parse recognised, with trailing punctuation trimmed ("Wednesday," → "Wednesday"). */
export function recognisedParts(text: string, parse: DateParseOutcome): DateParseOutcome['parts'] {
  const parts: DateParseOutcome['parts'] = {};
  for (const key of ['date', 'time', 'zone', 'weekday'] as const) {
    const span = parse.parts[key];
    if (span) parts[key] = trimSpan(text, span);
  }
  return parts;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (end > start && /[\s,.;:]/.test(text[end - 1]!)) end--;
  while (start < end && /\s/.test(text[start]!)) start++;
  return { start, end };
}

/** A zone name followed by "/City" (IANA style): Ruby read only the first word; report the whole name. */
function zoneSpanWithCity(text: string, zone: Span): Span {
  const city = /^(?:\/[\p{L}_+-]+)+/u.exec(text.slice(zone.end));
  return city ? { start: zone.start, end: zone.end + city[0].length } : zone;
}

/** Notes shared by successful and failed parses: the weekday and the words nothing recognised. */
export function wordNotes(text: string, parse: DateParseOutcome, skip: Span[] = []): TimeNote[] {
  const notes: TimeNote[] = [];
  const weekday = parse.parts.weekday && trimSpan(text, parse.parts.weekday);
  if (weekday && parse.hash.wday !== undefined) {
    const word = text.slice(weekday.start, weekday.end);
    notes.push({
      kind: 'weekday',
      message: `The weekday "${word}" (${WEEKDAYS[parse.hash.wday]}) is ignored by Ruby; only the date counts.`,
      span: weekday,
      text: word,
      weekday: parse.hash.wday,
    });
  }
  for (const span of parse.leftovers) {
    if (skip.some((s) => s.start <= span.start && span.end <= s.end)) continue;
    const word = text.slice(span.start, span.end);
    const benign = BENIGN_WORD.test(word);
    const dottedTime = /^\d{1,2}\.\d{2}$/.test(word) ? ` (a time needs a colon: ${word.replace('.', ':')})` : '';
    notes.push({
      kind: 'ignored-text',
      message: benign ? `"${word}" is skipped.` : `"${word}" is not understood and silently ignored${dottedTime}.`,
      span,
      text: word,
      benign,
    });
  }
  return notes;
}

/** What Time.parse silently did with a string it accepted. */
export function parsedStringNotes(text: string, parsed: TimeParseSuccess, settings: BuildSettings): TimeNote[] {
  const { parse } = parsed;
  const parts = recognisedParts(text, parse);
  const notes: TimeNote[] = [];
  const skip: Span[] = [];
  const zone = parsed.zone;
  if (zone && parts.zone) {
    if (!zone.reading) {
      const span = zoneSpanWithCity(text, parts.zone);
      skip.push(span);
      const written = text.slice(span.start, span.end);
      const known = parse.hash.offset;
      notes.push({
        kind: 'ignored-zone',
        message:
          `Ruby's Time.parse does not know the zone "${written}"` +
          (typeof known === 'number' ? ` (${formatOffset(known, true)})` : '') +
          `: the time is read in the build zone (${settings.buildZone}).`,
        span,
        text: written,
        ...(typeof known === 'number' ? { offsetSeconds: known } : {}),
      });
    } else if (zone.reading.source === 'build-zone-abbreviation') {
      notes.push({
        kind: 'zone-from-build-zone',
        message: `"${text.slice(parts.zone.start, parts.zone.end)}" is understood only because the build zone (${settings.buildZone}) uses that abbreviation; a build in another zone (GitHub Pages: UTC) ignores it.`,
        span: parts.zone,
        text: text.slice(parts.zone.start, parts.zone.end),
        offsetSeconds: zone.reading.offsetSeconds,
      });
    }
  }
  const hasClock = parse.hash.hour !== undefined || parse.hash.min !== undefined || parse.hash.sec !== undefined;
  if (!zone && hasClock) {
    notes.push({
      kind: 'no-zone',
      message: `No time zone: the time is read in the build zone (${settings.buildZone}), so the page depends on where it is built.`,
      ...(parts.time ? { span: parts.time } : {}),
    });
  }
  if (parsed.time.zone.mode === 'fixed') {
    notes.push({
      kind: 'fixed-offset',
      message: `The time keeps the bare offset ${formatOffset(parsed.time.zone.offsetSeconds, true)}, which is not the build zone's: %Z renders as nothing.`,
      ...(parts.zone ? { span: parts.zone } : {}),
      offsetSeconds: parsed.time.zone.offsetSeconds,
    });
  }
  notes.push(...clockNotes(parsed, settings, parts));
  if (!hasClock) {
    notes.push({ kind: 'date-only', message: 'No time of day: it is midnight.', ...(parts.date ? { span: parts.date } : {}) });
  }
  if (parsed.shifted) notes.push(rolloverNote(parsed, settings, parts));
  const shift = buildZoneShift(parsed, settings);
  if (shift) notes.push(shift);
  notes.push(...wordNotes(text, parse, skip));
  return notes;
}

function clockNotes(parsed: TimeParseSuccess, settings: BuildSettings, parts: DateParseOutcome['parts']): TimeNote[] {
  const notes: TimeNote[] = [];
  const moment = dateTimeOf(parsed.time, settings);
  if (parsed.fromClock.includes('day')) {
    notes.push({
      kind: 'date-from-clock',
      message: `No date: it is taken from the build clock (${moment.toFormat('yyyy-MM-dd')} when built now), so the page changes with the day it is built.`,
      ...(parts.time ? { span: parts.time } : {}),
    });
  } else if (parsed.fromClock.includes('year')) {
    notes.push({
      kind: 'year-from-clock',
      message: `No year: it is taken from the build clock (${moment.year} when built now).`,
      ...(parts.date ? { span: parts.date } : {}),
    });
  }
  const completed = parsed.parse.completedYear;
  if (completed) {
    notes.push({
      kind: 'two-digit-year',
      message: `The two-digit year ${String(completed.written).padStart(2, '0')} is read as ${completed.read}.`,
      ...(parts.date ? { span: parts.date } : {}),
    });
  }
  return notes;
}

/** Which part moved: a day past the month's end, 24:00 or second 60, or a wall time the build zone skips. */
function rolloverNote(parsed: TimeParseSuccess, settings: BuildSettings, parts: DateParseOutcome['parts']): TimeNote {
  const h = parsed.parse.hash;
  const shown = dateTimeOf(parsed.time, settings).toFormat('yyyy-MM-dd HH:mm');
  const monthDays = h.year !== undefined && h.mon !== undefined && h.mon >= 1 && h.mon <= 12
    ? DateTime.utc(h.year, h.mon, 1).daysInMonth ?? 31
    : 31;
  if (h.mday !== undefined && h.mday > monthDays) {
    return {
      kind: 'rollover',
      message: `Day ${h.mday} does not exist in that month; Ruby rolls it over to ${shown}.`,
      ...(parts.date ? { span: parts.date } : {}),
    };
  }
  const span = parts.time ?? parts.date;
  const message = h.hour === 24 || h.sec === 60
    ? `${h.hour === 24 ? '24:00' : 'Second 60'} is read as the next ${h.hour === 24 ? 'day' : 'minute'}: ${shown}.`
    : `This wall time does not exist in the build zone (a daylight-saving change); Ruby moves it to ${shown}.`;
  return { kind: 'rollover', message, ...(span ? { span } : {}) };
}

/** Jekyll's date_to_* filters show the build zone's date, which can differ from the date written. */
function buildZoneShift(parsed: TimeParseSuccess, settings: BuildSettings): TimeNote | null {
  const own = dateTimeOf(parsed.time, settings);
  const local = own.setZone(settings.buildZone);
  if (own.toISODate() === local.toISODate()) return null;
  return {
    kind: 'build-zone-shift',
    message: `Jekyll's date filters show this in the build zone (${settings.buildZone}), where it is ${local.toFormat('yyyy-MM-dd HH:mm')}: date_to_string prints ${local.toFormat('dd LLL yyyy')}.`,
  };
}

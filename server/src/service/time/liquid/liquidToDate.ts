import { DateTime } from 'luxon';
import { timeAt } from '../rubyTime/rubyTimeConstruct';
import type { BuildSettings, RubyDate, RubyTime, RubyValue } from '../rubyTime/rubyValue';
import { rubyTimeParse, type TimeParseFailure, type TimeParseSuccess } from '../rubyTime/timeParse';

export type ToDateOutcome =
  | { ok: true; value: RubyTime | RubyDate; how: 'as-is' | 'now' | 'epoch' }
  | { ok: true; value: RubyTime; how: 'parsed'; parsed: TimeParseSuccess }
  /** `empty`: nil or ''; `not-a-date`: a Float, boolean or symbol; `unparseable`: Time.parse raised. */
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'not-a-date' }
  | { ok: false; reason: 'unparseable'; failure: TimeParseFailure };

/** The build clock as Ruby's Time.now in the build zone. */
export function buildClockTime(settings: BuildSettings): RubyTime {
  const millis = settings.now.getTime();
  return timeAt(Math.floor(millis / 1000), String(((millis % 1000) + 1000) % 1000).padStart(3, '0'));
}

/**
 * Liquid::Utils.to_date (Liquid 4), which both Liquid's `date` filter and Jekyll's date
 * filters call: dates and times pass through; strings are downcased, then "now"/"today"
 * mean the build clock, all digits mean epoch seconds, and anything else goes to
 * Time.parse, whose ArgumentError means "not a date" (nil).
 */
export function liquidToDate(value: RubyValue, settings: BuildSettings): ToDateOutcome {
  switch (value.kind) {
    case 'time':
    case 'date':
      return { ok: true, value, how: 'as-is' };
    case 'integer':
      return epochTime(value.value, String(value.value));
    case 'nil':
      return { ok: false, reason: 'empty' };
    case 'float':
    case 'boolean':
    case 'symbol':
      return { ok: false, reason: 'not-a-date' };
    case 'string':
      return stringToDate(value.text, settings);
  }
}

/**
 * Time.at(seconds). Ruby has no upper bound; luxon stops at ±8.64e15 ms, so beyond that
 * (hundreds of millennia away) the value is reported as unreadable rather than printed as garbage.
 */
function epochTime(seconds: number, written: string): ToDateOutcome {
  if (!DateTime.fromMillis(seconds * 1000).isValid) {
    return { ok: false, reason: 'unparseable', failure: { ok: false, error: `time out of supported range (${written})`, parse: null } };
  }
  return { ok: true, value: timeAt(seconds), how: 'epoch' };
}

function stringToDate(text: string, settings: BuildSettings): ToDateOutcome {
  if (text === '') return { ok: false, reason: 'empty' };
  const lower = text.toLowerCase();
  if (lower === 'now' || lower === 'today') return { ok: true, value: buildClockTime(settings), how: 'now' };
  if (/^\d+$/.test(lower)) return epochTime(Number(lower), lower);
  // Case does not change what Date._parse recognises, so when downcasing would move
  // characters (a few non-ASCII letters) the original keeps the spans aligned.
  const parsed = rubyTimeParse(lower.length === text.length ? lower : text, settings);
  if (!parsed.ok) return { ok: false, reason: 'unparseable', failure: parsed };
  return { ok: true, value: parsed.time, how: 'parsed', parsed };
}

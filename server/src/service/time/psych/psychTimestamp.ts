import { timeAt, timeUtc, timeWithOffset, type WallClock } from '../rubyTime/rubyTimeConstruct';
import { RubyArgumentError, type RubyTime } from '../rubyTime/rubyValue';

/** Psych's YAML 1.1 timestamp: a full date and a time with seconds (a fraction and a zone optional). */
export const PSYCH_TIMESTAMP =
  /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|[ \t\n\v\f\r]+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:[ \t\n\v\f\r]*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/m;

export interface PsychTimestamp {
  time: RubyTime;
  /** No zone was written, so Psych read the wall time as UTC (then shows it in the build zone). */
  readAsUtc: boolean;
  /** The fields named no real moment (Feb 30, 24:00:00) and Ruby rolled over. */
  shifted: boolean;
}

/**
 * Psych's parse_time for a plain scalar matching PSYCH_TIMESTAMP: `Z` gives a UTC Time,
 * no zone gives the same instant read as UTC but shown in the build zone (Time.at),
 * and an offset gives a Time fixed at that offset. Throws RubyArgumentError where Ruby
 * does (month 13, hour 25...), and Psych then keeps the text as a String.
 */
export function psychParseTimestamp(text: string): PsychTimestamp {
  const [datePart, timePart = ''] = splitOnce(text, /[ tT]/);
  const date = /^(-?\d{4})-(\d{1,2})-(\d{1,2})/.exec(datePart)!;
  const clock = /(\d+:\d+:\d+)(?:\.(\d*))?\s*(Z|[-+]\d+(:\d\d)?)?/.exec(timePart);
  if (!clock) throw new RubyArgumentError(`not a timestamp: ${text}`);
  const [hour, minute, second] = clock[1]!.split(':').map((n) => Number.parseInt(n, 10)) as [number, number, number];
  const wall: WallClock = {
    year: Number.parseInt(date[1]!, 10),
    month: Number.parseInt(date[2]!, 10),
    day: Number.parseInt(date[3]!, 10),
    hour,
    minute,
    second,
    fraction: clock[2] ?? '',
  };
  const utc = timeUtc(wall);
  const zone = clock[3];
  if (zone === 'Z') return { time: utc.time, readAsUtc: false, shifted: utc.shifted };
  if (zone === undefined) {
    return { time: timeAt(utc.time.epochSeconds, utc.time.fraction), readAsUtc: true, shifted: utc.shifted };
  }
  const offset = /^([+-]?\d{1,2}):?(\d{1,2})?$/.exec(zone)!;
  const hours = Number.parseInt(offset[1]!, 10);
  const minutes = offset[2] ? Number.parseInt(offset[2], 10) : 0;
  let offsetSeconds = hours * 3600;
  // Psych subtracts the minutes only when the hour part is negative: "-00:30" reads as +00:30.
  offsetSeconds += offsetSeconds < 0 ? -minutes * 60 : minutes * 60;
  const fixed = timeWithOffset(wall, offsetSeconds);
  return { time: fixed.time, readAsUtc: false, shifted: fixed.shifted };
}

function splitOnce(text: string, separator: RegExp): [string, string?] {
  const match = separator.exec(text);
  if (!match) return [text];
  return [text.slice(0, match.index), text.slice(match.index + match[0].length)];
}

/**
 * The hash Ruby's Date._parse returns (keys as Ruby names them). Only what Time.parse
 * reads matters for the result (year, yday, mon, mday, hour, min, sec, sec_fraction,
 * zone); the rest is kept for diagnostics.
 */
export interface DateParseHash {
  year?: number;
  mon?: number;
  mday?: number;
  yday?: number;
  wday?: number;
  cwyear?: number;
  cweek?: number;
  cwday?: number;
  hour?: number;
  min?: number;
  sec?: number;
  /** Digits of the fraction of a second as written ("123" is 123/1000). */
  sec_fraction?: string;
  /** The zone text as written (lower case when Liquid downcased the value first). */
  zone?: string;
  /** Date._parse's own reading of the zone in seconds; null when it does not know the name. Time.parse ignores it. */
  offset?: number | null;
  /** Internal: a bc/bce marker was seen. */
  _bc?: boolean;
  /** Internal: whether a two-digit year may still be completed to 19xx/20xx. */
  _comp?: boolean;
}

/** Ruby's String#to_i on a run of digits (with optional sign): 0 when there are none. */
export function leadingInteger(text: string): number {
  const match = /^\s*([-+]?\d+)/.exec(text);
  return match ? Number.parseInt(match[1]!, 10) : 0;
}

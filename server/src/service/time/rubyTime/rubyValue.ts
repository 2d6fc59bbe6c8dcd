/** What the site build runs with: the zone its Ruby process lives in and its clock. */
export interface BuildSettings {
  /** IANA zone name of the build process; 'UTC' for GitHub Pages (TZ unset there). */
  buildZone: string;
  /** The build clock: values without a year or date take those from it. */
  now: Date;
}

/**
 * How a Ruby Time holds its zone. It decides what `to_s`, `inspect` and strftime's
 * `%Z`/`%z` print, so the three cases must stay apart even when the offsets agree.
 */
export type RubyTimeZone =
  /** `Time#utc?` is true: `to_s` ends in "UTC" and `%Z` is "UTC". */
  | { mode: 'utc' }
  /** The build process's own zone: `%Z` is that zone's abbreviation (CET, EST, UTC...). */
  | { mode: 'local' }
  /** A bare offset with no zone behind it: `%Z` renders as an empty string. */
  | { mode: 'fixed'; offsetSeconds: number };

export interface RubyTime {
  kind: 'time';
  /** Whole seconds since the Unix epoch (floor). */
  epochSeconds: number;
  /** Decimal digits of the sub-second part, trailing zeros removed ('' for none). */
  fraction: string;
  zone: RubyTimeZone;
  /** The YAML text this Time was read from, when it came from front matter. */
  source?: string;
}

export interface RubyDate {
  kind: 'date';
  year: number;
  month: number;
  day: number;
}

/** A Ruby object as Jekyll holds a front-matter value. */
export type RubyValue =
  | { kind: 'nil' }
  | { kind: 'string'; text: string }
  /** `source` is the YAML text when it differs from the digits (base-60 `17:00`, `0x1F`, `1_000`). */
  | { kind: 'integer'; value: number; source?: string }
  | { kind: 'float'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'symbol'; name: string }
  | RubyDate
  | RubyTime;

export type RubyClassName =
  | 'NilClass'
  | 'String'
  | 'Integer'
  | 'Float'
  | 'TrueClass'
  | 'FalseClass'
  | 'Symbol'
  | 'Date'
  | 'Time';

export function rubyClassOf(value: RubyValue): RubyClassName {
  switch (value.kind) {
    case 'nil':
      return 'NilClass';
    case 'string':
      return 'String';
    case 'integer':
      return 'Integer';
    case 'float':
      return 'Float';
    case 'boolean':
      return value.value ? 'TrueClass' : 'FalseClass';
    case 'symbol':
      return 'Symbol';
    case 'date':
      return 'Date';
    case 'time':
      return 'Time';
  }
}

export const RUBY_NIL: RubyValue = { kind: 'nil' };

export type TimeField = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'offset';

/** Ruby's ArgumentError: the parsing code raises it where Ruby does, and callers rescue it as Liquid does. */
export class RubyArgumentError extends Error {
  /** The field that was out of range, when that was the complaint. */
  readonly field: TimeField | undefined;
  constructor(message: string, field?: TimeField) {
    super(message);
    this.name = 'ArgumentError';
    this.field = field;
  }
}

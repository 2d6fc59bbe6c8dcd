import { DateTime } from 'luxon';
import type { BuildSettings, RubyValue } from './rubyValue';
import { rubyDateToS, rubyFloatToS, rubyTimeToS } from './rubyToS';

const NAMED_ESCAPES: Record<string, string> = {
  '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\f': '\\f', '\v': '\\v',
  '\b': '\\b', '\x07': '\\a', '\x1b': '\\e',
};

/** Characters Ruby does not print as themselves in a UTF-8 string's inspect. */
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]/u;

/** Ruby's String#inspect for a UTF-8 string: `"FIXME"`, `"a\"b"`, `"\u200B"`. */
export function rubyInspectString(text: string): string {
  let out = '"';
  const chars = [...text];
  chars.forEach((ch, i) => {
    const named = NAMED_ESCAPES[ch];
    if (named !== undefined) out += named;
    else if (ch === '#' && ['{', '$', '@'].includes(chars[i + 1] ?? '')) out += '\\#';
    else if (NOT_PRINTABLE.test(ch)) {
      const code = ch.codePointAt(0)!;
      out += code > 0xffff ? `\\u{${code.toString(16).toUpperCase()}}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    } else out += ch;
  });
  return out + '"';
}

/** Julian Day Number of a proleptic Gregorian date (1970-01-01 is 2440588). */
function julianDay(year: number, month: number, day: number): number {
  const days = DateTime.utc(year, month, day).toMillis() / 86_400_000;
  return Math.round(days) + 2_440_588;
}

/** Ruby's `inspect` of a front-matter value, as Jekyll's `inspect` filter shows it (before HTML escaping). */
export function rubyInspect(value: RubyValue, settings: BuildSettings): string {
  switch (value.kind) {
    case 'nil':
      return 'nil';
    case 'string':
      return rubyInspectString(value.text);
    case 'integer':
      return String(value.value);
    case 'float':
      return rubyFloatToS(value.value);
    case 'boolean':
      return String(value.value);
    case 'symbol':
      return /^[A-Za-z_][A-Za-z0-9_]*[?!=]?$/.test(value.name) ? `:${value.name}` : `:${rubyInspectString(value.name)}`;
    case 'date':
      return `#<Date: ${rubyDateToS(value)} ((${julianDay(value.year, value.month, value.day)}j,0s,0n),+0s,2299161j)>`;
    case 'time':
      return rubyTimeToS(value, settings, true);
  }
}

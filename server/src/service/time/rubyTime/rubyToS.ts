import { rubyTimeParts } from './rubyTimeParts';
import type { BuildSettings, RubyDate, RubyTime, RubyValue } from './rubyValue';

/** Ruby's Float#to_s: always a decimal point, exponent form outside 1e-4 ≤ |x| < 1e16. */
export function rubyFloatToS(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e16 || magnitude < 1e-4) {
    const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
    const digits = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
    const sign = exponent.startsWith('-') ? '-' : '+';
    return `${digits}e${sign}${exponent.replace(/^[-+]/, '').padStart(2, '0')}`;
  }
  const text = String(value);
  return text.includes('.') ? text : `${text}.0`;
}

/** Ruby's Date#to_s: `2024-11-15`. */
export function rubyDateToS(date: RubyDate): string {
  const year = date.year < 0 ? `-${String(-date.year).padStart(4, '0')}` : String(date.year).padStart(4, '0');
  return `${year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/**
 * Ruby's Time#to_s (`2024-11-15 16:00:00 +0100`, or `... UTC` for a UTC time); with
 * `inspect`, Time#inspect, which also shows the fraction of a second.
 */
export function rubyTimeToS(time: RubyTime, settings: BuildSettings, inspect = false): string {
  const p = rubyTimeParts(time, settings);
  const fraction = inspect && time.fraction ? `.${time.fraction}` : '';
  const zone = time.zone.mode === 'utc' ? 'UTC' : p.offset;
  return `${p.date} ${p.clock}${fraction} ${zone}`;
}

/** What `{{ value }}` prints: Ruby's to_s. */
export function rubyToS(value: RubyValue, settings: BuildSettings): string {
  switch (value.kind) {
    case 'nil':
      return '';
    case 'string':
      return value.text;
    case 'integer':
      return String(value.value);
    case 'float':
      return rubyFloatToS(value.value);
    case 'boolean':
      return String(value.value);
    case 'symbol':
      return value.name;
    case 'date':
      return rubyDateToS(value);
    case 'time':
      return rubyTimeToS(value, settings);
  }
}

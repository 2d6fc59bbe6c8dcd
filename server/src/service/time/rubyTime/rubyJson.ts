import { rubyInspect, rubyInspectString } from './rubyInspect';
import { rubyFloatToS, rubyToS } from './rubyToS';
import type { BuildSettings, RubyValue } from './rubyValue';
import { RubyValueDrop } from '../liquid/rubyValueDrop';

const MAX_DEPTH = 64;

/** Ruby's to_json for a front-matter value (Jekyll's `jsonify`): Times and Dates as their to_s strings. */
export function rubyToJson(value: RubyValue, settings: BuildSettings): string {
  switch (value.kind) {
    case 'nil':
      return 'null';
    case 'integer':
    case 'boolean':
      return String(value.value);
    case 'float':
      if (!Number.isFinite(value.value)) throw new Error(`${rubyFloatToS(value.value)} not allowed in JSON`);
      return rubyFloatToS(value.value);
    case 'symbol':
      return JSON.stringify(value.name);
    default:
      return JSON.stringify(rubyToS(value, settings));
  }
}

/** A Liquid value (our drops, or what a template built: strings, numbers, arrays, hashes) as Ruby's to_json. */
export function liquidToJson(value: unknown, settings: BuildSettings, depth = 0): string {
  if (depth > MAX_DEPTH) throw new Error('nesting of 65 is too deep');
  const ruby = RubyValueDrop.unwrap(value);
  if (ruby) return rubyToJson(ruby, settings);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return rubyToJson(numberValue(value), settings);
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => liquidToJson(item, settings, depth + 1)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${liquidToJson(v, settings, depth + 1)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(String(value));
}

/** A Liquid value as Ruby's inspect (Jekyll's `inspect` filter, before escaping). */
export function liquidInspect(value: unknown, settings: BuildSettings, depth = 0): string {
  if (depth > MAX_DEPTH) return '[...]';
  const ruby = RubyValueDrop.unwrap(value);
  if (ruby) return rubyInspect(ruby, settings);
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'number') return rubyInspect(numberValue(value), settings);
  if (typeof value === 'string') return rubyInspectString(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => liquidInspect(item, settings, depth + 1)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${rubyInspectString(k)}=>${liquidInspect(v, settings, depth + 1)}`);
    return `{${entries.join(', ')}}`;
  }
  return rubyInspectString(String(value));
}

/** A JavaScript number as the Ruby number Liquid would hold. */
export function numberValue(value: number): RubyValue {
  return Number.isInteger(value) ? { kind: 'integer', value } : { kind: 'float', value };
}

import { DateTime } from 'luxon';
import type { Scalar } from 'yaml';
import { PSYCH_TIMESTAMP, psychParseTimestamp } from './psychTimestamp';
import { RubyArgumentError, RUBY_NIL, type BuildSettings, type RubyValue } from '../rubyTime/rubyValue';

/** Ruby's `\s` (ASCII only), spelled out because JavaScript's `\s` also matches Unicode spaces. */
const S = String.raw`[ \t\n\v\f\r]`;

/** Psych's "this is surely a string" test: it starts (on any line) with a letter, space or symbol. */
const LOOKS_LIKE_WORDS = new RegExp(String.raw`^[^\d.:-]?[\p{Alphabetic}_${S.slice(1, -1)}!@#$%^&*(){}<>|/\\~;=]+`, 'mu');
const PSYCH_DATE = /^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$/m;
const SEXAGESIMAL_INT = /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}$/m;
const SEXAGESIMAL_FLOAT = /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}\.[0-9_]*$/m;
const FLOAT = /^(?:[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?)$/m;
/** Psych's legacy integer forms (commas allowed): binary, octal, decimal, hex. */
const INTEGER = /^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$/m;

/**
 * Types a front-matter scalar the way Jekyll's YAML loader (Psych, YAML 1.1 rules) does.
 * Quoted and block scalars are Strings; plain ones go through Psych's ScalarScanner:
 * `2024-11-15` is a Date, `2024-11-15 16:00:00` a Time, `17:00` the base-60 Integer
 * 61200 (Psych's arithmetic), `yes`/`on` booleans, empty nil, the rest Strings.
 */
export function rubyValueOfScalar(node: Scalar | null | undefined, _settings?: BuildSettings): RubyValue {
  if (!node) return RUBY_NIL;
  const text = node.source ?? (node.value === null || node.value === undefined ? '' : String(node.value));
  const tag = node.tag;
  if (tag) {
    if (tag === 'tag:yaml.org,2002:str' || /^!(?:str|ruby\/string)(?::.*)?$/.test(tag)) return { kind: 'string', text };
    if (tag === 'tag:yaml.org,2002:float' || tag === '!float') {
      const value = psychTokenize(text);
      if (value.kind === 'integer' || value.kind === 'float') return { kind: 'float', value: value.value };
      return { kind: 'string', text };
    }
    return psychTokenize(text);
  }
  if (node.type !== undefined && node.type !== 'PLAIN') return { kind: 'string', text };
  return psychTokenize(text);
}

/** Psych::ScalarScanner#tokenize for an untagged plain scalar. */
export function psychTokenize(text: string): RubyValue {
  if (text === '') return RUBY_NIL;
  if (LOOKS_LIKE_WORDS.test(text) || text.includes('\n')) {
    if ([...text].length > 5) return { kind: 'string', text };
    if (/^[^ytonf~]/im.test(text)) return { kind: 'string', text };
    if (text === '~' || /^null$/im.test(text)) return RUBY_NIL;
    if (/^(yes|true|on)$/im.test(text)) return { kind: 'boolean', value: true };
    if (/^(no|false|off)$/im.test(text)) return { kind: 'boolean', value: false };
    return { kind: 'string', text };
  }
  if (PSYCH_TIMESTAMP.test(text)) {
    try {
      return { ...psychParseTimestamp(text).time, source: text };
    } catch (error) {
      if (error instanceof RubyArgumentError) return { kind: 'string', text };
      throw error;
    }
  }
  if (PSYCH_DATE.test(text)) return strictDate(text) ?? { kind: 'string', text };
  if (/^\+?\.inf$/im.test(text)) return { kind: 'float', value: Infinity };
  if (/^-\.inf$/im.test(text)) return { kind: 'float', value: -Infinity };
  if (/^\.nan$/im.test(text)) return { kind: 'float', value: NaN };
  if (/^:./m.test(text)) {
    const quoted = /^:(["'])(.*)\1/m.exec(text);
    return { kind: 'symbol', name: (quoted ? quoted[2]! : text).replace(/^:/, '') };
  }
  if (SEXAGESIMAL_INT.test(text)) return { kind: 'integer', value: sexagesimal(text, 'int'), source: text };
  if (SEXAGESIMAL_FLOAT.test(text)) return { kind: 'float', value: sexagesimal(text, 'float') };
  if (FLOAT.test(text)) {
    if (/^[-+]?\.$/.test(text)) return { kind: 'string', text };
    return { kind: 'float', value: Number(text.replace(/[,_]/g, '').replace(/\.([Ee]|$)/, '$1')) };
  }
  if (INTEGER.test(text)) {
    const value = rubyInteger(text.replace(/[,_]/g, ''));
    return value === null ? { kind: 'string', text } : { kind: 'integer', value, ...(String(value) === text ? {} : { source: text }) };
  }
  return { kind: 'string', text };
}

/**
 * Psych's base-60 arithmetic, bug included: every part is weighted 60^|index - 2|, so
 * `17:00` is 17×3600 = 61200 (not 1020) while `1:02:03` is the expected 3723.
 */
function sexagesimal(text: string, kind: 'int' | 'float'): number {
  return text.split(':').reduce((sum, part, index) => {
    const cleaned = part.replace(/_/g, '');
    const n = kind === 'int' ? Number.parseInt(cleaned, 10) : Number.parseFloat(cleaned);
    return sum + (Number.isNaN(n) ? 0 : n) * 60 ** Math.abs(index - 2);
  }, 0);
}

/** Ruby's Integer(): a sign, then 0b / 0x / 0 (octal) prefixes or decimal digits. */
function rubyInteger(text: string): number | null {
  const match = /^([-+]?)(0b|0x|0o|0(?=\d))?(.+)$/i.exec(text);
  if (!match) return null;
  const prefix = (match[2] ?? '').toLowerCase();
  const radix = prefix === '0b' ? 2 : prefix === '0x' ? 16 : prefix === '' ? 10 : 8;
  const digits = match[3]!;
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^\d+$/, 16: /^[0-9a-f]+$/i }[radix]!;
  if (!valid.test(digits)) return null;
  const magnitude = Number.parseInt(digits, radix);
  return match[1] === '-' ? -magnitude : magnitude;
}

/** Date.strptime(text, '%Y-%m-%d'): only real calendar dates (2024-02-30 stays a String). */
function strictDate(text: string): RubyValue | null {
  const [year, month, day] = text.split('-').map((n) => Number.parseInt(n, 10)) as [number, number, number];
  const date = DateTime.utc(year, month, day);
  if (!date.isValid) return null;
  return { kind: 'date', year, month, day };
}

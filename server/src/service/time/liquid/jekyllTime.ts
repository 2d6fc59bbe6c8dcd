import { liquidToDate } from './liquidToDate';
import { rubyInspect } from '../rubyTime/rubyInspect';
import { dateToTime, localtime } from '../rubyTime/rubyTimeView';
import type { BuildSettings, RubyTime, RubyValue } from '../rubyTime/rubyValue';

/** The error Jekyll raises (Errors::InvalidDateError) when a date filter gets something that is not a date; it fails the site build. */
export class JekyllInvalidDateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidDateError';
  }
}

export function jekyllInvalidDateMessage(value: RubyValue, settings: BuildSettings): string {
  return `Invalid Date: '${rubyInspect(value, settings)}' is not a valid datetime.`;
}

/**
 * Jekyll's `time(input)` behind date_to_string, date_to_long_string and
 * date_to_xmlschema: Liquid's to_date, an InvalidDateError when that gives nil, then
 * `to_time.localtime` — so every result is shown in the build zone. Returns null for
 * nil and '' (those filters hand the input back unchanged).
 */
export function jekyllTime(value: RubyValue, settings: BuildSettings): RubyTime | null {
  if (value.kind === 'nil' || (value.kind === 'string' && value.text === '')) return null;
  const outcome = liquidToDate(value, settings);
  if (!outcome.ok) throw new JekyllInvalidDateError(jekyllInvalidDateMessage(value, settings));
  return outcome.value.kind === 'date' ? dateToTime(outcome.value, settings) : localtime(outcome.value);
}

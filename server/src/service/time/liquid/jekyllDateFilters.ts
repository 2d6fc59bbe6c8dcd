import { filters as liquidFilters, type FilterImplOptions } from 'liquidjs';
import { DateTime } from 'luxon';
import { jekyllTime, JekyllInvalidDateError } from './jekyllTime';
import { liquidToDate } from './liquidToDate';
import { rubyValueOfLiquid } from './liquidValues';
import { liquidInspect, liquidToJson } from '../rubyTime/rubyJson';
import { rubyFormatForLiquid, type StrftimeSubject } from '../rubyTime/rubyStrftime';
import { rubyToS } from '../rubyTime/rubyToS';
import { liquidDateInput } from './liquidDateInput';
import { dateTimeOf, utcOffsetSecondsOf, zoneNameOf } from '../rubyTime/rubyTimeView';
import type { BuildSettings, RubyDate, RubyTime } from '../rubyTime/rubyValue';

type FilterThis = ThisParameterType<Extract<FilterImplOptions, (...args: never[]) => unknown>>;
type Filter = (this: FilterThis, input: unknown, ...args: unknown[]) => unknown;

const original = liquidFilters as unknown as Record<string, Filter>;

/**
 * liquidjs's date_to_string family reads the display offset from the engine options;
 * each call gets the offset that goes with its prepared input (see liquidDateInput).
 */
function withDisplayOffset(self: FilterThis, timezoneOffset: number): FilterThis {
  const opts = { ...self.context.opts, timezoneOffset };
  return { ...self, context: Object.create(self.context, { opts: { value: opts } }) };
}

/** Jekyll's time(input) for any Liquid input; null means "hand the input back". */
function buildZoneTime(input: unknown, settings: BuildSettings): RubyTime | null {
  const value = rubyValueOfLiquid(input);
  if (value === undefined) {
    throw new JekyllInvalidDateError(`Invalid Date: '${liquidInspect(input, settings)}' is not a valid datetime.`);
  }
  return jekyllTime(value, settings);
}

/** What strftime shows: a Time in its own zone, or a Date as Ruby's Date#strftime sees it (midnight, "+00:00"). */
function strftimeSubject(value: RubyTime | RubyDate, settings: BuildSettings): StrftimeSubject {
  if (value.kind === 'date') {
    return { moment: DateTime.utc(value.year, value.month, value.day), zoneName: '+00:00', offsetSeconds: 0, fraction: '' };
  }
  return {
    moment: dateTimeOf(value, settings),
    zoneName: zoneNameOf(value, settings),
    offsetSeconds: utcOffsetSecondsOf(value, settings),
    fraction: value.fraction,
  };
}

/** Ruby's strftime through liquidjs's `date` filter. */
function formatWithLiquid(self: FilterThis, subject: StrftimeSubject, format: string): unknown {
  const { input, timezoneOffset, hourSkipped } = liquidDateInput(subject.moment);
  const rubyFormat = rubyFormatForLiquid(format, { ...subject, literalHour: hourSkipped });
  return original.date!.call(self, input, rubyFormat, timezoneOffset);
}

/**
 * Jekyll's filters that print an offset. liquidjs's versions are `date` with these
 * formats; going through `date` ourselves lets the offset be the Time's, not the one
 * the prepared input carries.
 */
const OFFSET_FORMATS: Record<string, string> = {
  date_to_xmlschema: '%Y-%m-%dT%H:%M:%S%:z',
  date_to_rfc822: '%a, %d %b %Y %H:%M:%S %z',
};

/**
 * The filters whose Jekyll/Ruby behaviour differs from liquidjs's, each wrapping the
 * liquidjs filter and feeding it the value our Ruby port parsed:
 * - `date`: Ruby parses the input (Time.parse, not JavaScript's Date), keeps the value's
 *   own zone, returns unparseable input unchanged, and prints Ruby's %Z and composites.
 * - `date_to_string`, `date_to_long_string`, `date_to_xmlschema`, `date_to_rfc822`:
 *   Jekyll's time(): fail the build on a non-date, convert into the build zone.
 * - `jsonify`, `inspect`: Ruby's to_json and inspect (liquidjs prints JavaScript's JSON).
 */
export function jekyllDateFilters(settings: BuildSettings): Record<string, Filter> {
  const inBuildZone = (name: string): Filter =>
    function (this: FilterThis, input: unknown, ...args: unknown[]): unknown {
      const time = buildZoneTime(input, settings);
      if (time === null) return input;
      const subject = strftimeSubject(time, settings);
      const offsetFormat = OFFSET_FORMATS[name];
      if (offsetFormat) return formatWithLiquid(this, subject, offsetFormat);
      const { input: prepared, timezoneOffset } = liquidDateInput(subject.moment);
      return original[name]!.call(withDisplayOffset(this, timezoneOffset), prepared, ...args);
    };
  return {
    date(this: FilterThis, input: unknown, ...args: unknown[]): unknown {
      if (args.length === 0) throw new Error('wrong number of arguments (given 1, expected 2)');
      const formatValue = rubyValueOfLiquid(args[0]);
      const format = formatValue ? rubyToS(formatValue, settings) : String(args[0]);
      if (format === '') return input;
      const value = rubyValueOfLiquid(input);
      const outcome = value ? liquidToDate(value, settings) : null;
      if (!outcome?.ok) return input;
      return formatWithLiquid(this, strftimeSubject(outcome.value, settings), format);
    },
    date_to_string: inBuildZone('date_to_string'),
    date_to_long_string: inBuildZone('date_to_long_string'),
    date_to_xmlschema: inBuildZone('date_to_xmlschema'),
    date_to_rfc822: inBuildZone('date_to_rfc822'),
    jsonify(this: FilterThis, input: unknown): string {
      const json = liquidToJson(input, settings);
      this.context.memoryLimit.use(json.length);
      return json;
    },
    inspect(this: FilterThis, input: unknown): string {
      const text = escapeHtml(liquidInspect(input, settings));
      this.context.memoryLimit.use(text.length);
      return text;
    },
  };
}

/** Jekyll's xml_escape (CGI.escapeHTML). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

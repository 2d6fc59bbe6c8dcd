import type { DateTime } from 'luxon';
import { jekyllInvalidDateMessage } from './liquid/jekyllTime';
import { liquidToDate, type ToDateOutcome } from './liquid/liquidToDate';
import { parsedStringNotes, recognisedParts, wordNotes } from './parsedStringNotes';
import { psychParseTimestamp } from './psych/psychTimestamp';
import { dateTimeOf, dateToTime, formatOffset } from './rubyTime/rubyTimeView';
import { rubyClassOf, type BuildSettings, type RubyClassName, type RubyTime, type RubyValue } from './rubyTime/rubyValue';
import type { Span } from './span';
import type { TimeNote } from './timeNote';
import type { TimeParseFailure } from './rubyTime/timeParse';
import { usableSettings } from './usableSettings';

/** Everything Jekyll does with one front-matter date value: what the date filters see, whether the build fails, and what was silently ignored or changed. */
export interface JekyllTimeEvaluation {
  value: RubyValue;
  rubyClass: RubyClassName;
  /**
   * The instant the value denotes, as a luxon DateTime in the zone Ruby shows it in
   * (a Date: midnight in the build zone, as Jekyll's filters see it), or null when Ruby
   * cannot read it as a date.
   */
  time: DateTime | null;
  /** Set when Jekyll's date_to_string/date_to_xmlschema on this value fails the whole site build; Jekyll's own message. */
  buildError: string | null;
  /** What Ruby silently ignored or changed (see TimeNoteKind). */
  notes: TimeNote[];
  /** Spans of the recognised parts of a string value, for precise diagnostics. */
  parts: { date?: Span; time?: Span; zone?: Span; weekday?: Span };
}

export function evaluateJekyllTime(value: RubyValue, given: BuildSettings): JekyllTimeEvaluation {
  const settings = usableSettings(given);
  const outcome = liquidToDate(value, settings);
  const base = { value, rubyClass: rubyClassOf(value) };
  if (!outcome.ok) {
    const failed = outcome.reason !== 'empty';
    return {
      ...base,
      time: null,
      buildError: failed ? jekyllInvalidDateMessage(value, settings) : null,
      notes: failureNotes(value, outcome),
      parts: outcome.reason === 'unparseable' && outcome.failure.parse && value.kind === 'string'
        ? recognisedParts(value.text, outcome.failure.parse)
        : {},
    };
  }
  const shown = outcome.value.kind === 'date' ? dateToTime(outcome.value, settings) : outcome.value;
  const time = dateTimeOf(shown, settings);
  if (outcome.how === 'parsed' && value.kind === 'string') {
    return {
      ...base,
      time,
      buildError: null,
      notes: parsedStringNotes(value.text, outcome.parsed, settings),
      parts: recognisedParts(value.text, outcome.parsed.parse),
    };
  }
  return { ...base, time, buildError: null, notes: directNotes(value, outcome, time), parts: {} };
}

type Failure = Extract<ToDateOutcome, { ok: false }>;

function failureNotes(value: RubyValue, outcome: Failure): TimeNote[] {
  if (outcome.reason === 'empty') {
    return [{ kind: 'empty', message: 'No value: the date filters render nothing.' }];
  }
  if (outcome.reason === 'not-a-date') {
    return [{ kind: 'not-a-date', message: `A ${rubyClassOf(value)} is not a date: Jekyll's date filters fail the site build.` }];
  }
  return value.kind === 'string' ? unparseableNotes(value.text, outcome.failure) : [];
}

function unparseableNotes(text: string, failure: TimeParseFailure): TimeNote[] {
  const parts = failure.parse ? recognisedParts(text, failure.parse) : {};
  const notes: TimeNote[] = [];
  if (/exceeds the limit/.test(failure.error)) {
    notes.push({ kind: 'too-long', message: `Too long for Ruby's date parser (${failure.error}): the site build fails.` });
  } else if (/supported range/.test(failure.error)) {
    notes.push({ kind: 'out-of-range', message: `Too far from today for this tool to represent (${failure.error}).` });
  } else if (/^no time information/.test(failure.error)) {
    notes.push({ kind: 'no-time-information', message: 'Ruby finds no date or time in this text: the site build fails.', span: { start: 0, end: text.length } });
  } else {
    const onTime = failure.field === 'hour' || failure.field === 'minute' || failure.field === 'second';
    const span = (onTime ? parts.time : parts.date) ?? parts.date ?? parts.time;
    notes.push({
      kind: 'out-of-range',
      message: `Ruby refuses this ${failure.field ?? 'value'} (${failure.error}): the site build fails.`,
      ...(span ? { span } : {}),
    });
  }
  if (failure.parse) notes.push(...wordNotes(text, failure.parse));
  return notes;
}

/** Notes for values that reach Ruby as a Time or Date without Time.parse. */
function directNotes(value: RubyValue, outcome: Extract<ToDateOutcome, { ok: true }>, time: DateTime): TimeNote[] {
  const notes: TimeNote[] = [];
  const whole = (text: string): Span => ({ start: 0, end: text.length });
  if (outcome.how === 'now') {
    notes.push({ kind: 'build-clock', message: `"now"/"today" is the moment the site is built (${time.toISO()} here).` });
  } else if (outcome.how === 'epoch') {
    const written = value.kind === 'integer' ? (value.source ?? String(value.value)) : value.kind === 'string' ? value.text : '';
    const base60 = value.kind === 'integer' && value.source !== undefined && value.source.includes(':');
    notes.push({
      kind: 'epoch-integer',
      message: base60
        ? `YAML reads unquoted ${written} as the number ${value.kind === 'integer' ? value.value : ''}, which Ruby takes as seconds since 1970: ${time.toFormat('yyyy-MM-dd HH:mm')}. Quote it or add a date.`
        : `${written} is taken as seconds since 1970-01-01: ${time.toFormat('yyyy-MM-dd HH:mm')}.`,
      span: whole(written),
      text: written,
    });
  } else if (value.kind === 'date') {
    notes.push({ kind: 'date-only', message: 'A date without a time: midnight in the build zone for Jekyll’s filters, 00:00 +00:00 for `date`.' });
  } else if (value.kind === 'time') {
    notes.push(...yamlTimeNotes(value));
  }
  return notes;
}

function yamlTimeNotes(value: RubyTime): TimeNote[] {
  const notes: TimeNote[] = [];
  if (value.source !== undefined) {
    const whole = { start: 0, end: value.source.length };
    try {
      const read = psychParseTimestamp(value.source);
      if (read.readAsUtc) {
        notes.push({ kind: 'zoneless-timestamp', message: 'A timestamp with seconds but no zone is read by YAML as UTC, not as local time.', span: whole });
      }
      if (read.shifted) {
        notes.push({ kind: 'rollover', message: 'This date or time does not exist as written; Ruby rolls it over.', span: whole });
      }
    } catch {
      // Not a timestamp after all: nothing more to say.
    }
  }
  if (value.zone.mode === 'fixed') {
    notes.push({
      kind: 'fixed-offset',
      message: `The time keeps the bare offset ${formatOffset(value.zone.offsetSeconds, true)}: %Z renders as nothing.`,
      offsetSeconds: value.zone.offsetSeconds,
    });
  }
  return notes;
}

import { DateTime } from 'luxon';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DocumentContext } from '../../../documentContext';
import type { FrontMatterEntry, Span } from '../../../parse/model';
import type { JekyllTimeEvaluation, TimeNote } from '../../../time';
import { replaceSpan } from '../fixes';
import { defineRule, documentCheck, type Fix, type Reporter } from '../rule';

const DATE_KEYS = ['meeting_time', 'next_meeting_time'];
/** Filters that call Jekyll's `time()`, which fails the build on a value it cannot read. */
const FAILING_FILTERS = /\|\s*(?:date_to_string|date_to_long_string|date_to_xmlschema|date_to_rfc822)\b/;

/** Notes that change what the page shows (or how reliably), with their severity. Others are not worth a word. */
const REPORTED: Partial<Record<TimeNote['kind'], DiagnosticSeverity>> = {
  'ignored-zone': DiagnosticSeverity.Warning,
  'no-zone': DiagnosticSeverity.Warning,
  'fixed-offset': DiagnosticSeverity.Warning,
  rollover: DiagnosticSeverity.Warning,
  'ignored-text': DiagnosticSeverity.Warning,
  'year-from-clock': DiagnosticSeverity.Warning,
  'date-from-clock': DiagnosticSeverity.Warning,
  'build-clock': DiagnosticSeverity.Warning,
  'epoch-integer': DiagnosticSeverity.Warning,
  'date-only': DiagnosticSeverity.Warning,
  empty: DiagnosticSeverity.Warning,
  'zone-from-build-zone': DiagnosticSeverity.Information,
  'two-digit-year': DiagnosticSeverity.Information,
};

/**
 * `meeting_time` and `next_meeting_time` as Jekyll reads them: an error where a date filter
 * on the value fails the whole site build, a warning where Jekyll silently publishes
 * something other than what was written (ignored zone, no zone, Feb 30, FIXME…).
 */
export const badDateRule = defineRule({
  code: 'bad-date',
  defaultSeverity: DiagnosticSeverity.Error,
  description:
    'A `meeting_time`/`next_meeting_time` Jekyll cannot parse (the site build fails) or silently publishes differently (ignored zone, no zone, rollover, trailing text).',
  appliesTo: ['minutes', 'index'],
  comparesWith: 'site',
  checks: [
    documentCheck((context, report) => {
      for (const key of DATE_KEYS) {
        const entry = context.entry(key);
        const evaluation = context.evaluate(key);
        if (!entry || !evaluation) continue;
        const start = valueTextStart(entry);
        if (evaluation.buildError) reportFailure(context, key, entry, evaluation, start, report);
        else reportNotes(context, key, entry, evaluation, start, report);
      }
    }),
  ],
});

/** Where the value's characters begin: after the opening quote of a quoted scalar. */
function valueTextStart(entry: FrontMatterEntry): number {
  const type = entry.scalar?.type;
  return entry.valueSpan.start + (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE' ? 1 : 0);
}

/** Where the value's characters end: before the closing quote of a quoted scalar. */
function valueTextEnd(entry: FrontMatterEntry): number {
  return entry.valueSpan.end - (valueTextStart(entry) - entry.valueSpan.start);
}

function usedWithFailingFilter(context: DocumentContext, key: string): boolean {
  return context.model.liquid.some((liquid) => liquid.variables.includes(`page.${key}`) && FAILING_FILTERS.test(liquid.source));
}

function reportFailure(context: DocumentContext, key: string, entry: FrontMatterEntry, evaluation: JekyllTimeEvaluation, start: number, report: Reporter): void {
  const used = usedWithFailingFilter(context, key);
  const why = evaluation.notes.find((note) => note.kind !== 'ignored-text' && note.kind !== 'weekday');
  const span = why?.span ? shift(why.span, start) : entry.valueSpan;
  const consequence = used
    ? `This page formats it with \`date_to_string\`, so the whole site build stops with "${evaluation.buildError}"`
    : `This page does not format it, but any page or layout that does stops the site build with "${evaluation.buildError}"`;
  report({
    start: span.start,
    end: Math.max(span.end, span.start + 1),
    severity: used ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    message: `\`${key}\` is not a date Jekyll can read: ${why ? why.message : 'it is not a date.'} ${consequence}.`,
  });
}

function reportNotes(context: DocumentContext, key: string, entry: FrontMatterEntry, evaluation: JekyllTimeEvaluation, start: number, report: Reporter): void {
  const shown = evaluation.time;
  for (const note of evaluation.notes) {
    const severity = REPORTED[note.kind];
    if (severity === undefined || (note.kind === 'ignored-text' && note.benign)) continue;
    const span = note.span ? shift(note.span, start) : entry.valueSpan;
    report({
      start: span.start,
      end: Math.max(span.end, span.start + 1),
      severity,
      message: `\`${key}\`: ${note.message}${consequence(note, shown, context)}`,
      fixes: fixesFor(context, note, entry, span, evaluation),
    });
  }
}

/** What the reader of the published page sees because of the note. */
function consequence(note: TimeNote, shown: DateTime | null, context: DocumentContext): string {
  if (!shown) return '';
  const build = context.build.buildZone;
  const where = build === 'UTC' ? 'UTC, as GitHub Pages builds' : build;
  switch (note.kind) {
    case 'ignored-zone':
    case 'no-zone':
      return ` The page shows ${shown.toFormat('HH:mm')} in the build zone (${where}).`;
    case 'rollover':
      return ` The page shows ${shown.toFormat('d LLLL yyyy, HH:mm')}.`;
    case 'fixed-offset':
      return ' The page shows the time with an empty zone name. Write it in UTC instead.';
    default:
      return '';
  }
}

function fixesFor(context: DocumentContext, note: TimeNote, entry: FrontMatterEntry, span: Span, evaluation: JekyllTimeEvaluation): Fix[] {
  switch (note.kind) {
    case 'ignored-text':
      return [replaceSpan(context, `Remove "${note.text ?? context.textOf(span)}"`, widenToSpace(context, span), '')];
    case 'no-zone':
      return evaluation.time ? [replaceSpan(context, 'Add UTC', { start: valueTextEnd(entry), end: valueTextEnd(entry) }, ' UTC')] : [];
    case 'ignored-zone':
    case 'fixed-offset': {
      // The moment the writer meant: the wall time in the zone they named.
      const intended = intendedMoment(note, evaluation);
      if (!intended) return [];
      const value = `${intended.toUTC().toFormat('yyyy-MM-dd HH:mm')} UTC`;
      return [replaceSpan(context, `Write it as ${value}`, entry.valueSpan, value)];
    }
    default:
      return [];
  }
}

function intendedMoment(note: TimeNote, evaluation: JekyllTimeEvaluation): DateTime | null {
  const shown = evaluation.time;
  if (!shown || note.offsetSeconds === undefined) return null;
  const wall = shown.toFormat("yyyy-MM-dd'T'HH:mm:ss");
  const minutes = note.offsetSeconds / 60;
  const zone = minutes === 0 ? 'UTC' : `UTC${minutes > 0 ? '+' : '-'}${Math.floor(Math.abs(minutes) / 60)}${Math.abs(minutes) % 60 ? `:${String(Math.abs(minutes) % 60).padStart(2, '0')}` : ''}`;
  const moment = DateTime.fromISO(wall, { zone });
  return moment.isValid ? moment : null;
}

/** Removing a word also removes the space before it, so "17:00 UTC FIXME" becomes "17:00 UTC". */
function widenToSpace(context: DocumentContext, span: Span): Span {
  let start = span.start;
  while (start > 0 && context.model.text.charAt(start - 1) === ' ') start--;
  return { start, end: span.end };
}

function shift(span: Span, offset: number): Span {
  return { start: span.start + offset, end: span.end + offset };
}

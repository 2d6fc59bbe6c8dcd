import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { isoDay, resolveNearestDate, WEEKDAY_NAMES, weekdayLike } from '../../../time/calendarDates';
import { replaceSpan } from '../fixes';
import { defineRule, lineCheck, type LinesContext } from '../rule';
import { frontMatterDates } from '../frontMatterDates';
import { itemHolding } from '../../../parse/listItems';
import type { Span } from '../../../parse/model';

/** A checked item (`- [x]`) or a line in the past tense reports what already happened. */
const PAST_TENSE = /\b(?:was|were|went|held|attended|happened|took place|gave|had)\b/i;

function reportsPast(context: LinesContext<never>, line: number, at: Span): boolean {
  const { text, lineStarts, listItems } = context.model;
  const item = itemHolding(listItems, line, at);
  if (item?.line === line && item.checkbox?.checked) return true;
  return PAST_TENSE.test(text.slice(lineStarts[line], lineStarts[line + 1] ?? text.length));
}

/** A weekday written next to a date must be that date's weekday. */
export const weekdayMismatchRule = defineRule({
  code: 'weekday-mismatch',
  defaultSeverity: DiagnosticSeverity.Warning,
  description: 'A weekday next to a date names another day than the date falls on (years inferred from the meeting date).',
  appliesTo: ['minutes', 'index'],
  comparesWith: 'site',
  checks: [
    lineCheck(['meetingDate'], (context, report) => {
      const meeting = context.meetingDate;
      for (const date of context.model.dates.concat(frontMatterDates(context))) {
        if (!date.weekday) continue;
        // A year-less date is read nearest the meeting, or in the year its weekday fits.
        const resolved = resolveNearestDate(date, meeting, { past: date.year === null && reportsPast(context, date.line, date.span) });
        if (!resolved || resolved.weekday === date.weekday.value) continue;
        const written = context.textOf(date.weekday.span);
        const right = weekdayLike(resolved.weekday, written);
        const inferred = date.year === null ? ` (the year ${resolved.year} is taken from the meeting date)` : '';
        report({
          start: date.weekday.span.start,
          end: date.weekday.span.end,
          message: `${isoDay(resolved)} is a ${WEEKDAY_NAMES[resolved.weekday - 1]}, not a ${WEEKDAY_NAMES[date.weekday.value - 1]}${inferred}.`,
          fixes: [replaceSpan(context, `Change "${written}" to "${right}"`, date.weekday.span, right)],
        });
      }
    }),
  ],
});

import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { isoDay, resolveDate } from '../../../time/calendarDates';
import { defineRule, documentCheck } from '../rule';

/** The "Next meeting is …" statement names a date after this meeting. */
export const nextMeetingRule = defineRule({
  code: 'next-meeting',
  defaultSeverity: DiagnosticSeverity.Warning,
  description: 'The "Next meeting is …" line names no date, or a date that is not after this meeting.',
  appliesTo: ['minutes'],
  comparesWith: 'site',
  checks: [
    documentCheck((context, report) => {
      const next = context.model.nextMeeting;
      const meeting = context.meetingDate;
      if (!next) return;
      if (!next.date) {
        report({
          start: next.span.start,
          end: next.span.end,
          severity: DiagnosticSeverity.Information,
          message: 'The next meeting has no date here, so Minutes: New Meeting falls back to the usual cadence. Write it as e.g. "Wednesday 2024-11-27 @ 17:00 UTC" once known.',
        });
        return;
      }
      if (!meeting) return;
      const date = resolveDate(next.date, meeting);
      if (!date) {
        report({ start: next.date.span.start, end: next.date.span.end, message: `${context.textOf(next.date.span)} is not a date in the calendar.` });
        return;
      }
      if (isoDay(date) <= isoDay(meeting)) {
        report({
          start: next.date.span.start,
          end: next.date.span.end,
          message: `The next meeting (${isoDay(date)}) is not after this meeting (${isoDay(meeting)}).`,
        });
      }
      if (!next.time) {
        report({
          start: next.span.start,
          end: next.span.end,
          severity: DiagnosticSeverity.Information,
          message: 'The next meeting has a date but no time with a zone (e.g. "@ 17:00 UTC").',
        });
      }
    }),
  ],
});

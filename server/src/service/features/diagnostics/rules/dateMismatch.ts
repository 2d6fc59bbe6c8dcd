import { DiagnosticSeverity, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { DocumentContext } from '../../../documentContext';
import { isoDay, resolveDate } from '../../../time/calendarDates';
import type { TextDate } from '../../../parse/model';
import { frontMatterDates } from '../frontMatterDates';
import { replaceSpan } from '../fixes';
import { firstOnOrAfter } from '../../../parse/tokensByLine';
import { defineRule, documentCheck, lineCheck, type Fix, type LinesContext, type Reporter } from '../rule';
import { readTimeanddateLink } from '../../timeanddateLink';

const TIME_LINE = /\*\*Time\*\*/;

/**
 * The title, the `# Minutes YYYY-MM-DD` heading, the "Time" line and the file name all
 * name the meeting's date; `meeting_time` (what the page renders) is the reference.
 */
export const dateMismatchRule = defineRule({
  code: 'date-mismatch',
  defaultSeverity: DiagnosticSeverity.Warning,
  description: 'The date in the title, the `# Minutes` heading, the "Time" line or the file name disagrees with `meeting_time`.',
  appliesTo: ['minutes'],
  comparesWith: 'site',
  checks: [
    documentCheck((context, report) => {
      const meeting = context.meetingTime;
      if (!meeting) return;
      const day = isoDay(meeting);
      const titleDates = frontMatterDates(context).filter((d) => isInEntry(context, 'title', d));
      for (const date of titleDates) checkDate(context, date, day, 'The title', report);
      const heading = context.model.headings.find((h) => h.level === 1);
      if (heading) {
        const dates = context.model.dates;
        for (let i = firstOnOrAfter(dates, heading.line); i < dates.length && dates[i]!.line === heading.line; i++) {
          checkDate(context, dates[i]!, day, 'The heading', report);
        }
      }
      checkFileName(context, day, report);
    }),
    lineCheck(['meetingTime'], (context, report) => {
      const meeting = context.meetingTime;
      if (!meeting) return;
      const day = isoDay(meeting);
      for (const date of context.model.dates) {
        if (date.year === null) continue;
        const lineText = context.model.text.slice(context.model.lineStarts[date.line], date.span.start);
        if (TIME_LINE.test(lineText)) checkDate(context, date, day, 'The "Time" line', report);
      }
      checkTimeanddateLinks(context, report);
    }),
  ],
});

/** A hard-coded timeanddate.com link (the agenda template's "FIXME: dates & time in URLs") must show the meeting's day. */
function checkTimeanddateLinks(context: LinesContext<'meetingTime'>, report: Reporter): void {
  const meeting = context.meetingTime?.toUTC();
  if (!meeting) return;
  for (const link of context.model.links) {
    if (link.target.includes('{') || !/timeanddate\.com/.test(link.target)) continue;
    const wall = readTimeanddateLink(link.target)?.wall;
    if (!wall || wall.toISODate() === meeting.toISODate()) continue;
    report({
      start: link.targetSpan.start,
      end: link.targetSpan.end,
      message: `This timeanddate.com link shows ${wall.toISODate()}, but \`meeting_time\` is on ${meeting.toISODate()}. Let Jekyll fill it in: ?{{ page.meeting_time | date: "year=%Y&month=%m&day=%d&hour=%H&min=%M&sec=0" }}.`,
    });
  }
}

function isInEntry(context: DocumentContext, key: string, date: TextDate): boolean {
  const entry = context.entry(key);
  return !!entry && date.span.start >= entry.valueSpan.start && date.span.end <= entry.valueSpan.end;
}

function checkDate(context: LinesContext<never>, date: TextDate, meetingDay: string, what: string, report: Reporter): void {
  const resolved = resolveDate(date, null);
  if (!resolved || isoDay(resolved) === meetingDay) return;
  const written = context.textOf(date.span);
  const isIso = /^\d{4}-\d{2}-\d{2}$/.test(written);
  report({
    start: date.span.start,
    end: date.span.end,
    message: `${what} says ${isoDay(resolved)}, but \`meeting_time\` is on ${meetingDay}.`,
    fixes: isIso ? [replaceSpan(context, `Change to ${meetingDay}`, date.span, meetingDay)] : [],
  });
}

function checkFileName(context: DocumentContext, meetingDay: string, report: Reporter): void {
  const fileDate = context.fileNameDate;
  const entry = context.entry('meeting_time');
  if (!fileDate || !entry || isoDay(fileDate) === meetingDay) return;
  const uri = context.model.uri;
  const fileDay = isoDay(fileDate);
  const renamed = uri.replace(/(\d{4}-\d{2}-\d{2})(?=[^/]*$)/, meetingDay);
  const edit: WorkspaceEdit = { documentChanges: [{ kind: 'rename', oldUri: uri, newUri: renamed }] };
  const rename: Fix = { title: `Rename the file to ${renamed.slice(renamed.lastIndexOf('/') + 1)}`, edit, preferred: false };
  report({
    start: entry.valueSpan.start,
    end: entry.valueSpan.end,
    message: `The file name says ${fileDay}, but \`meeting_time\` is on ${meetingDay}.`,
    fixes: [rename],
  });
}

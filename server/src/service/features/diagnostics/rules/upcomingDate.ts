import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { isoDay, resolveDate } from '../../../dates';
import { allSections } from '../../../parse/sections';
import { replaceSpan } from '../fixes';
import type { Rule } from '../rule';

/** Whether a position is inside `~~…~~` on its line (an event crossed out on purpose). */
function isStruckThrough(text: string, lineStart: number, offset: number): boolean {
  const before = text.slice(lineStart, offset);
  return (before.match(/~~/g)?.length ?? 0) % 2 === 1;
}

/** "Upcoming events and deadlines", "Events and deadlines", "Upcoming Events". */
const UPCOMING_SECTION = /\b(?:upcoming|events|deadlines)\b/i;

/**
 * A date in the upcoming-events section that lies before the meeting is nearly always last
 * year's number typed out of habit in January (CPANSec's "FOSDEM, 2023-02-03" in the 2024-01-06
 * minutes). When the same day a year later is upcoming, that is the fix.
 */
export const upcomingDateRule: Rule = {
  code: 'upcoming-date',
  defaultSeverity: DiagnosticSeverity.Warning,
  description: 'A date in the upcoming events section that is before the meeting (usually last year\'s year).',
  appliesTo: ['minutes'],
  linesDependOnSections: true,
  checkLines(context, report) {
    const meeting = context.meetingDate;
    if (!meeting) return;
    const meetingDay = isoDay(meeting);
    // Leaf sections about what is coming up, in document order; dates are in order too.
    const sections = allSections(context.model.sections).filter((section) => UPCOMING_SECTION.test(section.heading.label) && section.children.length === 0);
    let next = 0;
    for (const date of context.model.dates) {
      if (date.year === null || sections.length === 0) continue;
      while (next < sections.length && sections[next]!.span.end <= date.span.start) next++;
      const section = sections[next];
      if (!section || date.span.start < section.heading.span.end) continue;
      // Only an earlier year is the slip; a date days ago this year is a report of what just happened.
      if (date.year >= meeting.year) continue;
      const resolved = resolveDate(date, null);
      if (!resolved || isoDay(resolved) >= meetingDay) continue;
      if (isStruckThrough(context.model.text, context.model.lineStarts[date.line]!, date.span.start)) continue;
      const nextYear = resolved.plus({ years: 1 });
      const plausible = isoDay(nextYear) >= meetingDay && nextYear.diff(meeting, 'days').days <= 366;
      const written = context.textOf(date.span);
      const yearAt = written.lastIndexOf(String(resolved.year));
      const yearSpan = { start: date.span.start + yearAt, end: date.span.start + yearAt + 4 };
      report({
        start: date.span.start,
        end: date.span.end,
        message: `${written} is before this meeting (${meetingDay}), in a list of what is coming up${plausible ? `: ${isoDay(nextYear)} was probably meant` : ''}.`,
        fixes: plausible && yearAt >= 0 ? [replaceSpan(context, `Change the year to ${nextYear.year}`, yearSpan, String(nextYear.year))] : [],
      });
    }
  },
};

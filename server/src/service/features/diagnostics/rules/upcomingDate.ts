import type { DateTime } from 'luxon';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DocumentContext } from '../../../documentContext';
import { isoDay, resolveDate, resolveNearestDate } from '../../../time/calendarDates';
import { checkboxState, itemHolding } from '../../../parse/listItems';
import type { Section, TextDate } from '../../../parse/model';
import { allSections } from '../../../parse/sections';
import { firstOnOrAfter } from '../../../parse/tokensByLine';
import { replaceSpan } from '../fixes';
import { defineRule, documentCheck, sectionLineCheck, type LinesContext, type Reporter } from '../rule';

/** Whether a position is inside `~~…~~` on its line (an event crossed out on purpose). */
function isStruckThrough(text: string, lineStart: number, offset: number): boolean {
  const before = text.slice(lineStart, offset);
  return (before.match(/~~/g)?.length ?? 0) % 2 === 1;
}

/** "Upcoming events and deadlines", "Events and deadlines", "Upcoming Events". */
const UPCOMING_SECTION = /\b(?:upcoming|events|deadlines)\b/i;
/** Sections that look back ("Past events", "Event reports", "Recap"): what they list is over on purpose. */
const RETROSPECTIVE_SECTION = /\b(?:past|recent|recap|retrospective|reports?|done|completed|attended)\b/i;

/** Words before a date that make it a deadline: "CfP deadline", "call for papers closes", "register by". */
const DEADLINE_BEFORE =
  /\b(?:deadlines?|cfp|c4p|call for [a-z]+|submissions?|proposals|registration|register|applications?|apply|early[- ]?bird|due(?! to)|closes?|closing)\b/i;
/** "CfP opens 2025-01-10" names when something starts, not a deadline. */
const OPENING = /\b(?:opens?|opening|opened|starts?|begins?)\b/i;
/** "2025-03-01 deadline", "March 1st (CfP deadline)". */
const DEADLINE_AFTER = /^\s*\(?\s*(?:(?:cfp|c4p|submission|registration|application)\s+)?deadline\b/i;
/** How far back the words before a date may name its deadline (one clause). */
const CLAUSE_CHARS = 60;
/** Words that tell the item already knows the deadline is over (or moved). */
const PAST_TENSE = /\b(?:closed|passed|ended|expired|was|were|submitted|missed|extended|postponed|moved|sent)\b/i;
/** A year-less deadline read this many days or fewer before the meeting has clearly passed; further back, the year is a guess. */
const CLEARLY_PASSED_DAYS = 90;

/**
 * A date in the upcoming-events section that lies before the meeting is nearly always last
 * year's number typed out of habit in January (CPANSec's "FOSDEM, 2023-02-03" in the 2024-01-06
 * minutes). When the same day a year later is upcoming, that is the fix.
 *
 * And a deadline (CfP, registration, submissions) that passed before the meeting, on an item
 * that is still open or still listed as coming up: it was copied from the previous minutes and
 * nobody ticked or updated it.
 */
export const upcomingDateRule = defineRule({
  code: 'upcoming-date',
  defaultSeverity: DiagnosticSeverity.Warning,
  description: 'A date in the upcoming events that is before the meeting (usually last year\'s year), or a deadline that passed before the meeting on an item still open.',
  appliesTo: ['minutes'],
  comparesWith: 'site',
  checks: [
    documentCheck(checkPassedDeadlines),
    sectionLineCheck(['meetingDate'], (context, report) => {
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
        // A deadline written with the right year that has just passed is the other check's.
        if (isDeadline(context, date) && !isYearSlip(resolved, meeting)) continue;
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
    }),
  ],
});

/** The same day a year later is nearer the meeting than the written one: last year's number typed by habit. */
function isYearSlip(written: DateTime, meeting: DateTime): boolean {
  const nextYear = written.plus({ years: 1 });
  return Math.abs(nextYear.diff(meeting, 'days').days) < Math.abs(written.diff(meeting, 'days').days);
}

/**
 * Deadlines before the meeting on items still open (`- [ ]`, or under one): a warning, as the
 * reviewer would ask to tick or update the item. On a plain item in the upcoming events the
 * event itself may still be ahead, so a stale deadline there is information.
 */
function checkPassedDeadlines(context: DocumentContext, report: Reporter): void {
  const meeting = context.meetingDate;
  if (!meeting) return;
  const { model } = context;
  const meetingDay = isoDay(meeting);
  let sections: Section[] | null = null;
  for (const date of model.dates) {
    if (!isDeadline(context, date)) continue;
    const resolved = resolveNearestDate(date, meeting);
    if (!resolved || isoDay(resolved) >= meetingDay) continue;
    const item = itemHolding(model.listItems, date.line, date.span);
    if (!item) continue;
    const state = checkboxState(model.listItems, item);
    if (state === 'checked') continue;
    const lineStart = model.lineStarts[date.line]!;
    const lineText = model.text.slice(lineStart, model.lineStarts[date.line + 1] ?? model.text.length);
    if (PAST_TENSE.test(lineText) || isStruckThrough(model.text, lineStart, date.span.start)) continue;
    sections ??= allSections(model.sections);
    const around = sections.filter((s) => s.span.start <= date.span.start && date.span.start < s.span.end);
    if (around.some((s) => RETROSPECTIVE_SECTION.test(s.heading.label))) continue;
    const leaf = around[around.length - 1];
    const upcoming = !!leaf && leaf.children.length === 0 && UPCOMING_SECTION.test(leaf.heading.label);
    if (state === 'plain' && !upcoming) continue;
    // Last year's number in the upcoming events is reported as such, with its fix.
    if (upcoming && date.year !== null && date.year < meeting.year && isYearSlip(resolved, meeting)) continue;
    const clearly = date.year !== null || meeting.diff(resolved, 'days').days <= CLEARLY_PASSED_DAYS;
    const open = state === 'open';
    report({
      start: date.span.start,
      end: date.span.end,
      severity: open && clearly ? undefined : DiagnosticSeverity.Information,
      message: `This deadline (${isoDay(resolved)}) passed before this meeting (${meetingDay}), but the item is still ${open ? 'open: tick it or update it' : 'listed as coming up: update or remove it'}.`,
    });
  }
}

/** Whether the words around a date make it a deadline rather than an event's day. */
function isDeadline(context: LinesContext<never>, date: TextDate): boolean {
  const { model } = context;
  const lineStart = model.lineStarts[date.line]!;
  const lineEnd = model.lineStarts[date.line + 1] ?? model.text.length;
  // The clause before the date: back to the previous date on the line, at most CLAUSE_CHARS.
  let from = Math.max(lineStart, date.span.start - CLAUSE_CHARS);
  for (let i = firstOnOrAfter(model.dates, date.line); i < model.dates.length && model.dates[i]!.span.end <= date.span.start; i++) {
    from = Math.max(from, model.dates[i]!.span.end);
  }
  const before = model.text.slice(from, date.span.start);
  if (DEADLINE_BEFORE.test(before) && !OPENING.test(before)) return true;
  return DEADLINE_AFTER.test(model.text.slice(date.span.end, Math.min(lineEnd, date.span.end + 30)));
}

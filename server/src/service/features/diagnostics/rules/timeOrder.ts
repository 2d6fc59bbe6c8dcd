import type { DateTime } from 'luxon';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { momentOf } from '../../../time/calendarDates';
import type { Heading } from '../../../parse/model';
import { replaceSpan } from '../fixes';
import { defineRule, headingsCheck } from '../rule';

const START_LABEL = /\bmeeting\s+(?:start|begin)/i;

/**
 * Agenda time headings (`## 16:30 UTC – Pre-meeting socializing`, `## 17:00 UTC – Meeting start`, …)
 * run forward in time, and the start heading agrees with `meeting_time` (or records a start a
 * few minutes after it).
 */
export const timeOrderRule = defineRule({
  code: 'time-order',
  defaultSeverity: DiagnosticSeverity.Warning,
  description: 'Agenda time headings out of order, or a meeting-start heading earlier than `meeting_time` or half an hour or more after it (a few minutes late is the actual start).',
  appliesTo: ['minutes'],
  comparesWith: 'site',
  checks: [
    headingsCheck(['meetingDate', 'meetingTime'], (context, report) => {
      const day = context.meetingDate;
      const timed = context.model.headings.filter((h): h is Heading & { time: NonNullable<Heading['time']> } => h.time !== null);
      let previous: { heading: Heading; minutes: number } | null = null;
      for (const heading of timed) {
        const minutes = minutesOfDay(heading, day);
        if (minutes === null) continue;
        // A meeting may run past midnight: 23:30 followed by 00:15 is later, not earlier.
        if (previous && minutes < previous.minutes && !(previous.minutes >= 20 * 60 && minutes < 4 * 60)) {
          report({
            start: heading.time.span.start,
            end: heading.time.span.end,
            message: `"${heading.title}" is earlier than the heading before it ("${previous.heading.title}"): agenda time headings must run forward.`,
          });
        }
        previous = { heading, minutes };
      }
      const meeting = context.meetingTime;
      const start = timed.find((h) => START_LABEL.test(h.label));
      if (!meeting || !start || !day) return;
      const stated = momentOf(start.time, meeting);
      if (!stated) return;
      const minutesLate = stated.diff(meeting, 'minutes').minutes;
      if (isActualStart(minutesLate)) return;
      const hourOff = minutesLate % 60 === 0 ? ' A whole hour off is often summer or winter time converted the wrong way.' : '';
      const inHeadingZone = meeting.setZone(stated.zone);
      const right = inHeadingZone.toFormat('HH:mm');
      report({
        start: start.time.timeSpan.start,
        end: start.time.timeSpan.end,
        message: `The meeting starts at ${meeting.toFormat('HH:mm')} ${meeting.zoneName === 'UTC' ? 'UTC' : meeting.toFormat('ZZ')} by \`meeting_time\`, but this heading says ${context.textOf(start.time.span)}.${hourOff}`,
        fixes: [replaceSpan(context, `Change the heading to ${right}`, start.time.timeSpan, right, isOneRightAnswer(timed, start, meeting, day))],
      });
    }),
  ],
});

/**
 * Secretaries write down when the meeting really started (`16:05 UTC – Meeting start` for a
 * 16:00 meeting). A start up to this many minutes late is that; an earlier start, or one
 * off by about an hour (a DST conversion slip), disagrees with `meeting_time`.
 */
const LATE_START_MINUTES = 30;

function isActualStart(minutesLate: number): boolean {
  return minutesLate >= 0 && minutesLate < LATE_START_MINUTES;
}

/** Whether `later` (minutes of the day) runs forward from `earlier`: later, equal, or past midnight. */
function runsForward(earlier: number, later: number): boolean {
  return later >= earlier || (earlier >= 20 * 60 && later < 4 * 60);
}

/**
 * Whether the start heading's time from `meeting_time` is the one right answer: the heading is
 * out of order with the agenda times around it, and `meeting_time`'s time puts it back in
 * order. Two witnesses then agree on it; otherwise `meeting_time` itself may be the slip.
 */
function isOneRightAnswer(timed: readonly (Heading & { time: NonNullable<Heading['time']> })[], start: Heading & { time: NonNullable<Heading['time']> }, meeting: DateTime, day: DateTime): boolean {
  const at = timed.indexOf(start);
  const minutes = (heading: (typeof timed)[number] | undefined) => (heading ? minutesOfDay(heading, day) : null);
  const [before, now, after] = [minutes(timed[at - 1]), minutes(start), minutes(timed[at + 1])];
  if (now === null || (before === null && after === null)) return false;
  const utc = meeting.toUTC();
  const fixed = utc.hour * 60 + utc.minute;
  const inOrder = (value: number) => (before === null || runsForward(before, value)) && (after === null || runsForward(value, after));
  return !inOrder(now) && inOrder(fixed);
}

/** Minutes since midnight of the meeting day, in UTC, so headings in different zones compare. */
function minutesOfDay(heading: Heading & { time: NonNullable<Heading['time']> }, day: DateTime | null): number | null {
  if (!heading.time.zone || !day) return heading.time.hour * 60 + heading.time.minute;
  const moment = momentOf(heading.time, day);
  if (!moment) return null;
  const utc = moment.toUTC();
  return utc.hour * 60 + utc.minute;
}

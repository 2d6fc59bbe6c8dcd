import { DateTime } from 'luxon';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { isoDay, luxonZone, momentOf, resolveNearestDate } from '../../../time/calendarDates';
import type { TextTime } from '../../../parse/model';
import { replaceSpan } from '../fixes';
import { zoneAbbreviation } from '../../../time';
import { defineRule, lineCheck, type LinesContext, type Reporter } from '../rule';

/**
 * A time stated in two zones must denote one moment on that date, DST included
 * (`16:00 UTC (17:00 Europe/Amsterdam)` in winter, `(18:00 …)` in summer); and a zone
 * abbreviation must be the one in effect on the date (CEST is not used in November).
 */
export const timezoneMismatchRule = defineRule({
  code: 'timezone-mismatch',
  defaultSeverity: DiagnosticSeverity.Warning,
  description: 'A time given in two zones that do not agree on that date (DST included), or a zone abbreviation not in effect on the date.',
  appliesTo: ['minutes', 'index'],
  comparesWith: 'site',
  checks: [
    lineCheck(['meetingDate'], (context, report) => {
      const { model } = context;
      const times = model.times;
      for (let i = 0; i < times.length; i++) {
        const time = times[i]!;
        if (!time.zone) continue;
        const next = times[i + 1];
        const restated = next && next.line === time.line && next.zone && isRestatement(context, time, next) ? next : null;
        // Only abbreviations and restatements need the calendar; most times need nothing.
        if (time.zone.kind !== 'abbreviation' && !restated) continue;
        const date = dateOfLine(context, time.line);
        if (!date) continue;
        checkAbbreviation(time, date, report);
        if (restated) checkPair(context, time, restated, date, report);
      }
    }),
  ],
});

/** The date a line speaks of: a date written on it, else the meeting's. */
function dateOfLine(context: LinesContext<'meetingDate'>, line: number): DateTime | null {
  const meeting = context.meetingDate;
  const written = context.dateOnLine(line);
  return (written && resolveNearestDate(written, meeting)) || meeting;
}

/** The second time restates the first: in parentheses, or after `/`, `=` or `or`. */
function isRestatement(context: LinesContext<never>, first: TextTime, second: TextTime): boolean {
  if (second.parenthesized) return true;
  const between = context.model.text.slice(first.span.end, second.span.start);
  return /^\s*(?:\/|=|or|,)\s*$/.test(between);
}

function checkPair(context: LinesContext<never>, first: TextTime, second: TextTime, date: DateTime, report: Reporter): void {
  const moment = momentOf(first, date);
  const zone = luxonZone(second);
  if (!moment || !zone || luxonZone(first) === zone) return;
  const there = moment.setZone(zone);
  if (!there.isValid || (there.hour === second.hour % 24 && there.minute === second.minute)) return;
  const written = context.textOf(second.timeSpan);
  const right = formatLike(there, written);
  const dayNote = isoDay(there) !== isoDay(moment) ? ` on ${isoDay(there)}` : '';
  report({
    start: second.span.start,
    end: second.span.end,
    message: `${context.textOf(first.span)} on ${isoDay(moment)} is ${right}${dayNote} in ${second.zone!.text} (${zoneAbbreviation(there.zoneName!, there.toMillis())}, UTC${there.toFormat('ZZ')}), not ${written}.`,
    fixes: [replaceSpan(context, `Change ${written} to ${right}`, second.timeSpan, right)],
  });
}

function checkAbbreviation(time: TextTime, date: DateTime, report: Reporter): void {
  const zone = time.zone;
  if (!zone || zone.kind !== 'abbreviation') return;
  const moment = momentOf(time, date);
  if (!moment) return;
  const local = moment.setZone(zone.region);
  if (local.offset === zone.minutes) return;
  const inEffect = zoneAbbreviation(local.zoneName!, local.toMillis());
  report({
    start: zone.span.start,
    end: zone.span.end,
    message: `${zone.text} (UTC${moment.toFormat('ZZ')}) is not in effect on ${isoDay(date)}: ${zone.region} is on ${inEffect} (UTC${local.toFormat('ZZ')}) then. Check both the time and the zone.`,
  });
}

/** Formats a time the way the replaced one was written (`17:00`, `5pm`, `5:00 PM`). */
function formatLike(time: DateTime, written: string): string {
  const meridiem = /([ap])\.?m\.?$/i.exec(written.trim());
  if (!meridiem) return time.toFormat('HH:mm');
  const upper = meridiem[0] === meridiem[0].toUpperCase();
  const hasMinutes = written.includes(':');
  const text = time.toFormat(hasMinutes ? 'h:mm' : 'h') + (written.includes(' ') ? ' ' : '') + (time.hour < 12 ? 'am' : 'pm');
  return upper ? text.toUpperCase() : text;
}

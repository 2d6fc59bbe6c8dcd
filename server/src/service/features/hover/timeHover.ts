import { DateTime } from 'luxon';
import type { DocumentContext } from '../../documentContext';
import { isoDay, luxonZone, momentOf, resolveNearestDate } from '../../time/calendarDates';
import type { TextTime } from '../../parse/model';
import { zoneAbbreviation } from '../../time';
import { escapeMarkdown, inlineCode } from '../markdown';
import { hoverZones, readerZone } from './hoverZones';
import { zoneRows, zoneTable } from './zoneTable';

/**
 * A time written in the text (`16:30 UTC`, `(18:00 Europe/Amsterdam)`) in every zone, on the
 * date of its line or the meeting's. A time restating another on its line
 * (`17:00 UTC (18:00 Amsterdam)`) that does not agree with it is what timezone-mismatch
 * reports: the first time is taken as right, so the table converts that one (named in the
 * first line), and the hover says what each of the two is.
 */
export function timeHover(context: DocumentContext, time: TextTime): string | null {
  const written = context.dateOnLine(time.line);
  // Read as timezone-mismatch reads it: a year-less date in the year nearest the meeting.
  const date = (written && resolveNearestDate(written, context.meetingDate)) || context.meetingDate;
  if (!date) return null;
  const moment = momentOf(time, date);
  if (!moment) return null;
  const source = written ? 'the date on this line' : 'the meeting date';
  const pair = disagreement(context, time, date);
  const shown = pair ? momentOf(pair.right, date)! : moment;
  const relative = shown.toRelative({ base: DateTime.fromJSDate(context.now) });
  const lines = [
    `${inlineCode(context.textOf((pair?.right ?? time).span))} on ${escapeMarkdown(`${shown.toUTC().toFormat('ccc d LLL yyyy')} (${source})`)}${relative ? ` — ${escapeMarkdown(relative)}` : ''}`,
  ];
  if (pair) lines.push(pair.note);
  lines.push(zoneTable(zoneRows(shown, hoverZones(context), readerZone(context))));
  return lines.join('\n\n');
}

interface Disagreement {
  /** The time taken as right: the first of the two. */
  readonly right: TextTime;
  readonly note: string;
}

/** Whether `time` and the time it restates (or that restates it) disagree on `date`, and what each of them is. */
function disagreement(context: DocumentContext, time: TextTime, date: DateTime): Disagreement | null {
  const times = context.model.times;
  const at = times.indexOf(time);
  const before = times[at - 1];
  const after = times[at + 1];
  const pair =
    before && before.line === time.line && before.zone && restates(context, before, time) ? { first: before, second: time } : after && after.line === time.line && after.zone && restates(context, time, after) ? { first: time, second: after } : null;
  if (!pair) return null;
  const { first, second } = pair;
  const right = momentOf(first, date);
  const wrong = momentOf(second, date);
  const zone = luxonZone(second);
  if (!right || !wrong || !zone || luxonZone(first) === zone) return null;
  const there = right.setZone(zone);
  if (!there.isValid || (there.hour === second.hour % 24 && there.minute === second.minute)) return null;
  const firstText = context.textOf(first.span);
  const secondText = context.textOf(second.span);
  const firstZone = luxonZone(first)!;
  const inFirstZone = wrong.setZone(firstZone);
  const day = isoDay(there) === isoDay(right) ? '' : ` on ${isoDay(there)}`;
  // One line: the hover must still fit VS Code's default size with the table under it.
  const note =
    `**${escapeMarkdown(secondText)} does not match:** ` +
    escapeMarkdown(`${firstText} is ${there.toFormat('HH:mm')} ${zoneAbbreviation(zone, there.toMillis())}${day} there; ${secondText.replace(/\s.*$/, '')} is ${inFirstZone.toFormat('HH:mm')} ${zoneAbbreviation(firstZone, inFirstZone.toMillis())}.`);
  return { right: first, note };
}

/** The second time restates the first (as timezone-mismatch pairs them): in parentheses, or after `/`, `=`, `or` or a comma. */
function restates(context: DocumentContext, first: TextTime, second: TextTime): boolean {
  if (second.parenthesized) return true;
  return /^\s*(?:\/|=|or|,)\s*$/.test(context.model.text.slice(first.span.end, second.span.start));
}

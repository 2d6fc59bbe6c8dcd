import { DateTime } from 'luxon';
import type { DocumentContext } from '../../documentContext';
import { isoDay, momentOf, resolveNearestDate } from '../../time/calendarDates';
import type { TextTime } from '../../parse/model';
import { escapeMarkdown, inlineCode } from '../markdown';
import { hoverZones, readerZone } from './hoverZones';
import { zoneRows, zoneTable } from './zoneTable';

/** A time written in the text (`16:30 UTC`, `(18:00 Europe/Amsterdam)`) in every zone, on the date of its line or the meeting's. */
export function timeHover(context: DocumentContext, time: TextTime): string | null {
  const written = context.dateOnLine(time.line);
  // Read as timezone-mismatch reads it: a year-less date in the year nearest the meeting.
  const date = (written && resolveNearestDate(written, context.meetingDate)) || context.meetingDate;
  if (!date) return null;
  const moment = momentOf(time, date);
  if (!moment) return null;
  const source = written ? 'the date on this line' : 'the meeting date';
  const header = `${inlineCode(context.textOf(time.span))} on ${escapeMarkdown(isoDay(date))} (${escapeMarkdown(source)}):`;
  const relative = moment.toRelative({ base: DateTime.fromJSDate(context.now) });
  return [header, zoneTable(zoneRows(moment, hoverZones(context), readerZone(context))), relative ? escapeMarkdown(`${relative[0]!.toUpperCase()}${relative.slice(1)}.`) : '']
    .filter(Boolean)
    .join('\n\n');
}

import { DateTime } from 'luxon';
import type { MeetingTimesResult } from '../../common/protocol';
import type { DocumentContext } from '../documentContext';
import { hoverZones, readerZone } from './hover/hoverZones';
import { zoneListTable, zoneRows } from './hover/zoneTable';

/**
 * "Minutes: Show Meeting Time in Time Zones": the file's meeting (the index page's next
 * meeting) in the group's zones and the reader's; on any other file, a sentence saying why
 * there is nothing to show, in words a secretary uses.
 */
export function meetingTimes(context: DocumentContext): MeetingTimesResult {
  const name = decodeURIComponent(context.model.uri.slice(context.model.uri.lastIndexOf('/') + 1));
  if (context.kind !== 'minutes' && context.kind !== 'index') {
    return { ok: false, reason: 'not-minutes', message: `${name} is not a minutes file, so it has no meeting to show in other time zones. Open a meeting's minutes or agenda.` };
  }
  const key = context.entry('meeting_time') || context.kind !== 'index' ? 'meeting_time' : 'next_meeting_time';
  const time = context.evaluate(key)?.time;
  if (!time || !time.isValid) {
    const why = context.entry(key) ? `Jekyll cannot read its ${key} (see the Problems panel)` : `it has no ${key} in its front matter`;
    return { ok: false, reason: 'no-time', message: `${name} has no meeting time to show: ${why}.` };
  }
  const rows = zoneRows(time, hoverZones(context), readerZone(context));
  const title = `${key === 'next_meeting_time' ? 'Next meeting' : 'Meeting'} of ${time.toUTC().toFormat("cccc d LLLL yyyy, HH:mm 'UTC'")}`;
  return {
    ok: true,
    title,
    rows: rows.map((row) => ({ zone: row.zone, time: row.time, note: [row.date, row.shift && `(${row.shift})`].filter(Boolean).join(' '), reader: row.reader })),
    markdown: `**${title}**\n\n${zoneListTable(rows)}`,
    relative: time.toRelative({ base: DateTime.fromJSDate(context.now) }) ?? '',
  };
}

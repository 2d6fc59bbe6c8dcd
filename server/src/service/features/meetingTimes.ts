import type { MeetingTimesResult } from '../../shared/protocol';
import type { DocumentContext } from '../documentContext';
import { hoverZones, readerZone } from './hover/hoverZones';
import { zoneRows, zoneTable } from './hover/zoneTable';

/** "Minutes: Show Meeting Time in Time Zones": the file's meeting in the group's zones and the reader's. */
export function meetingTimes(context: DocumentContext): MeetingTimesResult | null {
  const time = context.meetingTime ?? context.evaluate('next_meeting_time')?.time ?? null;
  if (!time || !time.isValid) return null;
  const rows = zoneRows(time, hoverZones(context), readerZone(context));
  const title = `Meeting of ${time.toUTC().toFormat("cccc d LLLL yyyy, HH:mm 'UTC'")}`;
  return {
    title,
    rows: rows.map((row) => ({ zone: row.place, time: row.time, note: [row.date, row.shift].filter(Boolean).join(' ') })),
    markdown: `**${title}**\n\n${zoneTable(rows)}`,
  };
}

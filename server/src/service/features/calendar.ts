import ical from 'ical-generator';
import type { DateTime } from 'luxon';
import type { DocumentContext } from '../documentContext';
import { isoDay, momentOf, resolveDate } from '../time/calendarDates';

export interface NextMeetingEvent {
  readonly start: DateTime;
  readonly minutes: number;
  readonly summary: string;
  /** The published page, when `_config.yml` says where the site is. */
  readonly url: string | null;
  readonly uid: string;
  /** Where the time came from, for messages. */
  readonly from: 'meeting_time' | 'next_meeting_time' | 'next-meeting line';
}

export type CalendarResult = { readonly ok: true; readonly text: string; readonly event: NextMeetingEvent; readonly fileName: string } | { readonly ok: false; readonly message: string };

const DURATION = /\*\*Duration\*\*\s*:?\s*(?:(\d+(?:\.\d+)?)\s*hours?|(\d+)\s*min)/i;
const DEFAULT_MINUTES = 60;

/**
 * The next meeting a file announces: its own `meeting_time` when that is still ahead (an
 * agenda), else `next_meeting_time` (the index page), else its "Next meeting is …" line.
 */
export function nextMeetingEvent(context: DocumentContext): NextMeetingEvent | null {
  const { model } = context;
  const now = context.now.getTime();
  let start: DateTime | null = null;
  let from: NextMeetingEvent['from'] = 'meeting_time';
  const own = context.meetingTime;
  if (own && own.toMillis() > now) start = own;
  if (!start) {
    const next = context.evaluate('next_meeting_time')?.time;
    if (next?.isValid && context.entry('next_meeting_time')?.scalar?.source !== undefined && /\d{1,2}:\d{2}/.test(String(context.entry('next_meeting_time')!.scalar!.source))) {
      [start, from] = [next, 'next_meeting_time'];
    }
  }
  if (!start && model.nextMeeting?.date && model.nextMeeting.time) {
    const day = resolveDate(model.nextMeeting.date, context.meetingDate);
    const moment = day ? momentOf(model.nextMeeting.time, day) : null;
    if (moment) [start, from] = [moment, 'next-meeting line'];
  }
  if (!start) return null;
  const minutes = durationOf(model.text);
  const title = String(context.entry('title')?.scalar?.value ?? '').trim() || model.headings.find((h) => h.level === 1)?.title.trim() || 'Meeting';
  const ownDay = context.meetingDate ? isoDay(context.meetingDate) : null;
  const day = isoDay(start.toUTC());
  // "Minutes 2024-12-11" announcing the meeting of 2025-01-08 is that meeting's page-to-be.
  const summary = ownDay && from !== 'meeting_time' ? title.split(ownDay).join(day) : title;
  const page = pageUrl(context, from === 'next-meeting line' && ownDay ? ownDay : null, day);
  const host = page ? new URL(page).host : 'minutes';
  const uid = `${start.toUTC().toFormat("yyyyMMdd'T'HHmm'Z'")}-${slug(summary)}@${host}`;
  return { start: start.toUTC(), minutes, summary, url: page, uid, from };
}

/** The event as an RFC 5545 calendar (CRLF lines, folded at 75 octets, text escaped). */
export function nextMeetingCalendar(context: DocumentContext): CalendarResult {
  const event = nextMeetingEvent(context);
  if (!event) return { ok: false, message: 'This file states no next meeting with a time and zone (meeting_time ahead, next_meeting_time or a "Next meeting is …" line).' };
  const calendar = ical({ prodId: { company: 'cpansec', product: 'minutes', language: 'EN' }, name: event.summary });
  calendar.createEvent({
    id: event.uid,
    stamp: context.now,
    start: event.start.toJSDate(),
    end: event.start.plus({ minutes: event.minutes }).toJSDate(),
    summary: event.summary,
    url: event.url,
    description: event.url ? `Agenda and minutes: ${event.url}` : null,
  });
  // Every content line ends in CRLF, the last one too (RFC 5545 §3.1).
  const text = calendar.toString().replace(/\r?\n?$/, '\r\n');
  return { ok: true, text, event, fileName: `${slug(event.summary)}.ics` };
}

function durationOf(text: string): number {
  const match = DURATION.exec(text);
  if (!match) return DEFAULT_MINUTES;
  const minutes = match[1] ? Math.round(Number(match[1]) * 60) : Number(match[2]);
  return minutes > 0 && minutes <= 24 * 60 ? minutes : DEFAULT_MINUTES;
}

/**
 * The page Jekyll publishes for this file (its `permalink`, else its path with `.html`, or `/`
 * under `permalink: pretty`); for a meeting announced in other minutes, the same name with
 * that meeting's date, where the group will publish it.
 */
function pageUrl(context: DocumentContext, ownDay: string | null, day: string): string | null {
  const site = context.knowledge.site;
  if (!site.url) return null;
  const permalink = context.entry('permalink')?.scalar?.value;
  if (typeof permalink === 'string' && permalink.startsWith('/') && !ownDay) return `${site.url}${permalink}`;
  const root = `${context.knowledge.rootUri}/`;
  const uri = context.model.uri;
  if (!uri.startsWith(root)) return null;
  let path = decodeURIComponent(uri.slice(root.length));
  if (ownDay && path.includes(ownDay)) path = path.split(ownDay).join(day);
  path = path.replace(/(?:^|\/)(?:index|README)\.md$/i, (m) => (m.startsWith('/') ? '/' : '')).replace(/\.md$/i, site.pretty ? '/' : '.html');
  return `${site.url}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'meeting'
  );
}

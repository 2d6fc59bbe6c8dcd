import { resolveDate } from '../time/calendarDates';
import { attendance } from './attendance';
import type { MinutesModel } from '../parse/model';
import type { SectionHeading } from './types';
import { scanDates } from '../parse/textDates';
import { scanTimes } from '../parse/textTimes';
import { DateTime } from 'luxon';
import { actionItemsOf, sameActionItems, type ActionItemFact } from './actionItems';

/** What one minutes file contributes to the workspace's knowledge. */
export interface MinutesFacts {
  readonly uri: string;
  /** ISO date of the meeting, or null when the file does not say. */
  readonly date: string | null;
  /** The meeting's time with its zone as `meeting_time` gives it (`17:00 UTC`). */
  readonly time: string | null;
  readonly nextMeeting: { readonly date: string; readonly time: string | null } | null;
  /** Handles mentioned, by lower-case handle: how often, the spelling used most, and whether listed as attending. */
  readonly handles: ReadonlyMap<string, { readonly mentions: number; readonly spelling: string; readonly attended: boolean }>;
  readonly projectLinks: readonly { readonly org: string; readonly number: number; readonly text: string }[];
  /** The file's section headings (level 2 and deeper), in order: what the group's layout is learned from. */
  readonly sections: readonly SectionHeading[];
  /** Whether list items hold only "…" or nothing: some groups publish them as "nothing to report". */
  readonly hasEmptyItems: boolean;
  /** Checkbox items and commitments ("@x will …"), in document order. */
  readonly actionItems: readonly ActionItemFact[];
}

const FILE_NAME_DATE = /(\d{4})-(\d{2})-(\d{2})[^/]*$/;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;

export function factsOfMinutes(model: MinutesModel): MinutesFacts {
  const date = dateOfMinutes(model);
  const counts = new Map<string, Map<string, number>>();
  for (const handle of model.handles) {
    const key = handle.name.toLowerCase();
    let spellings = counts.get(key);
    if (!spellings) counts.set(key, (spellings = new Map()));
    spellings.set(handle.name, (spellings.get(handle.name) ?? 0) + 1);
  }
  const present = attendance(model).present;
  const handles = new Map<string, { mentions: number; spelling: string; attended: boolean }>();
  for (const [key, spellings] of counts) {
    let mentions = 0;
    let spelling = key;
    let best = -1;
    for (const [written, count] of spellings) {
      mentions += count;
      if (count > best) [best, spelling] = [count, written];
    }
    handles.set(key, { mentions, spelling, attended: present.has(key) });
  }
  const projectLinks = model.links
    .filter((link) => link.project && link.text.trim() !== '')
    .map((link) => ({ org: link.project!.org, number: link.project!.number, text: link.text.trim() }));
  let nextMeeting: MinutesFacts['nextMeeting'] = null;
  const next = model.nextMeeting;
  if (next?.date) {
    const meeting = date ? DateTime.fromISO(date, { zone: 'UTC' }) : null;
    const resolved = resolveDate(next.date, meeting);
    if (resolved) {
      nextMeeting = { date: resolved.toISODate()!, time: next.time ? normalTime(next.time) : null };
    }
  }
  const sections = model.headings.filter((h) => h.level > 1).map((h) => ({ level: h.level, title: h.title, label: h.label.trim(), line: h.line }));
  const hasEmptyItems = model.placeholders.some((p) => p.kind === 'ellipsis-item' || p.kind === 'empty-item');
  return { uri: model.uri, date, time: timeOfMinutes(model), nextMeeting, handles, projectLinks, sections, hasEmptyItems, actionItems: actionItemsOf(model, date) };
}

function timeOfMinutes(model: MinutesModel): string | null {
  const source = model.frontMatter?.entries.get('meeting_time')?.scalar?.source;
  const time = source ? scanTimes(String(source), [])[0] : undefined;
  return time ? normalTime(time) : null;
}

/** The meeting's date as the file states it: `meeting_time`, else the file name, else a dated first heading. */
export function dateOfMinutes(model: MinutesModel): string | null {
  const source = model.frontMatter?.entries.get('meeting_time')?.scalar?.source;
  const written = source ? scanDates(String(source), [])[0] : undefined;
  if (written && written.year !== null) return iso(written.year, written.month, written.day);
  const fromName = FILE_NAME_DATE.exec(decodeURIComponent(model.uri));
  if (fromName) return `${fromName[1]}-${fromName[2]}-${fromName[3]}`;
  const heading = model.headings.find((h) => h.level === 1);
  const fromHeading = heading ? ISO.exec(heading.title) : null;
  return fromHeading ? `${fromHeading[1]}-${fromHeading[2]}-${fromHeading[3]}` : null;
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether two readings of a file tell the workspace the same things. */
export function sameFacts(a: MinutesFacts, b: MinutesFacts): boolean {
  if (a.date !== b.date || a.time !== b.time || a.hasEmptyItems !== b.hasEmptyItems || a.nextMeeting?.date !== b.nextMeeting?.date || a.nextMeeting?.time !== b.nextMeeting?.time) return false;
  if (a.handles.size !== b.handles.size || a.projectLinks.length !== b.projectLinks.length || a.sections.length !== b.sections.length) return false;
  // An item's line only points the reader to it, as a heading's does.
  if (!sameActionItems(a.actionItems, b.actionItems)) return false;
  // A heading's line only points the reader to it: typing a line above it is no new knowledge.
  if (a.sections.some((section, i) => section.title !== b.sections[i]!.title || section.level !== b.sections[i]!.level)) return false;
  for (const [key, seen] of a.handles) {
    const other = b.handles.get(key);
    if (!other || other.mentions !== seen.mentions || other.spelling !== seen.spelling || other.attended !== seen.attended) return false;
  }
  return a.projectLinks.every((link, i) => {
    const other = b.projectLinks[i]!;
    return link.org === other.org && link.number === other.number && link.text === other.text;
  });
}

/** A written time as Jekyll reads it best: `17:00 UTC`, `18:00 Europe/Amsterdam`. */
export function normalTime(time: { hour: number; minute: number; zone: { kind: string; text: string } | null }): string {
  const clock = `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
  return time.zone ? `${clock} ${time.zone.kind === 'utc' ? 'UTC' : time.zone.text}` : clock;
}

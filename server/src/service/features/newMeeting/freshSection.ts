import { DateTime } from 'luxon';
import { endOfLine, lineAt } from '../../parse/lines';
import type { MinutesModel, Span } from '../../parse/model';
import { allSections } from '../../parse/sections';
import { spellLike } from './spelling';

/** Sections that describe the meeting itself: written fresh for the new one, never carried over. */
const FRESH = /\b(?:meeting details|welcome|attendees|attendance|present|approv\w*|elect\w*|next meeting|regrets|apologies|absents?|roll call)\b/i;
/** A role a meeting fills, as groups name it. */
const ROLE = /\b(?:chair\w*|secretary|scribe|minute[- ]?taker|note[- ]?taker|minutes|facilitator|host|moderator|organi[sz]er|deputy)\b/i;
const SECRETARY = /\b(?:secretary|scribe|minute|note|deputy)/i;
const ROLE_LINE = /^((?:\*\*|__)?)([^:*_]{1,40}?)((?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*)(.*)$/;
const ELECTION = /\belect|\bnext meeting('s)? (?:chair|organi[sz]er|roles?)/i;

export function isFreshSection(label: string): boolean {
  return FRESH.test(label);
}

export interface MeetingRoles {
  /** The minutes the roles were elected in. */
  readonly previous: MinutesModel;
  readonly date: string;
  readonly time: string;
}

/**
 * A section about the meeting itself, in the group's own words for the new meeting: role
 * lines (`**Scribe**: …`, `Meeting chair: …`) keep their labels and get the people elected
 * last time or `FIXME`; lists of people keep their headings with a `…`; the line giving the
 * meeting's date and time gives the new ones; the next-meeting line awaits a date. Open items
 * (`- [ ]`) of the section carry over as everywhere else.
 */
export function freshSection(model: MinutesModel, span: Span, roles: MeetingRoles, carried: readonly string[]): string[] {
  const elected = election(roles.previous);
  const out: string[] = [];
  const { text, lineStarts } = model;
  const items = model.listItems.filter((i) => i.span.start >= span.start && i.span.start < span.end);
  const inSection = new Set(items.map((i) => model.listItems.indexOf(i)));
  const meetingDate = meetingDateOf(model);
  const firstLine = lineAt(model.lineStarts, span.start) + 1;
  const lastLine = lineAt(model.lineStarts, Math.max(span.start, span.end - 1));
  for (let line = firstLine; line <= lastLine; line++) {
    const content = text.slice(lineStarts[line]!, endOfLine(text, lineStarts, line));
    const item = items.find((i) => i.line === line);
    if (!item) {
      // Paragraph text that names no one and no date is standing text ("Socializing …").
      const insideItem = items.some((i) => i.span.start < lineStarts[line]! && lineStarts[line]! < i.span.end);
      if (!insideItem && content.trim() && !/@\w/.test(content) && !model.dates.some((d) => d.line === line)) out.push(content);
      continue;
    }
    if (item.checkbox) continue;
    const parentInSection = item.parent >= 0 && inSection.has(item.parent);
    if (parentInSection) continue;
    const prefix = text.slice(lineStarts[line]!, item.contentSpan.start);
    const children = items.filter((i) => i.parent === model.listItems.indexOf(item));
    const datedLine = model.dates.some((d) => d.line === line && sameDay(d, meetingDate));
    if (model.nextMeeting && model.nextMeeting.line === line) {
      const head = /^(.*?\bnext meeting(?:\s+(?:is|will be))?:?)\s/i.exec(item.content);
      out.push(`${prefix}${head ? head[1]!.trimEnd() : 'Next meeting is'} FIXME`);
    } else if (datedLine) {
      out.push(spellLike(content, roles.date, /\d:\d\d/.test(content) ? roles.time : null) ?? content);
    } else if (ROLE_LINE.test(item.content) && ROLE.test(ROLE_LINE.exec(item.content)![2]!)) {
      const [, open, label, close] = ROLE_LINE.exec(item.content)!;
      const who = SECRETARY.test(label!) ? elected.secretary : /chair/i.test(label!) ? elected.chair : null;
      out.push(`${prefix}${open}${label}${close}${who ?? 'FIXME'}`);
    } else if (children.length > 0 && !children.every((c) => c.checkbox)) {
      out.push(content);
      const child = children[0]!;
      out.push(`${text.slice(lineStarts[child.line]!, child.contentSpan.start)}…`);
    } else if (children.length > 0) {
      out.push(content);
    } else {
      const handle = item.content.search(/@\w/);
      if (handle < 0 && !model.dates.some((d) => d.line === line)) out.push(content);
      else out.push(`${prefix}${handle > 0 ? item.content.slice(0, handle) : ''}…`);
    }
  }
  if (carried.length === 0) return out;
  // The group keeps its own open items here: they replace the people lists they stand in.
  const kept = out.filter((l) => !/…\s*$/.test(l) && !carried.includes(l));
  return [...kept, ...carried];
}

/** Who the previous minutes elected to chair and take minutes next time. */
export function election(model: MinutesModel): { chair: string | null; secretary: string | null } {
  const section = allSections(model.sections).find((s) => ELECTION.test(s.heading.label));
  if (!section) return { chair: null, secretary: null };
  let chair: string | null = null;
  let secretary: string | null = null;
  for (const handle of model.handles) {
    if (handle.span.start < section.span.start || handle.span.end > section.span.end) continue;
    const line = model.text.slice(model.lineStarts[handle.line]!, endOfLine(model.text, model.lineStarts, handle.line));
    if (SECRETARY.test(line) && !secretary) secretary = `@${handle.name}`;
    else if (/\b(?:chair|organi[sz]er?|organi[sz]e|host|facilitat)/i.test(line) && !chair) chair = `@${handle.name}`;
  }
  return { chair, secretary };
}

function meetingDateOf(model: MinutesModel): DateTime | null {
  const entry = model.frontMatter?.entries.get('meeting_time');
  const written = entry ? model.text.slice(entry.valueSpan.start, entry.valueSpan.end) : '';
  const iso = /\d{4}-\d{2}-\d{2}/.exec(written) ?? /\d{4}-\d{2}-\d{2}/.exec(decodeURIComponent(model.uri));
  if (iso) return DateTime.fromISO(iso[0], { zone: 'UTC' });
  const line = entry ? lineAt(model.lineStarts, entry.valueSpan.start) : -1;
  const date = model.dates.find((d) => d.line === line && d.year !== null);
  return date ? DateTime.fromObject({ year: date.year!, month: date.month, day: date.day }, { zone: 'UTC' }) : null;
}

function sameDay(d: { year: number | null; month: number; day: number }, date: DateTime | null): boolean {
  return !!date && d.month === date.month && d.day === date.day && (d.year === null || d.year === date.year);
}

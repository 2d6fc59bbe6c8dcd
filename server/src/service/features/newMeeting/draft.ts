import { DateTime } from 'luxon';
import type { ExpectedLayout } from '../../knowledge/layout';
import { matchSections } from '../../knowledge/templates';
import type { MinutesTemplate } from '../../knowledge/types';
import { endOfLine, lineAt } from '../../parse/lines';
import type { Heading, ListItem, MinutesModel, Section, Span } from '../../parse/model';
import { allSections } from '../../parse/sections';
import { carryOver } from './carryOver';
import { freshSection, isFreshSection } from './freshSection';
import { spellLike } from './spelling';

const UPCOMING = /\b(?:upcoming|events?|deadlines?|calendar|conferences?)\b/i;
const MEETING_START = /\b(?:meeting\s+(?:start|begin)s?|call to order|opening)\b/i;

export interface DraftInput {
  /** The minutes whose open items carry over. */
  readonly previous: MinutesModel;
  /** The group's latest minutes before the new meeting: its layout, title and wording (often `previous` itself). */
  readonly current: MinutesModel;
  /** The sections the group writes now, learned from its recent minutes. */
  readonly layout: ExpectedLayout | null;
  readonly template: MinutesTemplate | null;
  /** ISO date of the new meeting. */
  readonly date: string;
  /** `17:00 UTC`. */
  readonly time: string;
}

interface Part {
  readonly heading: string | null;
  readonly content: string[];
}

/**
 * The next meeting's file: the front matter and sections the group writes now (its latest
 * minutes' layout, names and wording), the time headings moved to the new start, and every
 * open item of the previous minutes with its sub-items and the headings above it, in the
 * previous minutes' order. Checked items and everything under them stay behind.
 */
export function draftNextMeeting(input: DraftInput): string {
  const { previous, current, date, time } = input;
  const eol = previous.eol;
  const structure = structureOf(input);
  const previousSections = allSections(previous.sections).filter((s) => s.heading.level >= 2);
  const currentSections = allSections(current.sections).filter((s) => s.heading.level >= 2);
  const inPrevious = matchSections(structure, previousSections.map((s) => s.heading));
  const inCurrent = current === previous ? inPrevious : matchSections(structure, currentSections.map((s) => s.heading));
  const sectionOf = (sections: readonly Section[], heading: Heading | null) => (heading ? sections.find((s) => s.heading === heading) ?? null : null);
  const clock = timeShifter(time);
  const roles = { previous, current, date, time };
  const keepEvent = upcomingFilter(previous, date);

  // Topics of the previous minutes that are not part of the layout follow the section they followed.
  const topicsAfter = new Map<number, Section[]>();
  let anchor = -1;
  for (const section of previousSections) {
    const at = inPrevious.indexOf(section.heading);
    if (at >= 0) anchor = at;
    else topicsAfter.set(anchor, [...(topicsAfter.get(anchor) ?? []), section]);
  }

  const parts: Part[] = [];
  const preamble = preambleOf(previous);
  const preambleItems = carryOver(previous, preamble);
  const title = current.sections.find((s) => s.heading.level === 1);
  if (title) parts.push({ heading: redate(current, title.heading.span, date, time), content: [] });
  if (preambleItems.length > 0) parts.push({ heading: null, content: preambleItems });
  parts.push(...topicParts(previous, topicsAfter.get(-1) ?? [], clock, roles, keepEvent));
  structure.sections.forEach((section, index) => {
    const fromPrevious = sectionOf(previousSections, inPrevious[index] ?? null);
    const fromCurrent = sectionOf(currentSections, inCurrent[index] ?? null);
    const wording = fromCurrent ?? fromPrevious;
    const model = fromCurrent ? current : previous;
    const heading = wording ? clock(model, wording.heading) : shiftTemplateHeading(section.text.split(/\r?\n/)[0]!, input, time);
    const carried = fromPrevious ? carryOver(previous, ownSpan(fromPrevious), UPCOMING.test(section.label) ? keepEvent : undefined) : [];
    let content: string[];
    if (isFreshSection(section.label)) {
      content = wording ? freshSection(model, ownSpan(wording), roles, carried) : templateBody(section.text);
    } else if (carried.length > 0) {
      content = carried;
    } else if (section.text.includes('\n')) {
      content = templateBody(section.text);
    } else {
      content = wording && hasItems(model, ownSpan(wording)) ? [placeholderItem(model, ownSpan(wording))] : [];
    }
    parts.push({ heading, content });
    parts.push(...topicParts(previous, topicsAfter.get(index) ?? [], clock, roles, keepEvent));
  });
  const body = parts.map((part) => [part.heading, part.content.join(eol)].filter((x) => x).join(`${eol}${eol}`)).filter((x) => x);
  return `${frontMatter(current, date, time, eol)}${eol}${body.join(`${eol}${eol}`)}${eol}`;
}

type Clock = (model: MinutesModel, heading: Heading) => string;
type Roles = Parameters<typeof freshSection>[2];

/**
 * The sections to write: what the group's recent minutes show; else the template, when the
 * minutes follow it; else the previous minutes' own sections.
 */
function structureOf(input: DraftInput): { sections: readonly { label: string; text: string }[] } {
  const { layout, template, previous } = input;
  if (layout?.source === 'learned' && layout.sections.length > 0) return layout;
  const headings = previous.headings.filter((h) => h.level >= 2);
  if (template) {
    const found = matchSections(template, headings).filter((h) => h !== null).length;
    if (found * 2 >= template.sections.length) return template;
  }
  return { sections: headings.map((h) => ({ label: h.label, text: `${'#'.repeat(h.level)} ${h.title}` })) };
}

/**
 * Running topics of the previous minutes (any depth): with their open items; a topic with no
 * checkboxes at all carries as a heading with a `…` to fill in; a topic whose items were all
 * done stays behind unless a subtopic under it carries something.
 */
function topicParts(previous: MinutesModel, topics: readonly Section[], clock: Clock, roles: Roles, keepEvent: (item: ListItem) => boolean): Part[] {
  const parts: (Part & { level: number; keep: boolean })[] = [];
  for (const topic of topics) {
    const span = ownSpan(topic);
    const carried = carryOver(previous, span, UPCOMING.test(topic.heading.label) ? keepEvent : undefined);
    const heading = clock(previous, topic.heading);
    let content = carried;
    let keep = carried.length > 0;
    if (isFreshSection(topic.heading.label)) {
      content = freshSection(previous, span, roles, carried);
      keep = true;
    } else if (!keep && !hasCheckboxes(previous, span)) {
      keep = true;
      content = topic.heading.time || topic.heading.level <= 2 || !hasItems(previous, span) ? [] : [placeholderItem(previous, span)];
    }
    // A carried subtopic keeps the headings above it.
    if (keep) for (let i = parts.length - 1, level = topic.heading.level; i >= 0 && level > 2; i--) {
      if (parts[i]!.level < level) {
        parts[i]!.keep = true;
        level = parts[i]!.level;
      }
    }
    parts.push({ heading, content, level: topic.heading.level, keep });
  }
  return parts.filter((p) => p.keep);
}

/** Items before the first heading. */
function preambleOf(model: MinutesModel): Span {
  return { start: model.bodyStart, end: model.headings[0]?.span.start ?? model.text.length };
}

/** The section's text without its subsections. */
export function ownSpan(section: Section): Span {
  return { start: section.span.start, end: section.children[0]?.span.start ?? section.span.end };
}

function hasItems(model: MinutesModel, span: Span): boolean {
  return model.listItems.some((i) => i.span.start >= span.start && i.span.start < span.end);
}

function hasCheckboxes(model: MinutesModel, span: Span): boolean {
  return model.listItems.some((i) => i.checkbox && i.span.start >= span.start && i.span.start < span.end);
}

/** A `…` item in the section's own list style. */
function placeholderItem(model: MinutesModel, span: Span): string {
  const item = model.listItems.find((i) => i.span.start >= span.start && i.span.start < span.end && i.parent < 0);
  if (!item) return '*   …';
  const prefix = model.text.slice(model.lineStarts[item.line]!, item.markerSpan.end);
  const gap = /^\s*/.exec(model.text.slice(item.markerSpan.end, item.contentSpan.start))![0] || ' ';
  return `${prefix}${gap}…`;
}

function templateBody(text: string): string[] {
  const body = text.split(/\r?\n/).slice(1).join('\n').trim();
  return body ? body.split('\n') : [];
}

/**
 * Moves a heading's agenda time with the meeting: the start heading to the new start, the
 * others by their distance from the scheduled start (to the quarter hour: the previous
 * minutes may record the actual start and end, `16:03 UTC – Meeting start`).
 */
function timeShifter(time: string): Clock {
  const target = minutesOfDay(time);
  const scheduled = new Map<MinutesModel, number | null>();
  const startOf = (model: MinutesModel) => {
    if (!scheduled.has(model)) {
      const entry = model.frontMatter?.entries.get('meeting_time');
      const written = entry ? model.text.slice(entry.valueSpan.start, entry.valueSpan.end) : '';
      const start = model.headings.find((h) => h.time && MEETING_START.test(h.label))?.time;
      scheduled.set(model, minutesOfDay(written) ?? (start ? start.hour * 60 + start.minute : null));
    }
    return scheduled.get(model)!;
  };
  return (model, heading) => {
    const line = model.text.slice(heading.span.start, heading.span.end);
    const from = startOf(model);
    if (!heading.time || target === null || from === null) return line;
    const own = heading.time.hour * 60 + heading.time.minute;
    const moved = MEETING_START.test(heading.label) ? target : target + Math.round((own - from) / 15) * 15;
    const text = DateTime.fromObject({ hour: 0 }, { zone: 'UTC' }).plus({ minutes: moved }).toFormat('HH:mm');
    const written = model.text.slice(heading.time.timeSpan.start, heading.time.timeSpan.end);
    const clockText = /^\d:/.test(written) && text.startsWith('0') ? text.slice(1) : text;
    return line.slice(0, heading.time.timeSpan.start - heading.span.start) + clockText + line.slice(heading.time.timeSpan.end - heading.span.start);
  };
}

function shiftTemplateHeading(line: string, input: DraftInput, time: string): string {
  const target = minutesOfDay(time);
  const start = input.template ? /^#+\s+(\d{1,2}):(\d{2}).*meeting\s+start/im.exec(input.template.text) : null;
  if (target === null || !start) return line;
  const shift = target - (Number(start[1]) * 60 + Number(start[2]));
  return line.replace(/^(#+\s+)(\d{1,2}):(\d{2})/, (_, hashes: string, h: string, m: string) => {
    const moved = DateTime.fromObject({ hour: Number(h), minute: Number(m) }, { zone: 'UTC' }).plus({ minutes: shift });
    return `${hashes}${moved.toFormat('HH:mm')}`;
  });
}

function minutesOfDay(text: string): number | null {
  const clock = /\b(\d{1,2}):(\d{2})\b/.exec(text);
  return clock ? Number(clock[1]) * 60 + Number(clock[2]) : null;
}

/**
 * Upcoming events carry over while they are still ahead: an item goes when every date on
 * its line is before the new meeting (a year-less date read in the year nearest the meeting).
 */
function upcomingFilter(previous: MinutesModel, date: string): (item: ListItem) => boolean {
  const meeting = DateTime.fromISO(date, { zone: 'UTC' });
  return (item) => {
    const dates = previous.dates.filter((d) => d.line === item.line);
    if (dates.length === 0) return true;
    return dates.some((d) => {
      const years = d.year !== null ? [d.year] : [meeting.year - 1, meeting.year, meeting.year + 1];
      const candidates = years.map((year) => DateTime.fromObject({ year, month: d.month, day: d.day }, { zone: 'UTC' })).filter((c) => c.isValid);
      candidates.sort((a, b) => Math.abs(a.diff(meeting).as('days')) - Math.abs(b.diff(meeting).as('days')));
      const nearest = candidates[0];
      return !nearest || nearest >= meeting;
    });
  };
}

/** A line of the latest minutes with its meeting's date and time replaced by the new ones. */
function redate(model: MinutesModel, span: Span, date: string, time: string): string {
  const line = model.text.slice(span.start, span.end);
  return spellLike(line, date, /\d:\d\d/.test(line) ? time : null) ?? line;
}

/** The latest minutes' front matter with the new meeting's time and a title dated like theirs. */
function frontMatter(current: MinutesModel, date: string, time: string, eol: string): string {
  const entries = current.frontMatter ? [...current.frontMatter.entries.values()] : [];
  const lines: string[] = [];
  if (!entries.some((e) => e.key === 'layout')) lines.push('layout: page');
  const valueOf = (key: string) => {
    const entry = current.frontMatter?.entries.get(key);
    return entry ? current.text.slice(entry.valueSpan.start, entry.valueSpan.end) : '';
  };
  for (const entry of entries) {
    if (entry.key === 'next_meeting_time') continue;
    const value = valueOf(entry.key);
    if (entry.key === 'meeting_time') lines.push(`meeting_time: ${spellLike(value, date, time) ?? `${date} ${time}`}`);
    else if (entry.key === 'title') lines.push(`title: ${spellLike(value, date, null) ?? value}`);
    else lines.push(current.text.slice(current.lineStarts[lineAt(current.lineStarts, entry.keySpan.start)]!, endOfLine(current.text, current.lineStarts, lineAt(current.lineStarts, entry.valueSpan.end))));
  }
  if (!entries.some((e) => e.key === 'meeting_time')) lines.push(`meeting_time: ${date} ${time}`);
  if (!entries.some((e) => e.key === 'title')) lines.push(`title: Minutes ${date}`);
  return ['---', ...lines, '---', ''].join(eol);
}

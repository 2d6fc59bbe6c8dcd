import { DateTime } from 'luxon';
import { matchSections } from '../../knowledge/templates';
import type { MinutesTemplate } from '../../knowledge/types';
import type { Heading, MinutesModel, Section } from '../../parse/model';
import { endOfLine } from '../../parse/lines';
import { parseMinutes } from '../../parse/parseMinutes';
import { allSections } from '../../parse/sections';
import { carryOver } from './carryOver';

/** Sections drafted fresh from the template, never carried over: they describe the new meeting itself. */
const FRESH = /^(?:meeting details|welcome|attendees|approve|elect|next meeting|regrets|absents)/i;
const CHAIR = /\b(?:chair|organi[sz]er?|organi[sz]e)\b/i;
const SECRETARY = /\b(?:secretary|deputy|minutes)\b/i;
const ELECTION = /\belect|\bnext meeting('s)? (?:chair|organi[sz]er)/i;

export interface DraftInput {
  readonly previous: MinutesModel;
  readonly template: MinutesTemplate;
  /** ISO date of the new meeting. */
  readonly date: string;
  /** `17:00 UTC`. */
  readonly time: string;
}

/**
 * The next meeting's file: front matter for the new date and time, the template's sections
 * (agenda times moved to the new start), chair and secretary from the previous election,
 * and the agenda carried over from the previous minutes by the group's rule.
 */
export function draftNextMeeting(input: DraftInput): string {
  const { previous, template, date, time } = input;
  const eol = previous.eol;
  const templateModel = parseMinutes(template.text, template.source, 0);
  const matched = matchSections(template, previous.headings);
  const previousSections = allSections(previous.sections);
  const sectionOf = (index: number) => {
    const heading = matched[index];
    return heading ? previousSections.find((s) => s.heading === heading) ?? null : null;
  };
  const shiftMinutes = agendaShift(templateModel, time);
  const { chair, secretary } = election(previous);
  const body: string[] = [];
  template.sections.forEach((section, index) => {
    const heading = shiftHeading(section.text.split(/\r?\n/)[0]!, shiftMinutes);
    const templateBody = section.text.split(/\r?\n/).slice(1).join(eol).trim();
    let content = templateBody;
    const source = sectionOf(index);
    if (source && !FRESH.test(section.label)) {
      const carried = carryOver(previous, ownSpan(source));
      if (carried.length > 0) content = carried.join(eol);
    }
    if (/^welcome/i.test(section.label)) content = fillWelcome(content, chair, secretary);
    body.push(content ? `${heading}${eol}${eol}${content}` : heading);
    // Topics of the previous meeting that the template does not know follow their predecessor.
    if (source) body.push(...extraTopics(previous, source, matched, eol));
  });
  const frontMatter = draftFrontMatter(previous, template, date, time, eol);
  return `${frontMatter}${eol}${body.join(`${eol}${eol}`)}${eol}`;
}

function draftFrontMatter(previous: MinutesModel, template: MinutesTemplate, date: string, time: string, eol: string): string {
  const keys = previous.frontMatter ? [...previous.frontMatter.entries.keys()] : template.frontMatterKeys;
  const value = (key: string): string => {
    if (key === 'meeting_time') return `${date} ${time}`;
    if (key === 'title') return `Minutes ${date}`;
    const entry = previous.frontMatter?.entries.get(key);
    return entry ? previous.text.slice(entry.valueSpan.start, entry.valueSpan.end) : '';
  };
  const ordered = [...new Set([...keys.filter((k) => k !== 'next_meeting_time'), 'meeting_time', 'title'])];
  if (!ordered.includes('layout')) ordered.unshift('layout');
  const lines = ordered.map((key) => `${key}: ${key === 'layout' && !previous.frontMatter?.entries.has('layout') ? 'page' : value(key)}`);
  return ['---', ...lines, '---', ''].join(eol);
}

/** How far the agenda's time headings move: from the template's start to the new meeting's. */
function agendaShift(template: MinutesModel, time: string): number {
  const start = template.headings.find((h) => h.time && /\bmeeting\s+(?:start|begin)/i.test(h.label));
  const clock = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!start?.time || !clock) return 0;
  return Number(clock[1]) * 60 + Number(clock[2]) - (start.time.hour * 60 + start.time.minute);
}

function shiftHeading(line: string, minutes: number): string {
  if (minutes === 0) return line;
  return line.replace(/^(#+\s+)(\d{1,2}):(\d{2})/, (_, hashes: string, h: string, m: string) => {
    const moved = DateTime.fromObject({ hour: Number(h), minute: Number(m) }, { zone: 'UTC' }).plus({ minutes });
    return `${hashes}${moved.toFormat('HH:mm')}`;
  });
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
    else if (CHAIR.test(line) && !chair) chair = `@${handle.name}`;
  }
  return { chair, secretary };
}

function fillWelcome(content: string, chair: string | null, secretary: string | null): string {
  return content
    .replace(/(chair:\s*)(?:…|FIXME|\.\.\.)?\s*$/im, (m, label: string) => (chair ? `${label}${chair}` : m))
    .replace(/(secretary:\s*)(?:…|FIXME|\.\.\.)?\s*$/im, (m, label: string) => (secretary ? `${label}${secretary}` : m));
}

/** The section's text without its subsections. */
function ownSpan(section: Section): { start: number; end: number } {
  return { start: section.span.start, end: section.children[0]?.span.start ?? section.span.end };
}

/**
 * Subsections of a carried section that the template does not have (CPANSec's topics, such
 * as "TLS/HTTPS in core"): their headings carry over, with their unchecked items or a `…`.
 */
function extraTopics(previous: MinutesModel, after: Section, matched: readonly (Heading | null)[], eol: string): string[] {
  const out: string[] = [];
  for (const topic of nextSiblings(previous, after)) {
    if (matched.includes(topic.heading)) break;
    if (FRESH.test(topic.heading.label)) continue;
    const heading = previous.text.slice(topic.heading.span.start, topic.heading.span.end);
    const carried = carryOver(previous, ownSpan(topic));
    out.push(`${heading}${eol}${eol}${carried.length > 0 ? carried.join(eol) : '*   …'}`);
  }
  return out;
}

/** The sections after `section` at its level, within the same parent. */
function nextSiblings(model: MinutesModel, section: Section): Section[] {
  const all = allSections(model.sections);
  const index = all.indexOf(section);
  const out: Section[] = [];
  for (const candidate of all.slice(index + 1)) {
    if (candidate.heading.level < section.heading.level) break;
    if (candidate.heading.level === section.heading.level) out.push(candidate);
  }
  return out;
}

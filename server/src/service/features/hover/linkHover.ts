import { DateTime } from 'luxon';
import type { DocumentContext } from '../../documentContext';
import type { LinkRef } from '../../parse/model';
import { renderJekyllLiquid, zoneAbbreviation } from '../../time';
import { escapeMarkdown } from '../markdown';
import { pageScope } from './meetingHover';
import { readTimeanddateLink } from '../timeanddateLink';
import { timeanddatePlace } from './places';

/**
 * A timeanddate.com link: its Liquid evaluated, then the moment it encodes (meeting details
 * and calendar links give the time in UTC, the converter in its first place's time) and that
 * moment in each of its places, named from timeanddate.com's ids.
 */
export function timeanddateHover(context: DocumentContext, link: LinkRef): string | null {
  let url = link.target;
  let rendered = false;
  if (url.includes('{{') || url.includes('{%')) {
    const result = renderJekyllLiquid(url, pageScope(context), context.build);
    if (result.error) return `timeanddate.com link: its Liquid fails (${escapeMarkdown(result.error)}).`;
    url = result.output;
    rendered = true;
  }
  const read = readTimeanddateLink(url);
  if (!read) return null;
  const places = read.places.map((id) => ({ id, ...timeanddatePlace(id, context.knowledge.places) }));
  // The converter's time is the first place's wall time; the meeting planner's links are in UTC.
  const firstZone = read.kind === 'time converter' ? (places[0]?.zone ?? null) : 'UTC';
  const moment = read.wall && firstZone ? DateTime.fromObject(read.wall.toObject(), { zone: firstZone }) : null;
  const lines: string[] = [];
  const title = `**timeanddate.com ${read.kind}**${rendered ? ' (after Jekyll renders its Liquid)' : ''}`;
  if (!read.wall) lines.push(`${title}: no date in the link.`);
  else if (moment && moment.isValid) {
    const local = firstZone === 'UTC' ? '' : ` (${moment.toFormat('HH:mm')} ${zoneAbbreviation(firstZone!, moment.toMillis())} in ${places[0]!.name})`;
    lines.push(`${title}: ${escapeMarkdown(`${moment.toUTC().toFormat("cccc d LLLL yyyy, HH:mm 'UTC'")}${local}`)}`);
  } else {
    lines.push(`${title}: ${escapeMarkdown(`${read.wall.toFormat('cccc d LLLL yyyy, HH:mm')} in the time of p1, a place Minutes cannot name`)}`);
  }
  const meeting = context.meetingTime?.toUTC();
  const day = moment && moment.isValid ? moment.toUTC() : read.wall;
  if (day && meeting && day.toISODate() !== meeting.toISODate()) {
    lines.push(escapeMarkdown(`The meeting is on ${meeting.toISODate()}, not ${day.toISODate()}: the link shows the wrong day.`));
  }
  if (places.length > 0) {
    const cells = places.map((place, index) => {
      const label = `${place.name ?? `unknown place ${place.id}`} (p${index + 1})`;
      if (!place.zone || !moment || !moment.isValid) return [escapeMarkdown(label), place.name ? '' : 'name it in .minutes.json "places"'];
      const there = moment.setZone(place.zone);
      const date = there.toISODate() === moment.toUTC().toISODate() ? '' : `, ${there.toFormat('ccc d LLL')}`;
      return [escapeMarkdown(label), escapeMarkdown(`${there.toFormat('HH:mm')} ${zoneAbbreviation(place.zone, there.toMillis())}${date}`)];
    });
    const rows = ['| Place | Time | Place | Time |', '|---|---|---|---|'];
    for (let i = 0; i < cells.length; i += 2) rows.push(`| ${[...cells[i]!, ...(cells[i + 1] ?? ['', ''])].join(' | ')} |`);
    lines.push(rows.join('\n'));
  }
  return lines.join('\n\n');
}

/**
 * A project board link (in a list item or a heading, to the board or one of its views): the
 * board's current name — from the newest minutes that link it, or .minutes.json — and the
 * names it had before.
 */
export function projectHover(context: DocumentContext, link: LinkRef): string | null {
  if (!link.project) return null;
  const { org, number } = link.project;
  const text = link.text.trim();
  const project = context.knowledge.findProject(org, number);
  if (!project) {
    const title = text ? `**${escapeMarkdown(text)}** — project ${number} of ${escapeMarkdown(org)}` : escapeMarkdown(`Project ${number} of ${org}`);
    return `${title}\n\nNew to Minutes: no other minutes link this board, and it is not in the built-in list or .minutes.json.`;
  }
  const lines = [`**${escapeMarkdown(project.name)}** — project ${project.number} of ${escapeMarkdown(project.org)}`];
  if (project.formerNames.length > 0) lines.push(`Earlier names: ${project.formerNames.map(escapeMarkdown).join('; ')}.`);
  if (text !== project.name && project.formerNames.includes(text)) lines.push(`This link uses an earlier name; the board is now called ${escapeMarkdown(project.name)}.`);
  return lines.join('\n\n');
}

import type { DocumentContext } from '../../documentContext';
import type { LinkRef } from '../../parse/model';
import { renderJekyllLiquid } from '../../time';
import { escapeMarkdown, inlineCode } from '../markdown';
import { pageScope } from './meetingHover';
import { KNOWN_PLACES, readTimeanddateLink } from '../timeanddateLink';

/** A timeanddate.com link: its Liquid evaluated, then the date, time and places it encodes. */
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
  const lines = [`**timeanddate.com ${read.kind}**${rendered ? ' (after Jekyll renders its Liquid)' : ''}`];
  lines.push(read.wall ? `Encodes ${inlineCode(read.wall.toFormat('cccc yyyy-MM-dd HH:mm'))}.` : 'Encodes no date.');
  const meeting = context.meetingTime?.toUTC();
  if (read.wall && meeting && read.wall.toISODate() !== meeting.toISODate()) {
    lines.push(escapeMarkdown(`The meeting is on ${meeting.toISODate()}, not ${read.wall.toISODate()}: the link shows the wrong day.`));
  }
  if (read.places.length > 0) {
    const names = read.places.map((id) => {
      const name = context.knowledge.places.get(id) ?? KNOWN_PLACES.get(id);
      return `p${read.places.indexOf(id) + 1}=${id}: ${name ?? 'unknown place (name it in .minutes.json "places")'}`;
    });
    lines.push(`Places:\n\n${names.map((n) => `- ${escapeMarkdown(n)}`).join('\n')}`);
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

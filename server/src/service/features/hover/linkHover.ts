import type { DocumentContext } from '../../documentContext';
import type { LinkRef } from '../../parse/model';
import { renderJekyllLiquid } from '../../time';
import { escapeMarkdown, inlineCode } from '../markdown';
import { pageScope } from './meetingHover';
import { KNOWN_PLACES, readTimeanddateLink } from '../../timeanddateLink';

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

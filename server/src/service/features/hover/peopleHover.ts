import type { DocumentContext } from '../../documentContext';
import type { HandleRef } from '../../parse/model';
import { escapeMarkdown } from '../markdown';

/** A handle: who it is, where to find them, and how present they have been. */
export function handleHover(context: DocumentContext, handle: HandleRef): string {
  const { knowledge } = context;
  const member = knowledge.findMember(handle.name);
  const usage = knowledge.usage(handle.name);
  const lines: string[] = [];
  if (member) {
    const title = `**@${escapeMarkdown(member.handle)}**${member.name ? ` — ${escapeMarkdown(member.name)}` : ''}`;
    lines.push(title);
    if (member.bio) lines.push(escapeMarkdown(member.bio));
    const login = member.github ?? member.handle;
    lines.push(`GitHub: https://github.com/${encodeURIComponent(login)}`);
    if (member.aliases.length > 0) lines.push(`Also known as ${member.aliases.map((a) => `@${escapeMarkdown(a)}`).join(', ')}.`);
  } else if (knowledge.specialHandles.has(handle.name.toLowerCase())) {
    lines.push(`**@${escapeMarkdown(handle.name)}**: a special handle for everyone, not a person.`);
  } else {
    lines.push(`**@${escapeMarkdown(handle.name)}**: not in \\_data/authors.yml.`);
  }
  if (usage) {
    const attended = usage.lastAttended ? ` Last attended the meeting of ${escapeMarkdown(usage.lastAttended)}.` : '';
    const files = usage.files === 1 ? '1 minutes file' : `${usage.files} minutes files`;
    const mentions = usage.mentions === 1 ? '1 mention' : `${usage.mentions} mentions`;
    lines.push(escapeMarkdown(`Named in ${files} (${mentions}), last on ${usage.lastSeen ?? 'an undated meeting'}.`) + attended);
  }
  return lines.join('\n\n');
}

import type { DocumentLink } from 'vscode-languageserver-types';
import type { DocumentContext } from '../documentContext';

/**
 * Clickable handles (to the member's GitHub profile, when the member is known) and project
 * links (to the board, with its current name as the tooltip).
 */
export function documentLinks(context: DocumentContext): DocumentLink[] {
  if (context.kind !== 'minutes' && context.kind !== 'index') return [];
  const links: DocumentLink[] = [];
  for (const handle of context.model.handles) {
    const member = context.knowledge.findMember(handle.name);
    if (!member) continue;
    const login = member.github ?? member.handle;
    links.push({
      range: context.range(handle.span),
      target: `https://github.com/${encodeURIComponent(login)}`,
      tooltip: `${member.name ?? member.handle} on GitHub`,
    });
  }
  for (const link of context.model.links) {
    if (!link.project || link.target.includes('{')) continue;
    const project = context.knowledge.findProject(link.project.org, link.project.number);
    links.push({
      range: context.range(link.textSpan),
      target: `https://github.com/orgs/${encodeURIComponent(link.project.org)}/projects/${link.project.number}`,
      tooltip: project ? `Project board: ${project.name}` : `Project ${link.project.number}`,
    });
  }
  return links;
}

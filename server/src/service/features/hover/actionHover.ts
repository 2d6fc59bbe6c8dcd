import type { DocumentContext } from '../../documentContext';
import { actionKey } from '../../knowledge/actionItems';
import type { ListItem } from '../../parse/model';
import { escapeMarkdown } from '../markdown';

/** An action item: when it was first written, how often carried, in which files, and its state. */
export function actionHover(context: DocumentContext, item: ListItem): string | null {
  const key = actionKey(item.content.trim());
  const found = context.knowledge.actionHistory(context.model.uri, key);
  if (!found) return null;
  const { item: tracked, upTo } = found;
  const root = `${context.knowledge.rootUri}/`;
  const path = (uri: string) => escapeMarkdown(decodeURIComponent(uri.startsWith(root) ? uri.slice(root.length) : uri));
  const first = upTo[0]!;
  const carried = upTo.length - 1;
  const lines = [
    `**Action item**${tracked.owners.length ? ` — ${tracked.owners.map((o) => `@${escapeMarkdown(o)}`).join(', ')}` : ' — no owner yet'}`,
    carried === 0
      ? escapeMarkdown(`First written in these minutes (${first.date}).`)
      : escapeMarkdown(`First written on ${first.date}, carried ${carried} meeting${carried === 1 ? '' : 's'} to this one.`),
  ];
  if (upTo.length > 1) lines.push(upTo.map((o) => `- ${escapeMarkdown(o.date)}: ${path(o.uri)}${o.checked ? ' (checked)' : ''}`).join('\n'));
  const later = tracked.occurrences.length - upTo.length;
  if (later > 0) lines.push(escapeMarkdown(`Written again in ${later} later minutes, last on ${tracked.occurrences[tracked.occurrences.length - 1]!.date}.`));
  const state = tracked.state === 'done' ? `Done${tracked.doneOn ? ` (checked on ${tracked.doneOn})` : ''}.` : tracked.state === 'dropped' ? 'Left out of the latest minutes without being checked.' : tracked.checkbox ? 'Still open.' : 'A commitment without a checkbox: nothing marks it done.';
  lines.push(escapeMarkdown(state));
  return lines.join('\n\n');
}

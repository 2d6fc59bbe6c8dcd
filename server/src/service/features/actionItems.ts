import type { ActionItem, ActionItemMeeting, ActionItemsParams, ActionItemsResult } from '../../common/protocol';
import type { ActionItemsModel, TrackedActionItem } from '../knowledge/actionItems';

const STATE_ORDER = { open: 0, dropped: 1, done: 2 } as const;
const NO_OWNER = 'no owner yet';
const NO_SECTION = 'no section';

export interface ActionItemsQuery extends Omit<ActionItemsParams, 'uri'> {
  /** Only items this handle owns (with or without `@`). */
  readonly owner?: string;
}

/** The action items as the request and the CLI give them: filtered, open first, oldest first, grouped. */
export function actionItemsReport(model: ActionItemsModel, query: ActionItemsQuery = {}): ActionItemsResult {
  const owner = query.owner?.replace(/^@/, '').toLowerCase();
  const latestMeeting = model.latestMeeting;
  const items = model.items
    .filter((item) => (query.include === 'all' || item.state === 'open') && (!owner || item.owners.some((o) => o.toLowerCase() === owner)))
    .map(toProtocol)
    .sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.since.date.localeCompare(b.since.date) || a.text.localeCompare(b.text));
  return { items, groups: groupItems(items, query.groupBy ?? 'owner'), open: items.filter((i) => i.state === 'open').length, latestMeeting };
}

function toProtocol(item: TrackedActionItem): ActionItem {
  const meetings: ActionItemMeeting[] = item.occurrences.map((o) => ({ uri: o.uri, date: o.date, line: o.line }));
  return {
    text: item.text,
    owners: item.owners,
    state: item.state,
    checkbox: item.checkbox,
    since: meetings[0]!,
    latest: meetings[meetings.length - 1]!,
    carried: item.carried,
    meetings,
    doneOn: item.doneOn,
    deadline: item.deadline,
    section: item.section,
    project: item.project,
  };
}

function groupItems(items: readonly ActionItem[], by: 'owner' | 'meeting' | 'section'): ActionItemsResult['groups'] {
  const groups = new Map<string, { label: string; items: number[] }>();
  const add = (key: string, label: string, index: number) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { label, items: [] }));
    group.items.push(index);
  };
  items.forEach((item, index) => {
    if (by === 'owner') {
      if (item.owners.length === 0) add('', NO_OWNER, index);
      for (const owner of item.owners) add(owner.toLowerCase(), `@${owner}`, index);
    } else if (by === 'meeting') {
      add(item.latest.date, item.latest.date, index);
    } else {
      const label = item.project ?? item.section ?? NO_SECTION;
      add(label.toLowerCase(), label, index);
    }
  });
  const sorted = [...groups.entries()].sort(([a], [b]) => {
    if (by === 'meeting') return b.localeCompare(a);
    // The unassigned and the unsorted last: they are the ones to ask about.
    if (a === '' || a === NO_SECTION) return 1;
    if (b === '' || b === NO_SECTION) return -1;
    return a.localeCompare(b);
  });
  return sorted.map(([, group]) => group);
}

/** "carried 6 meetings, since 2025-03-12" / "new on 2025-03-12", and how it ended. */
export function describeAge(item: ActionItem): string {
  const parts = [item.carried === 0 ? `new on ${item.since.date}` : `carried ${item.carried} meeting${item.carried === 1 ? '' : 's'}, since ${item.since.date}`];
  if (item.deadline) parts.push(`dated ${item.deadline}`);
  if (item.state === 'done') parts.push(`done${item.doneOn ? ` ${item.doneOn}` : ''}`);
  if (item.state === 'dropped') parts.push(`left out after ${item.latest.date}`);
  return parts.join('; ');
}

/** Plain lines for a terminal: one item per line under its group. */
export function actionItemsText(result: ActionItemsResult, pathOf: (uri: string) => string): string {
  const lines: string[] = [];
  for (const group of result.groups) {
    lines.push(`${group.label} (${group.items.length})`);
    for (const index of group.items) {
      const item = result.items[index]!;
      const box = item.state === 'done' ? '[x]' : item.checkbox ? '[ ]' : '[-]';
      lines.push(`  ${box} ${item.text}`);
      lines.push(`      ${describeAge(item)} — ${pathOf(item.latest.uri)}:${item.latest.line + 1}`);
    }
  }
  lines.push(`${result.open} open of ${result.items.length} listed${result.latestMeeting ? `, minutes up to ${result.latestMeeting}` : ''}.`);
  return `${lines.join('\n')}\n`;
}

/**
 * A "Review outstanding action items" section to paste into the next agenda: by owner, each
 * item once (under its first owner) as an open checkbox item, with its age and its source.
 */
export function actionItemsMarkdown(result: ActionItemsResult, pathOf: (uri: string) => string): string {
  const lines = ['### Review outstanding action items', ''];
  if (result.items.length === 0) {
    lines.push('No open action items in the minutes.');
    return `${lines.join('\n')}\n`;
  }
  const byFirstOwner = new Map<string, { label: string; items: ActionItem[] }>();
  for (const item of result.items) {
    const first = item.owners[0];
    const key = first?.toLowerCase() ?? '';
    let group = byFirstOwner.get(key);
    if (!group) byFirstOwner.set(key, (group = { label: first ? `@${first}` : 'No owner yet (volunteers?)', items: [] }));
    group.items.push(item);
  }
  const commitments = result.items.filter((item) => !item.checkbox).length;
  lines.push(`From the minutes up to ${result.latestMeeting ?? 'now'}: ${result.open} open item${result.open === 1 ? '' : 's'}, by owner, oldest first.`);
  if (commitments > 0) lines.push(`${commitments} of them were written without a checkbox ("@x will …"): tick or drop them here.`);
  lines.push('');
  const groups = [...byFirstOwner.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  for (const [, group] of groups) {
    lines.push(`- ${group.label}`);
    for (const item of group.items) {
      const box = item.state === 'done' ? '[x]' : '[ ]';
      lines.push(`    - ${box} ${item.text} _(${describeAge(item)}; ${pathOf(item.latest.uri)})_`);
    }
  }
  return `${lines.join('\n')}\n`;
}

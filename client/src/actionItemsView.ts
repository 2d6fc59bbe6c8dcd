import { commands, EventEmitter, Position, Range, ThemeIcon, TreeItem, TreeItemCollapsibleState, Uri, window, workspace, type Disposable, type TreeDataProvider } from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import {
  ActionItemsRequest,
  NextMeetingCalendarRequest,
  type ActionItem,
  type ActionItemsParams,
  type ActionItemsResult,
  type NextMeetingCalendarParams,
  type NextMeetingCalendarResult,
} from '../../server/src/common/protocol';

type GroupBy = NonNullable<ActionItemsParams['groupBy']>;
type Node = { kind: 'group'; label: string; items: readonly number[] } | { kind: 'item'; index: number };

/**
 * The explorer's "Action items" view: what the server's `minutes/actionItems` answers, shown
 * as groups and items. The server does the tracking and grouping; this only draws it.
 */
class ActionItemsProvider implements TreeDataProvider<Node> {
  private readonly changed = new EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private result: ActionItemsResult | null = null;
  groupBy: GroupBy = 'owner';
  include: 'open' | 'all' = 'open';

  constructor(private readonly client: LanguageClient) {}

  async load(): Promise<ActionItemsResult | null> {
    const uri = window.activeTextEditor?.document.uri;
    const params: ActionItemsParams = { groupBy: this.groupBy, include: this.include, ...(uri && workspace.getWorkspaceFolder(uri) ? { uri: uri.toString() } : {}) };
    this.result = await this.client.sendRequest<ActionItemsResult>(ActionItemsRequest.method, params);
    this.changed.fire(undefined);
    return this.result;
  }

  getChildren(node?: Node): Node[] {
    if (!this.result) return [];
    if (!node) return this.result.groups.map((group) => ({ kind: 'group', label: group.label, items: group.items }));
    return node.kind === 'group' ? node.items.map((index) => ({ kind: 'item', index })) : [];
  }

  getTreeItem(node: Node): TreeItem {
    if (node.kind === 'group') {
      const open = node.items.filter((i) => this.result!.items[i]!.state === 'open').length;
      const item = new TreeItem(node.label, TreeItemCollapsibleState.Expanded);
      item.description = `${open} open`;
      item.id = `group:${this.groupBy}:${node.label}`;
      return item;
    }
    const action = this.result!.items[node.index]!;
    const item = new TreeItem(action.text, TreeItemCollapsibleState.None);
    item.description = age(action);
    item.tooltip = `${action.text}\n${age(action)}\n${action.meetings.map((m) => `${m.date}  ${workspace.asRelativePath(Uri.parse(m.uri))}`).join('\n')}`;
    item.iconPath = new ThemeIcon(action.state === 'done' ? 'pass' : action.state === 'dropped' ? 'circle-slash' : action.checkbox ? 'circle-large-outline' : 'comment');
    const line = new Position(action.latest.line, 0);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [Uri.parse(action.latest.uri), { selection: new Range(line, line) }] };
    return item;
  }
}

function age(item: ActionItem): string {
  const carried = item.carried === 0 ? `new on ${item.since.date}` : `carried ${item.carried} meeting${item.carried === 1 ? '' : 's'}, since ${item.since.date}`;
  return item.state === 'done' ? `done ${item.doneOn ?? ''}`.trim() : item.state === 'dropped' ? `${carried}; left out` : carried;
}

/** Registers the view, its commands and "Minutes: Add Next Meeting to Calendar". */
export function registerActionItems(client: LanguageClient): Disposable[] {
  const provider = new ActionItemsProvider(client);
  const view = window.createTreeView('minutes.actionItems', { treeDataProvider: provider, showCollapseAll: true });
  const refresh = async () => {
    const result = await provider.load().catch(() => null);
    view.badge = result && result.open > 0 ? { value: result.open, tooltip: `${result.open} open action items` } : undefined;
    view.message = result && result.items.length === 0 ? 'No open action items in the minutes.' : undefined;
  };
  void refresh();
  return [
    view,
    workspace.onDidSaveTextDocument((document) => {
      if (document.languageId === 'markdown') void refresh();
    }),
    commands.registerCommand('minutes.refreshActionItems', refresh),
    commands.registerCommand('minutes.groupActionItems', async () => {
      const picks: { label: string; groupBy: GroupBy }[] = [
        { label: 'By owner', groupBy: 'owner' },
        { label: 'By meeting', groupBy: 'meeting' },
        { label: 'By project or section', groupBy: 'section' },
      ];
      const picked = await window.showQuickPick(picks, { title: 'Group action items' });
      if (!picked) return;
      provider.groupBy = picked.groupBy;
      await refresh();
    }),
    commands.registerCommand('minutes.toggleDoneActionItems', async () => {
      provider.include = provider.include === 'open' ? 'all' : 'open';
      await refresh();
    }),
    commands.registerCommand('minutes.addNextMeetingToCalendar', async (target?: Uri) => {
      const uri = target instanceof Uri ? target : window.activeTextEditor?.document.uri;
      const params: NextMeetingCalendarParams = uri && workspace.getWorkspaceFolder(uri) ? { uri: uri.toString() } : {};
      const result = await client.sendRequest<NextMeetingCalendarResult>(NextMeetingCalendarRequest.method, params);
      if (!result.ok) {
        void window.showWarningMessage(`Minutes: ${result.message}`);
        return;
      }
      const folder = uri ? workspace.getWorkspaceFolder(uri)?.uri : workspace.workspaceFolders?.[0]?.uri;
      const savedTo = await window.showSaveDialog({ defaultUri: folder ? Uri.joinPath(folder, result.fileName) : undefined, filters: { 'iCalendar': ['ics'] }, title: `Save "${result.summary}" as a calendar file` });
      if (!savedTo) return;
      await workspace.fs.writeFile(savedTo, new TextEncoder().encode(result.text));
      void window.showInformationMessage(`Minutes: saved ${result.summary} (${result.start}) to ${workspace.asRelativePath(savedTo)}; open it with your calendar to add it.`);
    }),
  ];
}

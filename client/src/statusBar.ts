import { commands, DiagnosticSeverity, languages, MarkdownString, StatusBarAlignment, window, workspace, type Disposable, type TextEditor } from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient';
import { Commands, type MeetingTimesResult } from '../../server/src/common/protocol';

/** How long edits settle before the item asks the server again. */
const SETTLE_MS = 400;

/**
 * A status bar item on minutes files: the meeting in the reader's own zone and the number of
 * Minutes warnings (and errors) in the file; a click opens the zone list. Hidden on other files.
 */
export function registerMeetingStatus(client: BaseLanguageClient): Disposable[] {
  const item = window.createStatusBarItem('minutes.meetingTime', StatusBarAlignment.Right, 100);
  item.name = 'Minutes: meeting time';
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  let shown: boolean | null = null;
  /** Shows or hides the item; `minutes.minutesFile` tells `when` clauses (the walkthrough's first step) that a minutes file is open. */
  const show = (visible: boolean) => {
    if (visible) item.show();
    else item.hide();
    if (shown !== visible) void commands.executeCommand('setContext', 'minutes.minutesFile', visible);
    shown = visible;
  };

  async function update(editor: TextEditor | undefined = window.activeTextEditor): Promise<void> {
    const ask = ++asked;
    const document = editor?.document;
    if (!document || document.languageId !== 'markdown' || !client.isRunning()) {
      show(false);
      return;
    }
    const uri = document.uri.toString();
    // Straight to the server: the command's own handler would open the zone list.
    const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: Commands.showMeetingTimes, arguments: [uri] }).catch(() => null)) as MeetingTimesResult | null;
    if (ask !== asked) return;
    if (!result || (!result.ok && result.reason === 'not-minutes')) {
      show(false);
      return;
    }
    const problems = languages.getDiagnostics(document.uri).filter((d) => d.source === 'minutes' && d.severity <= DiagnosticSeverity.Warning).length;
    const counted = problems > 0 ? `  $(warning) ${problems}` : '';
    const warnings = problems === 1 ? '1 warning' : `${problems} warnings`;
    const tooltip = new MarkdownString(undefined, true);
    if (result.ok) {
      const reader = result.rows.find((row) => row.reader) ?? result.rows[0];
      const day = reader?.note.split(' ').slice(0, 3).join(' ') ?? '';
      item.text = `$(calendar) ${day}, ${reader?.time ?? ''}${counted}`;
      item.accessibilityInformation = { label: `Meeting ${day}, ${reader?.time ?? ''} in your zone; ${warnings}`, role: 'button' };
      tooltip.appendMarkdown(`**${escape(result.title)}**, ${escape(result.relative)}\n\n`);
      if (reader) tooltip.appendMarkdown(`In your zone (${escape(reader.zone)}): ${escape(`${reader.time}, ${reader.note}`)}\n\n`);
    } else {
      item.text = `$(calendar) no meeting time${counted}`;
      item.accessibilityInformation = { label: `No meeting time; ${warnings}`, role: 'button' };
      tooltip.appendMarkdown(`${escape(result.message)}\n\n`);
    }
    tooltip.appendMarkdown(`${warnings} from Minutes in this file.\n\nClick to see the meeting in every zone.`);
    item.tooltip = tooltip;
    item.command = { title: 'Show Meeting Time in Time Zones', command: Commands.showMeetingTimes, arguments: [uri] };
    show(true);
  }

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), SETTLE_MS);
  };
  const isActive = (uri: { toString(): string }) => window.activeTextEditor?.document.uri.toString() === uri.toString();
  void update();
  return [
    item,
    { dispose: () => clearTimeout(timer) },
    window.onDidChangeActiveTextEditor((editor) => void update(editor)),
    workspace.onDidChangeTextDocument((event) => isActive(event.document.uri) && later()),
    languages.onDidChangeDiagnostics((event) => event.uris.some(isActive) && later()),
    workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('minutes') && later()),
    client.onDidChangeState(() => later()),
  ];
}

/** Text from files and the server, shown as text in the tooltip's Markdown. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (c) => `\\${c}`);
}

import { env, QuickPickItemKind, window, type QuickPickItem } from 'vscode';
import type { MeetingTimesResult } from '../../server/src/common/protocol';

type Choice = QuickPickItem & { readonly copy?: string; readonly what?: string };

/**
 * "Minutes: Show Meeting Time in Time Zones": the meeting in every zone. Choosing a zone copies
 * its line; the first entry copies the whole list as a Markdown table (for the minutes, a
 * chat or a mail). On a file with nothing to show, the server's sentence says why.
 */
export async function showMeetingTimes(result: MeetingTimesResult | null): Promise<void> {
  if (!result) {
    void window.showInformationMessage('Minutes: open a minutes file to see its meeting in other time zones.');
    return;
  }
  if (!result.ok) {
    void window.showInformationMessage(`Minutes: ${result.message}`);
    return;
  }
  const choices: Choice[] = [
    { label: '$(copy) Copy as Markdown table', description: 'every zone, to paste into the minutes or a chat', copy: result.markdown, what: 'the table' },
    { label: 'Zones', kind: QuickPickItemKind.Separator },
    ...result.rows.map((row) => ({
      label: row.time,
      description: row.reader ? `${row.zone} (you)` : row.zone,
      detail: row.note || undefined,
      copy: `${row.time} (${row.zone}), ${row.note}`,
      what: `the time in ${row.zone}`,
    })),
  ];
  const picked = await window.showQuickPick(choices, { title: `${result.title}, ${result.relative}`, placeHolder: 'Choose a zone to copy its line, or copy them all as a table' });
  if (!picked?.copy) return;
  await env.clipboard.writeText(picked.copy);
  window.setStatusBarMessage(`$(check) Minutes: copied ${picked.what}`, 4000);
}

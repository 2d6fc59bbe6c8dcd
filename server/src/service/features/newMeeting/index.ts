import { DateTime } from 'luxon';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { DocumentContext } from '../../documentContext';
import { templateInForce } from '../../knowledge/templates';
import type { MinutesFileInfo, MinutesSettings, WorkspaceKnowledge } from '../../knowledge/types';
import { nextSlotAfter } from '../../nextSlot';
import { positionAt } from '../../parse/lines';
import { parseMinutes } from '../../parse/parseMinutes';
import type { ReadText } from '../handles';
import { indexInsertion } from '../indexEntries';
import { draftNextMeeting } from './draft';

export type NewMeetingPlan =
  | { readonly ok: true; readonly uri: string; readonly date: string; readonly edit: WorkspaceEdit; readonly text: string }
  | { readonly ok: false; readonly message: string };

/**
 * Plans "Minutes: New Meeting": the next meeting's file beside the minutes it starts from
 * (the latest by default), named by the folder's pattern, drafted from the template and the
 * previous agenda, and listed on the index page (whose next_meeting_time moves to it) —
 * all in one WorkspaceEdit for the client to apply.
 */
export function planNewMeeting(fromUri: string | null, knowledge: WorkspaceKnowledge, settings: MinutesSettings, now: Date, readText: ReadText): NewMeetingPlan {
  const dated = knowledge.minutesFiles.filter((f) => f.date);
  const from = fromUri ? dated.find((f) => f.uri === fromUri) : dated[dated.length - 1];
  if (!from) return { ok: false, message: fromUri ? `${fromUri} is not a dated minutes file.` : 'There are no dated minutes files in this workspace to start from.' };
  const text = readText(from.uri);
  if (text === null) return { ok: false, message: `Cannot read ${from.uri}.` };
  const slot = nextSlotAfter(from, knowledge);
  const date = slot && slot.date > from.date! ? slot.date : DateTime.fromISO(from.date!).plus({ days: 14 }).toISODate()!;
  const time = slot?.time ?? from.time ?? '17:00 UTC';
  const uri = siblingUri(from, date);
  if (knowledge.minutesFiles.some((f) => f.uri === uri) || readText(uri) !== null) {
    return { ok: false, message: `${uri.slice(uri.lastIndexOf('/') + 1)} already exists.` };
  }
  const template = templateInForce(knowledge.templates, date) ?? knowledge.templates[knowledge.templates.length - 1];
  if (!template) return { ok: false, message: 'No minutes template is known.' };
  const previous = parseMinutes(text, from.uri, 0);
  const drafted = draftNextMeeting({ previous, template, date, time });
  const edit: WorkspaceEdit = {
    documentChanges: [
      { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } },
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: drafted }] },
      ...indexEdits(knowledge, settings, now, readText, { uri, date, time, nextMeeting: null, sections: [], hasEmptyItems: false }),
    ],
  };
  return { ok: true, uri, date, edit, text: drafted };
}

/** Names the new file like the one it follows: the date in the name replaced. */
function siblingUri(from: MinutesFileInfo, date: string): string {
  const slash = from.uri.lastIndexOf('/');
  const name = from.uri.slice(slash + 1);
  const renamed = /\d{4}-\d{2}-\d{2}/.test(name) ? name.replace(/\d{4}-\d{2}-\d{2}/, date) : `minutes-${date}.md`;
  return `${from.uri.slice(0, slash + 1)}${renamed}`;
}

/** Lists the new file on the index page and points its next_meeting_time at the new meeting. */
function indexEdits(knowledge: WorkspaceKnowledge, settings: MinutesSettings, now: Date, readText: ReadText, file: MinutesFileInfo) {
  const indexUri = knowledge.indexPage;
  const indexText = indexUri ? readText(indexUri) : null;
  if (!indexUri || indexText === null) return [];
  const context = new DocumentContext(parseMinutes(indexText, indexUri, 0), knowledge, settings, now);
  const edits: TextEdit[] = [];
  const at = (offset: number) => positionAt(context.model.lineStarts, offset);
  const insertion = indexInsertion(context, file);
  if (insertion) edits.push({ range: { start: at(insertion.at), end: at(insertion.at) }, newText: insertion.text });
  const next = context.entry('next_meeting_time');
  if (next && file.time !== undefined) {
    edits.push({ range: { start: at(next.valueSpan.start), end: at(next.valueSpan.end) }, newText: `${file.date} ${file.time}` });
  }
  return edits.length > 0 ? [{ textDocument: { uri: indexUri, version: null }, edits }] : [];
}

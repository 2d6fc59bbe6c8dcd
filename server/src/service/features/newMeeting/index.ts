import { DateTime } from 'luxon';
import type { TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { DocumentContext } from '../../documentContext';
import { expectedLayout } from '../../knowledge/layout';
import { templateInForce } from '../../knowledge/templates';
import type { MinutesFileInfo, MinutesSettings, WorkspaceKnowledge } from '../../knowledge/types';
import { nextSlotAfter, previousMinutes } from '../nextSlot';
import { positionAt } from '../../parse/lines';
import { parseMinutes } from '../../parse/parseMinutes';
import type { ReadText } from '../handles';
import { indexInsertion } from '../indexEntries';
import { draftNextMeeting } from './draft';
import { spellLike } from './spelling';

export type NewMeetingPlan =
  | {
      readonly ok: true;
      readonly uri: string;
      readonly date: string;
      readonly edit: WorkspaceEdit;
      readonly text: string;
      /** The minutes it was drafted from. */
      readonly from: string;
      /** What changed on the index page, in words ("listed the new file, next_meeting_time → …"), or null. */
      readonly indexChange: { readonly uri: string; readonly summary: string } | null;
    }
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
  const template = templateInForce(knowledge.templates, date) ?? knowledge.templates[knowledge.templates.length - 1] ?? null;
  const previous = parseMinutes(text, from.uri, 0);
  // The group's latest minutes before the new meeting say how it writes minutes now.
  const latest = previousMinutes(knowledge, date, uri);
  const latestText = latest && latest.uri !== from.uri ? readText(latest.uri) : null;
  const current = latestText !== null && latest ? parseMinutes(latestText, latest.uri, 0) : previous;
  const layout = expectedLayout(knowledge, uri, date);
  const drafted = draftNextMeeting({ previous, current, layout, template, date, time });
  const index = indexEdits(knowledge, settings, now, readText, { uri, date, time, nextMeeting: null, sections: [], hasEmptyItems: false });
  const edit: WorkspaceEdit = {
    documentChanges: [
      { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } },
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: drafted }] },
      ...(index ? [index.edit] : []),
    ],
  };
  return { ok: true, uri, date, edit, text: drafted, from: from.uri, indexChange: index ? { uri: index.edit.textDocument.uri, summary: index.summary } : null };
}

/** Names the new file like the one it follows: the date in the name replaced. */
function siblingUri(from: MinutesFileInfo, date: string): string {
  const slash = from.uri.lastIndexOf('/');
  const name = from.uri.slice(slash + 1);
  const renamed = /\d{4}-\d{2}-\d{2}/.test(name) ? name.replace(/\d{4}-\d{2}-\d{2}/, date) : `minutes-${date}.md`;
  return `${from.uri.slice(0, slash + 1)}${renamed}`;
}

/**
 * Lists the new file on the index page and moves its next_meeting_time forward to the new
 * meeting, written the way the index writes it. A next_meeting_time already at or after the
 * new meeting stays (a draft for an older meeting fills a gap; it does not turn the clock back).
 */
function indexEdits(knowledge: WorkspaceKnowledge, settings: MinutesSettings, now: Date, readText: ReadText, file: MinutesFileInfo) {
  const indexUri = knowledge.indexPage;
  const indexText = indexUri ? readText(indexUri) : null;
  if (!indexUri || indexText === null) return null;
  const context = new DocumentContext(parseMinutes(indexText, indexUri, 0), knowledge, settings, now);
  const edits: TextEdit[] = [];
  const said: string[] = [];
  const at = (offset: number) => positionAt(context.model.lineStarts, offset);
  const insertion = indexInsertion(context, file);
  if (insertion) {
    edits.push({ range: { start: at(insertion.at), end: at(insertion.at) }, newText: insertion.text });
    said.push(`listed ${file.uri.slice(file.uri.lastIndexOf('/') + 1)}`);
  }
  const next = context.entry('next_meeting_time');
  if (next && file.time) {
    const written = context.model.text.slice(next.valueSpan.start, next.valueSpan.end);
    const announced = context.evaluate('next_meeting_time')?.time;
    const ahead = announced?.isValid && announced.toUTC().toISODate()! >= file.date!;
    if (!ahead) {
      const quote = /^(['"])(.*)\1$/.exec(written);
      const inner = quote ? quote[2]! : written;
      const spelled = spellLike(inner, file.date!, file.time) ?? `${file.date} ${file.time}`;
      const value = quote ? `${quote[1]}${spelled}${quote[1]}` : spelled;
      if (value !== written) {
        edits.push({ range: { start: at(next.valueSpan.start), end: at(next.valueSpan.end) }, newText: value });
        said.push(`moved next_meeting_time to ${value}`);
      }
    }
  }
  if (edits.length === 0) return null;
  const edit: TextDocumentEdit = { textDocument: { uri: indexUri, version: null }, edits };
  return { edit, summary: said.join(' and ') };
}

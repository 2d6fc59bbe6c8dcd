import type { MinutesModel, NextMeetingRef, TextDate, TextTime } from './model';
import { endOfLine, lineAt } from './lines';

/** "Next meeting is …", "Next meeting: …". */
const STATEMENT = /\bnext meeting(?: is\b|:)/i;
/** A heading about the next meeting ("Next meeting", "Next meeting date, time and location"), not "Elect next meeting chair". */
const SECTION = /^next meeting\b/i;

/**
 * Finds where a document says when the group meets next: an explicit "Next meeting is …"
 * line, else the first line with a date in a "Next meeting …" section.
 */
export function findNextMeeting(model: Omit<MinutesModel, 'nextMeeting'>): NextMeetingRef | null {
  const { text, lineStarts } = model;
  const statement = new RegExp(STATEMENT.source, 'gi');
  statement.lastIndex = model.bodyStart;
  for (let match = statement.exec(text); match; match = statement.exec(text)) {
    const line = lineAt(lineStarts, match.index);
    const start = lineStarts[line]!;
    const end = endOfLine(text, lineStarts, line);
    if (/^\s*#/.test(text.slice(start, end))) continue;
    return statementOn(model, line, start, end);
  }
  for (const heading of model.headings) {
    if (!SECTION.test(heading.label.trim())) continue;
    const sectionEnd = model.headings.find((h) => h.line > heading.line && h.level <= heading.level)?.span.start ?? text.length;
    const date = model.dates.find((d) => d.span.start > heading.span.end && d.span.start < sectionEnd);
    if (!date) continue;
    const start = lineStarts[date.line]!;
    return statementOn(model, date.line, start, endOfLine(text, lineStarts, date.line));
  }
  return null;
}

function statementOn(model: Omit<MinutesModel, 'nextMeeting'>, line: number, start: number, end: number): NextMeetingRef {
  const date: TextDate | null = model.dates.find((d) => d.line === line) ?? null;
  const time: TextTime | null = model.times.find((t) => t.line === line) ?? null;
  const firstNonSpace = start + (model.text.slice(start, end).length - model.text.slice(start, end).trimStart().length);
  return { span: { start: firstNonSpace, end }, line, date, time };
}

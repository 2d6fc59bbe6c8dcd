import type { Hover, Position } from 'vscode-languageserver-types';
import type { DocumentContext } from '../../documentContext';
import { lineAt, offsetAt } from '../../parse/lines';
import type { Span } from '../../parse/model';
import { actionHover } from './actionHover';
import { projectHover, timeanddateHover } from './linkHover';
import { itemHolding } from '../../parse/listItems';
import { meetingHover } from './meetingHover';
import { handleHover } from './peopleHover';
import { timeHover } from './timeHover';

const DATE_KEYS = ['meeting_time', 'next_meeting_time'];
const TIME_LINE = /\*\*Time\*\*/;

const inside = (span: Span, offset: number) => span.start <= offset && offset <= span.end;

/**
 * The hover for a position: the meeting time (on its front-matter entry, a Liquid
 * expression using it, or the "Time" line), a time in the text, a timeanddate.com link,
 * a handle or a project link. Markdown built only from escaped text and code blocks.
 */
export function hover(context: DocumentContext, position: Position): Hover | null {
  if (context.kind !== 'minutes' && context.kind !== 'index') return null;
  const { model } = context;
  const offset = offsetAt(model.text, model.lineStarts, position);
  const answer = (value: string | null, span: Span): Hover | null =>
    value ? { contents: { kind: 'markdown', value }, range: context.range(span) } : null;

  for (const key of DATE_KEYS) {
    const entry = context.entry(key);
    if (entry && offset >= entry.keySpan.start && offset <= Math.max(entry.valueSpan.end, entry.keySpan.end)) {
      return answer(meetingHover(context, key, null), { start: entry.keySpan.start, end: Math.max(entry.valueSpan.end, entry.keySpan.end) });
    }
  }
  const liquid = model.liquid.find((l) => inside(l.span, offset));
  const link = model.links.find((l) => inside(l.span, offset));
  if (liquid) {
    const key = DATE_KEYS.find((k) => liquid.variables.includes(`page.${k}`));
    if (key && !(link && link.targetSpan.start <= liquid.span.start && inside(link.targetSpan, offset) && /timeanddate\.com/.test(link.target))) {
      return answer(meetingHover(context, key, liquid), liquid.span);
    }
  }
  if (link && inside(link.targetSpan, offset) && /timeanddate\.com/.test(link.target)) {
    const value = timeanddateHover(context, link);
    if (value) return answer(value, link.targetSpan);
  }
  const handle = model.handles.find((h) => inside(h.span, offset));
  if (handle) return answer(handleHover(context, handle), handle.span);
  const time = model.times.find((t) => inside(t.span, offset) && t.zone);
  if (time) return answer(timeHover(context, time), time.span);
  if (link?.project) return answer(projectHover(context, link), link.span);
  if (link && /timeanddate\.com/.test(link.target)) {
    const value = timeanddateHover(context, link);
    if (value) return answer(value, link.span);
  }
  const line = lineAt(model.lineStarts, offset);
  // An action item's first line: its history across the minutes.
  const item = itemHolding(model.listItems, line, { start: offset, end: offset });
  if (item && item.line === line && offset >= item.markerSpan.start) {
    const value = actionHover(context, item);
    if (value) return answer(value, { start: item.markerSpan.start, end: item.contentSpan.start + item.content.trimEnd().length });
  }
  // The whole "Time" line of the page: what it publishes.
  const lineLiquid = model.liquid.find((l) => l.line === line && DATE_KEYS.some((k) => l.variables.includes(`page.${k}`)));
  const lineText = model.text.slice(model.lineStarts[line], model.lineStarts[line + 1] ?? model.text.length);
  if (lineLiquid || TIME_LINE.test(lineText)) {
    const key = DATE_KEYS.find((k) => lineLiquid?.variables.includes(`page.${k}`)) ?? 'meeting_time';
    const span = { start: model.lineStarts[line]!, end: model.lineStarts[line]! + lineText.replace(/\r?\n$/, '').length };
    return answer(meetingHover(context, key, null), span);
  }
  return null;
}

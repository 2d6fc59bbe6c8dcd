import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { PlaceholderKind } from '../../../parse/lineTokens';
import { defineRule, lineCheck, type LinesContext } from '../rule';

const MESSAGES: Record<PlaceholderKind, string> = {
  fixme: '`FIXME` left in the file: fill it in before the minutes are published.',
  todo: '`TODO` left in the file: fill it in before the minutes are published.',
  'ellipsis-item': 'A list item with only "…": the template\'s placeholder. Write what was said, or remove the item.',
  'empty-item': 'An empty list item: the template\'s placeholder. Write what was said, or remove the item.',
  'empty-role': 'No one is named here: write who held this role at the meeting.',
};

/** Earlier minutes with "…" or empty items that make them the group's way of saying "nothing to report". */
const ROUTINE_AFTER = 2;

/**
 * Template leftovers in minutes. `FIXME` (the template's own marker) and a role nobody
 * filled in ("Meeting chair:") are what a reviewer asks about. A `TODO` note and a "…" item
 * are weaker: "…" under a board with nothing to report is a convention some groups publish,
 * so where the group's earlier minutes have such items they are not reported at all.
 * Agendas for meetings still to come may have any of them: there they are information.
 */
export const placeholderRule = defineRule({
  code: 'placeholder',
  defaultSeverity: DiagnosticSeverity.Warning,
  description: '`FIXME` or a role with no one named (warning); a `TODO` opening a line, a "…"-only or empty list item (information, and not at all where the group publishes them).',
  appliesTo: ['minutes'],
  comparesWith: 'minutes',
  checks: [
    lineCheck(['isUpcoming', 'meetingDate'], (context, report) => {
      const upcoming = context.isUpcoming;
      const routine = emptyItemsAreRoutine(context);
      for (const placeholder of context.model.placeholders) {
        const weak = placeholder.kind === 'todo' || placeholder.kind === 'ellipsis-item' || placeholder.kind === 'empty-item';
        if (routine && (placeholder.kind === 'ellipsis-item' || placeholder.kind === 'empty-item')) continue;
        const severity = upcoming || weak ? DiagnosticSeverity.Information : undefined;
        report({ start: placeholder.span.start, end: placeholder.span.end, message: MESSAGES[placeholder.kind], ...(severity ? { severity } : {}) });
      }
      // The title is front matter, which the body scan does not see; meeting_time belongs to bad-date.
      const title = context.entry('title');
      if (title) {
        const text = context.textOf(title.valueSpan);
        for (const match of text.matchAll(/\b(?:FIXME|TODO)\b/g)) {
          const start = title.valueSpan.start + match.index;
          report({ start, end: start + match[0].length, message: MESSAGES[match[0] === 'FIXME' ? 'fixme' : 'todo'], ...(upcoming ? { severity: DiagnosticSeverity.Information } : {}) });
        }
      }
    }),
  ],
});

function emptyItemsAreRoutine(context: LinesContext<'meetingDate'>): boolean {
  const date = context.meetingDate?.toISODate();
  const uri = context.model.uri;
  let earlier = 0;
  for (const file of context.knowledge.minutesFiles) {
    if (file.uri !== uri && file.hasEmptyItems && (!date || (file.date !== null && file.date < date))) earlier++;
  }
  return earlier >= ROUTINE_AFTER;
}

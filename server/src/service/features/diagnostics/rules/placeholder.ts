import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Rule } from '../rule';

const MESSAGES = {
  fixme: '`FIXME` left in the file: fill it in before the minutes are published.',
  todo: '`TODO` left in the file: fill it in before the minutes are published.',
  'ellipsis-item': 'A list item with only "…": the template\'s placeholder. Write what was said, or remove the item.',
  'empty-item': 'An empty list item: the template\'s placeholder. Write what was said, or remove the item.',
};

/** Template placeholders left in minutes. Agendas for meetings still to come may have them: there they are information. */
export const placeholderRule: Rule = {
  code: 'placeholder',
  defaultSeverity: DiagnosticSeverity.Warning,
  description: '`FIXME`, `TODO`, "…"-only or empty list items left from the template.',
  appliesTo: ['minutes'],
  checkLines(context, report) {
    const severity = context.isUpcoming ? DiagnosticSeverity.Information : undefined;
    for (const placeholder of context.model.placeholders) {
      report({ start: placeholder.span.start, end: placeholder.span.end, message: MESSAGES[placeholder.kind], ...(severity ? { severity } : {}) });
    }
    // The title is front matter, which the body scan does not see; meeting_time belongs to bad-date.
    const title = context.entry('title');
    if (title) {
      const text = context.textOf(title.valueSpan);
      for (const match of text.matchAll(/\b(?:FIXME|TODO)\b/g)) {
        const start = title.valueSpan.start + match.index;
        report({ start, end: start + match[0].length, message: MESSAGES[match[0] === 'FIXME' ? 'fixme' : 'todo'], ...(severity ? { severity } : {}) });
      }
    }
  },
};

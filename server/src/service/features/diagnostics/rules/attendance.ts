import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { attendance } from '../../../knowledge/attendance';
import { defineRule, documentCheck } from '../rule';

/** Someone listed both as attending and as absent (or sending regrets) in the same minutes. */
export const attendanceRule = defineRule({
  code: 'attendance',
  defaultSeverity: DiagnosticSeverity.Warning,
  description: 'A handle listed both among the attendees and among the absents or regrets.',
  appliesTo: ['minutes'],
  comparesWith: 'site',
  checks: [
    documentCheck((context, report) => {
      const { present, away } = attendance(context.model);
      for (const [key, absent] of away) {
        const attended = present.get(key);
        if (!attended) continue;
        report({
          start: absent.span.start,
          end: absent.span.end,
          message: `@${absent.name} is listed as absent here but also among the attendees (line ${attended.line + 1}).`,
          related: [{ location: { uri: context.model.uri, range: context.range(attended.span) }, message: `@${attended.name} among the attendees` }],
        });
      }
    }),
  ],
});

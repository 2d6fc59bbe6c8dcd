import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { defineRule, documentCheck } from '../rule';
import { suppressionProblems } from '../suppressions';

/** A suppression comment that suppresses nothing because Minutes does not know what it names. */
export const suppressionRule = defineRule({
  code: 'suppression',
  defaultSeverity: DiagnosticSeverity.Warning,
  description: 'A suppression comment (`<!-- minutes-disable … -->`) naming a code or a directive Minutes does not know, so that it suppresses nothing.',
  appliesTo: ['minutes', 'index'],
  comparesWith: 'site',
  checks: [
    documentCheck((context, report) => {
      for (const problem of suppressionProblems(context.model)) {
        const replacement = problem.replacement;
        report({
          start: problem.start,
          end: problem.end,
          message: problem.message,
          fixes: replacement ? [{ title: `Change to ${replacement}`, preferred: true, edit: { changes: { [context.model.uri]: [{ range: context.range(problem), newText: replacement }] } } }] : [],
        });
      }
    }),
  ],
});

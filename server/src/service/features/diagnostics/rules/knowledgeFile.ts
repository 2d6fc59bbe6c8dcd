import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { defineRule } from '../rule';

/**
 * Problems the workspace index found in the files Minutes learns from, reported on those
 * files: an error where the file (or a part of it) could not be used, a warning otherwise.
 */
export const knowledgeFileRule = defineRule({
  code: 'knowledge-file',
  defaultSeverity: DiagnosticSeverity.Error,
  description: 'Problems in `_data/authors.yml`, `.minutes.json` or `_config.yml` that change what Minutes knows.',
  checkKnowledgeFile({ uri, knowledge }, report) {
    for (const problem of knowledge.problems) {
      if (problem.uri !== uri) continue;
      report({ start: problem.span.start, end: problem.span.end, message: problem.message, ...(problem.severity === 'error' ? {} : { severity: DiagnosticSeverity.Warning }) });
    }
  },
});

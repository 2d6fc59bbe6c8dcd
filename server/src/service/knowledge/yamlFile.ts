import { parseDocument, type Document } from 'yaml';
import type { KnowledgeProblem } from './types';

/**
 * Parses a YAML knowledge file as Jekyll's loader reads it (YAML 1.1). Syntax errors become
 * problems located where YAML found them; `consequence` says what they mean for the user.
 */
export function parseYamlFile(text: string, uri: string, name: string, consequence: string): { doc: Document.Parsed; problems: KnowledgeProblem[] } {
  const doc = parseDocument(text, { version: '1.1', prettyErrors: false });
  const problems: KnowledgeProblem[] = doc.errors.map((error) => ({
    uri,
    span: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) },
    message: `${name} is not valid YAML: ${error.message.split('\n')[0]}. ${consequence}`,
    severity: 'error',
  }));
  return { doc, problems };
}

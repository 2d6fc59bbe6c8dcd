import { isMap, isScalar, parseDocument, visit, type Document } from 'yaml';
import type { KnowledgeProblem } from './types';

/**
 * Parses a YAML knowledge file as Jekyll's loader reads it (YAML 1.1). Syntax errors become
 * problems located where YAML found them; `consequence` says what they mean for the user.
 */
export function parseYamlFile(text: string, uri: string, name: string, consequence: string): { doc: Document.Parsed; problems: KnowledgeProblem[] } {
  // The yaml package's own duplicate-key check compares every key with every other (a roster
  // of 20,000 members took seconds); keys are checked here with a set instead.
  const doc = parseDocument(text, { version: '1.1', prettyErrors: false, uniqueKeys: false });
  const problem = (start: number, end: number, message: string): KnowledgeProblem => ({
    uri,
    span: { start, end: Math.max(end, start + 1) },
    message: `${name} is not valid YAML: ${message}. ${consequence}`,
    severity: 'error',
  });
  const problems = doc.errors.map((error) => problem(error.pos[0], error.pos[1], error.message.split('\n')[0]!));
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (!seen.has(key)) seen.add(key);
        else if (isScalar(pair.key) && pair.key.range) problems.push(problem(pair.key.range[0], pair.key.range[1], 'Map keys must be unique'));
      }
    },
  });
  return { doc, problems };
}

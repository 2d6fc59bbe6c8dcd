import { Composer, isMap, isScalar, Lexer, Parser, visit, YAMLParseError, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import { runSteps, type Steps } from '../steps';
import type { KnowledgeProblem } from './types';

/**
 * Jekyll's loader reads YAML 1.1. The yaml package's own duplicate-key check compares every
 * key with every other (a roster of 20,000 members took seconds); keys are checked here with
 * a set instead.
 */
const OPTIONS: DocumentOptions & ParseOptions & SchemaOptions = { version: '1.1', prettyErrors: false, uniqueKeys: false };
/** Lexical tokens between two points where the parse may stop: a few milliseconds of work. */
const TOKENS_PER_STEP = 2_000;

export interface YamlFile {
  readonly doc: Document.Parsed;
  readonly problems: KnowledgeProblem[];
}

/**
 * Parses a YAML knowledge file. Syntax errors become problems located where YAML found them;
 * `consequence` says what they mean for the user.
 */
export function parseYamlFile(text: string, uri: string, name: string, consequence: string): YamlFile {
  return runSteps(parseYamlFileSteps(text, uri, name, consequence));
}

/** `parseYamlFile` as work that may stop between steps (see `steps.ts`). */
export function* parseYamlFileSteps(text: string, uri: string, name: string, consequence: string): Steps<YamlFile> {
  const doc = yield* parseDocumentSteps(text);
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

/**
 * What the yaml package's `parseDocument` does, through its streaming API (lexer, parser,
 * composer), so that the lexing and parsing (most of the time) can stop between tokens.
 * Composing the document's nodes is one step.
 */
function* parseDocumentSteps(text: string): Steps<Document.Parsed> {
  const lexer = new Lexer();
  const parser = new Parser();
  const composer = new Composer(OPTIONS);
  let first: Document.Parsed | null = null;
  let more = false;
  const take = (docs: Iterable<Document.Parsed>) => {
    for (const doc of docs) {
      if (!first) first = doc;
      else if (!more) {
        more = true;
        first.errors.push(new YAMLParseError([doc.range[0], doc.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      }
    }
  };
  let tokens = 0;
  for (const lexeme of lexer.lex(text)) {
    for (const token of parser.next(lexeme)) take(composer.next(token));
    if (++tokens % TOKENS_PER_STEP === 0) yield;
  }
  for (const token of parser.end()) take(composer.next(token));
  // Forced: an empty file is one empty document, as parseDocument gives.
  take(composer.end(true, text.length));
  return first!;
}

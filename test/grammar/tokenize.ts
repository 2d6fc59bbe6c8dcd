import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';

const ROOT = process.cwd();
const grammarFiles: Record<string, string> = {
  'text.html.markdown': join(ROOT, 'node_modules/tm-grammars/grammars/markdown.json'),
  'source.yaml': join(ROOT, 'node_modules/tm-grammars/grammars/yaml.json'),
  'minutes.injection': join(ROOT, 'syntaxes/minutes.injection.tmLanguage.json'),
};

let markdown: Promise<IGrammar> | null = null;

/** Markdown as VS Code colours it, with our injection grammar (loaded once). */
export function markdownGrammar(): Promise<IGrammar> {
  markdown ??= (async () => {
    const wasm = readFileSync(join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scopeName) => {
        const path = grammarFiles[scopeName];
        return path ? parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
      },
      getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? ['minutes.injection'] : undefined),
    });
    const grammar = await registry.loadGrammar('text.html.markdown');
    if (!grammar) throw new Error('no Markdown grammar');
    return grammar;
  })();
  return markdown;
}

export interface ScopedToken {
  readonly line: number;
  readonly text: string;
  /** Our scopes only (those ending in .minutes), innermost last. */
  readonly scopes: readonly string[];
  /** All scopes, for negative checks. */
  readonly all: readonly string[];
}

/** Tokenizes a document line by line and keeps the tokens that carry one of our scopes. */
export async function minutesTokens(text: string): Promise<ScopedToken[]> {
  const grammar = await markdownGrammar();
  const tokens: ScopedToken[] = [];
  let state = INITIAL;
  text.split(/\r?\n/).forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const token of result.tokens) {
      const scopes = token.scopes.filter((s) => s.endsWith('.minutes'));
      if (scopes.length === 0) continue;
      tokens.push({ line: line + 1, text: lineText.slice(token.startIndex, token.endIndex), scopes, all: token.scopes });
    }
    state = result.ruleStack;
  });
  return tokens;
}

/** The snapshot text: one line a token, `line | text | scopes`. */
export function snapshotOf(tokens: readonly ScopedToken[]): string {
  return tokens.map((t) => `${String(t.line).padStart(3)} | ${JSON.stringify(t.text)} | ${t.scopes.join(' ')}`).join('\n') + '\n';
}

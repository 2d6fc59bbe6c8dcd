import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMinutesService, DEFAULT_SETTINGS, RULE_CODES, WorkspaceIndex, type MinutesService, type MinutesSettings, type WorkspaceKnowledge } from '../../server/src/service';
import { fixture, type Fixture } from './fixture';

export const SITE = 'file:///site';
/** A fixed "now" for tests: after every corpus meeting, before the oracle's build clock. */
export const TEST_NOW = new Date('2025-06-01T12:00:00Z');

export interface Workspace {
  /** Other files of the site, by path from its root. */
  files?: Record<string, string>;
  now?: Date;
  settings?: Partial<MinutesSettings>;
}

export function workspaceIndex(files: Record<string, string> = {}): WorkspaceIndex {
  const index = new WorkspaceIndex(SITE, RULE_CODES);
  // The config first, as a scan reads it.
  const ordered = Object.entries(files).sort(([a], [b]) => Number(b === '.minutes.json') - Number(a === '.minutes.json'));
  for (const [path, text] of ordered) index.update(`${SITE}/${path}`, text);
  return index;
}

/** Minutes' diagnostics always carry plain-text messages. */
export type PlainDiagnostic = Diagnostic & { message: string };

export interface Checked {
  readonly fixture: Fixture;
  readonly diagnostics: PlainDiagnostic[];
  /** The diagnostics of one code. */
  of(code: string): PlainDiagnostic[];
  /** The text each diagnostic of a code covers. */
  textsOf(code: string): string[];
  /** Applies the first quick fix of a diagnostic and returns the document's new text. */
  applyFix(diagnostic: Diagnostic, title?: string | RegExp): string;
  actions(diagnostic: Diagnostic): CodeAction[];
}

export interface Opened {
  readonly fixture: Fixture;
  readonly service: MinutesService;
  readonly knowledge: WorkspaceKnowledge;
  readonly settings: MinutesSettings;
  readonly index: WorkspaceIndex;
  /** Reads the site's other files (for references, rename, New Meeting). */
  readonly readText: (uri: string) => string | null;
  /** The hover's Markdown at the first `$0`, or null. */
  hover(): string | null;
}

/** Opens a `$0`-marked fixture as the file at `path` in a site holding `workspace.files`. */
export function open(marked: string, path = 'meetings/cpansec-minutes-2024-11-15.md', workspace: Workspace = {}): Opened {
  const uri = `${SITE}/${path}`;
  const f = fixture(marked, uri);
  const index = workspaceIndex(workspace.files);
  index.update(uri, f.text);
  const now = workspace.now ?? TEST_NOW;
  const service = createMinutesService({ clock: () => now });
  const settings = { ...DEFAULT_SETTINGS, ...workspace.settings };
  const knowledge = index.knowledge();
  const texts = new Map(Object.entries(workspace.files ?? {}).map(([p, text]) => [`${SITE}/${p}`, text]));
  texts.set(uri, f.text);
  return {
    fixture: f,
    service,
    knowledge,
    settings,
    index,
    readText: (u) => texts.get(u) ?? null,
    hover() {
      const result = service.hover(f.document, f.position, knowledge, settings);
      return result ? (result.contents as { value: string }).value : null;
    },
  };
}

/** Checks a `$0`-marked fixture as the file at `path` in a site holding `workspace.files`. */
export function check(marked: string, path = 'meetings/cpansec-minutes-2024-11-15.md', workspace: Workspace = {}): Checked {
  const { fixture: f, service, knowledge, settings } = open(marked, path, workspace);
  const uri = f.document.uri;
  const diagnostics = service.diagnostics(f.document, knowledge, settings) as PlainDiagnostic[];
  const actions = (diagnostic: Diagnostic) =>
    service.codeActions(f.document, diagnostic.range, { diagnostics: [diagnostic] }, knowledge, settings);
  return {
    fixture: f,
    diagnostics,
    of: (code) => diagnostics.filter((d) => d.code === code),
    textsOf: (code) => diagnostics.filter((d) => d.code === code).map((d) => f.document.getText(d.range)),
    actions,
    applyFix(diagnostic, title) {
      const all = actions(diagnostic);
      const action = title === undefined ? all[0] : all.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
      if (!action?.edit?.changes?.[uri]) throw new Error(`no fix${title ? ` "${String(title)}"` : ''} for: ${diagnostic.message} (have: ${all.map((a) => a.title).join(', ')})`);
      return TextDocument.applyEdits(f.document, action.edit.changes[uri]);
    },
  };
}

import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMinutesService, DEFAULT_SETTINGS, DISABLE_KIND, RULE_CODES, WorkspaceIndex, type MinutesService, type MinutesSettings, type WorkspaceKnowledge } from '../../server/src/service';
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
  // Every finding also offers "Disable <code> for this line" (test/unit/diagnostics/suppressions.test.ts):
  // left out here, where a finding's own fixes are what is checked.
  const actions = (diagnostic: Diagnostic) =>
    service.codeActions(f.document, diagnostic.range, { diagnostics: [diagnostic] }, knowledge, settings).filter((action) => action.kind !== DISABLE_KIND);
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

export interface Drafted {
  readonly plan: Extract<ReturnType<MinutesService['newMeeting']>, { ok: true }>;
  /** The new file's text. */
  readonly text: string;
  /** The index page after the edit, or null when it was not edited. */
  readonly index: string | null;
  /** The site's files with the draft and the edited index page in place. */
  readonly files: Record<string, string>;
}

/** Runs New Meeting on the file at `from` (null: the latest) in a site of `files`, and applies its edit. */
export function draftNewMeeting(files: Record<string, string>, from: string | null, now: Date = TEST_NOW): Drafted {
  const index = workspaceIndex(files);
  const service = createMinutesService({ clock: () => now });
  const texts = new Map(Object.entries(files).map(([p, text]) => [`${SITE}/${p}`, text]));
  const plan = service.newMeeting(from === null ? null : `${SITE}/${from}`, index.knowledge(), DEFAULT_SETTINGS, (u) => texts.get(u) ?? null);
  if (!plan.ok) throw new Error(plan.message);
  const after = { ...files, [plan.uri.slice(SITE.length + 1)]: plan.text };
  let indexText: string | null = null;
  for (const change of plan.edit.documentChanges ?? []) {
    if (!('textDocument' in change) || change.textDocument.uri === plan.uri) continue;
    const path = change.textDocument.uri.slice(SITE.length + 1);
    indexText = TextDocument.applyEdits(TextDocument.create(change.textDocument.uri, 'markdown', 1, files[path]!), change.edits as TextEdit[]);
    after[path] = indexText;
  }
  return { plan, text: plan.text, index: indexText, files: after };
}

/** The diagnostics of a site's file, with the site around it. */
export function diagnosticsOf(files: Record<string, string>, path: string, now: Date = TEST_NOW): PlainDiagnostic[] {
  const index = workspaceIndex(files);
  const service = createMinutesService({ clock: () => now });
  const document = TextDocument.create(`${SITE}/${path}`, 'markdown', 1, files[path]!);
  return service.diagnostics(document, index.knowledge(), DEFAULT_SETTINGS) as PlainDiagnostic[];
}

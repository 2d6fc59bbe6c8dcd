import type {
  CodeAction,
  CodeActionContext,
  CompletionItem,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
  Range,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import { Settings } from 'luxon';
import { DocumentContext } from './documentContext';
import { DEFAULT_SETTINGS } from './knowledge/types';
import { actionItemsReport, type ActionItemsQuery } from './features/actionItems';
import { nextMeetingCalendar, type CalendarResult } from './features/calendar';
import { codeActions } from './features/codeActions';
import { completions } from './features/completion';
import { documentLinks } from './features/documentLinks';
import { handleReferences, prepareHandleRename, renameHandle, type ReadText } from './features/handles';
import { hover } from './features/hover';
import { meetingTimes } from './features/meetingTimes';
import { planNewMeeting, type NewMeetingPlan } from './features/newMeeting';
import { documentSymbols, foldingRanges } from './features/structure';
import type { ActionItemsResult, MeetingTimesResult } from '../common/protocol';
import type { ActionItemsModel } from './knowledge/actionItems';
import { diagnose, diagnoseKnowledgeFile, SOURCE, stillHolds, type Diagnosis } from './features/diagnostics/diagnose';
import { RULES } from './features/diagnostics/rules';
import { applySuppressions, disableActions } from './features/diagnostics/suppressions';
import type { MinutesSettings, WorkspaceKnowledge } from './knowledge/types';
import { silentLogger, type Logger } from './logger';
import type { MinutesModel } from './parse/model';
import { parseMinutes, type LineTokenCache } from './parse/parseMinutes';
import { reparseMinutes, type ModelPatch } from './parse/reparse';

export { DocumentContext } from './documentContext';
export { RULES } from './features/diagnostics/rules';
export { FIX_ALL_KIND } from './features/codeActions';
export { DISABLE_KIND } from './features/diagnostics/suppressions';
export { WorkspaceIndex } from './knowledge/workspaceIndex';
export { CONFIG_FILE_NAME } from './knowledge/config';
export { DEFAULT_SETTINGS, type MinutesSettings, type WorkspaceKnowledge } from './knowledge/types';
export type { ReadText } from './features/handles';
export { actionItemsMarkdown, actionItemsText, describeAge } from './features/actionItems';
export type { Logger } from './logger';

interface CachedDocument {
  readonly model: MinutesModel;
  /** Built from the first edit on; one-shot parses go without. */
  readonly lines: LineTokenCache | null;
  /** How this model was patched from the previous version, when it was. */
  readonly patch: ModelPatch | null;
  /** The last diagnosis: of the previous version until this one is diagnosed. */
  diagnosis: Diagnosis | null;
}

/** The least a document must offer: what LSP's TextDocument has. */
export interface TextDocumentLike {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export interface MinutesServiceOptions {
  readonly logger?: Logger;
  /** The clock (tests fix it; values without a year and "upcoming" depend on it). */
  readonly clock?: () => Date;
}

// Minutes speaks English whatever the machine's language: month and day names and "2 years
// ago" in its messages and hovers (Jekyll's date filters print English names too), and the
// same report from a CI runner set to another language.
Settings.defaultLocale = 'en-US';

/** All diagnostic codes, for validating configuration. */
export const RULE_CODES: readonly string[] = RULES.map((rule) => rule.code);

/**
 * The Minutes language service: text and workspace knowledge in, LSP types out. It owns
 * only the parse cache (one model per open document version); it never talks to a client.
 */
export function createMinutesService(options: MinutesServiceOptions = {}) {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? (() => new Date());
  /** Per open document: its latest model, what the next parse can reuse, and its last diagnosis. */
  const documents = new Map<string, CachedDocument>();

  function cachedParse(document: TextDocumentLike): CachedDocument {
    const cached = documents.get(document.uri);
    if (cached && cached.model.version === document.version && document.version >= 0) return cached;
    // A document seen for the first time is parsed without building the line cache: one-shot
    // checks (the CLI, a file opened to read) never need it; the first edit starts it, and
    // later edits patch the model where they can.
    const text = document.getText();
    const patched = cached?.lines && document.version > cached.model.version ? reparseMinutes(cached.model, text, document.version, cached.lines) : null;
    const lines: LineTokenCache | null = cached ? (cached.lines ?? { lines: new Map() }) : null;
    const entry: CachedDocument = patched
      ? { model: patched.model, lines, patch: patched.patch, diagnosis: cached?.diagnosis ?? null }
      : { model: parseMinutes(text, document.uri, document.version, lines ?? undefined), lines, patch: null, diagnosis: null };
    documents.set(document.uri, entry);
    return entry;
  }

  function parse(document: TextDocumentLike): MinutesModel {
    return cachedParse(document).model;
  }

  function contextOf(document: TextDocumentLike, knowledge: WorkspaceKnowledge, settings: MinutesSettings): DocumentContext {
    return new DocumentContext(parse(document), knowledge, settings, clock());
  }

  function diagnostics(document: TextDocumentLike, knowledge: WorkspaceKnowledge, settings: MinutesSettings): Diagnostic[] {
    const entry = cachedParse(document);
    const context = new DocumentContext(entry.model, knowledge, settings, clock());
    const last = entry.diagnosis;
    // Asked again for the same version (pull after push, code actions): the same answer.
    if (last && stillHolds(last, context)) {
      return applySuppressions(context, [...last.diagnostics]);
    }
    const after = entry.patch && last ? { previous: last, patch: entry.patch } : null;
    const { diagnostics: found, diagnosis } = diagnose(context, logger, after);
    if (documents.get(document.uri) === entry) entry.diagnosis = diagnosis;
    // After the diagnosis, which stays unfiltered: an edit to a suppression comment changes only this step.
    return applySuppressions(context, found);
  }

  return {
    parse,
    contextOf,

    /** Drops a closed document's cached model. */
    forget(uri: string): void {
      documents.delete(uri);
    },

    diagnostics,

    /** Problems in a knowledge file (`_data/authors.yml`, `.minutes.json`, `_config.yml`) as diagnostics. */
    knowledgeDiagnostics(uri: string, text: string, knowledge: WorkspaceKnowledge, settings: MinutesSettings): Diagnostic[] {
      return diagnoseKnowledgeFile(uri, text, knowledge, settings, logger);
    },

    completions(document: TextDocumentLike, position: Position, knowledge: WorkspaceKnowledge, settings: MinutesSettings): CompletionItem[] {
      return completions(contextOf(document, knowledge, settings), position);
    },

    hover(document: TextDocumentLike, position: Position, knowledge: WorkspaceKnowledge, settings: MinutesSettings): Hover | null {
      return hover(contextOf(document, knowledge, settings), position);
    },

    documentSymbols(document: TextDocumentLike, knowledge: WorkspaceKnowledge): DocumentSymbol[] {
      return documentSymbols(contextOf(document, knowledge, DEFAULT_SETTINGS));
    },

    foldingRanges(document: TextDocumentLike, knowledge: WorkspaceKnowledge): FoldingRange[] {
      return foldingRanges(contextOf(document, knowledge, DEFAULT_SETTINGS));
    },

    documentLinks(document: TextDocumentLike, knowledge: WorkspaceKnowledge): DocumentLink[] {
      return documentLinks(contextOf(document, knowledge, DEFAULT_SETTINGS));
    },

    references(document: TextDocumentLike, position: Position, knowledge: WorkspaceKnowledge, readText: ReadText): Location[] {
      return handleReferences(contextOf(document, knowledge, DEFAULT_SETTINGS), position, readText);
    },

    prepareRename(document: TextDocumentLike, position: Position, knowledge: WorkspaceKnowledge): { range: Range; placeholder: string } | null {
      return prepareHandleRename(contextOf(document, knowledge, DEFAULT_SETTINGS), position);
    },

    rename(document: TextDocumentLike, position: Position, newName: string, knowledge: WorkspaceKnowledge, readText: ReadText): WorkspaceEdit | null {
      return renameHandle(contextOf(document, knowledge, DEFAULT_SETTINGS), position, newName, readText);
    },

    /** Plans the next meeting's file (and the index update) as one edit. */
    newMeeting(fromUri: string | null, knowledge: WorkspaceKnowledge, settings: MinutesSettings, readText: ReadText): NewMeetingPlan {
      return planNewMeeting(fromUri, knowledge, settings, clock(), readText);
    },

    /** The action items followed across the minutes (`WorkspaceIndex.currentActionItems()`), filtered and grouped. */
    actionItems(tracked: ActionItemsModel, query: ActionItemsQuery = {}): ActionItemsResult {
      return actionItemsReport(tracked, query);
    },

    /** The next meeting a file announces, as an iCalendar file. */
    nextMeetingCalendar(document: TextDocumentLike, knowledge: WorkspaceKnowledge, settings: MinutesSettings): CalendarResult {
      return nextMeetingCalendar(contextOf(document, knowledge, settings));
    },

    meetingTimes(document: TextDocumentLike, knowledge: WorkspaceKnowledge, settings: MinutesSettings): MeetingTimesResult | null {
      return meetingTimes(contextOf(document, knowledge, settings));
    },

    /** Quick fixes for the diagnostics in `context` (the range is theirs already), and fix-all. */
    codeActions(document: TextDocumentLike, _range: Range, context: CodeActionContext, knowledge: WorkspaceKnowledge, settings: MinutesSettings): CodeAction[] {
      const requested = context.diagnostics.filter((d) => d.source === SOURCE);
      // Fresh diagnostics: the client's copies may be stale, and fix-all needs every one.
      const all = diagnostics(document, knowledge, settings);
      // The message too: several findings of one code may share a place (sections missing at the end).
      const key = (d: Diagnostic) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}|${d.message}`;
      const wanted = new Set(requested.map(key));
      const fresh = all.filter((d) => wanted.has(key(d)));
      const actions = codeActions(document.uri, fresh.length > 0 ? fresh : requested, all, context.only);
      const wantsQuickFix = !context.only || context.only.some((kind) => kind === 'quickfix' || kind.startsWith('quickfix.'));
      return wantsQuickFix ? [...actions, ...disableActions(parse(document), fresh.length > 0 ? fresh : requested)] : actions;
    },
  };
}

export type MinutesService = ReturnType<typeof createMinutesService>;

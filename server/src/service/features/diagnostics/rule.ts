import type { Diagnostic, DiagnosticSeverity, WorkspaceEdit } from 'vscode-languageserver-types';
import type { DocumentContext, DocumentFact } from '../../documentContext';
import type { WorkspaceKnowledge } from '../../knowledge/types';
import type { MinutesModel } from '../../parse/model';

/** A quick fix carried in `diagnostic.data`, so code actions need no second analysis. */
export interface Fix {
  readonly title: string;
  readonly edit: WorkspaceEdit;
  /** Preferred fixes are the one right answer; only they take part in "fix all". */
  readonly preferred: boolean;
}

export interface DiagnosticData {
  readonly fixes: readonly Fix[];
}

/** One entry of the rule table (`RULES`): a diagnostic code, what it catches and how it is found. */
export type Rule<Code extends string = string> = DocumentRule<Code> | KnowledgeFileRule<Code>;

interface RuleEntry<Code extends string> {
  /** A public contract: users set severities and turn checks off by code. */
  readonly code: Code;
  readonly defaultSeverity: DiagnosticSeverity;
  /** One line for the README and the settings description. */
  readonly description: string;
}

/** A rule on minutes and index pages. */
export interface DocumentRule<Code extends string = string> extends RuleEntry<Code> {
  /** Which documents the rule looks at. */
  readonly appliesTo: ReadonlyArray<'minutes' | 'index'>;
  /**
   * What of the workspace the findings compare the document with. `site`: the configuration
   * and `_data/`, read before an opened file is first answered. `minutes`: the other minutes
   * files (the layout learned from them, the files that exist, the handles and projects they
   * use, action items' history) — such findings wait until the whole workspace has been read,
   * so a half-read workspace never shows a warning the whole one would not.
   */
  readonly comparesWith: 'site' | 'minutes';
  /** How its findings are found, each check with what they depend on; findings are listed in this order. */
  readonly checks: readonly [Check, ...Check[]];
}

/** A rule on the files Minutes learns from (`_data/authors.yml`, `.minutes.json`, `_config.yml`). */
export interface KnowledgeFileRule<Code extends string = string> extends RuleEntry<Code> {
  readonly checkKnowledgeFile: (file: KnowledgeFile, report: Reporter) => void;
}

/** A knowledge file, with what the workspace learned (and found wrong) in it. */
export interface KnowledgeFile {
  readonly uri: string;
  readonly knowledge: WorkspaceKnowledge;
}

/** Keeps each rule's code a literal, so `RuleCode` is the union of the table's codes. */
export function defineRule<const Code extends string>(rule: Rule<Code>): Rule<Code> {
  return rule;
}

/**
 * What a check's findings depend on, which decides what is kept after an edit that patched
 * the model (with the same knowledge, settings and document kind):
 * - `document`: anything in the document; checked again after every edit.
 * - `headings`: the headings, the front matter, the document's length and the declared
 *   facts; kept (moved with their lines) while no heading changes and the edit touches none
 *   of them (nor their related places or fixes).
 * - `lines`: each finding lies on one line and depends only on that line (its text, its
 *   inline tokens and list item), the front matter and the declared facts; looked for on the
 *   changed lines only and kept everywhere else.
 * - `section-lines`: as `lines`, and also on the sections a line is in; kept while no
 *   heading changes.
 * The knowledge and the settings may always be read. A check sees only what its scope
 * allows and only the facts it declares (see the context types below), so a dependency
 * cannot be left out: the compiler rejects a check reading something it did not declare.
 * Checks are made only by `documentCheck`, `headingsCheck`, `lineCheck` and `sectionLineCheck`,
 * which tie the facts a check may read to the ones it declares. The incremental fuzz tests
 * compare every kept finding with a fresh check.
 */
export type Check =
  | CheckOf<'document', DocumentContext>
  | CheckOf<'headings', HeadingsContext<DocumentFact>>
  | CheckOf<'lines', LinesContext<DocumentFact>>
  | CheckOf<'section-lines', SectionLinesContext<DocumentFact>>;

declare const declared: unique symbol;

interface CheckOf<S extends string, Context> {
  readonly scope: S;
  /** The document-wide facts the check reads; its kept findings stay while these stay the same. */
  readonly facts: readonly DocumentFact[];
  readonly run: (context: Context, report: Reporter) => void;
  readonly [declared]: true;
}

/** What every check may read: the document's kind, its front matter, the knowledge, the settings, positions and text. */
type EveryCheck = Pick<DocumentContext, 'kind' | 'knowledge' | 'settings' | 'entry' | 'range' | 'textOf'>;

/** The inline tokens of a line (in a restricted context, of the changed lines only). */
type InlineTokens = 'handles' | 'links' | 'liquid' | 'times' | 'dates' | 'placeholders';

/** A check of the headings: no inline tokens, no list items. */
export type HeadingsContext<F extends DocumentFact> = EveryCheck &
  Pick<DocumentContext, F> & { readonly model: Pick<MinutesModel, 'uri' | 'text' | 'lineStarts' | 'bodyStart' | 'frontMatter' | 'headings' | 'sections'> };

/** A check line by line: no headings or sections. */
export type LinesContext<F extends DocumentFact> = EveryCheck &
  Pick<DocumentContext, 'dateOnLine' | F> & { readonly model: Pick<MinutesModel, 'uri' | 'text' | 'lineStarts' | 'frontMatter' | 'listItems' | InlineTokens> };

/** A check line by line that also reads the sections the lines are in. */
export type SectionLinesContext<F extends DocumentFact> = LinesContext<F> & { readonly model: Pick<MinutesModel, 'headings' | 'sections'> };

/** Findings that may depend on anything in the document. */
export function documentCheck(run: (context: DocumentContext, report: Reporter) => void): Check {
  return { scope: 'document', facts: [], run } as unknown as Check;
}

/** Findings that depend on the headings, the front matter, the document's length and the facts named. */
export function headingsCheck<const F extends DocumentFact = never>(facts: readonly F[], run: (context: HeadingsContext<F>, report: Reporter) => void): Check {
  return { scope: 'headings', facts, run } as unknown as Check;
}

/** Findings that each lie on one line and depend on that line, the front matter and the facts named. */
export function lineCheck<const F extends DocumentFact = never>(facts: readonly F[], run: (context: LinesContext<F>, report: Reporter) => void): Check {
  return { scope: 'lines', facts, run } as unknown as Check;
}

/** As `lineCheck`, for findings that also depend on the sections their line is in. */
export function sectionLineCheck<const F extends DocumentFact = never>(facts: readonly F[], run: (context: SectionLinesContext<F>, report: Reporter) => void): Check {
  return { scope: 'section-lines', facts, run } as unknown as Check;
}

export interface Finding {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  /** Overrides the rule's default for this finding (e.g. Information for a weaker case). */
  readonly severity?: DiagnosticSeverity;
  readonly fixes?: readonly Fix[];
  readonly related?: Diagnostic['relatedInformation'];
  readonly tags?: Diagnostic['tags'];
}

export type Reporter = (finding: Finding) => void;

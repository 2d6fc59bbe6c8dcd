import type { Diagnostic, DiagnosticSeverity, WorkspaceEdit } from 'vscode-languageserver-types';
import type { DocumentContext } from '../../documentContext';

/** The diagnostic codes: a public contract (users set severities and suppress by code). */
export type RuleCode =
  | 'front-matter'
  | 'bad-date'
  | 'date-mismatch'
  | 'weekday-mismatch'
  | 'timezone-mismatch'
  | 'time-order'
  | 'missing-section'
  | 'unknown-handle'
  | 'attendance'
  | 'project-link'
  | 'placeholder'
  | 'next-meeting'
  | 'index'
  | 'minutes-link'
  | 'upcoming-date'
  | 'stale-action'
  | 'knowledge-file';

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

export interface Rule {
  readonly code: RuleCode;
  readonly defaultSeverity: DiagnosticSeverity;
  /** One line for the README and the settings description. */
  readonly description: string;
  /** Which documents the rule looks at. */
  readonly appliesTo: ReadonlyArray<'minutes' | 'index'>;
  /** Findings that may depend on anything in the document. */
  check?(context: DocumentContext, report: Reporter): void;
  /**
   * Findings that each lie on one line and depend only on that line's inline tokens
   * (handles, links, Liquid, times, dates, placeholders) and text, the front matter, the
   * knowledge, the settings and `DocumentContext.lineRuleFacts`. After an edit they are
   * looked for on the changed lines only and kept everywhere else. The incremental fuzz
   * tests hold every rule to this.
   */
  checkLines?(context: DocumentContext, report: Reporter): void;
  /** `checkLines` also depends on the section a line is in: its findings are kept only while no heading changes. */
  readonly linesDependOnSections?: boolean;
  /**
   * `check` depends only on the headings, the front matter, the document's length, the
   * knowledge, the settings and `lineRuleFacts`: after an edit that changes no heading and
   * touches none of its findings, they are kept (moved with their lines).
   */
  readonly checkDependsOnHeadings?: boolean;
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

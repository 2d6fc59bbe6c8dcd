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
  /**
   * `line`: each finding lies on one line and depends only on the inline tokens of that
   * line (handles, links, Liquid, times, dates, placeholders) plus the front matter, the
   * knowledge, the settings and `DocumentContext.lineRuleFacts`. After an edit such a rule
   * is run on the changed lines only; its findings elsewhere are kept. The incremental
   * fuzz test holds every rule marked so to this.
   */
  readonly scope?: 'line';
  check(context: DocumentContext, report: Reporter): void;
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

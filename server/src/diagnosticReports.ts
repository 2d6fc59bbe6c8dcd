import {
  DocumentDiagnosticReportKind,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
  type UnchangedDocumentDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';

/**
 * Pull diagnostics as the LSP 3.17 reports them, without repeating work or bytes: each
 * report carries a result id made of everything its findings depend on, and an unchanged
 * id is answered `unchanged` without diagnosing again.
 */

/** What a file's findings depend on, beside its own text's version. */
export interface ResultBasis {
  /** The knowledge's version: any file of the workspace read, changed or removed. */
  readonly knowledge: number;
  /** Bumped when the client's settings change. */
  readonly settings: number;
  /**
   * The hour: findings about time (an upcoming date that has passed, a stale next meeting)
   * change as the clock moves, so no id is good for longer than an hour.
   */
  readonly hour: number;
}

export function currentHour(now = Date.now()): number {
  return Math.floor(now / 3_600_000);
}

/** `version` is the open document's version, or null for a file read from disk. */
export function resultIdOf(version: number | null, basis: ResultBasis): string {
  return `${version ?? 'disk'}:${basis.knowledge}:${basis.settings}:${basis.hour}`;
}

/**
 * A diagnostic as it goes over the wire: without `data`. Quick fixes are rebuilt when code
 * actions are asked for (the service matches the client's diagnostic with its own finding of
 * the same code, range and message), so the editor need not carry each fix's whole edit
 * with every report.
 */
export function lean(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map(({ data: _data, ...rest }) => rest);
}

export function documentReport(items: readonly Diagnostic[], resultId: string, previousResultId: string | undefined): FullDocumentDiagnosticReport | UnchangedDocumentDiagnosticReport {
  if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items: lean(items) };
}

/** One file's entry in a workspace report: `unchanged` when the client already holds this result. */
export function workspaceFileReport(
  uri: string,
  resultId: string,
  previous: ReadonlyMap<string, string>,
  diagnose: () => readonly Diagnostic[],
): WorkspaceDocumentDiagnosticReport {
  if (previous.get(uri) === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, uri, resultId, version: null };
  return { kind: DocumentDiagnosticReportKind.Full, uri, resultId, version: null, items: lean(diagnose()) };
}

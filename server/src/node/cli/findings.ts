import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';

/** A severity as the reports name it. */
export type SeverityLabel = 'error' | 'warning' | 'information' | 'hint';

const LABELS: Record<number, SeverityLabel> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** One finding as every report format sees it: 1-based lines and columns (UTF-16 code units, as editors count). */
export interface Finding {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  /** Exclusive: the column after the last character. */
  readonly endColumn: number;
  readonly severity: SeverityLabel;
  readonly code: string;
  readonly message: string;
  /** The edits of the one certain fix (what Fix all applies), when there is one. */
  readonly fix: readonly TextEdit[] | null;
}

/** The findings in one file. */
export interface FileReport {
  /** Absolute. */
  readonly path: string;
  /** As shown: relative to the folder the report is for. */
  readonly name: string;
  readonly findings: readonly Finding[];
}

export interface Counts {
  files: number;
  error: number;
  warning: number;
  information: number;
  hint: number;
}

export function toFinding(diagnostic: Diagnostic, fix: readonly TextEdit[] | null): Finding {
  const { start, end } = diagnostic.range;
  return {
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: LABELS[diagnostic.severity ?? DiagnosticSeverity.Error] ?? 'error',
    code: String(diagnostic.code ?? ''),
    // Minutes writes plain-text messages; a Markdown one (LSP 3.18 allows it) is reported as its text.
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    fix,
  };
}

export function countFindings(reports: readonly FileReport[]): Counts {
  const counts: Counts = { files: reports.length, error: 0, warning: 0, information: 0, hint: 0 };
  for (const report of reports) for (const finding of report.findings) counts[finding.severity]++;
  return counts;
}

/** "1 file", "2 files". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "21 files checked: 0 errors, 19 warnings, 21 notes" (hints only when there are any). */
export function summaryLine(counts: Counts): string {
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.information, 'note')];
  if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
  return `${plural(counts.files, 'file')} checked: ${parts.join(', ')}`;
}

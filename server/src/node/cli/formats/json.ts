import type { FileReport } from '../findings';

/** An array of findings, each with its file (as shown) and, when it has one, its certain fix. */
export function formatJson(reports: readonly FileReport[]): string {
  const findings = reports.flatMap((report) =>
    report.findings.map((f) => ({
      file: report.name,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      severity: f.severity,
      code: f.code,
      message: f.message,
      fix: f.fix?.map((edit) => ({
        line: edit.range.start.line + 1,
        column: edit.range.start.character + 1,
        endLine: edit.range.end.line + 1,
        endColumn: edit.range.end.character + 1,
        text: edit.newText,
      })),
    })),
  );
  return `${JSON.stringify(findings, null, 2)}\n`;
}

import type { FileReport, SeverityLabel } from '../findings';

/**
 * GitHub Actions workflow commands, one annotation per finding, which GitHub shows on the
 * pull request's lines: `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 * Information and hints are notices (they never fail a run).
 */
const COMMANDS: Record<SeverityLabel, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function formatGithub(reports: readonly FileReport[]): string {
  let out = '';
  for (const report of reports) {
    for (const f of report.findings) {
      const properties: [string, string | number][] = [
        ['file', report.name],
        ['line', f.line],
        ['endLine', f.endLine],
      ];
      // Columns mean something to GitHub only on a one-line range.
      if (f.line === f.endLine) properties.push(['col', f.column], ['endColumn', f.endColumn]);
      properties.push(['title', `minutes/${f.code}`]);
      out += `::${COMMANDS[f.severity]} ${properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')}::${escapeData(f.message)}\n`;
    }
  }
  return out;
}

/** Escapes a command's message as @actions/core does: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: as the message, and `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

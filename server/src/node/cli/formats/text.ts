import { countFindings, summaryLine, type Counts, type FileReport, type SeverityLabel } from '../findings';

/** ANSI colours, or none. */
export interface Palette {
  file(text: string): string;
  dim(text: string): string;
  severity(severity: SeverityLabel, text: string): string;
  good(text: string): string;
  bad(text: string): string;
}

const plain: Palette = { file: (t) => t, dim: (t) => t, severity: (_s, t) => t, good: (t) => t, bad: (t) => t };
const SEVERITY_COLOURS: Record<SeverityLabel, string> = { error: '31', warning: '33', information: '36', hint: '90' };
const ansi = (code: string, text: string) => `\u001b[${code}m${text}\u001b[0m`;
const coloured: Palette = {
  file: (t) => ansi('4', t),
  dim: (t) => ansi('90', t),
  severity: (s, t) => ansi(SEVERITY_COLOURS[s], t),
  good: (t) => ansi('32', t),
  bad: (t) => ansi('1', t),
};

/**
 * Colour on a terminal; NO_COLOR (any value) turns it off and FORCE_COLOR (other than 0 or
 * false) on, as most command-line tools agree; --color/--no-color win over both.
 */
export function choosePalette(option: boolean | undefined, isTerminal: boolean, env: NodeJS.ProcessEnv): Palette {
  if (option !== undefined) return option ? coloured : plain;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return plain;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false' ? plain : coloured;
  return isTerminal && env.TERM !== 'dumb' ? coloured : plain;
}

/** What the text report calls a severity: "note" for information, as the README does. */
const SHOWN: Record<SeverityLabel, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'hint' };

/**
 * Findings grouped by file (ESLint's "stylish" layout, the code before the message), then the
 * summary (of `counts` when the reports show only some findings).
 */
export function formatText(reports: readonly FileReport[], palette: Palette, counts: Counts = countFindings(reports)): string {
  let out = '';
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    out += `${palette.file(report.name)}\n`;
    const locations = report.findings.map((f) => `${f.line}:${f.column}`);
    const locationWidth = Math.max(...locations.map((l) => l.length));
    const severityWidth = Math.max(...report.findings.map((f) => SHOWN[f.severity].length));
    const codeWidth = Math.max(...report.findings.map((f) => f.code.length));
    report.findings.forEach((finding, i) => {
      const location = palette.dim(locations[i]!.padEnd(locationWidth));
      const severity = palette.severity(finding.severity, SHOWN[finding.severity].padEnd(severityWidth));
      const code = palette.dim(finding.code.padEnd(codeWidth));
      out += `  ${location}  ${severity}  ${code}  ${finding.message}\n`;
    });
    out += '\n';
  }
  const summary = summaryLine(counts);
  if (counts.error > 0) out += `${palette.severity('error', '✖')} ${palette.bad(summary)}\n`;
  else if (counts.warning > 0) out += `${palette.severity('warning', '⚠')} ${palette.bad(summary)}\n`;
  else out += `${palette.good('✔')} ${summary}\n`;
  return out;
}

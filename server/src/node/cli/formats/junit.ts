import type { FileReport } from '../findings';
import { countFindings } from '../findings';

/**
 * JUnit XML: a test suite per file and a test case per finding. Errors and warnings are
 * failures; notes and hints pass, with their message as the case's output; a file without
 * findings has one passing case.
 */
export function formatJunit(reports: readonly FileReport[]): string {
  const counts = countFindings(reports);
  const failures = counts.error + counts.warning;
  const cases = reports.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  out += `<testsuites name="minutes" tests="${cases}" failures="${failures}" errors="0">\n`;
  for (const report of reports) {
    const name = xml(report.name);
    const failing = report.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').length;
    out += `  <testsuite name="${name}" tests="${Math.max(1, report.findings.length)}" failures="${failing}" errors="0" skipped="0">\n`;
    if (report.findings.length === 0) out += `    <testcase name="minutes check" classname="${name}" file="${name}"/>\n`;
    for (const f of report.findings) {
      out += `    <testcase name="${xml(`${f.line}:${f.column} ${f.code}`)}" classname="${name}" file="${name}" line="${f.line}">\n`;
      const text = xml(`${report.name}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
      if (f.severity === 'error' || f.severity === 'warning') out += `      <failure type="${f.severity}" message="${xml(f.message)}">${text}</failure>\n`;
      else out += `      <system-out>${text}</system-out>\n`;
      out += '    </testcase>\n';
    }
    out += '  </testsuite>\n';
  }
  return `${out}</testsuites>\n`;
}

/** Text for XML 1.0 content and attributes: the five entities escaped, characters XML cannot hold dropped. */
export function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
}

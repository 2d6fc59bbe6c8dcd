// Writes what the rule table knows (codes, default severities, descriptions) into the
// `minutes.severity` settings of package.json, the config schema and the README's codes
// table. The metadata test fails when they are stale: run `npm run docs` after changing a rule.
import { readFileSync, writeFileSync } from 'node:fs';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { RULES } from '../../server/src/service/features/diagnostics/rules';

const SEVERITY_NAMES: Record<number, string> = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'information', [DiagnosticSeverity.Hint]: 'hint' };

function rewriteJson(path: string, edit: (json: Record<string, any>) => void): void {
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
  edit(json);
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
}

rewriteJson('package.json', (pkg) => {
  const properties = pkg.contributes.configuration.properties['minutes.severity'].properties as Record<string, { markdownDescription: string }>;
  for (const rule of RULES) properties[rule.code]!.markdownDescription = rule.description;
});

rewriteJson('server/schema/minutes.schema.json', (schema) => {
  const properties = schema.properties.severity.properties as Record<string, { description: string }>;
  for (const rule of RULES) properties[rule.code]!.description = rule.description;
});

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf('<!-- codes:start -->');
const end = readme.indexOf('<!-- codes:end -->');
if (start < 0 || end < start) throw new Error('README.md has no <!-- codes:start --> … <!-- codes:end --> table');
const rows = RULES.map((rule) => `| \`${rule.code}\` | ${SEVERITY_NAMES[rule.defaultSeverity]} | ${rule.description} |`);
// Codes outside the rule table (`knowledge-file`, reported on the knowledge files themselves) keep their row.
const codes = new Set(RULES.map((rule) => `| \`${rule.code}\` |`));
rows.push(...readme.slice(start, end).split('\n').filter((line) => line.startsWith('| `') && ![...codes].some((code) => line.startsWith(code))));
const table = ['<!-- codes:start -->', '| code | default | what it catches |', '|---|---|---|', ...rows, ''].join('\n');
writeFileSync('README.md', readme.slice(0, start) + table + readme.slice(end));
console.log(`rule docs written for ${RULES.length} codes`);

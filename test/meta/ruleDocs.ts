// What the rule table knows (codes, default severities, descriptions), as it is written into
// the `minutes.severity` settings of package.json, the config schema and the README's codes
// table. `npm run docs` (writeRuleDocs.ts) writes it; the metadata test compares it with the files.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { RULES } from '../../server/src/service/features/diagnostics/rules';
import type { SeverityName } from '../../server/src/service/knowledge/types';

/** What each severity a user can set does, for the settings UI. */
const SEVERITY_DESCRIPTIONS: Record<SeverityName, string> = {
  error: 'Shown as an error; `minutes check` exits with 1.',
  warning: 'Shown as a warning.',
  information: 'Shown as information.',
  hint: 'Shown as a hint (faded, not in the Problems panel).',
  off: 'Not reported.',
};
const SEVERITIES = Object.keys(SEVERITY_DESCRIPTIONS);

export const DEFAULT_SEVERITY_NAMES: Record<DiagnosticSeverity, SeverityName> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** `contributes.configuration.properties['minutes.severity'].properties` in package.json. VS Code's settings UI does not follow `$ref`, so each code carries the enum. */
export function severitySettings(): Record<string, unknown> {
  return Object.fromEntries(
    RULES.map((rule) => [rule.code, { type: 'string', enum: SEVERITIES, enumDescriptions: Object.values(SEVERITY_DESCRIPTIONS), markdownDescription: rule.description }]),
  );
}

/** `$defs.severity` of the config schema: the one definition every code refers to. */
export function schemaSeverityDefinition(): Record<string, unknown> {
  return { type: 'string', enum: SEVERITIES };
}

/** `properties.severity.properties` of the config schema. */
export function schemaSeverityProperties(): Record<string, unknown> {
  return Object.fromEntries(RULES.map((rule) => [rule.code, { $ref: '#/$defs/severity', description: rule.description }]));
}

export const CODES_START = '<!-- codes:start -->';
export const CODES_END = '<!-- codes:end -->';

/** The README's codes table, from its start marker up to (not including) its end marker. */
export function codesTable(): string {
  const rows = RULES.map((rule) => `| \`${rule.code}\` | ${DEFAULT_SEVERITY_NAMES[rule.defaultSeverity]} | ${rule.description} |`);
  return [CODES_START, '| code | default | what it catches |', '|---|---|---|', ...rows, ''].join('\n');
}

/** The part of the README between the codes markers, as it is now. */
export function readmeCodesTable(readme: string): string {
  const start = readme.indexOf(CODES_START);
  const end = readme.indexOf(CODES_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${CODES_START} … ${CODES_END} table`);
  return readme.slice(start, end);
}

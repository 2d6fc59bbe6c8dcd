// `npm run docs`: writes what the rule table knows (see ruleDocs.ts) into package.json, the
// config schema and the README. The metadata test fails when they are stale: run it after
// adding a rule or changing a code, a default severity or a description.
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../../server/src/service/features/diagnostics/rules';
import { codesTable, readmeCodesTable, schemaSeverityDefinition, schemaSeverityProperties, severitySettings } from './ruleDocs';

function rewriteJson(path: string, edit: (json: Record<string, any>) => void): void {
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
  edit(json);
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
}

rewriteJson('package.json', (pkg) => {
  pkg.contributes.configuration.properties['minutes.severity'].properties = severitySettings();
});

rewriteJson('server/schema/minutes.schema.json', (schema) => {
  schema.properties.severity.properties = schemaSeverityProperties();
  schema.$defs = { ...schema.$defs, severity: schemaSeverityDefinition() };
});

const readme = readFileSync('README.md', 'utf8');
writeFileSync('README.md', readme.replace(readmeCodesTable(readme), () => codesTable()));
console.log(`rule docs written for ${RULES.length} codes`);

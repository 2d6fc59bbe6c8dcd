import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { normalizeSettings } from '../../server/src/node/settings';
import { Commands } from '../../server/src/common/protocol';
import { DEFAULT_SETTINGS, RULE_CODES, RULES } from '../../server/src/service';
import { DEFAULT_HOVER_ZONES } from '../../server/src/service/knowledge/types';
import { codesTable, DEFAULT_SEVERITY_NAMES, readmeCodesTable, schemaSeverityDefinition, schemaSeverityProperties, severitySettings } from './ruleDocs';

/** package.json, the README, the config schema and the code must tell one story. */
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const schema = JSON.parse(readFileSync('server/schema/minutes.schema.json', 'utf8'));
const readme = readFileSync('README.md', 'utf8');
const settings = pkg.contributes.configuration.properties as Record<string, { default: unknown; scope: string; markdownDescription: string; properties?: Record<string, { markdownDescription: string; enum: string[]; enumDescriptions: string[] }> }>;

function readmeTable(name: string): string[][] {
  const start = readme.indexOf(`<!-- ${name}:start -->`);
  const end = readme.indexOf(`<!-- ${name}:end -->`);
  assert.ok(start >= 0 && end > start, `README has a ${name} table`);
  return readme
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| /, '').replace(/ \|$/, '').trim()));
}

/** The codes whose generated entry is missing, left over or different ([] when the file is up to date). */
function staleCodes(written: Record<string, unknown> | undefined, generated: Record<string, unknown>): string[] {
  const codes = new Set([...Object.keys(written ?? {}), ...Object.keys(generated)]);
  return [...codes].filter((code) => JSON.stringify(written?.[code]) !== JSON.stringify(generated[code]));
}

test('the severity settings, the config schema and the README codes table are what `npm run docs` writes from the rule table', () => {
  const stale = (what: string) => `${what} is stale: run \`npm run docs\` to write it from the rule table (server/src/service/features/diagnostics/rules.ts)`;
  assert.deepEqual(staleCodes(settings['minutes.severity']!.properties, severitySettings()), [], stale('package.json minutes.severity'));
  assert.deepEqual(staleCodes(schema.properties.severity.properties, schemaSeverityProperties()), [], stale('server/schema/minutes.schema.json severity'));
  assert.deepEqual(schema.$defs?.severity, schemaSeverityDefinition(), stale('server/schema/minutes.schema.json $defs.severity'));
  assert.ok(readmeCodesTable(readme) === codesTable(), stale("README.md's codes table"));
});

test('every code is one rule of the table, with a description for the docs', () => {
  const codes = RULES.map((rule) => rule.code);
  assert.deepEqual(RULE_CODES, codes);
  assert.equal(new Set(codes).size, codes.length, 'codes are unique');
  for (const rule of RULES) {
    assert.match(rule.code, /^[a-z]+(?:-[a-z]+)*$/, rule.code);
    assert.ok(rule.description.length > 20 && !rule.description.includes('|') && !rule.description.includes('\n'), `${rule.code}: one line, fit for a table cell`);
    assert.ok(rule.defaultSeverity in DEFAULT_SEVERITY_NAMES, rule.code);
  }
});

test('every setting is scoped, described, documented in the README and read by the server', () => {
  const names = Object.keys(settings).sort();
  assert.deepEqual(readmeTable('settings').map((row) => row[0]!.replace(/`/g, '')).sort(), names);
  for (const [name, setting] of Object.entries(settings)) {
    assert.ok(name.startsWith('minutes.'), name);
    assert.ok(setting.markdownDescription.length > 20, name);
    assert.ok(['resource', 'window'].includes(setting.scope), name);
  }
  // The server reads every setting but the client's own trace setting.
  const read = Object.keys(DEFAULT_SETTINGS).map((key) => `minutes.${key}`).sort();
  assert.deepEqual(read, names.filter((n) => n !== 'minutes.trace.server'));
  assert.deepEqual(settings['minutes.hoverTimeZones']!.default, DEFAULT_HOVER_ZONES);
  const custom = normalizeSettings({ severity: { placeholder: 'off', nonsense: 'loud' }, hoverTimeZones: ['Asia/Tokyo', 'Mars/Base'], readerTimeZone: 'Europe/Oslo', buildTimeZone: 'nowhere' });
  assert.deepEqual(custom, { severity: { placeholder: 'off' }, hoverTimeZones: ['Asia/Tokyo'], readerTimeZone: 'Europe/Oslo', buildTimeZone: '', problems: 'workspace' });
  assert.equal(normalizeSettings({ problems: 'openFiles' }).problems, 'openFiles');
});

test('commands are contributed with the Minutes category, served by the server and named in the README', () => {
  const commands = pkg.contributes.commands as { command: string; title: string; category: string }[];
  for (const id of Object.values(Commands)) assert.ok(commands.some((c) => c.command === id), id);
  for (const command of commands) {
    assert.equal(command.category, 'Minutes', command.command);
    assert.match(command.command, /^minutes\.[a-z][A-Za-z]+$/);
    assert.ok(readme.includes(`**Minutes: ${command.title}**`) || readme.includes(`**Minutes: ${command.title}**.`), `README names ${command.title}`);
  }
});

test('contributed files exist and the package carries them', () => {
  const ignore = readFileSync('.vscodeignore', 'utf8');
  for (const snippet of pkg.contributes.snippets) assert.ok(existsSync(snippet.path), snippet.path);
  for (const grammar of pkg.contributes.grammars ?? []) assert.ok(existsSync(grammar.path), grammar.path);
  for (const validation of pkg.contributes.jsonValidation) assert.ok(existsSync(validation.url), validation.url);
  for (const kept of ['!dist/extension.js', '!dist/server.js', '!snippets/**', '!syntaxes/**', '!server/schema/**', '!README.md', '!LICENSE']) {
    assert.ok(ignore.includes(kept), `.vscodeignore keeps ${kept}`);
  }
  assert.equal(pkg.main, './dist/extension.js');
  assert.deepEqual(pkg.bin, { minutes: 'dist/cli.js', 'minutes-language-server': 'dist/server.js' });
});

test('the README gives the set-up, test and main-job commands that CI runs', () => {
  const ci = readFileSync('.ci/run', 'utf8');
  assert.match(readme, /\| install and build .*\| `npm run setup` \|/);
  assert.match(readme, /\| run the tests \| `npm test` \|/);
  assert.match(readme, /\| check the sample workspace \(the main job\) \| `minutes check test\/fixtures\/cpansec` \|/);
  assert.match(ci, /^npm run setup$/m);
  assert.match(ci, /^npm test$/m);
});

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { normalizeSettings } from '../../server/src/node/settings';
import { Commands } from '../../server/src/shared/protocol';
import { DEFAULT_SETTINGS, RULE_CODES, RULES } from '../../server/src/service';
import { DEFAULT_HOVER_ZONES } from '../../server/src/service/knowledge/types';

/** package.json, the README, the config schema and the code must tell one story. */
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const schema = JSON.parse(readFileSync('server/schema/minutes.schema.json', 'utf8'));
const readme = readFileSync('README.md', 'utf8');
const settings = pkg.contributes.configuration.properties as Record<string, { default: unknown; scope: string; markdownDescription: string; properties?: Record<string, { markdownDescription: string; enum: string[]; enumDescriptions: string[] }> }>;
const SEVERITY_NAMES: Record<number, string> = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'information', [DiagnosticSeverity.Hint]: 'hint' };

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

test('every diagnostic code is in the settings, the config schema and the README, with one description', () => {
  const severityProperties = settings['minutes.severity']!.properties!;
  assert.deepEqual(Object.keys(severityProperties).sort(), [...RULE_CODES].sort());
  assert.deepEqual(Object.keys(schema.properties.severity.properties).sort(), [...RULE_CODES].sort());
  const table = readmeTable('codes');
  assert.deepEqual(table.map((row) => row[0]!.replace(/`/g, '')).sort(), [...RULE_CODES].sort());
  for (const rule of RULES) {
    const row = table.find((r) => r[0] === `\`${rule.code}\``)!;
    assert.equal(row[1], SEVERITY_NAMES[rule.defaultSeverity], `${rule.code} default in README`);
    assert.equal(row[2], rule.description, `${rule.code} description in README`);
    assert.equal(severityProperties[rule.code]!.markdownDescription, rule.description, `${rule.code} description in package.json`);
    assert.equal(schema.properties.severity.properties[rule.code].description, rule.description, `${rule.code} description in the schema`);
    assert.deepEqual(severityProperties[rule.code]!.enum, ['error', 'warning', 'information', 'hint', 'off']);
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

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createMinutesService, DEFAULT_SETTINGS, RULES, type WorkspaceKnowledge } from '../../../server/src/service';
import { SITE, workspaceIndex } from '../../support/service';

const authors = readFileSync('test/fixtures/cpansec/_data/authors.yml', 'utf8');
const AUTHORS = `${SITE}/_data/authors.yml`;
const CONFIG = `${SITE}/.minutes.json`;

test('members come from _data/authors.yml with github and cpan aliases, any letter case', () => {
  const knowledge = workspaceIndex({ '_data/authors.yml': authors }).knowledge();
  assert.equal(knowledge.findMember('SJN')?.name, 'Salve J. Nilsen');
  assert.equal(knowledge.findMember('rrwo')?.handle, 'robrwo');
  assert.equal(knowledge.findMember('Tux')?.handle, 'tux');
  assert.equal(knowledge.findMember('bio'), null);
  assert.equal(knowledge.members.length, 12);
});

test("CPANSec's stray top-level `bio:` is reported on _data/authors.yml itself", () => {
  const index = workspaceIndex({ '_data/authors.yml': authors });
  const diagnostics = createMinutesService().knowledgeDiagnostics(AUTHORS, authors, index.knowledge(), DEFAULT_SETTINGS);
  assert.equal(diagnostics.length, 1);
  assert.deepEqual(diagnostics[0]!.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } });
  assert.match(String(diagnostics[0]!.message), /Is it meant to be indented under `cpansec`\?/);
  assert.equal(diagnostics[0]!.code, 'knowledge-file');
  assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Warning);
});

test('the knowledge-file severity is configured like any other code: in the settings, then in .minutes.json', () => {
  const service = createMinutesService();
  const broken = 'sjn:\n  name: "Salve\n';
  const severities = (knowledge: WorkspaceKnowledge, severity: Record<string, 'information' | 'off'> = {}) =>
    service.knowledgeDiagnostics(AUTHORS, broken, knowledge, { ...DEFAULT_SETTINGS, severity }).map((d) => d.severity);
  const plain = workspaceIndex({ '_data/authors.yml': broken }).knowledge();
  assert.deepEqual(severities(plain), [DiagnosticSeverity.Error]);
  assert.deepEqual(severities(plain, { 'knowledge-file': 'information' }), [DiagnosticSeverity.Information]);
  assert.deepEqual(severities(plain, { 'knowledge-file': 'off' }), []);
  const configured = workspaceIndex({ '_data/authors.yml': broken, '.minutes.json': '{ "severity": { "knowledge-file": "information" } }' }).knowledge();
  assert.deepEqual(severities(configured), [DiagnosticSeverity.Information]);
  assert.deepEqual(severities(configured, { 'knowledge-file': 'off' }), []);
});

test('a broken authors file is reported and the members known before stay in use', () => {
  const index = workspaceIndex({ '_data/authors.yml': authors });
  index.update(AUTHORS, 'sjn:\n  name: "Salve\n  github: [sjn\n');
  const knowledge = index.knowledge();
  assert.equal(knowledge.findMember('stigtsp')?.name, 'Stig Palmquist');
  assert.ok(knowledge.problems.some((p) => p.uri === AUTHORS && p.severity === 'error' && /not valid YAML/.test(p.message)));
});

test('.minutes.json adds members, projects, zones and severities; a broken one keeps the last good config', () => {
  const config = '{\n  // CPANSec\n  "members": { "ingy": { "name": "Ingy döt Net", "aliases": ["ingydotnet"] } },\n  "timeZones": { "build": "Europe/Oslo", "hover": ["UTC", "Asia/Tokyo"] },\n  "severity": { "placeholder": "off" },\n}\n';
  const index = workspaceIndex({ '.minutes.json': config });
  let knowledge = index.knowledge();
  assert.equal(knowledge.findMember('ingydotnet')?.name, 'Ingy döt Net');
  assert.equal(knowledge.buildZone, 'Europe/Oslo');
  assert.deepEqual(knowledge.hoverZones, ['UTC', 'Asia/Tokyo']);
  assert.equal(knowledge.severities.get('placeholder'), 'off');
  index.update(CONFIG, '{ "severity": { "placeholder": "loud", "no-such-code": "off" }, "timeZones": { "build": "Mars/Olympus" } }');
  knowledge = index.knowledge();
  assert.equal(knowledge.severities.get('placeholder'), 'off', 'last good config kept');
  const messages = knowledge.problems.filter((p) => p.uri === CONFIG).map((p) => p.message);
  assert.deepEqual(messages, [
    'The severity of `placeholder` must be one of error, warning, information, hint, off.',
    `\`no-such-code\` is not a Minutes diagnostic code (${RULES.map((rule) => rule.code).join(', ')}).`,
    '`timeZones.build` must be an IANA zone name such as Europe/Oslo, or UTC.',
  ]);
  index.update(CONFIG, '{ "severity": ');
  assert.match(index.knowledge().problems.find((p) => p.uri === CONFIG)!.message, /not valid JSON/);
});

test('the build zone comes from _config.yml; an invalid one is reported', () => {
  assert.equal(workspaceIndex({ '_config.yml': 'title: x\ntimezone: America/New_York\n' }).knowledge().buildZone, 'America/New_York');
  const bad = workspaceIndex({ '_config.yml': 'timezone: CET+1\n' }).knowledge();
  assert.equal(bad.buildZone, 'UTC');
  assert.match(bad.problems[0]!.message, /not an IANA zone name/);
});

test('minutes files, the index page and templates are found in the CPANSec layout without configuration', () => {
  const index = workspaceIndex({
    'meetings/cpansec-minutes-2024-11-15.md': '---\nmeeting_time: 2024-11-15 16:00 UTC\n---\n',
    'meetings/README.md': '# Minutes\n* [2024-11-15](cpansec-minutes-2024-11-15.md)\n',
    'templates/minutes-template.md': readFileSync('test/fixtures/cpansec/templates/minutes-template.md', 'utf8'),
    'docs/notes.md': '# Notes\n',
  });
  const knowledge = index.knowledge();
  assert.deepEqual(knowledge.minutesFiles.map((f) => [f.date, f.time]), [['2024-11-15', '16:00 UTC']]);
  assert.equal(knowledge.indexPage, `${SITE}/meetings/README.md`);
  assert.deepEqual(knowledge.templates.map((t) => [t.name, t.since, t.sections.length]), [['minutes-template.md', '2024-03-27', 14]]);
  assert.equal(index.kindOf(`${SITE}/node_modules/x/README.md`), null);
});

test('every member of a long _data/authors.yml points at its own line (line starts are computed once for the file)', () => {
  const authors = Array.from({ length: 3000 }, (_, i) => `member${i}:\n  name: Member ${i}\n  github: gh${i}\n`).join('');
  const knowledge = workspaceIndex({ '_data/authors.yml': authors }).knowledge();
  assert.equal(knowledge.members.length, 3000);
  for (const i of [0, 1, 1499, 2999]) assert.equal(knowledge.findMember(`member${i}`)!.source, `file:///site/_data/authors.yml#L${3 * i + 1}`);
  assert.equal(knowledge.findMember('gh2999')!.handle, 'member2999');
});

test('.minutes.json paths must stay inside the workspace: an index or template outside it is refused, the index found by layout stays', () => {
  const index = workspaceIndex({
    'meetings/README.md': '# Minutes\n\n* [2024-11-15](cpansec-minutes-2024-11-15.md)\n',
    'meetings/cpansec-minutes-2024-11-15.md': '---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\n---\n',
    '.minutes.json': '{ "index": "../victim/README.md", "templates": [{ "file": "meetings/../../etc/passwd" }, { "file": "/etc/passwd" }] }',
  });
  const knowledge = index.knowledge();
  assert.equal(knowledge.indexPage, `${SITE}/meetings/README.md`);
  assert.deepEqual(
    knowledge.problems.filter((p) => p.uri === CONFIG).map((p) => p.message),
    [
      '`index` must be a path inside the workspace, from its root (e.g. meetings/README.md).',
      '`file` must be a path inside the workspace, from its root.',
      '`file` must be a path inside the workspace, from its root.',
    ],
  );
  index.update(CONFIG, '{ "index": "./meetings/../meetings/README.md" }');
  assert.deepEqual(index.knowledge().problems.filter((p) => p.uri === CONFIG), []);
});

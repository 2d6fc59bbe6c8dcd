import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { RULES } from '../../server/src/service';
import { ROOT } from '../support/lspClient';

const CLI = resolve(ROOT, 'dist/cli.js');
const site = mkdtempSync(join(tmpdir(), 'minutes-formats-'));
cpSync(resolve(ROOT, 'test/fixtures/cpansec'), site, { recursive: true });
after(() => rmSync(site, { recursive: true, force: true }));
// One error: a meeting_time Jekyll cannot parse.
const broken = 'meetings/cpansec-minutes-2024-04-10.md';
writeFileSync(join(site, broken), readFileSync(join(site, broken), 'utf8').replace('April 10th, 2024 17:00 UTC', 'April 31st, 2024 25:00 UTC'));
const clean = 'meetings/cpansec-minutes-2024-06-19.md';
// No colour unless a test asks for it, whatever the terminal running the tests says.
const quietEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !['FORCE_COLOR', 'NO_COLOR', 'GITHUB_WORKSPACE'].includes(key)));

const run = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? site, encoding: 'utf8', env: { ...quietEnv, ...options.env } });

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
  fix?: { line: number; column: number; endLine: number; endColumn: number; text: string }[];
}
const json = (args: string[] = []) => JSON.parse(run(['check', '--format', 'json', ...args]).stdout) as JsonFinding[];

test('text: findings grouped by file, aligned, "note" for information, and a summary counting every severity with plurals right', () => {
  const result = run(['check', 'meetings']);
  assert.equal(result.status, 1, result.stderr);
  const blocks = result.stdout.trimEnd().split('\n\n');
  const summary = blocks.pop()!;
  assert.match(summary, /^✖ 14 files checked: 1 error, 15 warnings, \d+ notes$/);
  const brokenBlock = blocks.find((b) => b.startsWith(`${broken}\n`))!;
  assert.match(brokenBlock, /\n {2}4:32 +error +bad-date +`meeting_time`/);
  // Each line of a block: location, severity and code in columns.
  for (const block of blocks) {
    const rows = block.split('\n').slice(1);
    const messageColumns = new Set(rows.map((row) => /^ {2}\S+ +\S+ +\S+ +/.exec(row)![0].length));
    assert.equal(messageColumns.size, 1, block);
  }
  const one = run(['check', clean]);
  assert.equal(one.status, 0);
  assert.match(one.stdout, /^✔ 1 file checked: 0 errors, 0 warnings, 0 notes\n$/);
  assert.equal(one.stderr, '');
});

test('text: colour on request or with FORCE_COLOR, never with NO_COLOR or --no-color', () => {
  const hasColour = (result: { stdout: string }) => result.stdout.includes('\u001b[');
  assert.equal(hasColour(run(['check', broken])), false, 'not a terminal: no colour');
  assert.equal(hasColour(run(['check', broken, '--color'])), true);
  assert.equal(hasColour(run(['check', broken], { env: { FORCE_COLOR: '1' } })), true);
  assert.equal(hasColour(run(['check', broken], { env: { FORCE_COLOR: '0' } })), false);
  assert.equal(hasColour(run(['check', broken], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })), false);
  assert.equal(hasColour(run(['check', broken, '--no-color'], { env: { FORCE_COLOR: '1' } })), false);
  assert.match(run(['check', broken, '--color']).stdout, /\u001b\[31merror\u001b\[0m/);
});

test('--quiet lists errors only; the summary still counts everything', () => {
  const result = run(['check', 'meetings', '--quiet']);
  assert.equal(result.status, 1);
  assert.doesNotMatch(result.stdout, / warning /);
  assert.match(result.stdout, / error +bad-date /);
  assert.match(result.stdout, /1 error, 15 warnings/);
  assert.deepEqual(
    (JSON.parse(run(['check', 'meetings', '--quiet', '--format', 'json']).stdout) as JsonFinding[]).map((f) => f.severity),
    ['error'],
  );
});

test('json: every finding with its place and, when it has one, the edits of its certain fix', () => {
  const findings = json(['meetings']);
  assert.equal(findings.filter((f) => f.severity === 'warning').length, 15);
  const typo = findings.find((f) => f.code === 'unknown-handle' && f.message.startsWith('@stigsp'))!;
  assert.deepEqual([typo.file, typo.line, typo.column, typo.endLine, typo.endColumn], ['meetings/cpansec-minutes-2024-01-06.md', 30, 7, 30, 14]);
  assert.deepEqual(typo.fix, [{ line: 30, column: 8, endLine: 30, endColumn: 14, text: 'stigtsp' }]);
  assert.equal(findings.find((f) => f.code === 'bad-date')!.fix, undefined, 'no certain fix for a date nobody can guess');
});

test('github: one workflow command per finding, paths from the checkout, properties and message escaped', () => {
  const result = run(['check', '--format', 'github', '.'], { cwd: join(site, 'meetings'), env: { GITHUB_WORKSPACE: site } });
  const lines = result.stdout.trim().split('\n');
  const annotations = lines.filter((l) => l.startsWith('::'));
  assert.equal(annotations.length, json(['meetings']).length);
  const badDate = json(['meetings']).find((f) => f.code === 'bad-date')!;
  const message = badDate.message.replace(/%/g, '%25');
  assert.ok(annotations.includes(`::error file=${broken},line=4,endLine=4,col=32,endColumn=${badDate.endColumn},title=minutes/bad-date::${message}`), annotations.join('\n'));
  for (const annotation of annotations) {
    const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(annotation);
    assert.ok(match, annotation);
    // Properties are key=value pairs whose values hold no raw ":" or ",".
    for (const property of match[2]!.split(',')) assert.match(property, /^(file|line|endLine|col|endColumn|title)=[^:,]+$/, annotation);
    assert.doesNotMatch(match[3]!, /[\r\n]/);
  }
  assert.ok(annotations.some((a) => a.startsWith('::notice ')), 'information findings are notices');
});

test('sarif: valid against the SARIF 2.1.0 schema, with the rule table as rules and help text', () => {
  const result = run(['check', '--format', 'sarif', 'meetings']);
  assert.equal(result.status, 1);
  const log = JSON.parse(result.stdout) as {
    version: string;
    runs: {
      tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string } }[] } };
      results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[]; fixes?: unknown[] }[];
    }[];
  };
  const schema = JSON.parse(readFileSync(resolve(ROOT, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  // The schema's language-tag pattern is not valid with the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false, 'the validator does reject an invalid log');
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));

  const run0 = log.runs[0]!;
  assert.equal(log.version, '2.1.0');
  assert.equal(run0.tool.driver.name, 'Minutes');
  for (const rule of RULES) {
    const described = run0.tool.driver.rules.find((r) => r.id === rule.code)!;
    assert.equal(described.shortDescription.text, rule.description);
    assert.match(described.help.text, new RegExp(`<!-- minutes-disable-line ${rule.code} -->`));
  }
  assert.equal(run0.results.length, json(['meetings']).length);
  for (const r of run0.results) assert.equal(run0.tool.driver.rules[r.ruleIndex]!.id, r.ruleId);
  const badDate = run0.results.find((r) => r.ruleId === 'bad-date')!;
  assert.equal(badDate.level, 'error');
  assert.deepEqual(badDate.locations[0]!.physicalLocation.artifactLocation.uri, broken);
  assert.deepEqual([badDate.locations[0]!.physicalLocation.region.startLine, badDate.locations[0]!.physicalLocation.region.startColumn], [4, 32]);
  assert.ok(run0.results.some((r) => r.fixes), 'certain fixes travel with their results');
  assert.ok(run0.results.some((r) => r.level === 'note'));
});

test('junit: a suite per file, errors and warnings as failures, notes as output', () => {
  const result = run(['check', '--format', 'junit', 'meetings', '--output', 'report.xml']);
  assert.equal(result.status, 1);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /14 files checked: 1 error, 15 warnings/);
  const xml = readFileSync(join(site, 'report.xml'), 'utf8');
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="minutes" tests="\d+" failures="16" errors="0">\n/);
  assert.equal((xml.match(/<testsuite /g) ?? []).length, 14);
  assert.equal((xml.match(/<failure /g) ?? []).length, 16);
  assert.match(xml, new RegExp(`<testcase name="4:32 bad-date" classname="${broken}" file="${broken}" line="4">\\n {6}<failure type="error" message="[^"]*">`));
  assert.ok(xml.includes('<system-out>'), 'notes are output, not failures');
  assert.doesNotMatch(xml.replace(/&(amp|lt|gt|quot|apos|#10|#13);/g, ''), /&/, 'every & is an entity');
  assert.match(xml, /<\/testsuites>\n$/);
});

test('exit codes: 0 with warnings only, 1 on an error or over --max-warnings, 2 on bad usage, unreadable paths and no minutes', () => {
  assert.equal(run(['check', 'meetings/cpansec-minutes-2024-01-06.md']).status, 0);
  assert.equal(run(['check', broken]).status, 1);
  const warnings = json(['meetings/cpansec-minutes-2024-01-06.md']).filter((f) => f.severity === 'warning').length;
  assert.ok(warnings > 0);
  assert.equal(run(['check', 'meetings/cpansec-minutes-2024-01-06.md', '--max-warnings', String(warnings)]).status, 0);
  const over = run(['check', 'meetings/cpansec-minutes-2024-01-06.md', '--max-warnings', String(warnings - 1)]);
  assert.equal(over.status, 1);
  assert.match(over.stderr, new RegExp(`minutes: ${warnings} warnings?, more than --max-warnings ${warnings - 1}`));
  assert.equal(run(['check', '--max-warnings=0', clean]).status, 0, '--option=value works too');

  const usage = (args: string[], message: RegExp) => {
    const result = run(args);
    assert.equal(result.status, 2, args.join(' '));
    assert.match(result.stderr, message);
  };
  usage(['check', '--format', 'yaml'], /--format must be one of text, json, github, sarif, junit/);
  usage(['check', '--max-warnings', 'many'], /--max-warnings takes a number/);
  usage(['check', '--format'], /--format needs a value/);
  usage(['check', '--frobnicate'], /unknown option --frobnicate\nRun "minutes check --help"/);
  usage(['lint'], /unknown command lint/);
  usage([], /Usage: minutes <command>/);
  usage(['check', 'no/such/place'], /no such file or folder/);
  const empty = join(site, 'empty');
  mkdirSync(empty);
  writeFileSync(join(empty, 'notes.txt'), 'not minutes\n');
  usage(['check', 'empty'], /no minutes under empty/);
});

test('--help and --version answer at once; each command has its own help', () => {
  const help = run(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: minutes <command>/);
  assert.match(help.stdout, /fix +Apply every certain fix/);
  const checkHelp = run(['check', '--help']);
  assert.equal(checkHelp.status, 0);
  assert.match(checkHelp.stdout, /--max-warnings <n>/);
  assert.match(checkHelp.stdout, /<!-- minutes-disable-next-line unknown-handle -->/);
  assert.match(run(['help', 'fix']).stdout, /--dry-run/);
  const version = run(['--version']);
  assert.equal(version.status, 0);
  assert.equal(version.stdout, `${(JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  assert.equal(run(['-v']).stdout, version.stdout);
});

test('suppression comments are honoured by the CLI as by the editor, and an unknown code in one is reported', () => {
  const file = 'meetings/cpansec-minutes-2024-01-06.md';
  const text = readFileSync(join(site, file), 'utf8');
  const before = json([file]).filter((f) => f.code === 'unknown-handle' && f.severity === 'warning');
  assert.equal(before.length, 1);
  const lines = text.split('\n');
  lines.splice(before[0]!.line - 1, 0, '<!-- minutes-disable-next-line unknown-handle -->');
  writeFileSync(join(site, file), lines.join('\n'));
  assert.deepEqual(json([file]).filter((f) => f.code === 'unknown-handle' && f.severity === 'warning'), []);
  writeFileSync(join(site, file), `${lines.join('\n')}\n<!-- minutes-disable-file unknwon-handle -->\n`);
  const reported = json([file]).filter((f) => f.code === 'suppression');
  assert.equal(reported.length, 1);
  assert.match(reported[0]!.message, /"unknwon-handle" is not a Minutes code; did you mean unknown-handle\?/);
  writeFileSync(join(site, file), text);
});

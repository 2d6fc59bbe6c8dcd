import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { PULL_CAPABILITIES, ROOT, spawnServer, type SpawnedServer } from '../support/lspClient';

// Minutes speaks English on every machine: its messages and hovers name months and days in
// English (Jekyll's date filters print English names too), and a CI runner set to another
// language gives the same report. Here the machine's language is German.
const GERMAN = { ...process.env, LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8' };
const SITE = resolve(ROOT, 'test/fixtures/cpansec');
const MINUTES = 'meetings/cpansec-minutes-2024-03-27.md';
const servers: SpawnedServer[] = [];
after(async () => {
  for (const server of servers) await server.stop();
});

const germanIntl = spawnSync(process.execPath, ['-e', 'process.stdout.write(new Intl.DateTimeFormat().resolvedOptions().locale)'], { env: GERMAN, encoding: 'utf8' }).stdout;
const skip = germanIntl.startsWith('de') ? false : `this Node takes no language from LC_ALL (${germanIntl})`;

test('on a German machine, the meeting_time hover names the day and month in English, and says how long ago in English', { skip }, async () => {
  const server = await spawnServer(SITE, PULL_CAPABILITIES, {}, [], GERMAN);
  servers.push(server);
  const uri = pathToFileURL(join(SITE, MINUTES)).href;
  const text = readFileSync(join(SITE, MINUTES), 'utf8');
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const line = text.split('\n').findIndex((l) => l.startsWith('meeting_time:'));
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } })) as Hover;
  const markdown = (hover.contents as MarkupContent).value;
  assert.match(markdown, /\*\*Wed 27 Mar 2024, 17:00 UTC\*\* — \d+ (?:years|months) ago/);
  assert.doesNotMatch(markdown, /\b(?:vor|Mi\.|März|Jahren)\b/);
});

test('on a German machine, the CLI writes the same report as on an English one', { skip }, () => {
  const cli = resolve(ROOT, 'dist/cli.js');
  const run = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [cli, 'check', '--format', 'json', join(SITE, 'meetings')], { env: { ...env, MINUTES_NO_CODE_CACHE: '1' }, encoding: 'utf8' }).stdout;
  const english = run({ ...process.env, LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8' });
  assert.ok(JSON.parse(english).length > 10);
  assert.equal(run(GERMAN), english);
});

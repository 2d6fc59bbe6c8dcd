// A cloned repository is untrusted: git stores symbolic links, so a clone can point files at
// devices, FIFOs or places outside the workspace. Each test builds such a workspace in a temp
// folder, spawns the real server (or CLI) on it and checks that every request is answered,
// nothing outside the root is read or edited, and the user is told why a file was skipped.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ApplyWorkspaceEditParams, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { PULL_CAPABILITIES, ROOT, spawnServer, type SpawnedServer } from '../support/lspClient';

const CLI = resolve(ROOT, 'dist', 'cli.js');
const folders: string[] = [];
const servers: SpawnedServer[] = [];
after(async () => {
  for (const server of servers) await server.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A copy of the fixture site in a temp folder, with `prepare` run on it before the server starts. */
function site(prepare: (root: string) => void = () => undefined): string {
  const root = mkdtempSync(join(tmpdir(), 'minutes-hostile-'));
  folders.push(root);
  cpSync(resolve(ROOT, 'test/fixtures/cpansec'), root, { recursive: true });
  prepare(root);
  return root;
}

const uriOf = (root: string, path: string) => pathToFileURL(join(root, path)).href;
const MINUTES = 'meetings/cpansec-minutes-2024-03-27.md';

async function start(root: string, capabilities = PULL_CAPABILITIES): Promise<SpawnedServer> {
  const server = await spawnServer(root, capabilities);
  servers.push(server);
  return server;
}

async function open(server: SpawnedServer, root: string, path: string, text = readFileSync(join(root, path), 'utf8')): Promise<void> {
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(root, path), languageId: 'markdown', version: 1, text } });
}

const pull = async (server: SpawnedServer, root: string, path: string) =>
  ((await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uriOf(root, path) } })) as { items: Diagnostic[] }).items;

const hover = async (server: SpawnedServer, root: string) =>
  (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(root, MINUTES) }, position: { line: 3, character: 2 } })) as Hover | null;

function mkfifo(path: string): boolean {
  return spawnSync('mkfifo', [path]).status === 0;
}

const hasDevices = existsSync('/dev/zero') && existsSync('/dev/ptmx');
const noDevices = hasDevices ? false : 'this system has no /dev/zero or /dev/ptmx';

test('configuration files linked to devices or FIFOs: initialize is answered, the site is read, the links are not', { skip: noDevices }, async () => {
  const root = site((r) => {
    rmSync(join(r, '_config.yml'));
    symlinkSync('/dev/ptmx', join(r, '.minutes.json'));
    symlinkSync('/dev/zero', join(r, '_config.yml'));
    mkdirSync(join(r, 'more'));
    symlinkSync('/dev/urandom', join(r, 'more', 'cpansec-minutes-2024-12-01.md'));
  });
  const server = await start(root);
  await open(server, root, MINUTES);
  const value = ((await hover(server, root))?.contents as { value: string } | undefined)?.value ?? '';
  assert.match(value, /17:00 UTC/);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.process.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  assert.ok(rss < 300, `the server holds ${rss} MB after reading a site with links to /dev/zero`);
});

test('a FIFO and a device link announced as created Markdown files: the server keeps answering', { skip: noDevices }, async (t) => {
  const root = site();
  const server = await start(root);
  await open(server, root, MINUTES);
  assert.ok(await hover(server, root));
  symlinkSync('/dev/ptmx', join(root, 'meetings', 'cpansec-minutes-2024-12-11.md'));
  const fifo = join(root, 'meetings', 'cpansec-minutes-2024-12-25.md');
  if (!mkfifo(fifo)) t.diagnostic('mkfifo is not available: only the device link is tried');
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [
      { uri: uriOf(root, 'meetings/cpansec-minutes-2024-12-11.md'), type: 1 },
      { uri: uriOf(root, 'meetings/cpansec-minutes-2024-12-25.md'), type: 1 },
    ],
  });
  assert.ok(await hover(server, root), 'a hover after the notification is answered');
  const items = await pull(server, root, MINUTES);
  assert.ok(Array.isArray(items));
});

test('New Meeting never edits outside the root: a configured index page above it, or one linked out of it', async () => {
  for (const variant of ['configured', 'linked'] as const) {
    const victim = mkdtempSync(join(tmpdir(), 'minutes-victim-'));
    folders.push(victim);
    writeFileSync(join(victim, 'README.md'), '---\nnext_meeting_time: 2024-12-01 17:00 UTC\n---\n# Meetings\n');
    const root = site((r) => {
      if (variant === 'configured') writeFileSync(join(r, '.minutes.json'), JSON.stringify({ index: `../${victim.split('/').pop()}/README.md` }));
      else {
        rmSync(join(r, 'meetings', 'README.md'));
        symlinkSync(join(victim, 'README.md'), join(r, 'meetings', 'README.md'));
      }
    });
    const server = await start(root, { ...PULL_CAPABILITIES, workspace: { ...PULL_CAPABILITIES.workspace, applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } });
    const edited: string[] = [];
    server.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      for (const change of params.edit.documentChanges ?? []) edited.push('textDocument' in change ? change.textDocument.uri : 'uri' in change ? change.uri : change.newUri);
      return { applied: true };
    });
    const result = (await server.connection.sendRequest('workspace/executeCommand', { command: 'minutes.newMeeting', arguments: [] })) as { uri: string } | null;
    assert.ok(result, `${variant}: a draft is still made`);
    assert.ok(edited.length > 0);
    for (const uri of edited) assert.ok(uri.startsWith(`${pathToFileURL(root).href}/`), `${variant}: edited ${uri}`);
    if (variant === 'configured') {
      const problems = await pull(server, root, '.minutes.json').catch(() => []);
      assert.ok(Array.isArray(problems));
    }
  }
});

test('a minutes file linked to a file outside the root is not read: its text never reaches a hover or a reference', async () => {
  const secret = mkdtempSync(join(tmpdir(), 'minutes-secret-'));
  folders.push(secret);
  writeFileSync(join(secret, 'notes.md'), '---\nmeeting_time: 2024-12-04 17:00 UTC\n---\n# Secret\n\n- @sjn said the password is hunter2\n');
  const root = site((r) => symlinkSync(join(secret, 'notes.md'), join(r, 'meetings', 'cpansec-minutes-2024-12-04.md')));
  const server = await start(root);
  await open(server, root, 'meetings/cpansec-minutes-2024-01-06.md');
  // The watcher announces the link; the server must refuse to read through it.
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, 'meetings/cpansec-minutes-2024-12-04.md'), type: 1 }] });
  const text = readFileSync(join(root, 'meetings/cpansec-minutes-2024-01-06.md'), 'utf8');
  const line = text.split('\n').findIndex((l) => l.includes('@sjn'));
  const references = (await server.connection.sendRequest('textDocument/references', {
    textDocument: { uri: uriOf(root, 'meetings/cpansec-minutes-2024-01-06.md') },
    position: { line, character: text.split('\n')[line]!.indexOf('@sjn') + 1 },
    context: { includeDeclaration: true },
  })) as { uri: string }[];
  assert.ok(references.length > 0);
  assert.ok(!references.some((r) => r.uri.endsWith('2024-12-04.md')), 'no reference comes from the linked file');
  await server.waitForLog(/not reading .*2024-12-04\.md: this path leads outside the workspace/);
});

test('a file opened with no workspace root: only its own folder is read, never the folders around or below it', async () => {
  const top = mkdtempSync(join(tmpdir(), 'minutes-noroot-'));
  folders.push(top);
  const count = Number(process.env.MINUTES_FUZZ_RUNS ?? 100);
  mkdirSync(join(top, 'deep'));
  for (let i = 0; i < count; i++) writeFileSync(join(top, 'deep', `page-${i}.md`), `# Page ${i}\n`);
  writeFileSync(join(top, 'minutes-2024-12-04.md'), '---\nmeeting_time: 2024-12-04 17:00 UTC\n---\n# Minutes\n');
  writeFileSync(join(top, 'other.md'), '# Other\n');
  // A server started without folders, as Neovim does for a single file.
  const server = await spawnServer(join(top, 'deep'), PULL_CAPABILITIES);
  servers.push(server);
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: pathToFileURL(join(top, 'minutes-2024-12-04.md')).href, languageId: 'markdown', version: 1, text: readFileSync(join(top, 'minutes-2024-12-04.md'), 'utf8') },
  });
  await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: pathToFileURL(join(top, 'minutes-2024-12-04.md')).href } });
  const line = await server.waitForLog(new RegExp(`read \\d+ files of ${pathToFileURL(top).href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `));
  assert.match(line, /read 2 files of/, 'the two files of its own folder, not the pages below it');
});

test('the CLI given a FIFO, or a device link, answers at once with exit code 2', { skip: noDevices }, async (t) => {
  const root = site();
  const fifo = join(root, 'meetings', 'cpansec-minutes-2024-12-25.md');
  const paths = [join(root, 'zero.md')];
  symlinkSync('/dev/zero', paths[0]!);
  if (mkfifo(fifo)) paths.push(fifo);
  else t.diagnostic('mkfifo is not available: only the device link is tried');
  for (const path of paths) {
    const child = spawn(process.execPath, [CLI, 'check', path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolveCode) => child.on('exit', resolveCode));
    assert.equal(code, 2, stderr);
    assert.match(stderr, /not a regular file/);
  }
  // The folder holding the FIFO is checked as usual: the FIFO is skipped, the minutes are read.
  const folder = spawnSync(process.execPath, [CLI, 'check', join(root, 'meetings')], { encoding: 'utf8', timeout: 60_000 });
  assert.ok(folder.status === 0 || folder.status === 1, folder.stderr);
  assert.match(folder.stdout + folder.stderr, /cpansec-minutes-2024-03-27\.md|files? checked/);
});

test('an open document over the size limit is not analysed: one finding says why, until it is back under it', async () => {
  const root = site((r) => writeFileSync(join(r, '.minutes.json'), '{ "maxFileSize": 0.01 }'));
  const server = await start(root);
  await server.workspaceRead();
  const path = 'meetings/cpansec-minutes-2024-12-04.md';
  const small = '---\nmeeting_time: 2024-12-04 17:00 UTC\n---\n# Minutes\n\n- @stigsp said hello\n';
  const large = `${small}${'- a line that makes the file larger than ten kilobytes\n'.repeat(250)}`;
  await open(server, root, path, large);
  const items = await pull(server, root, path);
  assert.deepEqual(
    items.map((d) => d.message),
    ['Minutes did not read this file: this file is 14 KB; Minutes reads files up to 10 KB ("maxFileSize" in .minutes.json).'],
  );
  const hoverOnLarge = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(root, path) }, position: { line: 5, character: 4 } });
  assert.equal(hoverOnLarge, null);
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(root, path), version: 2 }, contentChanges: [{ text: small }] });
  const after = await pull(server, root, path);
  assert.ok(after.some((d) => d.code === 'unknown-handle' && String(d.message).startsWith('@stigsp')), JSON.stringify(after.map((d) => d.message)));
  assert.ok(!after.some((d) => String(d.message).includes('did not read')));
});

test('a roster of 20,000 members, read a slice at a time: hovers meanwhile are answered, and the roster is read to its last member', async () => {
  const roster = Array.from({ length: 20_000 }, (_, i) => `member${i}:\n  name: Member ${i}\n`).join('');
  const root = site((r) => writeFileSync(join(r, '_data/authors.yml'), `${roster}sjn:\n  name: The Last Member Read\n`));
  const server = await start(root);
  const untitled = 'untitled:Untitled-1';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: untitled, languageId: 'markdown', version: 1, text: readFileSync(join(root, MINUTES), 'utf8') } });
  await open(server, root, MINUTES);
  const diagnosed = pull(server, root, MINUTES);
  const hovered = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: untitled }, position: { line: 3, character: 2 } })) as Hover | null;
  assert.match(JSON.stringify(hovered?.contents), /UTC/);
  await diagnosed;
  const secretary = readFileSync(join(root, MINUTES), 'utf8').split('\n').findIndex((line) => line.includes('secretary: @sjn'));
  const member = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(root, MINUTES) }, position: { line: secretary, character: 25 } })) as Hover | null;
  assert.match(JSON.stringify(member?.contents), /The Last Member Read/);
});

test('typing fast in an open roster: every keystroke is queued, the latest text is what the minutes are judged by', async () => {
  const root = site();
  const server = await start(root);
  const authors = readFileSync(join(root, '_data/authors.yml'), 'utf8');
  const rosterUri = uriOf(root, '_data/authors.yml');
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: rosterUri, languageId: 'yaml', version: 1, text: authors } });
  const minutes = readFileSync(join(root, MINUTES), 'utf8').replace('*   @stigtsp', '*   @stigtsp\n    *   @newbie');
  await open(server, root, MINUTES, minutes);
  // Handles are judged once the whole site is read (a handle used in other minutes is known by use).
  await server.workspaceRead();
  const isNewbie = (d: Diagnostic) => d.code === 'unknown-handle' && String(d.message).includes('@newbie');
  assert.ok((await pull(server, root, MINUTES)).some(isNewbie), 'not on the roster yet');
  const typed = 'newbie:\n  name: Newbie\n';
  for (let length = 1; length <= typed.length; length++) {
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: rosterUri, version: length + 1 }, contentChanges: [{ text: `${authors}${typed.slice(0, length)}` }] });
  }
  assert.ok(!(await pull(server, root, MINUTES)).some(isNewbie), 'on the roster as typed');
  // And back: the member removed again is unknown again.
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: rosterUri, version: 100 }, contentChanges: [{ text: authors }] });
  assert.ok((await pull(server, root, MINUTES)).some(isNewbie), 'off the roster again');
});

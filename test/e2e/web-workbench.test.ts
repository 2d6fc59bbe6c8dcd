import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import type { ApplyWorkspaceEditParams, CompletionItem, CompletionList, Diagnostic, DocumentDiagnosticReport, Hover, InitializeResult, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { nodeFileAccess } from '../../server/src/node/nodeFileAccess';
import { FileRequests, type FileExistsParams, type FileListParams, type FileReadParams } from '../../server/src/common/protocol';
import { PULL_CAPABILITIES } from '../support/lspClient';
import { startPageWorker, type PageWorker } from './support/browserWorker';
import { makeSite, runFolder, until } from './support/site';
import { actionItems, handleCompletion, newMeeting, quickFixHandle, runScenario, screenshotWithoutSideBar } from './support/scenarios';
import { editorLine, goTo, openFile, openWorkbench, problemRows, runCommand, showProblems, squiggleOn, type Workbench } from './support/workbench';

/**
 * The web build (github.dev, vscode.dev) in the real workbench: code-server 4.139 with the
 * packaged .vsix, its `browser` entry forced into the web-worker extension host by
 * `remote.extensionKind`. The language server then runs in a browser worker and reads the
 * workspace through the client's `vscode.workspace.fs`; no Node server may run. The same
 * scenarios as the desktop workbench test (workbench.test.ts).
 *
 * code-server serves the extension as `vscode-remote:` URIs, from which the host refuses to
 * start a worker, so there the server starts from a Blob URL. The way github.dev starts it
 * (`new Worker(url)` with the bundle's web address, the repository as `vscode-vfs:` URIs)
 * is driven first, in a plain page.
 */
const VSIX = join(process.cwd(), 'minutes.vsix');
const EXTENSION_ID = 'cpansec.cpansec-minutes';
const WORKER_NAME = 'Minutes language server';

describe("the server bundle started as github.dev starts it: a worker from the bundle's web address, the repository as vscode-vfs: URIs read through the client", () => {
  const REPO = 'vscode-vfs://github/CPAN-Security/cpan-security.github.io';
  let worker: PageWorker;
  let site: string;
  const asked: string[] = [];
  const logs: string[] = [];
  const applied: WorkspaceEdit[] = [];
  let initializeResult: InitializeResult;

  /** The file URI on disk of a repository URI, as GitHub's file system would serve it. */
  const onDisk = (uri: string) => (uri === REPO || uri.startsWith(`${REPO}/`) ? `${pathToFileURL(site).href}${uri.slice(REPO.length)}` : null);
  const uriOf = (file: string) => `${REPO}/meetings/${file}`;
  const textOf = (file: string) => readFileSync(join(site, 'meetings', file), 'utf8');

  before(async () => {
    const dir = runFolder('web-worker');
    site = makeSite(dir);
    worker = await startPageWorker(dir, 'browserServer.js', WORKER_NAME);
    const { connection } = worker;
    // The client's side (client/src/fileRequests.ts does this with vscode.workspace.fs).
    connection.onRequest(FileRequests.read, async (params: FileReadParams) => {
      asked.push(`read ${params.uri}`);
      const [file, root] = [onDisk(params.uri), onDisk(params.root)];
      return file && root ? nodeFileAccess.read(file, { maxBytes: params.maxBytes, root }) : { ok: false, reason: 'outside-root' };
    });
    connection.onRequest(FileRequests.list, async (params: FileListParams) => {
      asked.push(`list ${params.uri}`);
      const folder = onDisk(params.uri);
      return folder ? nodeFileAccess.list(folder) : [];
    });
    connection.onRequest(FileRequests.exists, async (params: FileExistsParams) => {
      const file = onDisk(params.uri);
      return file ? nodeFileAccess.exists(file) : false;
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      logs.push(params.message);
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onRequest('window/showDocument', () => ({ success: true }));
    connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      applied.push(params.edit);
      return { applied: true };
    });
    connection.listen();
    const capabilities = { ...PULL_CAPABILITIES, workspace: { ...PULL_CAPABILITIES.workspace, applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create' as const] } } };
    initializeResult = await connection.sendRequest('initialize', { processId: null, rootUri: REPO, workspaceFolders: [{ uri: REPO, name: 'cpan-security.github.io' }], capabilities, initializationOptions: { fileRequests: true } });
    await connection.sendNotification('initialized', {});
  });

  after(async () => {
    await worker?.close();
  });

  async function open(file: string): Promise<string> {
    const uri = uriOf(file);
    await worker.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: textOf(file) } });
    return uri;
  }

  const messageOf = (diagnostic: Diagnostic) => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);

  async function diagnostics(uri: string): Promise<Diagnostic[]> {
    const report: DocumentDiagnosticReport = await worker.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    return report.kind === 'full' ? report.items : [];
  }

  test('a browser worker started from its URL answers initialize, and the page fetched nothing but the bundle', async () => {
    assert.equal(initializeResult.serverInfo?.name, 'minutes-language-server');
    assert.ok(initializeResult.capabilities.hoverProvider);
    const scope = await worker.page.evaluate(() => typeof (globalThis as { process?: unknown }).process);
    assert.equal(scope, 'undefined', 'a browser page, not Node');
    assert.deepEqual(worker.requests.filter((url) => url.endsWith('.js')), ['/browserServer.js']);
  });

  test('a misspelt handle is a warning: the roster came from _data/authors.yml, read through the client', async (t) => {
    const opened = Date.now();
    const uri = await open('cpansec-minutes-2024-01-06.md');
    const found = await until('the @stigsp warning', async () => (await diagnostics(uri)).find((d) => d.code === 'unknown-handle' && messageOf(d).includes('@stigsp')), 30_000);
    t.diagnostic(`${Date.now() - opened} ms from didOpen to the diagnostics with the warning`);
    console.log(`github.dev path: ${Date.now() - opened} ms from didOpen to the first diagnostics with the warning`);
    assert.equal(found.severity, 2);
    assert.deepEqual(found.range.start, { line: 29, character: 6 });
    assert.ok(asked.includes(`read ${REPO}/_data/authors.yml`), asked.join('\n'));
    assert.ok(asked.every((line) => line.includes(REPO)), 'nothing asked outside the repository');
    const read = await until('the whole repository read', () => logs.find((line) => line.startsWith('read ') && line.includes(` files of ${REPO} `)), 30_000);
    t.diagnostic(read);
  });

  test('the meeting_time hover, @ completion and the quick fix', async () => {
    const hovered = await open('cpansec-minutes-2024-03-27.md');
    const hover: Hover | null = await worker.connection.sendRequest('textDocument/hover', { textDocument: { uri: hovered }, position: { line: 3, character: 3 } });
    const markdown = JSON.stringify(hover?.contents ?? '');
    assert.ok(markdown.includes('18:00 CET') && markdown.includes('13:00 EDT'), markdown);

    const uri = uriOf('cpansec-minutes-2024-01-06.md');
    const lines = textOf('cpansec-minutes-2024-01-06.md').split('\n');
    lines[11] = `${lines[11]}, @`;
    await worker.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: lines.join('\n') }] });
    const completion: CompletionList | CompletionItem[] = await worker.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 11, character: lines[11]!.length }, context: { triggerKind: 2, triggerCharacter: '@' } });
    const labels = (Array.isArray(completion) ? completion : completion.items).map((item) => item.label);
    for (const member of ['stigtsp', 'timlegge', 'sjn']) assert.ok(labels.includes(member), labels.join(', '));

    const warning = (await diagnostics(uri)).find((d) => d.code === 'unknown-handle' && messageOf(d).includes('@stigsp'))!;
    const actions: { title: string }[] = await worker.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: warning.range, context: { diagnostics: [warning] } });
    assert.ok(actions.some((action) => action.title === 'Change to @stigtsp'), actions.map((a) => a.title).join(', '));
  });

  test('New Meeting answers with a WorkspaceEdit that creates the next minutes in the repository', async () => {
    const from = await open('cpansec-minutes-2024-11-15.md');
    const result: { uri: string } | null = await worker.connection.sendRequest('workspace/executeCommand', { command: 'minutes.newMeeting', arguments: [from] });
    assert.equal(result?.uri, uriOf('cpansec-minutes-2024-11-27.md'));
    const created = applied.flatMap((edit) => edit.documentChanges ?? []).find((change) => 'kind' in change && change.kind === 'create');
    assert.ok(created && 'uri' in created && created.uri === result.uri, JSON.stringify(applied));
  });
});

describe('VS Code workbench, web-worker extension host: the browser entry and the server in a worker', () => {
  let workbench: Workbench;
  let page: Page;
  const consoleLines: string[] = [];

  before(async () => {
    assert.ok(existsSync(VSIX), 'minutes.vsix is missing: npm run test:e2e packages it first');
    workbench = await openWorkbench(VSIX, {
      folder: 'web-workbench',
      settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } },
      onPage: (page) => page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`)),
    });
    page = workbench.page;
  });

  after(async () => {
    await workbench?.close();
  });

  /** Runs a scenario; on failure, screenshots the window and names the file and the page's Minutes console lines in the error. */
  const scenario = (t: TestContext, run: () => Promise<void>) =>
    runScenario(t, workbench, { prefix: 'failed-web-', more: () => `\nconsole:\n${consoleLines.filter((line) => /minutes|worker/i.test(line)).slice(-20).join('\n')}` }, run);

  /** Language servers that run as Node processes under this workbench's extensions folder. */
  function nodeServers(): string[] {
    const extensions = join(dirname(workbench.site), 'ext');
    const ps = spawnSync('ps', ['-eo', 'args='], { encoding: 'utf8' });
    return ps.stdout.split('\n').filter((line) => line.includes(extensions) && line.includes('dist/server.js'));
  }

  test('a misspelt handle: the first squiggle of a freshly opened file, from the server in the browser worker, and no Node server', async (t) => {
    await scenario(t, async () => {
      const file = 'cpansec-minutes-2024-01-06.md';
      await openFile(page, file);
      const opened = Date.now();
      await squiggleOn(page, 'warning', '- @stigsp – [Pre-Release Disclosure]');
      const firstSquiggleMs = Date.now() - opened;
      console.log(`web worker: ${firstSquiggleMs} ms from the editor of ${file} opening to its first squiggle`);
      t.diagnostic(`first squiggle ${firstSquiggleMs} ms after the editor opened`);
      assert.deepEqual(nodeServers(), [], 'the extension runs in the web-worker host: no Node language server');
      await showProblems(page);
      const row = await until('the Problems row of @stigsp', async () => (await problemRows(page)).find((r) => r.includes("@stigsp is not a member's handle; it is likely a misspelling of @stigtsp")), 60_000);
      assert.match(row, /^Warning: /, row);
      assert.ok(row.includes('unknown-handle') && row.includes('at line 30 and character 7'), row);
      // For the README: the squiggle in sight, the editor and the Problems panel without the side bar.
      await goTo(page, 30, 1);
      await screenshotWithoutSideBar(workbench, 'web-worker-problems');
    });
  });

  test('a wrong weekday: a squiggle and its row in the Problems panel, read with the rest of the workspace through the client', async (t) => {
    await scenario(t, async () => {
      await openFile(page, 'cpansec-minutes-2024-11-15.md');
      await goTo(page, 130, 21);
      await squiggleOn(page, 'warning', 'Next meeting is Thursday 2024-11-27');
      await showProblems(page);
      const row = await until('the weekday row', async () => (await problemRows(page)).find((r) => r.includes('2024-11-27 is a Wednesday, not a Thursday')), 60_000);
      assert.ok(row.includes('weekday-mismatch') && row.includes('at line 130 and character 21'), row);
      // A file never opened is in the panel too: the index page, read through the client's file access.
      const rows = await problemRows(page);
      assert.ok(rows.some((r) => r.includes('cpansec-minutes-2024-06-19.md (2024-06-19) is not listed on the index page')), rows.join(' | '));
    });
  });

  test('the meeting_time hover shows the sentence Jekyll publishes and the zone table', async (t) => {
    await scenario(t, async () => {
      if (await page.locator('.markers-panel').isVisible()) {
        await page.keyboard.press('Control+J');
        await page.locator('.markers-panel').waitFor({ state: 'hidden' });
      }
      await page.setViewportSize({ width: 1280, height: 1600 });
      await openFile(page, 'cpansec-minutes-2024-03-27.md');
      const line = editorLine(page, 'meeting_time: March 27th, 2024 17:00 UTC');
      await line.waitFor();
      const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: '18:00 CET' }).first();
      const text = await until('the meeting_time hover with its zone table', async () => {
        await line.hover({ position: { x: 30, y: 8 } });
        await hover.waitFor({ timeout: 3_000 });
        return hover.textContent();
      }, 60_000);
      assert.ok(text.includes('on Mar 27th, 2024, at 17:00 UTC'), text);
      // The zone table: Oslo and New York on that date (CET, and EDT since March 10th).
      const table = (await hover.locator('table').allTextContents()).join(' ');
      assert.ok(table.includes('18:00 CET') && table.includes('13:00 EDT'), table);
      await page.keyboard.press('Escape');
      await page.setViewportSize({ width: 1280, height: 960 });
    });
  });

  test('typing @ in the attendee list lists the members, with their names', async (t) => {
    const regrets = { line: 12, start: '- Regrets:', end: '@jjatria, @oalders' };
    await scenario(t, () => handleCompletion(workbench, regrets, { handle: 'sjn', name: 'Salve J. Nilsen', others: ['stigtsp', 'timlegge'] }, () => page.keyboard.press('Escape')));
  });

  test('the quick fix "Change to @stigtsp" changes the text, the warning goes, and the save reaches the disk', async (t) => {
    await scenario(t, () => quickFixHandle(workbench));
  });

  test("the Action items view in the Explorer: @timlegge's items with their age, and a click opens the item's line", async (t) => {
    await scenario(t, async () => {
      const { folders } = await actionItems(workbench);
      await folders.click();
    });
  });

  test('Minutes: Add Next Meeting to Calendar saves the .ics through the save dialog and vscode.workspace.fs', async (t) => {
    await scenario(t, async () => {
      const before = new Set(readdirSync(workbench.site));
      await openFile(page, 'cpansec-minutes-2024-11-15.md');
      // From the Command Palette by hand: the save dialog that follows is a quick input too, so
      // runCommand's wait for the palette to close would not end.
      const input = page.locator('.quick-input-widget input').first();
      await page.keyboard.press('F1');
      await input.fill('>Minutes: Add Next Meeting to Calendar');
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Add Next Meeting to Calendar' }).first().waitFor({ timeout: 30_000 });
      await input.press('Enter');
      // The browser's save dialog is VS Code's own, a quick input holding the proposed path.
      await until('the save dialog proposing an .ics file', async () => (await input.inputValue()).endsWith('.ics'), 30_000);
      await input.press('Enter');
      const saved = await until('the .ics file in the workspace', () => readdirSync(workbench.site).find((name) => name.endsWith('.ics') && !before.has(name)), 30_000);
      const text = readFileSync(join(workbench.site, saved), 'utf8');
      assert.match(text, /^BEGIN:VCALENDAR\r\n/);
      assert.match(text, /\r\nDTSTART:\d{8}T\d{6}Z\r\n/);
    });
  });

  test('Minutes: Restart Language Server starts a new worker, which answers again', async (t) => {
    await scenario(t, async () => {
      /** The page's workers that are the language server (the host names them "… -> Minutes language server"). */
      const servers = async () => {
        const named = await Promise.all(page.workers().map(async (worker) => ((await worker.evaluate(() => (globalThis as { name?: string }).name).catch(() => '')) ?? '').includes(WORKER_NAME) ? worker : null));
        return named.filter((worker) => worker !== null);
      };
      const [first, ...others] = await servers();
      assert.ok(first && others.length === 0, 'one server worker');
      await runCommand(page, 'Minutes: Restart Language Server');
      await openFile(page, 'cpansec-minutes-2024-03-27.md');
      const line = editorLine(page, 'meeting_time: March 27th, 2024 17:00 UTC');
      await line.waitFor();
      const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: '18:00 CET' }).first();
      await until('the meeting_time hover from the restarted server', async () => {
        await page.mouse.move(0, 0);
        await line.hover({ position: { x: 30, y: 8 } });
        return hover.waitFor({ timeout: 3_000 }).then(() => true, () => false);
      }, 60_000);
      await page.keyboard.press('Escape');
      // The old worker closed itself on exit: one server worker, a new one.
      const after = await until('the old worker gone', async () => {
        const now = await servers();
        return now.length === 1 ? now : null;
      });
      assert.notEqual(after[0], first);
    });
  });

  test('a change on disk reaches the server through the file watcher: a handle added to _data/authors.yml is no longer reported', async (t) => {
    await scenario(t, async () => {
      await showProblems(page);
      // The panel's list draws only the rows in sight: filtered, the row is in sight.
      const filter = page.locator('.markers-panel-container, .panel').getByPlaceholder(/^Filter/).first();
      await filter.fill('@tina');
      const tina = '@tina is not in _data/authors.yml';
      await until('the @tina note in the Problems panel', async () => (await problemRows(page)).some((r) => r.includes(tina)), 60_000);
      const authors = join(workbench.site, '_data/authors.yml');
      writeFileSync(authors, `${readFileSync(authors, 'utf8')}\ntina:\n  name: Tina Müller\n`);
      await until('the @tina note to go', async () => !(await problemRows(page)).some((r) => r.includes(tina)), 60_000);
      await filter.fill('');
    });
  });

  test('Minutes: New Meeting creates cpansec-minutes-2024-11-27.md through a WorkspaceEdit and lists it on the index page', async (t) => {
    await scenario(t, () => newMeeting(workbench));
  });
});

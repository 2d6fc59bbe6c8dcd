/**
 * What a user feels when a folder opens: the spawned server, from its start to the first
 * diagnostics of one opened minutes file, on workspaces laid out as real ones are.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusSite, generatedWorkspace } from './corpus';

const ROOT = process.cwd();

export interface StartupSite {
  readonly label: string;
  readonly root: string;
  /** The file opened, relative to the root. */
  readonly opened: string;
  readonly files: number;
  /** A site generated for the measure (removed after it); never set for a folder of the repository. */
  readonly generated?: true;
}

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/**
 * The real minutes inside a whole Jekyll site: posts, pages, includes, layouts, data,
 * assets — a few hundred files that are not minutes, most of them read before `meetings/`
 * in a plain breadth-first walk (`_includes`, `_layouts`, `_posts`, `assets` sort first).
 */
export function realSiteLayout(): StartupSite {
  const root = mkdtempSync(join(tmpdir(), 'minutes-bench-site-'));
  cpSync(join(ROOT, 'test/fixtures/cpansec-corpus'), root, { recursive: true });
  write(root, '_config.yml', 'title: CPAN Security Group\ntimezone: Europe/Oslo\nmarkdown: kramdown\n');
  let files = 0;
  const add = (path: string, text: string) => {
    write(root, path, text);
    files++;
  };
  for (let i = 0; i < 160; i++) {
    const date = new Date(Date.UTC(2019, 0, 1) + i * 9 * 86_400_000).toISOString().slice(0, 10);
    add(`_posts/${date}-advisory-${i}.md`, `---\nlayout: post\ntitle: "Advisory ${i}: a module fixed"\ndate: ${date}\n---\n\nA vulnerability in Some::Module ${i} was fixed; see [the report](https://example.org/${i}).\n\n${'Text of the post. '.repeat(60)}\n`);
  }
  for (let i = 0; i < 90; i++) add(`docs/topic-${i}/index.md`, `---\nlayout: page\ntitle: Topic ${i}\n---\n\n# Topic ${i}\n\n${'- a point about the topic\n'.repeat(20)}`);
  for (let i = 0; i < 25; i++) add(`_includes/part-${i}.html`, `<div class="part-${i}">{{ include.text }}</div>\n`);
  for (let i = 0; i < 6; i++) add(`_layouts/layout-${i}.html`, `<!doctype html><html><body>{{ content }}</body></html>\n`);
  for (let i = 0; i < 80; i++) add(`assets/img/picture-${i}.svg`, `<svg xmlns="http://www.w3.org/2000/svg"><rect width="${i}" height="${i}"/></svg>\n`);
  for (let i = 0; i < 20; i++) add(`assets/css/style-${i}.css`, `.c${i} { color: #${String(i).padStart(6, '0')}; }\n`);
  for (const page of ['index.md', 'about.md', 'contact.md', 'README.md', 'Gemfile', 'CNAME']) add(page, `# ${page}\n`);
  const minutes = corpusSite();
  return { label: `the group's minutes in a Jekyll site of ${files} other files`, root, opened: 'meetings/cpansec-minutes-2024-12-11.md', files: files + Object.keys(minutes).length, generated: true };
}

/** 1,000 minutes files in one folder (the roster and the template beside them). */
export function thousandMinutes(): StartupSite {
  const root = mkdtempSync(join(tmpdir(), 'minutes-bench-1000-'));
  const workspace = generatedWorkspace(corpusSite(), 1000);
  for (const [uri, text] of workspace) write(root, uri.slice('file:///ws/'.length), text);
  write(root, '_config.yml', 'title: A busy group\n');
  const last = workspace[workspace.length - 1]![0].slice('file:///ws/'.length);
  return { label: '1,000 minutes files', root, opened: last, files: workspace.length + 1, generated: true };
}

export interface StartupTimes {
  /** Spawn → the first diagnostics of the opened file. */
  readonly firstDiagnostics: number;
  /** Spawn → the server's log line saying the whole workspace is read. */
  readonly wholeWorkspace: number;
  readonly diagnostics: number;
}

/** Spawns the built server on a site, opens one file, and times its first diagnostics and the end of the read. */
export async function startOnce(site: StartupSite): Promise<StartupTimes> {
  const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-languageserver-protocol/node');
  const file = join(site.root, site.opened);
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  let wholeWorkspace = 0;
  const whole = new Promise<void>((resolve) =>
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      if (/^read \d+ files of /.test(params.message)) {
        wholeWorkspace = performance.now() - started;
        resolve();
      }
    }),
  );
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  const rootUri = pathToFileURL(site.root).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'site' }],
    capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true, diagnostics: { refreshSupport: true } }, window: { workDoneProgress: true } },
  });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const report = (await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: unknown[] };
  const firstDiagnostics = performance.now() - started;
  await whole;
  connection.dispose();
  child.kill();
  return { firstDiagnostics, wholeWorkspace, diagnostics: report.items.length };
}

/** Removes a generated site; a folder of the repository is never touched. */
export function removeSite(site: StartupSite): void {
  if (site.generated) rmSync(site.root, { recursive: true, force: true });
}

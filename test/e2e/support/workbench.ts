import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startCodeServer, type CodeServer } from './codeServer';
import { ARTIFACTS, makeSite, runFolder, tmpFolder, until } from './site';

/** Debian's Chromium, headless, no sandbox (CI runs as root), no calls home. */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Workbench {
  readonly page: Page;
  /** The workspace folder on disk. */
  readonly site: string;
  readonly server: CodeServer;
  /** A screenshot of the whole window (or of `clip`) into test/e2e/artifacts/; returns its path. */
  screenshot(name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<string>;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  /** The run folder's name (default `workbench`): two workbenches of one run keep their profiles apart. */
  readonly folder?: string;
  /** User settings over the fresh profile's. */
  readonly settings?: Record<string, unknown>;
  /** Called with the page before the workbench loads (to listen to its console, say). */
  readonly onPage?: (page: Page) => void;
}

/**
 * The real VS Code workbench: code-server with the packaged extension installed, on a fresh
 * copy of the fixture site, in Debian's Chromium driven by Playwright.
 */
export async function openWorkbench(vsix: string, options: WorkbenchOptions = {}): Promise<Workbench> {
  const dir = runFolder(options.folder ?? 'workbench');
  const site = makeSite(dir);
  const server = await startCodeServer({ dir, site, vsix, ...(options.settings ? { settings: options.settings } : {}) });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, env: { ...process.env, TMPDIR: tmpFolder(dir), XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') } });
    const page = await browser.newPage({ viewport: { width: 1280, height: 960 }, deviceScaleFactor: 1 });
    options.onPage?.(page);
    await page.goto(server.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    // The Explorer lists the workspace once the remote file system answers.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'meetings' }).first().waitFor({ timeout: 60_000 });
    mkdirSync(ARTIFACTS, { recursive: true });
    const opened = browser;
    return {
      page,
      site,
      server,
      async screenshot(name, clip) {
        const path = join(ARTIFACTS, `${name}.png`);
        await page.screenshot({ path, ...(clip ? { clip } : {}) });
        return path;
      },
      async close() {
        await opened.close();
        await server.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\ncode-server said:\n${server.log().slice(-3000)}`);
  }
}

/** The Quick Open / Command Palette input. */
function quickInput(page: Page) {
  return page.locator('.quick-input-widget input');
}

/** Opens a workspace file through Quick Open, as a user would, and waits for its editor tab. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await quickInput(page).waitFor();
  await quickInput(page).fill(name);
  // Enter opens the focused row: wait until the list has caught up with the typing.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor({ timeout: 30_000 });
  await quickInput(page).press('Enter');
  await page.locator(`.tab.active[aria-label*="${name}"]`).waitFor({ timeout: 30_000 });
  await until(`the editor of ${name} to have the focus`, () => page.locator('.editor-group-container.active .monaco-editor.focused').count());
}

/** Moves the cursor with Go to Line (1-based line and column). */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await quickInput(page).waitFor();
  await quickInput(page).fill(`:${line}:${column}`);
  await quickInput(page).press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await until(`the cursor at ${line}:${column}`, async () => (await statusText(page, '#status\\.editor\\.selection')).includes(`Ln ${line}, Col ${column}`));
}

/** Runs a command from the Command Palette by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await quickInput(page).waitFor();
  await quickInput(page).fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first().waitFor({ timeout: 30_000 });
  await quickInput(page).press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The text of a status bar entry. */
export async function statusText(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent({ timeout: 2_000 })) ?? '';
}

/** The rows the Problems panel shows (one per file, one per problem): what a screen reader reads, then what is on screen. */
export async function problemRows(page: Page): Promise<string[]> {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => rows.map((row) => `${row.getAttribute('aria-label') ?? ''}\n${row.textContent ?? ''}`));
}

/** The rows of the completion list: their accessible label, then what is on screen (the focused row shows its detail). */
export async function suggestionRows(page: Page): Promise<string[]> {
  return page.locator('.suggest-widget.visible .monaco-list-row').evaluateAll((rows) => rows.map((row) => `${row.getAttribute('aria-label') ?? ''}\n${row.textContent ?? ''}`));
}

/** The rendered line of the active editor that contains `text`. */
export function editorLine(page: Page, text: string) {
  return page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: text }).first();
}

/** Waits for a squiggle of `kind` on the rendered line of the active editor containing `text`. */
export async function squiggleOn(page: Page, kind: 'warning' | 'error', text: string, timeoutMs = 60_000): Promise<void> {
  const line = editorLine(page, text);
  await line.waitFor({ timeout: timeoutMs });
  await until(`a ${kind} squiggle on the line "${text}"`, async () => {
    const box = await line.boundingBox();
    if (!box) return false;
    const squiggles = await page.locator(`.editor-group-container.active .monaco-editor .squiggly-${kind}`).evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom, width: r.width })));
    return squiggles.some((s) => s.width > 0 && s.top < box.y + box.height && s.bottom > box.y);
  }, timeoutMs);
}

/** Shows the Problems panel (Ctrl+Shift+M) unless it is already in sight. */
export async function showProblems(page: Page): Promise<void> {
  if (await page.locator('.markers-panel').isVisible()) return;
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor();
}

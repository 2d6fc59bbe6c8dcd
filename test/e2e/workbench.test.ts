import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { until } from './support/site';
import { goTo, openFile, openWorkbench, problemRows, runCommand, statusText, suggestionRows, type Workbench } from './support/workbench';

/**
 * The real VS Code workbench (code-server 4.139, VS Code 1.139) with the packaged .vsix
 * installed, used the way a secretary would: squiggles and the Problems panel, the
 * meeting-time hover, @ completion, a quick fix and Minutes: New Meeting.
 * A failing test leaves a screenshot in test/e2e/artifacts/ and prints its path.
 */
const VSIX = join(process.cwd(), 'minutes.vsix');

describe('VS Code workbench: code-server 4.139.1 in Chromium, with minutes.vsix installed', () => {
  let workbench: Workbench;
  let page: Page;

  before(async () => {
    assert.ok(existsSync(VSIX), 'minutes.vsix is missing: npm run test:e2e packages it first');
    workbench = await openWorkbench(VSIX);
    page = workbench.page;
  });

  after(async () => {
    await workbench?.close();
  });

  /** Runs a scenario; on failure, screenshots the window and names the file in the error. */
  async function scenario(t: TestContext, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      const name = `failed-${t.name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}`;
      const shot = await workbench.screenshot(name).catch((e: unknown) => `none (${String(e)})`);
      console.log(`screenshot of the failure: ${shot}`);
      if (error instanceof Error) error.message += `\nscreenshot: ${shot}`;
      throw error;
    }
  }

  /** The rendered line of the active editor that contains `text`. */
  function editorLine(text: string): Locator {
    return page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: text }).first();
  }

  /** Waits for a squiggle of `kind` that lies on the rendered line containing `text`. */
  async function squiggleOn(kind: 'warning' | 'error', text: string): Promise<void> {
    const line = editorLine(text);
    await line.waitFor({ timeout: 30_000 });
    await until(`a ${kind} squiggle on the line "${text}"`, async () => {
      const box = await line.boundingBox();
      if (!box) return false;
      const squiggles = await page.locator(`.editor-group-container.active .monaco-editor .squiggly-${kind}`).evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom, width: r.width })));
      return squiggles.some((s) => s.width > 0 && s.top < box.y + box.height && s.bottom > box.y);
    }, 60_000);
  }

  async function showProblems(): Promise<void> {
    if (await page.locator('.markers-panel').isVisible()) return;
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor();
  }

  /** Opens `file` at the line, sees a warning squiggle on `lineText` and the warning's row in the Problems panel. */
  async function warningShown(file: string, at: { line: number; column: number; character: number }, lineText: string, message: string, code: string): Promise<void> {
    await openFile(page, file);
    await goTo(page, at.line, at.column);
    await squiggleOn('warning', lineText);
    await showProblems();
    const row = await until(`the Problems row "${message}"`, async () => (await problemRows(page)).find((r) => r.includes(message)), 60_000);
    assert.match(row, /^Warning: /, row);
    assert.ok(row.includes(code), row);
    assert.ok(row.includes(`at line ${at.line} and character ${at.character}`), row);
  }

  test('a misspelt handle: a warning squiggle under @stigsp and its row in the Problems panel', async (t) => {
    await scenario(t, async () => {
      const at = { line: 30, column: 9, character: 7 };
      await warningShown('cpansec-minutes-2024-01-06.md', at, '- @stigsp – [Pre-Release Disclosure]', "@stigsp is not a member's handle; it is likely a misspelling of @stigtsp", 'unknown-handle');
      // The status bar counts it among the warnings.
      const status = (await page.locator('#status\\.problems').getAttribute('aria-label')) ?? '';
      assert.match(status, /Warnings: [1-9]/, status);
      // For the docs: without the side bar, the Problems rows show whole messages.
      await page.keyboard.press('Control+B');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
      await workbench.screenshot('problems');
      await page.keyboard.press('Control+B');
      await page.locator('.part.sidebar').waitFor();
    });
  });

  test('a wrong weekday: "2024-11-27 is a Wednesday, not a Thursday" as a squiggle and in the Problems panel', async (t) => {
    await scenario(t, async () => {
      const at = { line: 130, column: 21, character: 21 };
      await warningShown('cpansec-minutes-2024-11-15.md', at, 'Next meeting is Thursday 2024-11-27', '2024-11-27 is a Wednesday, not a Thursday', 'weekday-mismatch');
      await workbench.screenshot('problems-weekday');
    });
  });

  test('the meeting_time hover shows the sentence Jekyll publishes and the zone table', async (t) => {
    await scenario(t, async () => {
      if (await page.locator('.markers-panel').isVisible()) {
        await page.keyboard.press('Control+J'); // the panel away: room for the hover
        await page.locator('.markers-panel').waitFor({ state: 'hidden' });
      }
      // A tall window: the hover may then be tall enough to show the whole table (a quarter of the editor).
      await page.setViewportSize({ width: 1280, height: 1600 });
      await openFile(page, 'cpansec-minutes-2024-03-27.md');
      const line = editorLine('meeting_time: March 27th, 2024 17:00 UTC');
      await line.waitFor();
      const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'Europe/Oslo' }).first();
      const text = await until('the meeting_time hover with its zone table', async () => {
        await line.hover({ position: { x: 30, y: 8 } });
        await hover.waitFor({ timeout: 3_000 });
        return hover.textContent();
      }, 60_000);
      assert.ok(text.includes('on Mar 27th, 2024, at 17:00 UTC'), text);
      const rows = await hover.locator('table tr').allTextContents();
      assert.ok(rows.length >= 6, `a zone table, got rows: ${rows.join(' | ')}`);
      assert.ok(rows.some((r) => r.includes('Europe/Oslo') && r.includes('18:00 CET')), rows.join(' | '));
      assert.ok(rows.some((r) => r.includes('America/New_York') && r.includes('13:00 EDT')), rows.join(' | '));
      const box = (await hover.boundingBox())!;
      const lineBox = (await line.boundingBox())!;
      const top = Math.max(0, Math.min(box.y, lineBox.y) - 40);
      const bottom = Math.max(box.y + box.height, lineBox.y + lineBox.height) + 20;
      const left = Math.max(0, Math.min(box.x, lineBox.x) - 60);
      await workbench.screenshot('hover', { x: left, y: top, width: Math.min(1280 - left, Math.max(box.width, 560) + 120), height: Math.min(1600 - top, bottom - top) });
      await page.keyboard.press('Escape');
      await page.setViewportSize({ width: 1280, height: 960 });
    });
  });

  test('typing @ in the attendee list lists the members, with their names', async (t) => {
    await scenario(t, async () => {
      await openFile(page, 'cpansec-minutes-2024-01-06.md');
      await goTo(page, 11, 1);
      await page.keyboard.press('End');
      await page.keyboard.type(', @');
      const labels = await until('the completion list after @', async () => {
        const found = await suggestionRows(page);
        return found.some((r) => r.startsWith('sjn')) ? found : null;
      });
      for (const member of ['stigtsp', 'timlegge']) assert.ok(labels.some((r) => r.startsWith(`${member},`)), labels.join(' | '));
      assert.ok(labels.some((r) => r.startsWith('sjn,') && r.includes('Salve J. Nilsen')), labels.join(' | '));
      await page.keyboard.type('timl');
      await until('timlegge alone in the filtered list', async () => {
        const found = await suggestionRows(page);
        return found.length === 1 && found[0]!.startsWith('timlegge,');
      });
      await workbench.screenshot('completion');
      await page.keyboard.press('Enter');
      await until('@timlegge inserted', async () => (await editorLine('- Present:').textContent())?.replace(/\u00a0/g, ' ').endsWith('@timlegge, @timlegge'));
      // Undo the typing (the undo stack holds nothing older: the file was clean).
      await until('the line as it was', async () => {
        if ((await editorLine('- Present:').textContent())?.replace(/\u00a0/g, ' ').endsWith('@sjn, @timlegge')) return true;
        await page.keyboard.press('Control+Z');
        return false;
      });
    });
  });

  test('the quick fix "Change to @stigtsp" changes the text and the warning goes', async (t) => {
    await scenario(t, async () => {
      await openFile(page, 'cpansec-minutes-2024-01-06.md');
      await goTo(page, 30, 9);
      await page.keyboard.press('Control+.');
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Change to @stigtsp' }).first();
      await fix.waitFor({ timeout: 30_000 });
      await workbench.screenshot('quick-fix');
      await fix.click();
      await editorLine('- @stigtsp – [Pre-Release Disclosure]').waitFor({ timeout: 30_000 });
      await showProblems();
      await until('the @stigsp problem to go', async () => {
        const rows = await problemRows(page);
        return rows.some((r) => r.includes('cpansec-minutes-2024-11-15.md')) && !rows.some((r) => r.includes("@stigsp is not a member's handle"));
      });
      await page.keyboard.press('Control+S');
      const file = join(workbench.site, 'meetings/cpansec-minutes-2024-01-06.md');
      await until('the fix on disk', () => readFileSync(file, 'utf8').includes('    - @stigtsp – [Pre-Release Disclosure]'));
    });
  });

  test('the Action items view in the Explorer: owners, their items with age, a badge, and a click opens the item\'s line', async (t) => {
    await scenario(t, async () => {
      if (!(await page.locator('.explorer-folders-view').isVisible())) await page.keyboard.press('Control+Shift+E');
      const header = page.locator('.pane-header', { hasText: /action items/i }).first();
      await header.waitFor({ timeout: 30_000 });
      if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
      // Room for the view: the folder tree above it collapsed.
      const folders = page.locator('.pane-header', { hasText: /^site/i }).first();
      if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
      const pane = page.locator('.pane', { has: header });
      const rows = pane.locator('.monaco-list-row');
      // By owner (the default): every owner's group, then @timlegge's opened alone.
      await rows.first().waitFor({ timeout: 60_000 });
      await header.hover();
      await header.locator('.action-label[aria-label="Collapse All"]').click();
      const owner = rows.filter({ hasText: '@timlegge' }).first();
      await owner.waitFor({ timeout: 30_000 });
      assert.match((await owner.textContent()) ?? '', /@timlegge\s*\d+ open/);
      await owner.click();
      const item = rows.filter({ hasText: 'to write a post-mortem blog post' }).first();
      await item.waitFor({ timeout: 30_000 });
      assert.match((await item.textContent()) ?? '', /new on 2024-01-06/);
      // The open items counted on the Explorer's badge.
      const badge = page.locator('.activitybar .action-item', { has: page.locator('[aria-label*="Explorer"]') }).locator('.badge-content').first();
      await until('a count of open action items on the Explorer', async () => Number(await badge.textContent()) >= 1, 30_000);
      await workbench.screenshot('action-items');
      await item.click();
      await page.locator('.tab.active[aria-label*="cpansec-minutes-2024-01-06.md"]').waitFor({ timeout: 30_000 });
      await until('the cursor on the item (line 56)', async () => (await statusText(page, '#status\\.editor\\.selection')).includes('Ln 56, Col 1'));
      await editorLine('@timlegge & @stigtsp to write a post-mortem blog post').waitFor();
    });
  });

  test('Minutes: New Meeting from the 2024-11-15 minutes creates and opens cpansec-minutes-2024-11-27.md, and lists it on the index page', async (t) => {
    await scenario(t, async () => {
      const path = join(workbench.site, 'meetings/cpansec-minutes-2024-11-27.md');
      const index = join(workbench.site, 'meetings/README.md');
      assert.ok(!existsSync(path));
      await openFile(page, 'cpansec-minutes-2024-11-15.md');
      await runCommand(page, 'Minutes: New Meeting');
      await page.locator('.tab.active[aria-label*="cpansec-minutes-2024-11-27.md"]').waitFor({ timeout: 60_000 });
      await editorLine('meeting_time: 2024-11-27 17:00 UTC').waitFor();
      await page.keyboard.press('Control+S');
      await until('the new file on disk', () => existsSync(path) && readFileSync(path, 'utf8').includes('meeting_time: 2024-11-27 17:00 UTC'));
      assert.match(readFileSync(path, 'utf8'), /^---\nlayout: page\ntoc: true\nmeeting_time: 2024-11-27 17:00 UTC\ntitle: Minutes 2024-11-27\n---\n/);
      // The same edit changed the index page (in the index's own date spelling), left unsaved for review.
      await openFile(page, 'README.md');
      await editorLine('next_meeting_time: November 27th, 2024 17:00 UTC').waitFor();
      await page.keyboard.press('Control+S');
      await until('the index page on disk', () => readFileSync(index, 'utf8').includes('next_meeting_time: November 27th, 2024 17:00 UTC'));
      assert.match(readFileSync(index, 'utf8'), /^\* \[2024-11-27\]\(cpansec-minutes-2024-11-27\.md\)$/m);
    });
  });
});

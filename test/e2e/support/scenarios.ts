import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { Locator } from 'playwright-core';
import { until } from './site';
import { editorLine, goTo, openFile, problemRows, runCommand, showProblems, suggestionRows, type Workbench } from './workbench';

/**
 * The scenarios both workbench hosts drive the same way (workbench.test.ts, the desktop
 * extension host, and web-workbench.test.ts, the web-worker one): each scenario's steps are
 * here once, and what a host checks on top of them is a parameter.
 */

/** How long the name of a failure's screenshot may be, its prefix included. */
const FAILURE_NAME_LENGTH = 67;

export interface ScenarioOptions {
  /** The start of the failure screenshot's name (`failed-`, `failed-web-`). */
  readonly prefix: string;
  /** More to say in the error of a failure (the page's console, say). */
  readonly more?: () => string;
}

/** Runs a scenario; on failure, screenshots the window and names the file in the error. */
export async function runScenario(t: TestContext, workbench: Workbench, options: ScenarioOptions, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const name = `${options.prefix}${t.name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, FAILURE_NAME_LENGTH - options.prefix.length)}`;
    const shot = await workbench.screenshot(name).catch((e: unknown) => `none (${String(e)})`);
    console.log(`screenshot of the failure: ${shot}`);
    if (error instanceof Error) error.message += `\nscreenshot: ${shot}${options.more?.() ?? ''}`;
    throw error;
  }
}

/** Hides the side bar for a screenshot of the editor and the panel (whole messages in sight), then shows it again. */
export async function screenshotWithoutSideBar(workbench: Workbench, name: string): Promise<void> {
  const { page } = workbench;
  await page.keyboard.press('Control+B');
  await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
  await workbench.screenshot(name);
  await page.keyboard.press('Control+B');
  await page.locator('.part.sidebar').waitFor();
}

/** A line of people in the 2024-01-06 minutes: its 1-based number, how its text starts and how it ends. */
export interface PeopleLine {
  readonly line: number;
  readonly start: string;
  readonly end: string;
}

/** Who the completion list must offer: a member with the name shown beside the handle (the list is read once it is there), and others. */
export interface Offered {
  readonly handle: string;
  readonly name: string;
  readonly others: readonly string[];
}

/**
 * Types @ at the end of a line of people in the 2024-01-06 minutes: the completion list offers
 * the members, with their names. `then` is what the host does with the list shown (checks
 * more, picks one, or closes it); the line is put back after.
 */
export async function handleCompletion(workbench: Workbench, people: PeopleLine, offered: Offered, then: (labels: string[]) => Promise<void>): Promise<void> {
  const { page } = workbench;
  await openFile(page, 'cpansec-minutes-2024-01-06.md');
  await goTo(page, people.line, 1);
  await page.keyboard.press('End');
  await page.keyboard.type(', @');
  const labels = await until('the completion list after @', async () => {
    const found = await suggestionRows(page);
    return found.some((r) => r.startsWith(offered.handle)) ? found : null;
  });
  for (const member of offered.others) assert.ok(labels.some((r) => r.startsWith(`${member},`)), labels.join(' | '));
  assert.ok(labels.some((r) => r.startsWith(`${offered.handle},`) && r.includes(offered.name)), labels.join(' | '));
  await then(labels);
  // Undo the typing (the undo stack holds nothing older: the file was clean).
  await until('the line as it was', async () => {
    if ((await editorLine(page, people.start).textContent())?.replace(/\u00a0/g, ' ').endsWith(people.end)) return true;
    await page.keyboard.press('Control+Z');
    return false;
  });
}

/**
 * The quick fix "Change to @stigtsp" on the misspelt handle of the 2024-01-06 minutes: the text
 * changes, its Problems row goes (the other files' rows stay), and the save reaches the disk.
 * `screenshot` names a picture of the open quick fix menu.
 */
export async function quickFixHandle(workbench: Workbench, screenshot?: string): Promise<void> {
  const { page } = workbench;
  await openFile(page, 'cpansec-minutes-2024-01-06.md');
  await goTo(page, 30, 9);
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Change to @stigtsp' }).first();
  // Ctrl+. pressed while the editor is still busy can open nothing: asked again until the menu shows.
  await until('the quick fix menu with "Change to @stigtsp"', async () => {
    await page.keyboard.press('Control+.');
    if (await fix.waitFor({ timeout: 3_000 }).then(() => true, () => false)) return true;
    await page.keyboard.press('Escape');
    return false;
  });
  if (screenshot) await workbench.screenshot(screenshot);
  await fix.click();
  await editorLine(page, '- @stigtsp – [Pre-Release Disclosure]').waitFor({ timeout: 30_000 });
  await showProblems(page);
  await until('the @stigsp problem to go', async () => {
    const rows = await problemRows(page);
    return rows.some((r) => r.includes('cpansec-minutes-2024-11-15.md')) && !rows.some((r) => r.includes("@stigsp is not a member's handle"));
  });
  await page.keyboard.press('Control+S');
  const file = join(workbench.site, 'meetings/cpansec-minutes-2024-01-06.md');
  await until('the fix on disk', () => readFileSync(file, 'utf8').includes('    - @stigtsp – [Pre-Release Disclosure]'));
}

/** What a host checks on top of the Action items scenario, at each of its steps. */
export interface ActionItemsChecks {
  /** @timlegge's group in sight, still closed. */
  readonly owner?: (owner: Locator) => Promise<void>;
  /** The item in sight, before its click. */
  readonly item?: (item: Locator) => Promise<void>;
  /** The item's file open in the editor. */
  readonly opened?: () => Promise<void>;
}

/**
 * The Action items view in the Explorer: @timlegge's group opened alone, the post-mortem item
 * with its age, and its click opens the item's line. Returns the folder tree's header, which
 * the scenario collapsed to make room.
 */
export async function actionItems(workbench: Workbench, checks: ActionItemsChecks = {}): Promise<{ folders: Locator }> {
  const { page } = workbench;
  if (!(await page.locator('.explorer-folders-view').isVisible())) await page.keyboard.press('Control+Shift+E');
  const header = page.locator('.pane-header', { hasText: /action items/i }).first();
  await header.waitFor({ timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  // Room for the view: the folder tree above it collapsed.
  const folders = page.locator('.pane-header', { hasText: /^site/i }).first();
  if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
  const rows = page.locator('.pane', { has: header }).locator('.monaco-list-row');
  // By owner (the default): every owner's group, then @timlegge's opened alone.
  await rows.first().waitFor({ timeout: 60_000 });
  await header.hover();
  await header.locator('.action-label[aria-label="Collapse All"]').click();
  const owner = rows.filter({ hasText: '@timlegge' }).first();
  await owner.waitFor({ timeout: 30_000 });
  await checks.owner?.(owner);
  await owner.click();
  const item = rows.filter({ hasText: 'to write a post-mortem blog post' }).first();
  await item.waitFor({ timeout: 30_000 });
  assert.match((await item.textContent()) ?? '', /new on 2024-01-06/);
  await checks.item?.(item);
  await item.click();
  await page.locator('.tab.active[aria-label*="cpansec-minutes-2024-01-06.md"]').waitFor({ timeout: 30_000 });
  await checks.opened?.();
  await editorLine(page, '@timlegge & @stigtsp to write a post-mortem blog post').waitFor();
  return { folders };
}

/**
 * Minutes: New Meeting from the 2024-11-15 minutes: cpansec-minutes-2024-11-27.md created and
 * opened, saved to disk, and the index page changed by the same edit to list it. `drafted`
 * runs with the new file's editor open, before the save.
 */
export async function newMeeting(workbench: Workbench, drafted?: () => Promise<void>): Promise<void> {
  const { page } = workbench;
  const path = join(workbench.site, 'meetings/cpansec-minutes-2024-11-27.md');
  const index = join(workbench.site, 'meetings/README.md');
  assert.ok(!existsSync(path));
  await openFile(page, 'cpansec-minutes-2024-11-15.md');
  await runCommand(page, 'Minutes: New Meeting');
  await page.locator('.tab.active[aria-label*="cpansec-minutes-2024-11-27.md"]').waitFor({ timeout: 60_000 });
  await editorLine(page, 'meeting_time: 2024-11-27 17:00 UTC').waitFor();
  await drafted?.();
  await page.keyboard.press('Control+S');
  await until('the new file on disk', () => existsSync(path) && readFileSync(path, 'utf8').includes('meeting_time: 2024-11-27 17:00 UTC'));
  assert.match(readFileSync(path, 'utf8'), /^---\nlayout: page\ntoc: true\nmeeting_time: 2024-11-27 17:00 UTC\ntitle: Minutes 2024-11-27\n---\n/);
  // The same edit changed the index page (in the index's own date spelling), left unsaved for review.
  await openFile(page, 'README.md');
  await editorLine(page, 'next_meeting_time: November 27th, 2024 17:00 UTC').waitFor();
  await page.keyboard.press('Control+S');
  await until('the index page on disk', () => readFileSync(index, 'utf8').includes('next_meeting_time: November 27th, 2024 17:00 UTC'));
  assert.match(readFileSync(index, 'utf8'), /^\* \[2024-11-27\]\(cpansec-minutes-2024-11-27\.md\)$/m);
}

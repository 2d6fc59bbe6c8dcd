import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';

/** The repository root: test:e2e runs from it. */
export const ROOT = process.cwd();
/** Installed tools and per-run folders (ignored by git). */
export const CACHE = join(ROOT, '.e2e');
/** Screenshots: the docs-ready ones and those of failures. */
export const ARTIFACTS = join(ROOT, 'test', 'e2e', 'artifacts');

export const WEEKDAY_FILE = 'meetings/cpansec-minutes-2024-11-15.md';
const RIGHT_WEEKDAY = 'Next meeting is Wednesday 2024-11-27 @ 17:00UTC';
const WRONG_WEEKDAY = 'Next meeting is Thursday 2024-11-27 @ 17:00UTC';

/**
 * A fresh, empty folder for one client in this run, inside the folder test/e2e/run.mjs made
 * for the run. Kept short: Chromium's and code-server's Unix sockets live under it.
 */
export function runFolder(name: string): string {
  const dir = join(process.env.MINUTES_E2E_RUN ?? join(CACHE, 'runs', 'manual'), name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The temporary folder for a client's processes: in its run folder unless that path is too
 * long for the sockets made in it (Chromium's `org.chromium.Chromium.XXXXXX/SingletonSocket`
 * adds 45 characters, and a socket path has at most 107). Then it is made in the system's own
 * temporary folder: not TMPDIR, which the runner points into the run folder, as deep as the
 * clone is.
 */
export function tmpFolder(dir: string): string {
  const tmp = join(dir, 'tmp');
  const path = tmp.length <= 50 ? tmp : mkdtempSync(join(process.env.MINUTES_E2E_SYSTEM_TMP ?? tmpdir(), 'minutes-e2e-'));
  mkdirSync(path, { recursive: true });
  return path;
}

/**
 * The fixture workspace: a copy of the CPANSec corpus with one line a secretary could have
 * written, a wrong weekday (2024-11-27 was a Wednesday). The corpus itself has none.
 */
export function makeSite(dir: string): string {
  const site = join(dir, 'site');
  cpSync(join(ROOT, 'test', 'fixtures', 'cpansec'), site, { recursive: true });
  const file = join(site, WEEKDAY_FILE);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(RIGHT_WEEKDAY)) throw new Error(`${WEEKDAY_FILE} no longer says "${RIGHT_WEEKDAY}": update the e2e fixture`);
  writeFileSync(file, text.replace(RIGHT_WEEKDAY, WRONG_WEEKDAY));
  return site;
}

/** How long a poll waits between looks: short against the deadlines, long against the CPU. */
const POLL_INTERVAL_MS = 100;

/** Polls `check` until it returns a truthy value, or fails naming `what` at the deadline. Never a fixed sleep. */
export async function until<T>(what: string, check: () => T | null | undefined | false | Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await pause(POLL_INTERVAL_MS);
  }
}

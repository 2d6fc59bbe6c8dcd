import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { startCodeServer, type CodeServer } from './support/codeServer';
import { mochaResults, reportMocha } from './support/mocha';
import { ARTIFACTS, ROOT, makeSite, runFolder, tmpFolder } from './support/site';

/**
 * The mocha suite on the VS Code API (test/e2e/vscode/), run in code-server's extension
 * host: the same suite @vscode/test-electron runs in desktop VS Code (npm run test:vscode).
 * code-server's own command line has no --extensionDevelopmentPath/--extensionTestsPath;
 * the VS Code server behind it takes them from the workbench's `payload` query, which the
 * built workbench honours only with the smoke-test driver enabled (passed through with
 * --vscode-option). The extension host then loads the extension from this checkout and
 * runs the suite; the runner writes each test's outcome to a file this driver reads.
 */
const SUITE = join(ROOT, 'out', 'e2e', 'vscode', 'index.js');

describe("VS Code API: the mocha suite in code-server's extension host (extensionDevelopmentPath + extensionTestsPath)", () => {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the suite runs and every test in it passes', async (t) => {
    assert.ok(existsSync(SUITE), 'the suite is not bundled: npm run test:e2e bundles it');
    assert.ok(existsSync(join(ROOT, 'dist', 'extension.js')), 'dist/extension.js is missing: npm run build');
    const dir = runFolder('vscode-api');
    const site = makeSite(dir);
    const resultsPath = join(dir, 'mocha-results.json');
    server = await startCodeServer({ dir, site, env: { MINUTES_MOCHA_RESULTS: resultsPath }, args: ['--vscode-option', 'enable-smoke-test-driver'] });
    const remote = (path: string) => `vscode-remote://127.0.0.1:${server!.port}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(SUITE)],
    ];
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      env: { ...process.env, TMPDIR: tmpFolder(dir) },
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /extension|mocha|Minutes/i.test(message.text())) errors.push(message.text().slice(0, 500));
    });
    await page.goto(`${server.url}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    let results;
    try {
      results = await mochaResults(resultsPath, 240_000);
    } catch (error) {
      const shot = join(ARTIFACTS, 'failed-vscode-api.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      console.log(`screenshot of the failure: ${shot}`);
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nscreenshot: ${shot}\nworkbench errors:\n${errors.join('\n')}\ncode-server said:\n${server.log().slice(-3000)}`);
    }
    const title = (await page.title()).trim();
    assert.match(title, /Extension Development Host/, `the window runs the extension from this checkout: ${title}`);
    await reportMocha(t, results);
  });
});

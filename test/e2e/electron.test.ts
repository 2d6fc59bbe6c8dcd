import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { mochaResults, reportMocha } from './support/mocha';
import { CACHE, ROOT, makeSite, runFolder } from './support/site';

/**
 * The mocha suite on the VS Code API (test/e2e/vscode/) in desktop VS Code, with
 * @vscode/test-electron. It downloads VS Code; where that cannot be done (no network to
 * update.code.visualstudio.com) or no display runs it, the test says so and is skipped,
 * never passed. vscode-api.test.ts runs the same suite in code-server everywhere.
 */
const SUITE = join(ROOT, 'out', 'e2e', 'vscode', 'index.js');

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 200);
}

describe('VS Code desktop (@vscode/test-electron): the mocha suite on the VS Code API', () => {
  test('the suite runs in a downloaded VS Code and every test in it passes', async (t) => {
    assert.ok(existsSync(SUITE), 'the suite is not bundled: npm run test:vscode bundles it');
    const cachePath = join(CACHE, 'vscode-test');
    mkdirSync(cachePath, { recursive: true });
    let executable: string;
    try {
      executable = await downloadAndUnzipVSCode({ cachePath, timeout: 30_000 });
    } catch (error) {
      t.skip(`VS Code cannot be downloaded here: ${reason(error)}`);
      return;
    }
    if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
      t.skip('VS Code was downloaded, but there is no display to run it (run under xvfb-run)');
      return;
    }
    const dir = runFolder('electron');
    const site = makeSite(dir);
    const resultsPath = join(dir, 'mocha-results.json');
    const exit = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      extensionTestsEnv: { MINUTES_MOCHA_RESULTS: resultsPath },
      launchArgs: [site, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', join(dir, 'user'), '--extensions-dir', join(dir, 'ext')],
    }).catch((error: unknown) => reason(error));
    const results = await mochaResults(resultsPath, 1_000).catch(() => null);
    assert.ok(results, `VS Code ran no suite (${String(exit)})`);
    await reportMocha(t, results);
  });
});

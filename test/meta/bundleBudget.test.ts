import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { test } from 'node:test';

/**
 * The web extension's size budgets, minified: the client under 300 KB, loaded by every
 * vscode.dev or github.dev window that opens a Markdown file, and the server under 1.5 MB,
 * started in a worker for it. Run after `npm run build` (`npm test` builds first); what the
 * client bundle is made of: `node scripts/buildWeb.mjs --analyze`.
 */
const KB = 1024;
const BUDGETS = [
  ['dist/browserExtension.js', 300 * KB],
  ['dist/browserServer.js', 1536 * KB],
] as const;

for (const [bundle, budget] of BUDGETS) {
  test(`${bundle} is within ${budget / KB} KB`, () => {
    assert.ok(existsSync(bundle), `${bundle} is built (npm run build)`);
    const size = statSync(bundle).size;
    assert.ok(size <= budget, `${bundle} is ${size} bytes (${(size / KB).toFixed(1)} KB), over its budget of ${budget} bytes by ${size - budget}`);
  });
}

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

/**
 * The web build (github.dev, vscode.dev): declared in package.json, packaged, built for the
 * browser (no Node built-ins); its size budgets are in bundleBudget.test.ts. Run after
 * `npm run build` (`npm test` builds first).
 */
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

test('package.json declares the browser entry and virtual workspaces, and the package carries both web bundles', () => {
  assert.equal(pkg.browser, './dist/browserExtension.js');
  assert.equal(pkg.capabilities.virtualWorkspaces, true);
  const ignore = readFileSync('.vscodeignore', 'utf8');
  for (const kept of ['!dist/browserExtension.js', '!dist/browserServer.js']) assert.ok(ignore.includes(kept), `.vscodeignore keeps ${kept}`);
  assert.equal(pkg.scripts['build:web'], 'node scripts/buildWeb.mjs');
  const webBuild = readFileSync('scripts/buildWeb.mjs', 'utf8');
  assert.match(webBuild, /bundle: true, platform: 'browser', .*minify: true/);
  assert.match(webBuild, /browserExtension: join\(root, 'client\/src\/browserExtension\.ts'\) },\s*format: 'cjs',\s*external: \['vscode'\]/);
  assert.match(webBuild, /browserServer: join\(root, 'server\/src\/browser\/server\.ts'\) }, format: 'iife'/);
  assert.match(pkg.scripts.build, /npm run build:web/);
});

test('the web bundles load nothing but vscode: no Node built-ins, no other module left to the host', () => {
  const server = readFileSync('dist/browserServer.js', 'utf8');
  const client = readFileSync('dist/browserExtension.js', 'utf8');
  assert.deepEqual(server.match(/\brequire\(/g), null, 'the worker bundle requires nothing');
  assert.deepEqual([...new Set(client.match(/\brequire\("[^"]*"\)/g))], ['require("vscode")']);
});

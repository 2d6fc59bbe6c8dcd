import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { test } from 'node:test';

/**
 * The web build (github.dev, vscode.dev): declared in package.json, packaged, built for the
 * browser (no Node built-ins), and within its size budget. Run after `npm run build`
 * (`npm test` builds first).
 */
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const KB = 1024;

test('package.json declares the browser entry and virtual workspaces, and the package carries both web bundles', () => {
  assert.equal(pkg.browser, './dist/browserExtension.js');
  assert.equal(pkg.capabilities.virtualWorkspaces, true);
  const ignore = readFileSync('.vscodeignore', 'utf8');
  for (const kept of ['!dist/browserExtension.js', '!dist/browserServer.js']) assert.ok(ignore.includes(kept), `.vscodeignore keeps ${kept}`);
  assert.match(pkg.scripts['build:web'], /--platform=browser .*--format=cjs .*--external:vscode/);
  assert.match(pkg.scripts['build:web'], /browserServer=server\/src\/browser\/server\.ts --bundle --platform=browser .*--format=iife --minify/);
  assert.match(pkg.scripts.build, /npm run build:web/);
});

test('the web bundles load nothing but vscode: no Node built-ins, no other module left to the host', () => {
  const server = readFileSync('dist/browserServer.js', 'utf8');
  const client = readFileSync('dist/browserExtension.js', 'utf8');
  assert.deepEqual(server.match(/\brequire\(/g), null, 'the worker bundle requires nothing');
  assert.deepEqual([...new Set(client.match(/\brequire\("[^"]*"\)/g))], ['require("vscode")']);
});

test('bundle budgets: the web server under 1.5 MB minified, the web client under 450 KB', () => {
  assert.ok(existsSync('dist/browserServer.js') && existsSync('dist/browserExtension.js'), 'npm run build first');
  const server = statSync('dist/browserServer.js').size;
  const client = statSync('dist/browserExtension.js').size;
  assert.ok(server < 1536 * KB, `dist/browserServer.js is ${Math.round(server / KB)} KB`);
  // vscode-languageclient's browser build alone is about 390 KB minified (CommonJS, so nothing
  // of it is shaken off); what is ours is a few KB. The limit keeps the server's code out.
  assert.ok(client < 450 * KB, `dist/browserExtension.js is ${Math.round(client / KB)} KB`);
});

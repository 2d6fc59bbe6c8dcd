import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { cliFileAccess } from '../../../server/src/node/cliFileAccess';
import { nodeFileAccess } from '../../../server/src/node/nodeFileAccess';
import type { FileAccess } from '../../../server/src/workspace/fileAccess';

// The disk is read two ways, asynchronously by the server (so it answers while it reads) and
// synchronously by the CLI and the Action (which do nothing else meanwhile). Both guard a
// cloned repository the same way: each case here is read by both, and must give the same answer.
const outside = mkdtempSync(join(tmpdir(), 'minutes-outside-'));
const root = mkdtempSync(join(tmpdir(), 'minutes-disk-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});
writeFileSync(join(outside, 'secret.md'), 'not yours\n');
mkdirSync(join(root, 'meetings'));
writeFileSync(join(root, 'meetings/cpansec-minutes-2024-01-06.md'), '# Minutes\n\n* @sjn\n');
writeFileSync(join(root, 'meetings/large.md'), 'x'.repeat(2048));
symlinkSync(join(root, 'meetings/cpansec-minutes-2024-01-06.md'), join(root, 'meetings/inside-link.md'));
symlinkSync(join(outside, 'secret.md'), join(root, 'meetings/outside-link.md'));
const hasDevices = existsSync('/dev/zero');
if (hasDevices) symlinkSync('/dev/zero', join(root, 'meetings/zero.md'));
const hasFifo = spawnSync('mkfifo', [join(root, 'meetings/fifo.md')]).status === 0;

const uri = (path: string) => pathToFileURL(join(root, path)).href;
const limits = { maxBytes: 1024, root: pathToFileURL(root).href };
const ACCESSES: Record<string, FileAccess> = { server: nodeFileAccess, cli: cliFileAccess };

const READS: [string, string, unknown, (string | false)?][] = [
  ['a regular file', 'meetings/cpansec-minutes-2024-01-06.md', { ok: true, text: '# Minutes\n\n* @sjn\n' }],
  ['a link to a file inside the root', 'meetings/inside-link.md', { ok: true, text: '# Minutes\n\n* @sjn\n' }],
  ['a link out of the root', 'meetings/outside-link.md', { ok: false, reason: 'outside-root' }],
  ['a path out of the root with ..', '../' + outside.split('/').pop() + '/secret.md', { ok: false, reason: 'outside-root' }],
  ['a file over the size limit', 'meetings/large.md', { ok: false, reason: 'too-large', size: 2048 }],
  ['a folder', 'meetings', { ok: false, reason: 'not-a-file' }],
  ['a missing file', 'meetings/none.md', { ok: false, reason: 'missing' }],
  // Its real path is /dev/zero, out of the root: that is said first.
  ['a link to /dev/zero', 'meetings/zero.md', { ok: false, reason: 'outside-root' }, hasDevices ? false : 'no /dev/zero here'],
  ['a FIFO', 'meetings/fifo.md', { ok: false, reason: 'not-a-file' }, hasFifo ? false : 'mkfifo is not available'],
];

for (const [what, path, expected, skip] of READS) {
  test(`${what}: both ways of reading the disk answer the same`, { skip: skip ?? false }, async () => {
    for (const [name, access] of Object.entries(ACCESSES)) assert.deepEqual(await access.read(uri(path), limits), expected, name);
  });
}

test('a folder is listed the same both ways, links as links (never followed by a scan)', async () => {
  const [server, cli] = await Promise.all([nodeFileAccess.list(uri('meetings')), cliFileAccess.list(uri('meetings'))]);
  const sorted = (entries: readonly { name: string; type: string }[]) => [...entries].sort((a, b) => a.name.localeCompare(b.name));
  assert.deepEqual(sorted(cli), sorted(server));
  assert.deepEqual(
    sorted(server).filter((e) => e.name.includes('link')),
    [
      { name: 'inside-link.md', type: 'link' },
      { name: 'outside-link.md', type: 'link' },
    ],
  );
  assert.deepEqual(await cliFileAccess.list(uri('none')), []);
});

test('exists is the same both ways: a dangling link exists, a missing file does not', async () => {
  symlinkSync(join(root, 'meetings/gone.md'), join(root, 'meetings/dangling.md'));
  for (const access of Object.values(ACCESSES)) {
    assert.equal(await access.exists(uri('meetings/dangling.md')), true);
    assert.equal(await access.exists(uri('meetings/none.md')), false);
    assert.equal(await access.exists(uri('meetings')), true);
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RULE_CODES, WorkspaceIndex } from '../../../server/src/service';

// A large roster is read into the index a slice at a time; meanwhile the editor may save the
// file again, or delete it. What the index ends up knowing must be the latest word.
const SITE = 'file:///site';
const AUTHORS = `${SITE}/_data/authors.yml`;
const roster = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}:\n  name: ${prefix} ${i}\n`).join('');
const handles = (index: WorkspaceIndex) => index.knowledge().members.map((m) => m.handle);

/** A pause that waits until the test lets the read go on. */
function heldPauses() {
  let release: (() => void) | null = null;
  let paused = 0;
  return {
    pause: () => {
      paused++;
      return new Promise<void>((resolve) => (release = resolve));
    },
    get paused() {
      return paused;
    },
    resume() {
      const go = release;
      release = null;
      go?.();
    },
  };
}

async function drain(held: ReturnType<typeof heldPauses>, read: Promise<boolean>): Promise<void> {
  let done = false;
  void read.then(() => (done = true));
  while (!done) {
    held.resume();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

test('the members change at once, when the whole roster is read: not while it is being read', async () => {
  const index = new WorkspaceIndex(SITE, RULE_CODES);
  index.update(AUTHORS, roster('old', 2));
  const held = heldPauses();
  const read = index.updateInTurns(AUTHORS, roster('new', 5_000), held.pause, 0);
  await new Promise((resolve) => setImmediate(resolve));
  assert.ok(held.paused >= 1, 'the read paused');
  assert.deepEqual(handles(index), ['old0', 'old1'], 'meanwhile, the members known before');
  await drain(held, read);
  assert.equal(handles(index).length, 5_000);
  assert.equal(handles(index)[0], 'new0');
});

test('a read overtaken by a later save of the same file is dropped: the later text wins', async () => {
  const index = new WorkspaceIndex(SITE, RULE_CODES);
  const held = heldPauses();
  const slow = index.updateInTurns(AUTHORS, roster('first', 5_000), held.pause, 0);
  await new Promise((resolve) => setImmediate(resolve));
  index.update(AUTHORS, roster('second', 3));
  await drain(held, slow);
  assert.deepEqual(handles(index), ['second0', 'second1', 'second2']);
});

test('a read overtaken by the file being deleted is dropped: no members come back', async () => {
  const index = new WorkspaceIndex(SITE, RULE_CODES);
  index.update(AUTHORS, roster('old', 2));
  const held = heldPauses();
  const slow = index.updateInTurns(AUTHORS, roster('new', 5_000), held.pause, 0);
  await new Promise((resolve) => setImmediate(resolve));
  index.remove(AUTHORS);
  await drain(held, slow);
  assert.deepEqual(handles(index), []);
  assert.equal(index.knowledge().authorsFile, null);
});

test('a roster that does not parse, read in turns, keeps the members known before and reports where', async () => {
  const index = new WorkspaceIndex(SITE, RULE_CODES);
  index.update(AUTHORS, roster('old', 2));
  const broken = `${roster('new', 3_000)}oops: "unclosed\n`;
  await index.updateInTurns(AUTHORS, broken, () => new Promise((resolve) => setImmediate(resolve)), 0);
  assert.deepEqual(handles(index), ['old0', 'old1']);
  const errors = index.knowledge().problems.filter((p) => p.uri === AUTHORS && p.severity === 'error');
  assert.deepEqual(
    // Where the quote should have closed: at the end of the file.
    errors.map((p) => [p.span.start, p.message]),
    [[broken.length, '_data/authors.yml is not valid YAML: Missing closing "quote. Minutes keeps using the members it knew before.']],
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editDistance } from '../../../server/src/service/knowledge/editDistance';
import { below, handleOf, seeded, slip } from './generatedRosters';

/** Optimal string alignment distance, the whole table: what the banded one must agree with. */
function wholeTable(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

test('typos: a swap, a drop, a double, a change are one step; OSA counts a swap edited again as more', () => {
  assert.equal(editDistance('stigstp', 'stigtsp'), 1);
  assert.equal(editDistance('stigsp', 'stigtsp'), 1);
  assert.equal(editDistance('ravii', 'ravi'), 1);
  assert.equal(editDistance('okonkow', 'okonkwo'), 1);
  assert.equal(editDistance('ca', 'abc'), 3);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('abc', 'abc', 0), 0);
});

test('within the limit the distance is exact, beyond it limit + 1, for any limit', () => {
  const random = seeded(3);
  for (let round = 0; round < 4000; round++) {
    const a = round % 3 === 0 ? handleOf(random, below(random, 12)) : handleOf(random, below(random, 30), { dense: true });
    let b = a;
    for (let slips = below(random, 6); slips > 0; slips--) b = slip(random, b);
    if (random() < 0.2) b = handleOf(random, below(random, 20), { dense: true });
    const exact = wholeTable(a, b);
    assert.equal(editDistance(a, b), exact, `${JSON.stringify(a)} ${JSON.stringify(b)}`);
    for (const limit of [0, 1, 2, 3, 5, 9]) {
      assert.equal(editDistance(a, b, limit), exact <= limit ? exact : limit + 1, `${JSON.stringify(a)} ${JSON.stringify(b)} within ${limit}`);
    }
  }
});

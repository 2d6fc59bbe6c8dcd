/**
 * A unified diff of two texts (what `diff -u` and `git diff` print), for `minutes fix
 * --dry-run`. Lines are compared with their line breaks, so a changed line ending shows.
 */
export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const hunks = groupHunks(diffLines(a, b), context);
  let out = `--- a/${name}\n+++ b/${name}\n`;
  for (const hunk of hunks) {
    out += `@@ -${range(hunk.aStart, hunk.aCount)} +${range(hunk.bStart, hunk.bCount)} @@\n`;
    for (const line of hunk.lines) out += line;
  }
  return out;
}

/** Lines with their breaks; the last one may have none. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

/** The edit script between two line lists: Myers' O(ND) algorithm, after the common ends are set aside. */
export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Op[] = [];
  for (let i = 0; i < start; i++) ops.push({ kind: ' ', line: a[i]!, a: i, b: i });
  ops.push(...middle(a, b, start, endA, start, endB));
  for (let i = endA, j = endB; i < a.length; i++, j++) ops.push({ kind: ' ', line: a[i]!, a: i, b: j });
  return ops;
}

function middle(a: readonly string[], b: readonly string[], a0: number, a1: number, b0: number, b1: number): Op[] {
  const n = a1 - a0;
  const m = b1 - b0;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // Before each round d, the part of v that round can read (diagonals -d-1 … d+1): O(D²) memory, not O((N+M)·D).
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  // Walk the trace back from the end to the start.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const window = trace[d]!;
    const before = (diagonal: number) => window[diagonal + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && before(k - 1) < before(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = before(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: ' ', line: a[a0 + x]!, a: a0 + x, b: b0 + y });
    }
    if (down) {
      y--;
      ops.push({ kind: '+', line: b[b0 + y]!, a: a0 + x, b: b0 + y });
    } else {
      x--;
      ops.push({ kind: '-', line: a[a0 + x]!, a: a0 + x, b: b0 + y });
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    ops.push({ kind: ' ', line: a[a0 + x]!, a: a0 + x, b: b0 + y });
  }
  return ops.reverse();
}

interface Hunk {
  aStart: number;
  aCount: number;
  bStart: number;
  bCount: number;
  lines: string[];
}

/** Changes with `context` unchanged lines around them, merged where their contexts meet. */
function groupHunks(ops: readonly Op[], context: number): Hunk[] {
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  const hunks: Hunk[] = [];
  let i = 0;
  while (i < changed.length) {
    const first = Math.max(0, changed[i]! - context);
    let last = Math.min(ops.length - 1, changed[i]! + context);
    while (i + 1 < changed.length && changed[i + 1]! - context <= last + 1) {
      i++;
      last = Math.min(ops.length - 1, changed[i]! + context);
    }
    i++;
    const slice = ops.slice(first, last + 1);
    const firstOp = slice[0]!;
    const hunk: Hunk = { aStart: firstOp.a, aCount: 0, bStart: firstOp.b, bCount: 0, lines: [] };
    for (const op of slice) {
      if (op.kind !== '+') hunk.aCount++;
      if (op.kind !== '-') hunk.bCount++;
      hunk.lines.push(`${op.kind}${op.line}${op.line.endsWith('\n') ? '' : '\n\\ No newline at end of file\n'}`);
    }
    hunks.push(hunk);
  }
  return hunks;
}

/** `start,count` with 1-based lines; an empty side names the line before it. */
function range(start: number, count: number): string {
  if (count === 0) return `${start},0`;
  return count === 1 ? `${start + 1}` : `${start + 1},${count}`;
}

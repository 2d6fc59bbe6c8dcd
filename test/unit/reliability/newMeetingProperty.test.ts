import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { diagnosticsOf, draftNewMeeting } from '../../support/service';

/**
 * New Meeting on generated minutes (random headings, nesting, list markers, indentation and
 * checkboxes): no open item is lost, no done item is kept, each open item comes with the
 * headings above it and in its order, and the draft brings no warning its source did not have.
 * `npm test` runs a few hundred cases; MINUTES_FUZZ_RUNS (as `npm run test:fuzz` sets it) many more.
 */
const RUNS = Math.max(200, Number(process.env.MINUTES_FUZZ_RUNS ?? 0));
const AUTHORS = 'ada:\n  name: Ada Moss\nbo:\n  name: Bo Keller\ncy:\n  name: Cy Park\n';
const HANDLES = ['@ada', '@bo', '@cy'];

interface Item {
  readonly box: ' ' | 'x' | null;
  readonly handle: number;
  readonly children: readonly Item[];
}

const item: fc.Memo<Item> = fc.memo((depth) =>
  fc.record({
    box: fc.constantFrom<Item['box']>(' ', ' ', 'x', null),
    handle: fc.nat(2),
    children: depth > 1 ? fc.array(item(depth - 1), { maxLength: 3 }) : fc.constant([]),
  }),
);
const topic = fc.record({ level: fc.integer({ min: 2, max: 4 }), items: fc.array(item(4), { maxLength: 4 }) });
const style = fc.record({
  marker: fc.constantFrom('*', '-', '+', '1.'),
  indent: fc.constantFrom('    ', '\t', '  '),
});
const generated = fc.record({ actions: fc.array(item(4), { maxLength: 4 }), topics: fc.array(topic, { maxLength: 6 }), style });

function meeting(date: string, next: string, body: string): string {
  return [
    '---', 'layout: page', `meeting_time: ${date} 17:00 UTC`, 'title: Garden club minutes', '---', '',
    '## Attendees', '', '* @ada, @bo', '* **Scribe**: @cy', '',
    '## Action items', '', body, '',
    '## Any other business', '', '* (none)', '',
    '## Next meeting', '', `* Next meeting is ${next} @ 17:00 UTC`, '',
  ].join('\n');
}

/** Writes the items, numbering each line's id; records which ids are open (and not under a done item). */
function render(items: readonly Item[], style: { marker: string; indent: string }, ids: { next: number; open: Set<string>; done: Set<string>; headingsOf: Map<string, string[]> }, headings: string[], depth = 0, underDone = false): string[] {
  const lines: string[] = [];
  items.forEach((entry, n) => {
    const id = `task${ids.next++}x`;
    const marker = style.marker === '1.' ? `${n + 1}.` : style.marker;
    // Numbered items need their sub-items indented past the number.
    const indent = style.marker === '1.' && style.indent === '  ' ? '    ' : style.indent;
    const box = entry.box === null ? '' : `[${entry.box}] `;
    lines.push(`${indent.repeat(depth)}${marker} ${box}${HANDLES[entry.handle]} - ${id}`);
    const done = underDone || entry.box === 'x';
    if (done) ids.done.add(id);
    else if (entry.box === ' ') ids.open.add(id);
    ids.headingsOf.set(id, [...headings]);
    lines.push(...render(entry.children, style, ids, headings, depth + 1, done));
  });
  return lines;
}

test('New Meeting on generated minutes: every open item kept with its headings and order, no done item kept, no new warnings', () => {
  fc.assert(
    fc.property(generated, ({ actions, topics, style }) => {
      const ids = { next: 0, open: new Set<string>(), done: new Set<string>(), headingsOf: new Map<string, string[]>() };
      const body: string[] = render(actions, style, ids, ['## Action items']);
      const stack: { level: number; text: string }[] = [{ level: 2, text: '## Action items' }];
      topics.forEach((t, n) => {
        const text = `${'#'.repeat(t.level)} Topic ${n}`;
        while (stack.length > 0 && stack[stack.length - 1]!.level >= t.level) stack.pop();
        stack.push({ level: t.level, text });
        body.push('', text, '', ...render(t.items, style, ids, stack.map((s) => s.text)));
      });
      const files: Record<string, string> = {
        '_data/authors.yml': AUTHORS,
        'club/garden-minutes-2026-01-07.md': meeting('2026-01-07', '2026-01-21', '* [x] @ada - sow beans'),
        'club/garden-minutes-2026-01-21.md': meeting('2026-01-21', '2026-02-04', '* [x] @bo - mend the fence'),
        'club/garden-minutes-2026-02-04.md': meeting('2026-02-04', '2026-02-18', '* [x] @cy - count the bulbs'),
        'club/garden-minutes-2026-02-18.md': meeting('2026-02-18', '2026-03-04', body.join('\n')),
      };
      const drafted = draftNewMeeting(files, null);
      const draft = drafted.text;
      let last = -1;
      for (const id of ids.open) {
        const at = draft.indexOf(` - ${id}\n`);
        assert.ok(at >= 0, `open ${id} lost`);
        assert.ok(at > last, `${id} out of order`);
        last = at;
        for (const heading of ids.headingsOf.get(id)!) {
          const h = draft.lastIndexOf(`\n${heading}\n`, at);
          assert.ok(h >= 0, `${id} lost its heading ${heading}`);
        }
      }
      for (const id of ids.done) assert.ok(!draft.includes(` - ${id}\n`), `done ${id} kept`);
      const warnings = (path: string) => new Set(diagnosticsOf(drafted.files, path).filter((d) => d.severity! <= 2).map((d) => d.code));
      const before = warnings('club/garden-minutes-2026-02-18.md');
      const after = [...warnings(drafted.plan.uri.slice('file:///site/'.length))].filter((code) => !before.has(code));
      assert.deepEqual(after, [], draft);
    }),
    { numRuns: RUNS },
  );
});

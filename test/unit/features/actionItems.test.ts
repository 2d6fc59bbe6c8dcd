import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionItemsMarkdown, createMinutesService } from '../../../server/src/service';
import { check, open, SITE, workspaceIndex } from '../../support/service';

/** A hiking club's board: open items are copied forward into the next minutes, as CPANSec's rule says. */
const board = (date: string, body: string) => `---\nlayout: page\nmeeting_time: ${date} 18:00 Europe/Oslo\ntitle: Board minutes ${date}\n---\n\n# Board minutes ${date}\n\n${body}`;

const JANUARY = board(
  '2025-01-08',
  `## Trips

### Spring trip to Rondane

- [ ] @ingrid book the cabin at Rondvassbu
- [ ] @ola - ask the bus company for a quote, deadline 2025-01-31
    * they quoted 9000 last year
- [x] @kari renew the insurance

## Equipment

1. [ ] @per repair the two broken tents
2. Information: the gear room moved to the basement
`,
);
const FEBRUARY = board(
  '2025-02-05',
  `## Trips

### Spring trip to Rondane

- [ ] @ingrid book the cabin at Rondvassbu
- [ ] @ola - ask the bus company for a quote, deadline 2025-01-31
    * they quoted 9000 last year

## Equipment

+ [ ] @per repair the two broken tents (one done)
+ @kari will order new stoves
`,
);
const MARCH = board(
  '2025-03-05',
  `## Trips

### Spring trip to Rondane

* [ ] @ingrid  book the cabin at  Rondvassbu.
* [x] @ola - ask the bus company for a quote, deadline 2025-01-31

## Equipment

- [ ] @per repair the two broken tents (one done)
`,
);
const files = {
  'meetings/board-minutes-2025-01-08.md': JANUARY,
  'meetings/board-minutes-2025-02-05.md': FEBRUARY,
  'meetings/board-minutes-2025-03-05.md': MARCH,
};

function report(query: Parameters<ReturnType<typeof createMinutesService>['actionItems']>[1] = {}) {
  return createMinutesService().actionItems(workspaceIndex(files).currentActionItems(), query);
}

test('items copied forward are one item: first written, carried, done when checked, small edits and any marker', () => {
  const all = report({ include: 'all' });
  const byText = (text: string) => all.items.find((i) => i.text.includes(text))!;
  const cabin = byText('book the cabin');
  // Two spaces and a full stop more in March: still the January item.
  assert.deepEqual([cabin.state, cabin.since.date, cabin.carried, cabin.latest.date, cabin.owners], ['open', '2025-01-08', 2, '2025-03-05', ['ingrid']]);
  assert.deepEqual(cabin.meetings.map((m) => m.date), ['2025-01-08', '2025-02-05', '2025-03-05']);
  // Its line in the latest minutes (0-based), where the tree view opens it.
  assert.equal(MARCH.split('\n')[cabin.latest.line], '* [ ] @ingrid  book the cabin at  Rondvassbu.');
  const bus = byText('bus company');
  assert.deepEqual([bus.state, bus.doneOn, bus.carried, bus.deadline], ['done', '2025-03-05', 2, '2025-01-31']);
  // "(one done)" added in February: a small edit of the numbered January item, carried into a `+` list and back.
  const tents = byText('broken tents');
  assert.deepEqual([tents.state, tents.since.date, tents.carried], ['open', '2025-01-08', 2]);
  // Checked in January and not copied: done then.
  assert.deepEqual([byText('insurance').state, byText('insurance').doneOn], ['done', '2025-01-08']);
  // A commitment without a checkbox, left out of March: still open (nothing ticks it).
  const stoves = byText('new stoves');
  assert.deepEqual([stoves.state, stoves.checkbox, stoves.owners], ['open', false, ['kari']]);
  // Notes and information are no action items.
  assert.ok(!all.items.some((i) => /quoted 9000|gear room/.test(i.text)));
  assert.equal(all.items.length, 5);
});

test('open items first and oldest first, grouped by owner, by meeting, by project or section; --owner', () => {
  const open = report();
  assert.deepEqual(open.items.map((i) => i.text), ['@ingrid  book the cabin at  Rondvassbu.', '@per repair the two broken tents (one done)', '@kari will order new stoves']);
  assert.deepEqual(open.groups.map((g) => [g.label, g.items.length]), [['@ingrid', 1], ['@kari', 1], ['@per', 1]]);
  assert.equal(open.open, 3);
  assert.equal(open.latestMeeting, '2025-03-05');
  assert.deepEqual(report({ groupBy: 'meeting' }).groups.map((g) => g.label), ['2025-03-05', '2025-02-05']);
  assert.deepEqual(report({ groupBy: 'section' }).groups.map((g) => g.label), ['Equipment', 'Spring trip to Rondane']);
  assert.deepEqual(report({ owner: '@PER' }).items.map((i) => i.owners), [['per']]);
  const all = report({ include: 'all' });
  assert.deepEqual(all.items.map((i) => i.state), ['open', 'open', 'open', 'done', 'done']);
});

test('the Markdown section to paste into an agenda: by owner, open checkboxes with age and source', () => {
  const markdown = actionItemsMarkdown(report(), (uri) => uri.slice(SITE.length + 1));
  assert.equal(
    markdown,
    [
      '### Review outstanding action items',
      '',
      'From the minutes up to 2025-03-05: 3 open items, by owner, oldest first.',
      '1 of them were written without a checkbox ("@x will …"): tick or drop them here.',
      '',
      '- @ingrid',
      '    - [ ] @ingrid  book the cabin at  Rondvassbu. _(carried 2 meetings, since 2025-01-08; meetings/board-minutes-2025-03-05.md)_',
      '- @kari',
      '    - [ ] @kari will order new stoves _(new on 2025-02-05; meetings/board-minutes-2025-02-05.md)_',
      '- @per',
      '    - [ ] @per repair the two broken tents (one done) _(carried 2 meetings, since 2025-01-08; meetings/board-minutes-2025-03-05.md)_',
      '',
    ].join('\n'),
  );
});

test('hover on an action item: first written, carried to this meeting, in which files, and its state', () => {
  const marked = MARCH.replace('* [ ] @ingrid  book', '* [ ] @ingrid  bo$0ok');
  const value = open(marked, 'meetings/board-minutes-2025-03-05.md', { files }).hover()!;
  assert.match(value, /^\*\*Action item\*\* — @ingrid/);
  assert.ok(value.includes('First written on 2025-01-08, carried 2 meetings to this one.'), value);
  assert.ok(value.includes('- 2025-01-08: meetings/board-minutes-2025-01-08.md\n- 2025-02-05: meetings/board-minutes-2025-02-05.md\n- 2025-03-05: meetings/board-minutes-2025-03-05.md'), value);
  assert.ok(value.endsWith('Still open.'), value);
  // On the handle, the handle's own hover.
  const onHandle = open(MARCH.replace('* [ ] @ingrid  book', '* [ ] @ing$0rid  book'), 'meetings/board-minutes-2025-03-05.md', { files }).hover()!;
  assert.ok(!onHandle.includes('Action item'), onHandle);
  // A plain note is no action item: no hover.
  assert.equal(open(JANUARY.replace('they quoted', 'they $0quoted'), 'meetings/board-minutes-2025-01-08.md', { files }).hover(), null);
});

test('stale-action: an open item carried past actionItems.staleAfter is information; a passed deadline stays upcoming-date\'s', () => {
  const config = { '.minutes.json': '{ "actionItems": { "staleAfter": 1 } }' };
  const marked = MARCH.replace('* [ ] @ingrid  book the cabin at  Rondvassbu.', '* [ ] $0@ingrid  book the cabin at  Rondvassbu.$0');
  const checked = check(marked, 'meetings/board-minutes-2025-03-05.md', { files: { ...files, ...config } });
  const stale = checked.of('stale-action');
  assert.deepEqual(checked.textsOf('stale-action'), ['@ingrid  book the cabin at  Rondvassbu.', '@per repair the two broken tents (one done)']);
  assert.equal(stale[0]!.severity, 3);
  assert.equal(stale[0]!.message, 'This action item has been carried 2 meetings since 2025-01-08 (the limit is 1): do it, give it a new owner or date, or drop it.');
  // The default limit is 4 meetings: nothing yet.
  assert.deepEqual(check(MARCH, 'meetings/board-minutes-2025-03-05.md', { files }).of('stale-action'), []);
  // February's open bus item with its January deadline: upcoming-date warns, once; stale-action does not repeat it.
  const february = check(FEBRUARY, 'meetings/board-minutes-2025-02-05.md', { files: { ...files, ...config } });
  assert.deepEqual(february.textsOf('upcoming-date'), ['2025-01-31']);
  assert.equal(february.of('upcoming-date')[0]!.severity, 2);
});

test('.minutes.json: actionItems.staleAfter must be a whole number of meetings', () => {
  const index = workspaceIndex({ '.minutes.json': '{ "actionItems": { "staleAfter": "often" } }' });
  assert.deepEqual(index.knowledge().problems.map((p) => p.message), ['`actionItems.staleAfter` must be a whole number of meetings, 1 or more.']);
  assert.equal(index.knowledge().staleActionAfter, 4);
});

test('typing above an item keeps the knowledge but moves the item\'s line in the live list', () => {
  const index = workspaceIndex(files);
  const before = index.knowledge().version;
  const service = createMinutesService();
  const moved = MARCH.replace('## Trips', '## Trips\n\nWeather was fine.\n');
  const uri = `${SITE}/meetings/board-minutes-2025-03-05.md`;
  assert.equal(index.updateModel(service.parse({ uri, version: 2, getText: () => moved })), false);
  assert.equal(index.knowledge().version, before);
  const cabin = service.actionItems(index.currentActionItems()).items.find((i) => i.text.includes('cabin'))!;
  assert.equal(moved.split('\n')[cabin.latest.line], '* [ ] @ingrid  book the cabin at  Rondvassbu.');
  // Ticking it is news: the knowledge changes.
  const ticked = MARCH.replace('* [ ] @ingrid', '* [x] @ingrid');
  assert.equal(index.updateModel(service.parse({ uri, version: 3, getText: () => ticked })), true);
});

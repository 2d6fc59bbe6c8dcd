import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readerText } from '../../../server/src/service/features/hover/readerText';

test('a Markdown line as the reader of the page reads it (task boxes stay: kramdown publishes them as text)', () => {
  const cases: [string, string][] = [
    [
      '* **Time**: on Aug 1st, 2024, at 17:00 UTC. ([Other timezones](https://www.timeanddate.com/worldclock/meetingdetails.html?year=2024&month=08&day=01&hour=17&min=00&sec=0&p1=256); [iCal download](https://www.timeanddate.com/scripts/ics.php?type=meet&p1=256&year=2024))',
      'Time: on Aug 1st, 2024, at 17:00 UTC. (Other timezones; iCal download)',
    ],
    ['1. [x] Done _here_ and `code *not emphasis*`', '[x] Done here and code *not emphasis*'],
    ['- [ ] Open item with ![logo](a.png "Logo") <b>bold</b> \\*stars\\*', '[ ] Open item with logo bold *stars*'],
    ['## Heading with [a reference][ref] and <https://example.org>', 'Heading with a reference and https://example.org'],
    ['> quoted ~~old~~ new &amp; snake_case_name', 'quoted old new & snake_case_name'],
    ['[link with (parens)](https://example.org/a_(b)) after', 'link with (parens) after'],
  ];
  for (const [markdown, text] of cases) assert.equal(readerText(markdown), text, markdown);
});

test('a long or hostile line is read only so far and cut short', () => {
  const text = readerText(`* ${'**a '.repeat(200_000)}`);
  assert.ok(text.length <= 301, String(text.length));
  assert.ok(text.endsWith('…'));
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DateTime } from 'luxon';
import { escapeMarkdown } from '../../../server/src/service/features/markdown';
import { open } from '../../support/service';
import { oracleMeta, oracleRecords, settingsFor } from '../time/oracleRecords';

const clock = DateTime.fromISO(oracleMeta.generatedAtUTC).toJSDate();

for (const record of oracleRecords) {
  test(`meeting_time hover shows what Jekyll publishes: #${record.id} [${record.tz}] ${record.yamlSource}`, () => {
    const zone = settingsFor(record).buildZone;
    const files: Record<string, string> = zone === 'UTC' ? {} : { '_config.yml': `timezone: ${zone}\n` };
    const text = `---\nlayout: page\n$0${record.yamlSource}\ntitle: Minutes\n---\n`;
    const value = open(text, 'meetings/cpansec-minutes-2024-11-15.md', { files, now: clock }).hover();
    assert.ok(value, 'a hover');
    const sentence = record.outputs.sentence;
    if (sentence === null || sentence === undefined) {
      assert.match(value, /^\*\*The site build fails\.\*\*/);
      assert.ok(value.includes(record.buildError!.replace(/ in index\.html$/, '')), value);
    } else {
      // The template's sentence as the reader reads it (escaped, in italics; a trailing space is not seen).
      assert.ok(value.includes(`: *${escapeMarkdown(sentence.trim())}*\n`), `expected the sentence ${JSON.stringify(sentence)} in:\n${value}`);
      assert.doesNotMatch(value, /site build fails/);
    }
  });
}

test('the page\'s own "Time" line as the reader reads it, the expression\'s output, and the zones two to a row (DST: CET in winter, EDT before Europe switches)', () => {
  const value = open(
    '---\nlayout: page\nmeeting_time: March 27th, 2024 17:00 UTC\ntitle: Minutes 2024-03-27\n---\n*   **Time**: on {{ page.meeting_time | date_to_string: "ordinal", "US" }}, at {{ $0page.meeting_time | date: "%H:%M %Z" }}. ([Other timezones](https://www.timeanddate.com/worldclock/meetingdetails.html?{{ page.meeting_time | date: "year=%Y&month=%m&day=%d&hour=%H&min=%M&sec=0" }}&p1=187))\n',
    'meetings/cpansec-minutes-2024-03-27.md',
    { settings: { readerTimeZone: 'UTC' } },
  ).hover()!;
  assert.equal(
    value,
    [
      '**Wed 27 Mar 2024, 17:00 UTC** — 1 year ago',
      '`{{ page.meeting_time | date: "%H:%M %Z" }}` renders `17:00 UTC`',
      // Rendered: no list marker, no bold marks, the link as its label (no timeanddate.com URL).
      'The page shows: *Time: on Mar 27th, 2024, at 17:00 UTC. \\(Other timezones\\)*',
      [
        '| Zone | Time | Zone | Time |',
        '|---|---|---|---|',
        '| **UTC** (you) | 17:00 UTC | Oslo | 18:00 CET |',
        '| Amsterdam | 18:00 CET | London | 17:00 GMT |',
        '| New York | 13:00 EDT | Los Angeles | 10:00 PDT |',
      ].join('\n'),
    ].join('\n\n'),
  );
});

test('the index page\'s "Time" line: its next meeting, links shown as their labels, and no line longer than the published one', () => {
  const index = readFileSync('test/fixtures/cpansec/meetings/README.md', 'utf8').replace('* **Time**: on', '* **Ti$0me**: on');
  const value = open(index, 'meetings/README.md', { files: { 'meetings/cpansec-minutes-2024-07-18.md': readFileSync('test/fixtures/cpansec/meetings/cpansec-minutes-2024-07-18.md', 'utf8') } }).hover()!;
  assert.match(value, /^\*\*Next meeting: Thu 1 Aug 2024, 17:00 UTC\*\* — 9 months ago\n/);
  assert.ok(value.includes('The page shows: *Time: on Aug 1st, 2024, at 17:00 UTC. \\(Other timezones; iCal download\\)*'), value);
  assert.doesNotMatch(value, /timeanddate|```/);
  assert.ok(value.split('\n').every((line) => line.length < 120), value);
});

test('summer time abbreviations and the date where it is not the UTC date, for a late meeting', () => {
  const value = open('---\nlayout: page\n$0meeting_time: 2024-07-15 23:30 UTC\ntitle: Minutes 2024-07-15\n---\n', 'meetings/cpansec-minutes-2024-07-15.md', { settings: { readerTimeZone: 'UTC' } }).hover()!;
  assert.match(value, /\| Oslo \| 01:30 CEST, Tue 16 Jul \\\(\+1 day\\\) \|$/m);
  assert.match(value, /\| London \| 00:30 BST, Tue 16 Jul \\\(\+1 day\\\) \|$/m);
  assert.match(value, /\| Los Angeles \| 16:30 PDT \|$/m);
  assert.match(value, /^The template's sentence would show: \*on Jul 15th, 2024, at 23:30 UTC\*$/m);
});

test('the reader\'s own zone is marked: last when it is not a configured zone, in its place when it is', () => {
  const text = '---\nlayout: page\n$0meeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes\n---\n';
  const tokyo = open(text, undefined, { settings: { readerTimeZone: 'Asia/Tokyo' } }).hover()!;
  assert.match(tokyo, /^\| \*\*Tokyo\*\* \(you\) \| 01:00 \+09, Sat 16 Nov \\\(\+1 day\\\) \|  \|  \|$/m);
  const oslo = open(text, undefined, { settings: { readerTimeZone: 'Europe/Oslo' } }).hover()!;
  assert.match(oslo, /^\| UTC \| 16:00 UTC \| \*\*Oslo\*\* \(you\) \| 17:00 CET \|$/m);
  assert.equal(oslo.match(/\(you\)/g)?.length, 1);
});

test('a build failure comes first and says why', () => {
  const value = open('---\nlayout: page\n$0meeting_time: 2024-11-15 25:00 UTC\ntitle: Minutes\n---\n').hover()!;
  assert.match(value, /^\*\*The site build fails\.\*\* Ruby refuses this hour/);
});

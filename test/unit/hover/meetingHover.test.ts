import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DateTime } from 'luxon';
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
      assert.ok(value.includes(`\n${sentence}\n`), `expected the sentence ${JSON.stringify(sentence)} in:\n${value}`);
      assert.doesNotMatch(value, /site build fails/);
    }
  });
}

test('the page\'s own "Time" line is rendered, with the zone table (DST: CET in winter, EDT before Europe switches)', () => {
  const value = open(
    '---\nlayout: page\nmeeting_time: March 27th, 2024 17:00 UTC\ntitle: Minutes 2024-03-27\n---\n*   **Time**: on {{ page.meeting_time | date_to_string: "ordinal", "US" }}, at {{ $0page.meeting_time | date: "%H:%M %Z" }}.\n',
    'meetings/cpansec-minutes-2024-03-27.md',
  ).hover()!;
  assert.ok(value.includes('*   **Time**: on Mar 27th, 2024, at 17:00 UTC.'), value);
  assert.ok(value.includes('renders as:\n\n```text\n17:00 UTC\n```'), value);
  assert.match(value, /\| Europe\/Oslo \| 18:00 CET \| Wed 27 Mar 2024 \|/);
  assert.match(value, /\| America\/New\\_York \| 13:00 EDT \| Wed 27 Mar 2024 \|/);
  assert.match(value, /\| Europe\/London \| 17:00 GMT \|/);
  assert.match(value, /year ago\./);
});

test('summer time abbreviations and a date shift mark for a late meeting', () => {
  const value = open('---\nlayout: page\n$0meeting_time: 2024-07-15 23:30 UTC\ntitle: Minutes 2024-07-15\n---\n', 'meetings/cpansec-minutes-2024-07-15.md').hover()!;
  assert.match(value, /\| Europe\/Oslo \| 01:30 CEST \| Tue 16 Jul 2024, \+1 day \|/);
  assert.match(value, /\| Europe\/London \| 00:30 BST \| Tue 16 Jul 2024, \+1 day \|/);
  assert.match(value, /\| America\/Los\\_Angeles \| 16:30 PDT \| Mon 15 Jul 2024 \|$/m);
});

test('the reader\'s own zone is a row of its own', () => {
  const value = open('---\nlayout: page\n$0meeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes\n---\n', undefined, { settings: { readerTimeZone: 'Asia/Tokyo' } }).hover()!;
  assert.match(value, /\| You \\\(Asia\/Tokyo\\\) \| 01:00 \+09 \| Sat 16 Nov 2024, \+1 day \|/);
});

test('a build failure comes first and says why', () => {
  const value = open('---\nlayout: page\n$0meeting_time: 2024-11-15 25:00 UTC\ntitle: Minutes\n---\n').hover()!;
  assert.match(value, /^\*\*The site build fails\.\*\* Ruby refuses this hour/);
});

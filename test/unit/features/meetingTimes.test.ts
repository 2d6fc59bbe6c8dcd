import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open } from '../../support/service';

const meetingTimesOf = (text: string, path?: string, settings = { readerTimeZone: 'Asia/Tokyo' }) => {
  const opened = open(text, path, { settings });
  return opened.service.meetingTimes(opened.fixture.document, opened.knowledge, opened.settings);
};

test('Show Meeting Time in Time Zones: every configured zone in order, the reader\'s last and marked, a Markdown table to paste', () => {
  const result = meetingTimesOf('---\nlayout: page\nmeeting_time: 2024-03-27 17:00 UTC\ntitle: Minutes 2024-03-27\n---\n');
  assert.ok(result?.ok);
  assert.equal(result.title, 'Meeting of Wednesday 27 March 2024, 17:00 UTC');
  assert.equal(result.relative, '1 year ago');
  assert.deepEqual(result.rows.map((r) => [r.zone, r.time, r.note, r.reader]), [
    ['UTC', '17:00 UTC', 'Wed 27 Mar 2024', false],
    ['Europe/Oslo', '18:00 CET', 'Wed 27 Mar 2024', false],
    ['Europe/Amsterdam', '18:00 CET', 'Wed 27 Mar 2024', false],
    ['Europe/London', '17:00 GMT', 'Wed 27 Mar 2024', false],
    ['America/New_York', '13:00 EDT', 'Wed 27 Mar 2024', false],
    ['America/Los_Angeles', '10:00 PDT', 'Wed 27 Mar 2024', false],
    ['Asia/Tokyo', '02:00 +09', 'Thu 28 Mar 2024 (+1 day)', true],
  ]);
  assert.equal(
    result.markdown,
    [
      '**Meeting of Wednesday 27 March 2024, 17:00 UTC**',
      '',
      '| Zone | Time | Date |',
      '|---|---|---|',
      '| UTC | 17:00 UTC | Wed 27 Mar 2024 |',
      '| Europe/Oslo | 18:00 CET | Wed 27 Mar 2024 |',
      '| Europe/Amsterdam | 18:00 CET | Wed 27 Mar 2024 |',
      '| Europe/London | 17:00 GMT | Wed 27 Mar 2024 |',
      '| America/New_York | 13:00 EDT | Wed 27 Mar 2024 |',
      '| America/Los_Angeles | 10:00 PDT | Wed 27 Mar 2024 |',
      '| Asia/Tokyo (you) | 02:00 +09 | Thu 28 Mar 2024 (+1 day) |',
    ].join('\n'),
  );
});

test('the index page lists its next meeting', () => {
  const index = '---\nlayout: page\nnext_meeting_time: 2024-08-01 17:00 UTC\n---\n* [2024-07-18](cpansec-minutes-2024-07-18.md)\n* [2024-07-03](cpansec-minutes-2024-07-03.md)\n';
  const result = meetingTimesOf(index, 'meetings/README.md', { readerTimeZone: 'Europe/Oslo' });
  assert.ok(result?.ok);
  assert.equal(result.title, 'Next meeting of Thursday 1 August 2024, 17:00 UTC');
  assert.deepEqual(result.rows.filter((r) => r.reader).map((r) => r.zone), ['Europe/Oslo']);
  assert.equal(result.rows.length, 6);
});

test('on a file that is not minutes, or minutes without a readable meeting time, a plain sentence says why', () => {
  assert.deepEqual(meetingTimesOf('# Notes\n\nNothing to do with meetings.\n', 'docs/notes.md'), {
    ok: false,
    reason: 'not-minutes',
    message: 'notes.md is not a minutes file, so it has no meeting to show in other time zones. Open a meeting\'s minutes or agenda.',
  });
  assert.deepEqual(meetingTimesOf('---\nlayout: page\nmeeting_time: 2024-11-15 25:00 UTC\n---\n'), {
    ok: false,
    reason: 'no-time',
    message: 'cpansec-minutes-2024-11-15.md has no meeting time to show: Jekyll cannot read its meeting_time (see the Problems panel).',
  });
  assert.deepEqual(meetingTimesOf('---\nlayout: page\ntitle: Minutes\n---\n'), {
    ok: false,
    reason: 'no-time',
    message: 'cpansec-minutes-2024-11-15.md has no meeting time to show: it has no meeting_time in its front matter.',
  });
});

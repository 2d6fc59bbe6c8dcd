import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open, TEST_NOW } from '../../support/service';

const CONFIG = 'title: Fjellvandrerne\nurl: "https://hikers.example.org"\nbaseurl: "/club"\n';
const minutes = (date: string, next: string, title = `Board minutes ${date}`) =>
  `---\nlayout: page\nmeeting_time: ${date} 16:00 UTC\ntitle: ${title}\n---\n\n## Meeting details\n\n* **Duration**: 90 minutes\n\n## Next meeting\n\n* ${next}\n`;

// ical.js is an ECMAScript module: imported once, dynamically, from this CommonJS test.
const icalModule = import('ical.js');

/** The calendar a file gives, read back by ical.js: its one event. */
async function calendarOf(text: string, path: string, files: Record<string, string> = { '_config.yml': CONFIG }) {
  const { service, fixture, knowledge, settings } = open(text, path, { files });
  const result = service.nextMeetingCalendar(fixture.document, knowledge, settings);
  if (!result.ok) return { result, event: null, vevent: null };
  const ICAL = (await icalModule).default;
  const component = new ICAL.Component(ICAL.parse(result.text));
  const vevent = component.getFirstSubcomponent('vevent')!;
  return { result, event: new ICAL.Event(vevent), vevent, utc: ICAL.Timezone.utcTimezone };
}

test('the next meeting from the "Next meeting is …" line: UTC start, title with its date, the page it will be published at', async () => {
  const { result, event, vevent, utc } = await calendarOf(minutes('2025-02-05', 'Next meeting is Wednesday 2025-03-05 @ 18:00 Europe/Oslo'), 'meetings/board-minutes-2025-02-05.md');
  assert.ok(result.ok && event && vevent);
  assert.equal(event.summary, 'Board minutes 2025-03-05');
  // 18:00 in Oslo in winter is 17:00 UTC; written in UTC (a Z time, no TZID).
  assert.equal(vevent.getFirstPropertyValue('dtstart')!.toString(), '2025-03-05T17:00:00Z');
  assert.equal(event.startDate.zone, utc);
  assert.equal(event.duration.toSeconds(), 90 * 60);
  assert.equal(vevent.getFirstPropertyValue('url'), 'https://hikers.example.org/club/meetings/board-minutes-2025-03-05.html');
  assert.match(event.uid, /^20250305T1700Z-board-minutes-2025-03-05@hikers\.example\.org$/);
  assert.equal(vevent.getFirstPropertyValue('dtstamp')!.toString(), TEST_NOW.toISOString().replace(/\.\d{3}Z$/, 'Z'));
  assert.equal(result.fileName, 'board-minutes-2025-03-05.ics');
});

test('RFC 5545 text: CRLF after every line, lines folded at 75 octets, commas, semicolons and backslashes escaped', async () => {
  const title = 'Fjellvandrerne styremøte 2025-02-05; årsmøte, budsjett og turplan for våren\\sommeren med ekstra lang tittel';
  const { result, event } = await calendarOf(minutes('2025-02-05', 'Next meeting is 2025-03-05 @ 17:00 UTC', `"${title}"`), 'meetings/board-minutes-2025-02-05.md');
  assert.ok(result.ok && event);
  assert.ok(result.text.endsWith('END:VCALENDAR\r\n'));
  assert.ok(!/[^\r]\n/.test(result.text), 'every line ends in CRLF');
  for (const line of result.text.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `longer than 75 octets: ${line}`);
  assert.ok(result.text.includes('2025-03-05\\; årsmøte\\, budsjett'), result.text);
  assert.equal(event.summary, title.replace('2025-02-05', '2025-03-05'));
});

test('the index page: next_meeting_time and its permalink; an agenda whose meeting is ahead: its own meeting_time', async () => {
  const index = '---\nlayout: page\npermalink: /meetings/\nnext_meeting_time: 2025-06-11 16:00 UTC\ntitle: Board meetings\n---\n\n* [2025-05-14](board-minutes-2025-05-14.md)\n';
  const fromIndex = await calendarOf(index, 'meetings/README.md');
  assert.equal(fromIndex.vevent!.getFirstPropertyValue('dtstart')!.toString(), '2025-06-11T16:00:00Z');
  assert.equal(fromIndex.vevent!.getFirstPropertyValue('url'), 'https://hikers.example.org/club/meetings/');
  assert.equal(fromIndex.event!.summary, 'Board meetings');
  const agenda = await calendarOf(minutes('2025-06-11', 'Next meeting is 2025-07-02'), 'meetings/board-minutes-2025-06-11.md', {});
  assert.equal(agenda.vevent!.getFirstPropertyValue('dtstart')!.toString(), '2025-06-11T16:00:00Z');
  assert.equal(agenda.event!.summary, 'Board minutes 2025-06-11');
  // No `url` in _config.yml: no URL property rather than a guess.
  assert.equal(agenda.vevent!.getFirstPropertyValue('url'), null);
});

test('minutes that state no next meeting with a time: no calendar, and why', async () => {
  const { result } = await calendarOf(minutes('2025-02-05', 'Next meeting: to be decided'), 'meetings/board-minutes-2025-02-05.md');
  assert.equal(result.ok, false);
  assert.match((result as { message: string }).message, /states no next meeting/);
});

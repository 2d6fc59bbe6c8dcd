import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderJekyllLiquid } from '../../../server/src/service/time';
import { open } from '../../support/service';

const front = '---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15\n---\n';

test('a time in the text without a year on its line resolves through the meeting date', () => {
  const value = open(`${front}\n## $016:30 UTC – Pre-meeting socializing\n`).hover()!;
  assert.match(value, /on 2024-11-15 \(the meeting date\)/);
  assert.match(value, /\| Europe\/Amsterdam \| 17:30 CET \| Fri 15 Nov 2024 \|/);
});

test('a time on a line with a date uses that date: summer time in July from a November meeting', () => {
  const value = open(`${front}\n* Next meeting is Wednesday 2025-07-02 @ $017:00UTC (19:00 Europe/Amsterdam)\n`).hover()!;
  assert.match(value, /on 2025-07-02 \(the date on this line\)/);
  assert.match(value, /\| Europe\/Amsterdam \| 19:00 CEST \| Wed 2 Jul 2025 \|/);
});

test('a year-less date on the line is read in the year nearest the meeting, as timezone-mismatch reads it', () => {
  const february = '---\nlayout: page\nmeeting_time: 2025-02-12 18:00 Europe/Oslo\ntitle: Board minutes 2025-02-12\n---\n';
  const value = open(`${february}\n* [x] Ski relay - Friday January 31st, start at $010:00 Oslo\n`, 'meetings/board-minutes-2025-02-12.md').hover()!;
  assert.match(value, /on 2025-01-31 \(the date on this line\)/);
  assert.match(value, /\| UTC \| 09:00 UTC \| Fri 31 Jan 2025 \|/);
});

test('a hostile bio in _data/authors.yml is shown escaped: no link, no HTML, no command', () => {
  const authors = 'mallory:\n  name: "Mallory <img src=x onerror=alert(1)>"\n  bio: "[click](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%22%7D) **bold** <script>alert(1)</script>"\n';
  const value = open(`${front}\n* Attendees: $0@mallory\n`, undefined, { files: { '_data/authors.yml': authors } }).hover()!;
  // Every < is escaped, so nothing is HTML; every ( is escaped, so nothing is a link target.
  assert.doesNotMatch(value, /(^|[^\\])</);
  assert.doesNotMatch(value, /(^|[^\\])\]\(/);
  assert.ok(!/\]\(command:/.test(value), value);
  assert.ok(value.includes('\\[click\\]\\(command:workbench'), value);
  assert.ok(value.includes('\\<script\\>'), value);
});

test('a lone CR, a Unicode line or paragraph separator cannot end a hover line: no heading, list or live link from a bio or a Liquid expression', () => {
  const authors = 'mallory:\n  name: "Mallory"\n  bio: "Nice person\\r# Heading\\r- [x](command:evil)\\u2028## Second\\u2029<img src=x onerror=alert(1)>"\n';
  const bio = open(`${front}\n* Attendees: $0@mallory\n`, undefined, { files: { '_data/authors.yml': authors } }).hover()!;
  assert.doesNotMatch(bio, /[\r\u2028\u2029]/);
  assert.doesNotMatch(bio, /(^|\n)#/);
  assert.ok(bio.includes('Nice person # Heading - \\[x\\]\\(command:evil\\) ## Second \\<img'), bio);
  const liquid = open(`${front}\n* **Time**: at {{ page.meeting$0_time | date: "%H:%M\r[x](command:evil) <img src=x onerror=alert(1)>" }}\n`).hover()!;
  // The expression is shown as inline code (a CR inside would end the span); the output stays inside its fence.
  const outsideFences = liquid.replace(/^```text\n[^]*?\n```$/gm, '');
  assert.equal(liquid.match(/^```text$/gm)?.length, 2);
  assert.doesNotMatch(outsideFences, /[\r\u2028\u2029]/);
  for (const line of outsideFences.split('\n')) assert.doesNotMatch(line.replace(/`+[^`]*`+/g, ''), /\]\(command:|<img/, line);
});

test('a config listing thousands of hover zones gives a table of at most 24, each zone once', () => {
  const zones = Array.from({ length: 5000 }, (_, i) => ['UTC', 'Europe/Oslo', 'Asia/Tokyo'][i % 3]!).concat(Intl.supportedValuesOf('timeZone').slice(0, 100));
  const config = JSON.stringify({ timeZones: { hover: zones } });
  const value = open(`${front}\n## $016:30 UTC – Pre-meeting socializing\n`, undefined, { files: { '.minutes.json': config }, settings: { readerTimeZone: 'UTC' } }).hover()!;
  const rows = value.split('\n').filter((line) => /^\| (?!Zone|---)/.test(line));
  // 24 listed zones and the reader's own.
  assert.equal(rows.length, 25);
  assert.equal(rows.filter((row) => row.startsWith('| Europe/Oslo |')).length, 1);
  assert.ok(rows[2]!.startsWith('| Asia/Tokyo |'), rows[2]);
});

test('a member: name, GitHub, mentions and the last meeting attended', () => {
  const files = {
    '_data/authors.yml': 'sjn:\n  name: Salve J. Nilsen\n  github: sjn\n',
    'meetings/cpansec-minutes-2024-11-01.md': '---\nlayout: page\nmeeting_time: 2024-11-01 16:00 UTC\n---\n### Attendees\n* @sjn\n',
    'meetings/cpansec-minutes-2024-11-08.md': '---\nlayout: page\nmeeting_time: 2024-11-08 16:00 UTC\n---\n* Regrets\n    * @sjn\n',
  };
  const value = open(`${front}\n* $0@sjn spoke\n`, undefined, { files }).hover()!;
  assert.match(value, /\*\*@sjn\*\* — Salve J. Nilsen/);
  assert.match(value, /GitHub: https:\/\/github\.com\/sjn/);
  assert.match(value, /Named in 3 minutes files \\\(3 mentions\\\), last on 2024-11-15\. Last attended the meeting of 2024-11-01\./);
});

test('a project link names the current and earlier names', () => {
  const value = open(`${front}\n9.  [$0CPANSec Governance, Policy & Funding](https://github.com/orgs/CPAN-Security/projects/7)\n`).hover()!;
  assert.match(value, /\*\*CPANSec Governance, Policy \\& Funding\*\* — project 7 of CPAN-Security/);
  assert.match(value, /Earlier names: CPAN-SEC Governance, Policy \\& Funding\./);
});

test('a timeanddate.com link: Liquid evaluated first, then date, time and places', () => {
  const value = open(
    `${front}\n*   ([Other timezones](https://www.timeanddate.com/worldclock/meeting$0details.html?{{ page.meeting_time | date: "year=%Y&month=%m&day=%d&hour=%H&min=%M&sec=0" }}&p1=1440&p2=179&p3=9999))\n`,
    undefined,
    { files: { '.minutes.json': '{ "places": { "9999": "Oslo" } }' } },
  ).hover()!;
  assert.match(value, /\*\*timeanddate\.com meeting details\*\* \(after Jekyll renders its Liquid\)/);
  assert.match(value, /Encodes `Friday 2024-11-15 16:00`/);
  assert.match(value, /p1=1440: UTC/);
  assert.match(value, /p2=179: New York/);
  assert.match(value, /p3=9999: Oslo/);
});

test('a hard-coded timeanddate.com link on the wrong day says so', () => {
  const value = open(`${front}\n[Other timezones](https://www.timeanddate.com/worldclock/meetingdetails.html?year=2024&month=2&day=10&hour=15&$0min=0&sec=0&p1=187)\n`).hover()!;
  assert.match(value, /The meeting is on 2024-11-15, not 2024-02-10/);
  assert.match(value, /p1=187: unknown place/);
});

test('Liquid in the page cannot stall the hover: a loop bomb on the Time line is cut off, the rest answers', () => {
  const line = '*   **Time**: {% for i in (1..999999999) %}x{% endfor %} {{ page.meeting_time | date: "%H:%M" }}';
  const bomb = `${front}\n${line.replace('{{ page', '{{ $0page')}\n`;
  // The line's render is stopped by the render limits...
  assert.match(renderJekyllLiquid(line, { meeting_time: { kind: 'string', text: '2024-11-15 16:00 UTC' } }, { buildZone: 'UTC', now: new Date('2024-11-01T00:00:00Z') }).error ?? '', /limit exceeded/);
  const value = open(bomb).hover();
  // ...so the hover leaves out the published line, and still renders the expression and the zones.
  assert.ok(value && value.includes('16:00'), String(value));
  assert.doesNotMatch(value, /The published page/);
  assert.match(value, /\| Europe\/Oslo \| 17:00 CET \|/);
});

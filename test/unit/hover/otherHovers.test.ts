import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderJekyllLiquid } from '../../../server/src/service/time';
import { open } from '../../support/service';

const front = '---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15\n---\n';

test('a time in the text without a year on its line resolves through the meeting date', () => {
  const value = open(`${front}\n## $016:30 UTC – Pre-meeting socializing\n`).hover()!;
  assert.match(value, /^`16:30 UTC` on Fri 15 Nov 2024 \\\(the meeting date\\\) — 6 months ago$/m);
  assert.match(value, /\| Amsterdam \| 17:30 CET \|/);
});

test('a time on a line with a date uses that date: summer time in July from a November meeting', () => {
  const value = open(`${front}\n* Next meeting is Wednesday 2025-07-02 @ $017:00UTC (19:00 Europe/Amsterdam)\n`).hover()!;
  assert.match(value, /on Wed 2 Jul 2025 \\\(the date on this line\\\) — in 1 month/);
  assert.match(value, /\| Amsterdam \| 19:00 CEST \|/);
});

test('a year-less date on the line is read in the year nearest the meeting, as timezone-mismatch reads it', () => {
  const february = '---\nlayout: page\nmeeting_time: 2025-02-12 18:00 Europe/Oslo\ntitle: Board minutes 2025-02-12\n---\n';
  const value = open(`${february}\n* [x] Ski relay - Friday January 31st, start at $010:00 Oslo\n`, 'meetings/board-minutes-2025-02-12.md').hover()!;
  assert.match(value, /on Fri 31 Jan 2025 \\\(the date on this line\\\)/);
  assert.match(value, /\| (\*\*UTC\*\* \(you\)|UTC) \| 09:00 UTC \|/);
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
  // The expression and its output are shown as inline code (a CR inside would end the span); the page's line as escaped text.
  assert.doesNotMatch(liquid, /[\r\u2028\u2029]/);
  assert.ok(liquid.includes('renders `'), liquid);
  for (const line of liquid.split('\n')) assert.doesNotMatch(line.replace(/`+[^`]*`+/g, ''), /(^|[^\\])\]\(command:|(^|[^\\])<img/, line);
});

test('a config listing thousands of hover zones gives a table of at most 24, each zone once', () => {
  const zones = Array.from({ length: 5000 }, (_, i) => ['UTC', 'Europe/Oslo', 'Asia/Tokyo'][i % 3]!).concat(Intl.supportedValuesOf('timeZone').slice(0, 100));
  const config = JSON.stringify({ timeZones: { hover: zones } });
  const value = open(`${front}\n## $016:30 UTC – Pre-meeting socializing\n`, undefined, { files: { '.minutes.json': config }, settings: { readerTimeZone: 'UTC' } }).hover()!;
  const cells = value
    .split('\n')
    .filter((line) => /^\| (?!Zone|---)/.test(line))
    .flatMap((line) => line.slice(2, -2).split(' | '))
    .filter((_, i) => i % 2 === 0 && _ !== '');
  // 24 listed zones, the reader's own (UTC) among them.
  assert.equal(cells.length, 24);
  assert.equal(cells.filter((cell) => cell === 'Oslo').length, 1);
  assert.deepEqual(cells.slice(0, 3), ['**UTC** (you)', 'Oslo', 'Tokyo']);
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
  assert.match(value, /^\*\*timeanddate\.com meeting details\*\* \(after Jekyll renders its Liquid\): Friday 15 November 2024, 16:00 UTC$/m);
  // Known ids with their time there; an id named in .minutes.json by its name (no zone known for it).
  assert.match(value, /^\| UTC \\\(p1\\\) \| 16:00 UTC \| New York \\\(p2\\\) \| 11:00 EST \|$/m);
  assert.match(value, /^\| Oslo \\\(p3\\\) \|  \|/m);
});

test('a hard-coded timeanddate.com link on the wrong day says so', () => {
  const value = open(`${front}\n[Other timezones](https://www.timeanddate.com/worldclock/meetingdetails.html?year=2024&month=2&day=10&hour=15&$0min=0&sec=0&p1=187)\n`).hover()!;
  assert.match(value, /The meeting is on 2024-11-15, not 2024-02-10/);
  assert.match(value, /^\| Oslo \\\(p1\\\) \| 16:00 CET \|/m);
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
  assert.match(value, /\| Oslo \| 17:00 CET \|/);
});

test('a timezone-mismatch pair: the table converts the time written first (the one the warning takes as right) and the hover says what each is', () => {
  // 2024-09-12: Amsterdam is on summer time, so 17:00 UTC is 19:00 there.
  const september = '---\nlayout: page\nmeeting_time: 2024-09-12 17:00 UTC\ntitle: Minutes 2024-09-12\n---\n';
  const path = 'meetings/cpansec-minutes-2024-09-12.md';
  const settings = { readerTimeZone: 'UTC' };
  const onWrong = open(`${september}\n* Next meeting 17:00UTC ($018:00 Amsterdam)\n`, path, { settings }).hover()!;
  const onRight = open(`${september}\n* Next meeting $017:00UTC (18:00 Amsterdam)\n`, path, { settings }).hover()!;
  assert.equal(onWrong, onRight);
  assert.equal(
    onWrong,
    [
      '`17:00UTC` on Thu 12 Sep 2024 \\(the meeting date\\) — 8 months ago',
      '**18:00 Amsterdam does not match:** 17:00UTC is 19:00 CEST there; 18:00 is 16:00 UTC.',
      [
        '| Zone | Time | Zone | Time |',
        '|---|---|---|---|',
        '| **UTC** (you) | 17:00 UTC | Oslo | 19:00 CEST |',
        '| Amsterdam | 19:00 CEST | London | 18:00 BST |',
        '| New York | 13:00 EDT | Los Angeles | 10:00 PDT |',
      ].join('\n'),
    ].join('\n\n'),
  );
  // A restatement that agrees is two names for one moment: no note.
  const agreeing = open(`${september}\n* Next meeting 17:00UTC ($019:00 Amsterdam)\n`, path, { settings }).hover()!;
  assert.match(agreeing, /^`19:00 Amsterdam` on Thu 12 Sep 2024/);
  assert.doesNotMatch(agreeing, /does not match/);
});

test('a converter link\'s time is its first place\'s; the group\'s place ids are named, each with its time', () => {
  const value = open(
    `${front}\n[Other timezones](https://www.timeanddate.com/worldclock/converter.html?iso=20241115T1$07000&p1=187&p2=233&p3=250&p4=1129&p5=256)\n`,
    undefined,
    { settings: { readerTimeZone: 'UTC' } },
  ).hover()!;
  assert.equal(
    value,
    [
      '**timeanddate.com time converter**: Friday 15 November 2024, 16:00 UTC \\(17:00 CET in Oslo\\)',
      [
        '| Place | Time | Place | Time |',
        '|---|---|---|---|',
        '| Oslo \\(p1\\) | 17:00 CET | São Paulo \\(p2\\) | 13:00 -03 |',
        '| Toronto \\(p3\\) | 11:00 EST | Moncton \\(p4\\) | 12:00 AST |',
        '| Vancouver \\(p5\\) | 08:00 PST |  |  |',
      ].join('\n'),
    ].join('\n\n'),
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMinutes } from '../../../server/src/service/parse/parseMinutes';
import { fixture } from '../../support/fixture';

const URI = 'file:///site/meetings/cpansec-minutes-2024-11-15.md';
const parse = (text: string) => parseMinutes(text, URI, 1);

test('handles are found in text and link text, never in URLs, e-mail addresses, code or link targets', () => {
  const text = [
    '* $0@sjn$0 and [@oalders](https://github.com/oalders) met; follow https://fosstodon.org/@cpansec',
    '* mail pause-admin@perl.org or cve-request@perl.org; run `cpanm @INC` first',
    '* Next meeting is Wednesday 2024-11-27 @ 17:00UTC ([chat](https://matrix.to/#/@sjn:matrix.org))',
    "* @thibaultduponchelle's note, (@timlegge) and @BooK.",
  ].join('\n');
  const f = fixture(text);
  const model = parse(f.text);
  assert.deepEqual(model.handles.map((h) => h.name), ['sjn', 'oalders', 'thibaultduponchelle', 'timlegge', 'BooK']);
  assert.deepEqual(model.handles[0]!.span, { start: f.offsets[0], end: f.offsets[1] });
});

test('links keep Liquid in their targets and recognise GitHub project boards', () => {
  const text =
    '*   **Time**: ([Other timezones](https://www.timeanddate.com/worldclock/meetingdetails.html?{{ page.meeting_time | date: "year=%Y&month=%m" }}&p1=256))\n' +
    '1.  [CPAN Transparency Logs](https://github.com/orgs/CPAN-Security/projects/2)\n';
  const model = parse(text);
  assert.equal(model.links.length, 2);
  assert.match(model.links[0]!.target, /\{\{ page\.meeting_time \| date: "year=%Y&month=%m" \}\}&p1=256$/);
  assert.deepEqual(model.links[1]!.project, { org: 'CPAN-Security', number: 2 });
  assert.equal(model.links[1]!.text, 'CPAN Transparency Logs');
  assert.deepEqual(model.liquid.map((l) => l.variables), [['page.meeting_time']]);
});

test('a board is the same board in a heading, on one of its views, with a query or in angle brackets', () => {
  const model = parse(
    [
      '### [Trail Stewardship](https://github.com/orgs/Fjord-Trails/projects/1/views/2)',
      '* [Hut Bookings](https://github.com/orgs/Fjord-Trails/projects/2/views/3?filterQuery=status%3ATodo)',
      '* [Bridge Repairs](<https://github.com/orgs/Fjord-Trails/projects/3/>)',
      '* [Repo](https://github.com/Fjord-Trails/projects/12) and [Issue](https://github.com/orgs/Fjord-Trails/projects/4x)',
    ].join('\n'),
  );
  assert.deepEqual(
    model.links.map((l) => l.project),
    [{ org: 'Fjord-Trails', number: 1 }, { org: 'Fjord-Trails', number: 2 }, { org: 'Fjord-Trails', number: 3 }, null, null],
  );
  assert.equal(model.headings[0]!.title, '[Trail Stewardship](https://github.com/orgs/Fjord-Trails/projects/1/views/2)');
});

test('times with zones: UTC glued or spaced, IANA names in parentheses, abbreviations, 12-hour clocks', () => {
  const model = parse('Next meeting is Wednesday 2024-11-27 @ 17:00UTC on Matrix (18:00 Europe/Amsterdam), 5pm CET, 4:00 PM EDT, 1700 UTC, 16.00 UTC');
  const times = model.times.map((t) => [t.hour, t.minute, t.zone?.kind ?? null, t.zone?.text ?? null, t.parenthesized]);
  assert.deepEqual(times, [
    [17, 0, 'utc', 'UTC', false],
    [18, 0, 'iana', 'Europe/Amsterdam', true],
    [17, 0, 'abbreviation', 'CET', false],
    [16, 0, 'abbreviation', 'EDT', false],
    [17, 0, 'utc', 'UTC', false],
  ]);
});

test('dates with and without weekday or year; file names and URLs are not dates', () => {
  const model = parse(
    'Meeting was on Saturday January 6th, 2024. FOSDEM Fringe - Friday January 31st. Fri 13 Sep 2024; ' +
      'September 16-20, 2024. See [x](cpansec-minutes-2024-01-20.md) and https://x.org/2024-02-02/.',
  );
  const dates = model.dates.map((d) => [d.year, d.month, d.day, d.weekday?.value ?? null]);
  assert.deepEqual(dates, [
    [2024, 1, 6, 6],
    [null, 1, 31, 5],
    [2024, 9, 13, 5],
    [2024, 9, 16, null],
  ]);
});

test('list items nest by indentation and know their checkbox', () => {
  const text = ['- [x] Done item', '    - detail of done', '- [ ] Open item', '    - sub note', '        - deeper', '- plain'].join('\n');
  const model = parse(text);
  const items = model.listItems.map((i) => [i.content, i.parent, i.checkbox?.checked ?? null]);
  assert.deepEqual(items, [
    ['Done item', -1, true],
    ['detail of done', 0, null],
    ['Open item', -1, false],
    ['sub note', 2, null],
    ['deeper', 3, null],
    ['plain', -1, null],
  ]);
  assert.equal(text.slice(model.listItems[2]!.span.start, model.listItems[2]!.span.end), '- [ ] Open item\n    - sub note\n        - deeper');
});

test('fenced code and HTML comments are not read for content', () => {
  const model = parse('```\n@nobody 17:00 UTC\n```\n<!-- @hidden\n2024-01-01 -->\n@sjn');
  assert.deepEqual(model.handles.map((h) => h.name), ['sjn']);
  assert.equal(model.times.length, 0);
  assert.equal(model.dates.length, 0);
});

test('agenda time headings split into time and label', () => {
  const model = parse('## 16:30 UTC – Pre-meeting socializing\n## 17:00 UTC – Meeting start\n### Welcome – @sjn\n');
  assert.deepEqual(model.headings.map((h) => [h.label, h.time?.hour ?? null]), [
    ['Pre-meeting socializing', 16],
    ['Meeting start', 17],
    ['Welcome – @sjn', null],
  ]);
  assert.equal(model.sections.length, 2);
  assert.equal(model.sections[1]!.children[0]!.heading.label, 'Welcome – @sjn');
});

test('the next meeting is found in a statement or in a "Next meeting" section', () => {
  const statement = parse('### Next meeting date, time and location\n\n*   Next meeting is March 27 @ 17:00UTC on TPRF Slack.\n');
  assert.deepEqual([statement.nextMeeting?.date?.month, statement.nextMeeting?.date?.day, statement.nextMeeting?.time?.hour], [3, 27, 17]);
  const section = parse('## Next meeting\n1. July 03, 2024 1700 UTC\n');
  assert.deepEqual([section.nextMeeting?.date?.year, section.nextMeeting?.time?.hour], [2024, 17]);
  const undated = parse('*   Next meeting is in-person at PTS. New online meeting date will be decided then.\n');
  assert.equal(undated.nextMeeting?.date, null);
  assert.equal(parse('### Elect next meeting chair and secretary\n\n* Chair: @oalders\n').nextMeeting, null);
});

test('placeholders: FIXME, TODO, ellipsis-only and empty items; not "…" inside prose', () => {
  const model = parse('* Chair: FIXME\n*   …\n  -\n* Discuss issues (...)\n* `FIXME` in code\n- [ ]\n');
  assert.deepEqual(model.placeholders.map((p) => p.kind), ['fixme', 'ellipsis-item', 'empty-item']);
});

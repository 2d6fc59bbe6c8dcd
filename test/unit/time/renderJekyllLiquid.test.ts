import assert from 'node:assert/strict';
import { test } from 'node:test';
import { psychTokenize, renderJekyllLiquid, type BuildSettings, type RubyValue } from '../../../server/src/service/time';

const now = new Date(Date.UTC(2026, 10, 23, 17, 52, 24));
const pages: BuildSettings = { buildZone: 'UTC', now };
const oslo: BuildSettings = { buildZone: 'Europe/Oslo', now };
const text = (value: string): RubyValue => ({ kind: 'string', text: value });

const render = (template: string, value: RubyValue, settings = pages) =>
  renderJekyllLiquid(template, { meeting_time: value }, settings);

const SENTENCE = 'on {{ page.meeting_time | date_to_string: "ordinal", "US" }}, at {{ page.meeting_time | date: "%H:%M %Z" }}';

test('the minutes template sentence, as published on GitHub Pages and in an Oslo build', () => {
  assert.deepEqual(render(SENTENCE, text('March 27th, 2024 17:00 UTC')), { output: 'on Mar 27th, 2024, at 17:00 UTC', error: null });
  assert.equal(render(SENTENCE, text('2024-11-15 16:00 CET'), oslo).output, 'on Nov 15th, 2024, at 16:00 CET');
  assert.equal(render(SENTENCE, text('2024-11-15 11:00 EDT')).output, 'on Nov 15th, 2024, at 11:00 ');
  // Jekyll's filters convert into the build zone; Liquid's date keeps the value's zone.
  assert.equal(render(SENTENCE, text('2024-11-15 23:30 UTC'), oslo).output, 'on Nov 16th, 2024, at 23:30 UTC');
});

test('an invalid date fails the render with Jekyll’s message; Liquid’s date hands it back unchanged', () => {
  assert.deepEqual(render('{{ page.meeting_time | date_to_xmlschema }}', text('FIXME')), {
    output: '',
    error: `Invalid Date: '"FIXME"' is not a valid datetime.`,
  });
  assert.deepEqual(render('{{ page.meeting_time | date: "%A" }}', text('FIXME')), { output: 'FIXME', error: null });
  assert.deepEqual(render('{{ page.meeting_time | date_to_string }}', { kind: 'nil' }), { output: '', error: null });
});

test('Ruby to_s, inspect and jsonify of Times and Dates', () => {
  const time = psychTokenize('2024-11-15T16:00:00.123Z');
  assert.equal(render('{{ page.meeting_time }}|{{ page.meeting_time | inspect }}|{{ page.meeting_time | jsonify }}', time).output,
    '2024-11-15 16:00:00 UTC|2024-11-15 16:00:00.123 UTC|"2024-11-15 16:00:00 UTC"');
  const date = psychTokenize('2024-11-15');
  assert.equal(render('{{ page.meeting_time | inspect }}', date).output, '#&lt;Date: 2024-11-15 ((2460630j,0s,0n),+0s,2299161j)&gt;');
  assert.equal(render('{{ page.meeting_time | date: "%H:%M %Z %z" }}', date).output, '00:00 +00:00 +0000');
  assert.equal(render('{{ page.meeting_time }}', psychTokenize('16.00')).output, '16.0');
});

test('Ruby strftime conversions liquidjs lacks or prints differently', () => {
  const value = text('2024-11-15 16:00:05 CET');
  assert.equal(render('{{ page.meeting_time | date: "%F %T %R %D %::z %^Z %s %G-W%V %q" }}', value, oslo).output,
    '2024-11-15 16:00:05 16:00 11/15/24 +01:00:00 CET 1731682805 2024-W46 %q');
  assert.equal(render('{{ page.meeting_time | date: "%c" }}', value, oslo).output, 'Fri Nov 15 16:00:05 2024');
  assert.equal(render('{{ page.meeting_time | date: "%-d %B %Y, %l %p" }}', value, oslo).output, '15 November 2024,  4 PM');
});

test('literal strings, now and epoch numbers through the filters', () => {
  assert.equal(render('{{ "2024-11-15 16:00 UTC" | date_to_long_string: "ordinal", "US" }}', { kind: 'nil' }).output, 'November 15th, 2024');
  assert.equal(render('{{ "now" | date: "%Y-%m-%d %H:%M %Z" }}', { kind: 'nil' }, oslo).output, '2026-11-23 18:52 CET');
  assert.equal(render('{{ 1732726800 | date: "%Y-%m-%d %H:%M" }}', { kind: 'nil' }).output, '2024-11-27 17:00');
  assert.equal(render('{{ site.time | date: "%Y" }}', { kind: 'nil' }).output, '2026');
});

test('runaway templates are cut off by the render limits, with their error', () => {
  for (const [template, limit] of [
    // The billion-element range is refused by the memory limit before the loop starts.
    ['{% for i in (1..999999999) %}x{% endfor %}', /^memory alloc limit exceeded/],
    // Ten billion iterations: whichever comes first, the render clock or the ranges' memory, stops them.
    ['{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}', /^(template render|memory alloc) limit exceeded/],
    // A string doubled 40 times is stopped by the memory its copies take.
    ['{% assign a = "x" %}{% for i in (1..40) %}{% assign a = a | append: a %}{% endfor %}{{ a }}', /^memory alloc limit exceeded/],
  ] as const) {
    const result = render(template, { kind: 'nil' });
    assert.match(result.error ?? '', limit, template);
    assert.equal(result.output, '');
  }
});

test('outputs alone run without a clock, and the memory and parse limits still bound them', () => {
  // A billion-element range is refused by the memory limit, not left to run.
  assert.match(render('{{ (1..999999999) | join: "," }}', { kind: 'nil' }).error ?? '', /memory/i);
  // A filter chain runs in full; a longer one is stopped by the memory its strings take,
  // and one longer than the parse limit is not parsed at all.
  const chain = (links: number) => `{{ "x"${' | append: "xxxxxxxxxx"'.repeat(links)} | size }}`;
  assert.equal(render(chain(400), { kind: 'nil' }).output, '4001');
  assert.match(render(chain(4_000), { kind: 'nil' }).error ?? '', /memory/i);
  assert.match(render(chain(10_000), { kind: 'nil' }).error ?? '', /limit/i);
  // Many outputs render in full.
  assert.equal(render('{{ "x" | append: "x" }}'.repeat(8_000), { kind: 'nil' }).output, 'xx'.repeat(8_000));
});

test('no file system: include, render and layout find nothing', () => {
  for (const template of ['{% include foo.html %}', '{% render "foo" %}', '{% layout "default" %}x', '{% include /etc/passwd %}']) {
    const result = render(template, { kind: 'nil' });
    assert.notEqual(result.error, null, template);
    assert.equal(result.output, '');
  }
});

test('templates cannot reach into the values behind the page', () => {
  const time = psychTokenize('2024-11-15T16:00:00Z');
  for (const template of ['{{ page.meeting_time.constructor }}', '{{ page.meeting_time.prototype }}', '{{ page.constructor.name }}', '{{ page.__proto__ }}']) {
    const result = render(template, time);
    assert.ok(result.output === '' || result.error !== null, template);
  }
});

test('syntax errors come back as data', () => {
  const result = render('{% if %}', { kind: 'nil' });
  assert.equal(result.output, '');
  assert.match(String(result.error), /.+/);
});

test('the output does not depend on the zone the language server itself runs in', () => {
  const template = '{{ page.meeting_time | date: "%Y-%m-%d %H:%M %Z" }} {{ page.meeting_time | date_to_xmlschema }}';
  const cases: [string, string][] = [
    ['2024-03-31 01:30 UTC', '2024-03-31 01:30 UTC 2024-03-31T01:30:00+00:00'],
    ['2024-03-31 02:30 UTC', '2024-03-31 02:30 UTC 2024-03-31T02:30:00+00:00'],
    ['2024-10-27 01:30 UTC', '2024-10-27 01:30 UTC 2024-10-27T01:30:00+00:00'],
  ];
  const saved = process.env.TZ;
  try {
    for (const processZone of ['Europe/Oslo', 'America/New_York', 'UTC']) {
      process.env.TZ = processZone;
      for (const [value, expected] of cases) {
        assert.equal(render(template, text(value)).output, expected, `${value} with the server in ${processZone}`);
      }
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

test('a strftime width no page needs (%200000000Z) is refused with the reason, before any padding is built', () => {
  const result = render('{{ page.meeting_time | date: "%200000000Z %200000000N" }}', text('2024-11-15 16:00 UTC'));
  assert.equal(result.output, '');
  assert.match(result.error!, /strftime width 200000000 .* is wider than Minutes renders \(1024\)/);
  // Widths a page may use still render as Ruby does.
  assert.deepEqual(render('{{ page.meeting_time | date: "%10Z|%-d|%05H" }}', text('2024-11-15 16:00 UTC')), { output: '       UTC|15|00016', error: null });
});

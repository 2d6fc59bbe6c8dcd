import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateJekyllTime, psychTokenize, type BuildSettings, type TimeNote, type TimeNoteKind } from '../../../server/src/service/time';

const now = new Date(Date.UTC(2026, 10, 23, 17, 52, 24));
const pages: BuildSettings = { buildZone: 'UTC', now };
const oslo: BuildSettings = { buildZone: 'Europe/Oslo', now };

const text = (value: string) => ({ kind: 'string' as const, text: value });
const kinds = (notes: TimeNote[]): TimeNoteKind[] => notes.map((n) => n.kind);
const spanText = (value: string, note: TimeNote | undefined): string => (note?.span ? value.slice(note.span.start, note.span.end) : '');

test('corpus values the group has published parse cleanly in UTC', () => {
  for (const value of ['March 27th, 2024 17:00 UTC', 'July 03, 2024 17:00 UTC', 'July 18, 2024 17:00 UTC', 'February 24th, 2024 15:00 UTC', 'August 1st, 2024 17:00 UTC', '2024-11-15 16:00 UTC']) {
    const evaluation = evaluateJekyllTime(psychTokenize(value), pages);
    assert.equal(evaluation.buildError, null, value);
    assert.deepEqual(evaluation.notes, [], value);
    assert.equal(evaluation.time?.zoneName, 'UTC');
  }
  assert.equal(evaluateJekyllTime(psychTokenize('July 03, 2024 17:00 UTC'), pages).time?.toISO(), '2024-07-03T17:00:00.000Z');
});

test('a FIXME left in the value is ignored text, with its span, and the build still succeeds', () => {
  const value = 'March 27th, 2024 17:00 UTC FIXME';
  const evaluation = evaluateJekyllTime(text(value), pages);
  assert.equal(evaluation.buildError, null);
  const ignored = evaluation.notes.find((n) => n.kind === 'ignored-text');
  assert.equal(spanText(value, ignored), 'FIXME');
  assert.equal(ignored?.benign, false);
  assert.equal(spanText(value, { kind: 'date-only', message: '', span: evaluation.parts.date! }), 'March 27th, 2024');
});

test('placeholders fail the whole site build with Jekyll’s message', () => {
  for (const value of ['FIXME', 'TBD', 'next Wednesday']) {
    const evaluation = evaluateJekyllTime(text(value), pages);
    assert.equal(evaluation.buildError, `Invalid Date: '"${value}"' is not a valid datetime.`);
    assert.ok(kinds(evaluation.notes).includes('no-time-information'));
  }
  assert.equal(evaluateJekyllTime(psychTokenize('16.00'), pages).buildError, "Invalid Date: '16.0' is not a valid datetime.");
  assert.equal(evaluateJekyllTime(psychTokenize('yes'), pages).buildError, "Invalid Date: 'true' is not a valid datetime.");
});

test('out-of-range fields point at the part Ruby refused', () => {
  const hour = '2024-11-15 25:00 UTC';
  assert.equal(spanText(hour, evaluateJekyllTime(text(hour), pages).notes.find((n) => n.kind === 'out-of-range')), '25:00');
  const month = '11/27/2024 17:00';
  assert.equal(spanText(month, evaluateJekyllTime(text(month), pages).notes.find((n) => n.kind === 'out-of-range')), '11/27/2024');
});

test('empty values render nothing and do not fail', () => {
  for (const value of [psychTokenize(''), text('')]) {
    const evaluation = evaluateJekyllTime(value, pages);
    assert.equal(evaluation.buildError, null);
    assert.deepEqual(kinds(evaluation.notes), ['empty']);
  }
});

test('zones: ignored names (with the whole IANA name), names borrowed from the build zone, bare offsets', () => {
  const iana = '2024-11-15 16:00 Europe/Oslo';
  const ignored = evaluateJekyllTime(text(iana), pages).notes;
  assert.deepEqual(kinds(ignored), ['ignored-zone']);
  assert.equal(spanText(iana, ignored[0]), 'Europe/Oslo');
  const cet = evaluateJekyllTime(text('2024-11-15 16:00 CET'), pages).notes[0];
  assert.equal(cet?.kind, 'ignored-zone');
  assert.equal(cet?.offsetSeconds, 3600);
  assert.deepEqual(kinds(evaluateJekyllTime(text('2024-11-15 16:00 CET'), oslo).notes), ['zone-from-build-zone']);
  assert.deepEqual(kinds(evaluateJekyllTime(text('2024-11-15 11:00 EDT'), pages).notes), ['fixed-offset']);
  assert.deepEqual(kinds(evaluateJekyllTime(text('2024-03-27 17:00'), pages).notes), ['no-zone']);
});

test('weekdays are reported with their number and span so callers can check them', () => {
  const value = 'Thursday, March 27th, 2024 17:00 UTC';
  const note = evaluateJekyllTime(text(value), pages).notes.find((n) => n.kind === 'weekday');
  assert.equal(note?.weekday, 4);
  assert.equal(spanText(value, note), 'Thursday');
  const evaluation = evaluateJekyllTime(text(value), pages);
  assert.equal(evaluation.time!.weekday % 7, 3, 'the date itself is a Wednesday');
});

test('the clock fills what is missing, and says so', () => {
  const year = evaluateJekyllTime(text('March 27th 17:00 UTC'), pages);
  assert.deepEqual(kinds(year.notes), ['year-from-clock']);
  assert.equal(year.time?.toISODate(), '2026-03-27');
  const date = evaluateJekyllTime(text('17:00 UTC'), pages);
  assert.deepEqual(kinds(date.notes), ['date-from-clock']);
  assert.equal(date.time?.toISO(), '2026-11-23T17:00:00.000Z');
});

test('rollover, hour 24 and build-zone date shifts', () => {
  const feb = '2024-02-30 17:00 UTC';
  const rollover = evaluateJekyllTime(text(feb), pages).notes.find((n) => n.kind === 'rollover');
  assert.equal(spanText(feb, rollover), '2024-02-30');
  const midnight = '2024-11-15 24:00 UTC';
  assert.equal(spanText(midnight, evaluateJekyllTime(text(midnight), pages).notes.find((n) => n.kind === 'rollover')), '24:00');
  assert.deepEqual(kinds(evaluateJekyllTime(text('2024-11-15 23:30 UTC'), oslo).notes), ['build-zone-shift']);
});

test('unquoted 17:00 is an epoch integer; YAML timestamps without a zone are read as UTC', () => {
  const epoch = evaluateJekyllTime(psychTokenize('17:00'), pages);
  assert.deepEqual(kinds(epoch.notes), ['epoch-integer']);
  assert.equal(epoch.time?.toISO(), '1970-01-01T17:00:00.000Z');
  const zoneless = evaluateJekyllTime(psychTokenize('2024-11-15 16:00:00'), oslo);
  assert.deepEqual(kinds(zoneless.notes), ['zoneless-timestamp']);
  assert.equal(zoneless.time?.toISO(), '2024-11-15T17:00:00.000+01:00');
  assert.deepEqual(kinds(evaluateJekyllTime(psychTokenize('2024-11-15T16:00:00+02:00'), pages).notes), ['fixed-offset']);
});

test('a plain date is local midnight for Jekyll’s filters', () => {
  const evaluation = evaluateJekyllTime(psychTokenize('2024-11-15'), oslo);
  assert.equal(evaluation.rubyClass, 'Date');
  assert.equal(evaluation.time?.toISO(), '2024-11-15T00:00:00.000+01:00');
  assert.deepEqual(kinds(evaluation.notes), ['date-only']);
});

test('connectors are benign ignored text', () => {
  const value = 'Saturday January 6th, 2024, at 12:00 UTC';
  const notes = evaluateJekyllTime(text(value), pages).notes.filter((n) => n.kind === 'ignored-text');
  assert.ok(notes.length > 0 && notes.every((n) => n.benign));
});

test('an unknown build zone falls back to UTC, as Ruby does', () => {
  const evaluation = evaluateJekyllTime(text('2024-11-15 16:00'), { buildZone: 'Mars/Olympus_Mons', now });
  assert.equal(evaluation.time?.toISO(), '2024-11-15T16:00:00.000Z');
});

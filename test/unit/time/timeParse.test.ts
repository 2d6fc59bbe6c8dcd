import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rubyTimeParse, rubyZoneOffset, type BuildSettings } from '../../../server/src/service/time';

const now = new Date(Date.UTC(2026, 10, 23, 17, 52, 24));
const utc: BuildSettings = { buildZone: 'UTC', now };
const oslo: BuildSettings = { buildZone: 'Europe/Oslo', now };
const newYork: BuildSettings = { buildZone: 'America/New_York', now };

/** Parses as Liquid hands strings to Time.parse (downcased) and returns the instant and zone mode. */
function parsed(text: string, settings: BuildSettings) {
  const outcome = rubyTimeParse(text.toLowerCase(), settings);
  if (!outcome.ok) return { error: outcome.error, field: outcome.field };
  return { iso: new Date(outcome.time.epochSeconds * 1000).toISOString(), zone: outcome.time.zone, shifted: outcome.shifted };
}

test('days up to 31 roll over into the next month; day 32 and month 13 are refused', () => {
  assert.deepEqual(parsed('2024-02-30 17:00 UTC', utc), { iso: '2024-03-01T17:00:00.000Z', zone: { mode: 'utc' }, shifted: true });
  assert.equal(parsed('2023-02-29 17:00 UTC', utc).iso, '2023-03-01T17:00:00.000Z');
  assert.equal(parsed('2024-04-31 17:00 UTC', utc).iso, '2024-05-01T17:00:00.000Z');
  assert.equal(parsed('March 32nd, 2024', utc).field, 'day');
  assert.equal(parsed('2024-13-01 17:00 UTC', utc).field, 'month');
});

test('hour 24 is midnight of the next day; hour 25 is refused', () => {
  assert.deepEqual(parsed('2024-11-15 24:00 UTC', utc), { iso: '2024-11-16T00:00:00.000Z', zone: { mode: 'utc' }, shifted: true });
  assert.equal(parsed('2024-11-15 24:30 UTC', utc).field, 'minute');
  assert.equal(parsed('2024-11-15 25:00 UTC', utc).field, 'hour');
});

test('apply_offset quirks: with an offset, an impossible day is moved by hand before Time.utc checks it', () => {
  // 32 March 23:00 at -05:00 is carried to 1 April 04:00 UTC instead of being refused.
  assert.equal(parsed('2024-03-32 23:00 -05:00', utc).iso, '2024-04-01T04:00:00.000Z');
  // 25:00 at +02:00 becomes 23:00 UTC the same day.
  assert.equal(parsed('2024-11-15 25:00 +02:00', utc).iso, '2024-11-15T23:00:00.000Z');
});

test('Time.zone_offset knows UTC/GMT, numeric offsets, US zones and military letters only', () => {
  assert.deepEqual(rubyZoneOffset('utc', 2024, utc), { offsetSeconds: 0, source: 'known-name' });
  assert.deepEqual(rubyZoneOffset('+02:00', 2024, utc), { offsetSeconds: 7200, source: 'numeric' });
  assert.deepEqual(rubyZoneOffset('+0200', 2024, utc), { offsetSeconds: 7200, source: 'numeric' });
  assert.deepEqual(rubyZoneOffset('-05', 2024, utc), { offsetSeconds: -18000, source: 'numeric' });
  assert.deepEqual(rubyZoneOffset('edt', 2024, utc), { offsetSeconds: -14400, source: 'known-name' });
  assert.deepEqual(rubyZoneOffset('z', 2024, utc), { offsetSeconds: 0, source: 'known-name' });
  for (const name of ['cet', 'cest', 'bst', 'europe', 'utc+2', 'gmt+1']) assert.equal(rubyZoneOffset(name, 2024, utc), null, name);
});

test("any other name works only when it is the build zone's own abbreviation on 1 January or 1 July", () => {
  assert.deepEqual(rubyZoneOffset('cet', 2024, oslo), { offsetSeconds: 3600, source: 'build-zone-abbreviation' });
  assert.deepEqual(rubyZoneOffset('CEST', 2024, oslo), { offsetSeconds: 7200, source: 'build-zone-abbreviation' });
  assert.equal(rubyZoneOffset('bst', 2024, oslo), null);
});

test('an unknown zone leaves the wall time in the build zone', () => {
  assert.deepEqual(parsed('2024-11-15 16:00 CET', utc), { iso: '2024-11-15T16:00:00.000Z', zone: { mode: 'local' }, shifted: false });
  assert.equal(parsed('2024-11-15 16:00 Europe/Oslo', oslo).iso, '2024-11-15T15:00:00.000Z');
  assert.equal(parsed('2024-11-15 16:00 UTC+2', utc).iso, '2024-11-15T16:00:00.000Z');
  assert.equal(parsed('2024-11-15 16:00', newYork).iso, '2024-11-15T21:00:00.000Z');
});

test('force_zone!: UTC/Z/-00:00 make UTC times; an offset the build zone has is local, any other is fixed', () => {
  assert.deepEqual(parsed('2024-11-15 16:00 Z', oslo).zone, { mode: 'utc' });
  assert.deepEqual(parsed('2024-11-15 16:00 -00:00', oslo).zone, { mode: 'utc' });
  assert.deepEqual(parsed('2024-11-15 16:00 GMT', utc).zone, { mode: 'local' });
  assert.deepEqual(parsed('2024-11-15 16:00 GMT', oslo).zone, { mode: 'fixed', offsetSeconds: 0 });
  assert.deepEqual(parsed('2024-11-15 16:00 +01:00', oslo).zone, { mode: 'local' });
  assert.deepEqual(parsed('2024-07-15 16:00 +01:00', oslo).zone, { mode: 'fixed', offsetSeconds: 3600 });
  assert.deepEqual(parsed('2024-11-15 11:00 EDT', newYork).zone, { mode: 'fixed', offsetSeconds: -14400 });
  assert.deepEqual(parsed('2024-07-15 11:00 EDT', newYork).zone, { mode: 'local' });
});

test('a missing year or date comes from the clock, read at the parsed offset', () => {
  assert.equal(parsed('March 27th 17:00 UTC', utc).iso, '2026-03-27T17:00:00.000Z');
  assert.equal(parsed('17:00 UTC', oslo).iso, '2026-11-23T17:00:00.000Z');
  // 23:30 at +10:00 on the clock's day there (already 24 November at 03:52).
  assert.equal(parsed('23:30 +10:00', utc).iso, '2026-11-24T13:30:00.000Z');
  const outcome = rubyTimeParse('march 27th 17:00 utc', utc);
  assert.ok(outcome.ok);
  assert.deepEqual(outcome.fromClock, ['year']);
});

test('wall times the build zone skips move forward; repeated ones are the first occurrence', () => {
  assert.deepEqual(parsed('2024-03-31 02:30', oslo), { iso: '2024-03-31T01:30:00.000Z', zone: { mode: 'local' }, shifted: true });
  assert.equal(parsed('2024-10-27 02:30', oslo).iso, '2024-10-27T00:30:00.000Z');
  assert.equal(parsed('2024-11-03 01:30', newYork).iso, '2024-11-03T05:30:00.000Z');
});

test('no time information, and other ArgumentErrors, come back as failures', () => {
  assert.match(String(parsed('FIXME', utc).error), /no time information in "fixme"/);
  assert.match(String(parsed('next Wednesday', utc).error), /no time information/);
  assert.match(String(parsed('11/27/2024 17:00', utc).error), /mon out of range/);
});

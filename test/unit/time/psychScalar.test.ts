import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isScalar, parseDocument, type Scalar } from 'yaml';
import { psychTokenize, rubyValueOfScalar, type BuildSettings } from '../../../server/src/service/time';

const settings: BuildSettings = { buildZone: 'UTC', now: new Date(Date.UTC(2026, 10, 23, 17, 52, 24)) };

/** The value node of `meeting_time:` in one front-matter line. */
function scalarOf(line: string): Scalar | null {
  const node = parseDocument(line, { version: '1.1' }).get('meeting_time', true);
  return isScalar(node) ? node : null;
}

test('a plain date is a Date, an impossible one stays a String', () => {
  assert.deepEqual(psychTokenize('2024-11-15'), { kind: 'date', year: 2024, month: 11, day: 15 });
  assert.deepEqual(psychTokenize('2024-02-30'), { kind: 'string', text: '2024-02-30' });
  assert.deepEqual(psychTokenize('2024-13-01'), { kind: 'string', text: '2024-13-01' });
});

test('timestamps need seconds; Z is UTC, no zone is read as UTC but shown locally, an offset is fixed', () => {
  assert.deepEqual(psychTokenize('2024-11-15 16:00 UTC'), { kind: 'string', text: '2024-11-15 16:00 UTC' });
  const utc = psychTokenize('2024-11-15T16:00:00Z');
  assert.equal(utc.kind === 'time' && utc.zone.mode, 'utc');
  const zoneless = psychTokenize('2024-11-15 16:00:00');
  assert.ok(zoneless.kind === 'time');
  assert.equal(zoneless.zone.mode, 'local');
  assert.equal(zoneless.epochSeconds, Date.UTC(2024, 10, 15, 16) / 1000);
  const fixed = psychTokenize('2024-11-15T16:00:00+02:00');
  assert.ok(fixed.kind === 'time');
  assert.deepEqual(fixed.zone, { mode: 'fixed', offsetSeconds: 7200 });
  assert.equal(fixed.epochSeconds, Date.UTC(2024, 10, 15, 14) / 1000);
  const fraction = psychTokenize('2024-11-15T16:00:00.123Z');
  assert.equal(fraction.kind === 'time' && fraction.fraction, '123');
});

test('timestamps roll over like Time.utc, and out-of-range fields leave a String', () => {
  const rolled = psychTokenize('2024-02-30 17:00:00');
  assert.equal(rolled.kind === 'time' && rolled.epochSeconds, Date.UTC(2024, 2, 1, 17) / 1000);
  const midnight = psychTokenize('2024-11-15 24:00:00');
  assert.equal(midnight.kind === 'time' && midnight.epochSeconds, Date.UTC(2024, 10, 16) / 1000);
  assert.equal(psychTokenize('2024-11-15 25:00:00').kind, 'string');
  assert.equal(psychTokenize('2024-13-01 16:00:00').kind, 'string');
});

test('HH:MM is a base-60 integer with Psych weights: 17:00 is 61200, 25:00 is 90000', () => {
  assert.deepEqual(psychTokenize('17:00'), { kind: 'integer', value: 61200, source: '17:00' });
  assert.deepEqual(psychTokenize('25:00'), { kind: 'integer', value: 90000, source: '25:00' });
  assert.equal((psychTokenize('1:02:03') as { value: number }).value, 3723);
  assert.equal(psychTokenize('17:00 UTC').kind, 'string');
});

test('YAML 1.1 scalars: integers, floats, booleans, null', () => {
  assert.deepEqual(psychTokenize('1732726800'), { kind: 'integer', value: 1732726800 });
  assert.deepEqual(psychTokenize('0x1F'), { kind: 'integer', value: 31, source: '0x1F' });
  assert.deepEqual(psychTokenize('1,000'), { kind: 'integer', value: 1000, source: '1,000' });
  assert.deepEqual(psychTokenize('16.00'), { kind: 'float', value: 16 });
  for (const word of ['yes', 'Yes', 'on', 'true', 'TRUE']) assert.deepEqual(psychTokenize(word), { kind: 'boolean', value: true });
  for (const word of ['no', 'off', 'false']) assert.deepEqual(psychTokenize(word), { kind: 'boolean', value: false });
  for (const word of ['~', 'null', 'NULL', '']) assert.deepEqual(psychTokenize(word), { kind: 'nil' });
  for (const word of ['y', 'n', 'FIXME', 'TBD', 'March 27th, 2024 17:00 UTC']) assert.equal(psychTokenize(word).kind, 'string');
});

test('quoted, block and !!str scalars are Strings; an empty value is nil', () => {
  assert.deepEqual(rubyValueOfScalar(scalarOf('meeting_time: "2024-11-15"'), settings), { kind: 'string', text: '2024-11-15' });
  assert.deepEqual(rubyValueOfScalar(scalarOf("meeting_time: '17:00'"), settings), { kind: 'string', text: '17:00' });
  assert.deepEqual(rubyValueOfScalar(scalarOf('meeting_time: !!str 17:00'), settings), { kind: 'string', text: '17:00' });
  assert.deepEqual(rubyValueOfScalar(scalarOf('meeting_time: |\n  2024-11-15\n'), settings), { kind: 'string', text: '2024-11-15\n' });
  assert.deepEqual(rubyValueOfScalar(scalarOf('meeting_time:'), settings), { kind: 'nil' });
  assert.deepEqual(rubyValueOfScalar(null, settings), { kind: 'nil' });
  assert.equal(rubyValueOfScalar(scalarOf('meeting_time: 17:00 # start'), settings).kind, 'integer');
});

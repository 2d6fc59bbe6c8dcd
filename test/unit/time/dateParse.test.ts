import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateParse, type DateParseHash } from '../../../server/src/service/time';
import { oracleRecords } from './oracleRecords';

test("Date._parse's hash matches Ruby's for every oracle value", () => {
  const seen = new Set<number>();
  for (const record of oracleRecords) {
    if (!record.dateParse || seen.has(record.id)) continue;
    seen.add(record.id);
    const { hash } = dateParse(String(record.value).toLowerCase());
    assert.deepEqual({ ...hash }, record.dateParse, String(record.value));
  }
  assert.ok(seen.size > 60);
});

test('numeric dates: a long piece is the year and the others rotate around it (s3e)', () => {
  assert.deepEqual(pick(dateParse('2024/11/27').hash), { year: 2024, mon: 11, mday: 27 });
  assert.deepEqual(pick(dateParse('27/11/2024').hash), { year: 2024, mon: 11, mday: 27 });
  assert.deepEqual(pick(dateParse('27.11.2024').hash), { year: 2024, mon: 11, mday: 27 });
  // US order does not work: the month becomes 27.
  assert.deepEqual(pick(dateParse('11/27/2024').hash), { year: 2024, mon: 27, mday: 11 });
  // Two-digit years are completed; 69 and later are 19xx.
  assert.deepEqual(pick(dateParse('24-11-27').hash), { year: 2024, mon: 11, mday: 27 });
  assert.deepEqual(dateParse('70-11-27').completedYear, { written: 70, read: 1970 });
  // With only short pieces nothing rotates: 27/11/70 is year 27 (2027), day 70.
  assert.deepEqual(pick(dateParse('27/11/70').hash), { year: 2027, mon: 11, mday: 70 });
});

test('month names, ordinals and weekdays', () => {
  assert.deepEqual(pick(dateParse('march 27th, 2024').hash), { year: 2024, mon: 3, mday: 27 });
  assert.deepEqual(pick(dateParse('27th march 2024').hash), { year: 2024, mon: 3, mday: 27 });
  assert.deepEqual(pick(dateParse('july 03, 2024').hash), { year: 2024, mon: 7, mday: 3 });
  assert.deepEqual(pick(dateParse('march 22th, 2024').hash), { year: 2024, mon: 3, mday: 22 });
  assert.equal(dateParse('sat 26th october 2024').hash.wday, 6);
  assert.equal(dateParse('wednesday, march 27th').hash.year, undefined);
});

test('times: 5pm, 4:00 PM, ISO T forms, a time before the date; 16.00 is not a time', () => {
  assert.deepEqual(pick(dateParse('march 27th, 2024 5pm utc').hash), { year: 2024, mon: 3, mday: 27, hour: 17, zone: 'utc' });
  assert.deepEqual(pick(dateParse('4:00 pm').hash), { hour: 16, min: 0 });
  assert.deepEqual(pick(dateParse('12:30 am').hash), { hour: 0, min: 30 });
  assert.deepEqual(pick(dateParse('2024-11-15t16:00:00.5z').hash), {
    year: 2024, mon: 11, mday: 15, hour: 16, min: 0, sec: 0, sec_fraction: '5', zone: 'z',
  });
  assert.deepEqual(pick(dateParse('16:00 utc, 2024-11-15').hash), { year: 2024, mon: 11, mday: 15, hour: 16, min: 0, zone: 'utc' });
  assert.equal(dateParse('2024-11-15 16.00 utc').hash.hour, undefined);
});

test('zones as Date._parse reads them (Time.parse ignores this reading)', () => {
  assert.equal(dateParse('16:00 cet').hash.offset, 3600);
  assert.equal(dateParse('16:00 utc+2').hash.offset, 7200);
  assert.equal(dateParse('16:00 gmt-3.5').hash.offset, -12600);
  assert.equal(dateParse('16:00 +0530').hash.offset, 19800);
  assert.equal(dateParse('16:00 europe/oslo').hash.zone, 'europe');
  assert.equal(dateParse('16:00 europe/oslo').hash.offset, null);
});

test('recognised parts and ignored words keep their place in the text', () => {
  const text = 'Wednesday, March 27th, 2024 17:00 UTC FIXME';
  const outcome = dateParse(text.toLowerCase());
  const at = (span: { start: number; end: number } | undefined): string => (span ? text.slice(span.start, span.end) : '');
  assert.equal(at(outcome.parts.weekday), 'Wednesday,');
  assert.equal(at(outcome.parts.date), 'March 27th, 2024');
  assert.equal(at(outcome.parts.time), '17:00');
  assert.equal(at(outcome.parts.zone), 'UTC');
  assert.deepEqual(outcome.leftovers.map(at), ['FIXME']);
});

test('more than 128 bytes is refused, as Ruby does since its ReDoS fix', () => {
  assert.throws(() => dateParse('x'.repeat(129)), /exceeds the limit 128/);
  assert.doesNotThrow(() => dateParse('x'.repeat(128)));
});

/** The hash without Date._parse's own zone reading, which these cases do not look at. */
function pick(hash: DateParseHash): Omit<DateParseHash, 'offset'> {
  const { offset: _offset, ...rest } = hash;
  return rest;
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../support/service';

const january = '---\nlayout: single\n---\n# Minutes 2024-01-06\n';

test("last year's number in the upcoming events (the real FOSDEM slip) is reported with the fix", () => {
  const checked = check(`${january}\n### Events and deadlines\n\n1. FOSDEM, $02023-02-03$0 - 2023-02-04\n    - Attendees we know of: @stigtsp, @sjn\n`, 'meetings/cpansec-minutes-2024-01-06.md');
  const [first, second, ...rest] = checked.of('upcoming-date');
  assert.equal(rest.length, 0);
  assert.equal(checked.fixture.document.getText(first!.range), '2023-02-03');
  assert.match(first!.message, /2023-02-03 is before this meeting \(2024-01-06\), in a list of what is coming up: 2024-02-03 was probably meant/);
  assert.match(checked.applyFix(first!), /1\. FOSDEM, 2024-02-03 - 2023-02-04/);
  assert.match(second!.message, /2024-02-04 was probably meant/);
});

test('recent events reported in this year, crossed-out events and other sections are left alone', () => {
  const november = '---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15\n---\n';
  const checked = check(
    `${november}\n### Upcoming events and deadlines\n1. NUUG, Monthly meeting 2024-11-12, Oslo - @sjn gave a talk\n1. ~~TPRC in Las Vegas - June 24-28, 2023~~\n\n### CPANSA feed\n* Broken since 2023-10-01\n`,
  );
  assert.deepEqual(checked.of('upcoming-date'), []);
});

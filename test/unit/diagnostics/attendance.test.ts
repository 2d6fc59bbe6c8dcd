import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../support/service';

test('someone both attending and absent (the real 2024-01-20 slip) is reported on the absent mention', () => {
  const checked = check(
    '---\nlayout: single\n---\n# Minutes 2024-01-20\n\n### Attendees & regrets\n\n- Attendees\n    - @sjn, @oalders, @stigtsp, @ingy, @timlegge\n- Absent\n    - @petek, $0@ingy$0\n- Regrets\n    - @karjala, @jjatria\n',
    'meetings/cpansec-minutes-2024-01-20.md',
  );
  const [diagnostic, ...rest] = checked.of('attendance');
  assert.equal(rest.length, 0);
  assert.deepEqual(diagnostic!.range, checked.fixture.range);
  assert.match(diagnostic!.message, /@ingy is listed as absent here but also among the attendees \(line 9\)/);
  assert.equal(diagnostic!.relatedInformation?.[0]?.location.range.start.line, 8);
});

test('attendees, regrets and absents in separate sections, each person once, are fine; mentions elsewhere do not count', () => {
  const checked = check(
    '---\nlayout: page\nmeeting_time: 2024-05-15 17:00 UTC\ntitle: Minutes 2024-05-15\n---\n### Attendees\n*   @tux\n*   @sjn\n\n### Regrets\n*   @tinita\n*   @oalders\n\n### Operating changes\n*   @sjn wants to add joining instructions; @oalders agrees\n',
    'meetings/cpansec-minutes-2024-05-15.md',
  );
  assert.deepEqual(checked.of('attendance'), []);
});

test('"Partly absent" is neither here nor away: someone who sent regrets and then joined late is no conflict', () => {
  const checked = check(
    '---\nlayout: page\nmeeting_time: 2025-03-04 18:00 Europe/Oslo\ntitle: Board minutes 2025-03-04\n---\n### Attendees, absents & regrets\n\n*   Attendees\n    *  @ingrid\n*   Regrets\n    *  @olav\n*   Partly absent\n    *  @olav\n    *  @ingrid\n',
    'meetings/board-minutes-2025-03-04.md',
  );
  assert.deepEqual(checked.of('attendance'), []);
  const both = check(
    '---\nlayout: page\nmeeting_time: 2025-03-04 18:00 Europe/Oslo\ntitle: Board minutes 2025-03-04\n---\n### Attendees, absents & regrets\n\n*   Attendees\n    *  @ingrid, @olav\n*   Regrets\n    *  $0@olav$0\n',
    'meetings/board-minutes-2025-03-04.md',
  );
  assert.deepEqual(both.of('attendance').map((d) => d.range), [both.fixture.range]);
});

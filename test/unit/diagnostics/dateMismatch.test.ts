import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFix } from '../../support/fixes';
import { check } from '../../support/service';

test('title, heading and "Time" line dates must match meeting_time; ISO dates get a fix', () => {
  const minutes = (title: string, heading: string) =>
    `---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes ${title}\n---\n# Minutes ${heading}\n\n* **Time**: on November 14th, 2024, at 16:00 UTC.\n`;
  const checked = check(minutes('$02024-11-14$0', '2024-11-16'));
  assert.deepEqual(checked.textsOf('date-mismatch'), ['2024-11-14', '2024-11-16', 'November 14th, 2024']);
  const [title, , time] = checked.of('date-mismatch');
  assert.deepEqual(title!.range, checked.fixture.range);
  assert.deepEqual(checked.actions(time!), [], 'a date in words has no fix');
  assert.match(title!.message, /The title says 2024-11-14, but `meeting_time` is on 2024-11-15/);
  assertFix(minutes('$02024-11-14$0', '2024-11-16'), minutes('2024-11-15', '2024-11-16'), { code: 'date-mismatch' });
  assertFix(minutes('2024-11-14', '$02024-11-16$0'), minutes('2024-11-14', '2024-11-15'), { code: 'date-mismatch' });
});

test('a file name that disagrees with meeting_time offers to rename the file', () => {
  const checked = check('---\nlayout: page\nmeeting_time: 2024-11-27 17:00 UTC\ntitle: Minutes 2024-11-27\n---\n', 'meetings/cpansec-minutes-2024-11-15.md');
  const [diagnostic] = checked.of('date-mismatch');
  assert.match(diagnostic!.message, /The file name says 2024-11-15, but `meeting_time` is on 2024-11-27/);
  const [rename] = checked.actions(diagnostic!);
  assert.equal(rename?.title, 'Rename the file to cpansec-minutes-2024-11-27.md');
  assert.deepEqual(rename?.edit?.documentChanges, [
    { kind: 'rename', oldUri: 'file:///site/meetings/cpansec-minutes-2024-11-15.md', newUri: 'file:///site/meetings/cpansec-minutes-2024-11-27.md' },
  ]);
});

test('consistent corpus front matter and heading are not flagged', () => {
  const checked = check(
    '---\nlayout: single\ntoc: true\nmeeting_time: February 24th, 2024 15:00 UTC\ntitle: Minutes 2024-02-24\n---\n\n# Meeting Minutes 2024-02-24\n\n* **Time**: on February 24, 2024, at 15:00 UTC.\n',
    'meetings/cpansec-minutes-2024-02-24.md',
  );
  assert.deepEqual(checked.of('date-mismatch'), []);
});

test('a hard-coded timeanddate.com link for another day is reported; the Liquid one and a matching one are not', () => {
  const checked = check(
    '---\nlayout: page\nmeeting_time: 2024-02-24 15:00 UTC\ntitle: Minutes 2024-02-24\n---\n' +
      '* [Other timezones]($0https://www.timeanddate.com/worldclock/meetingdetails.html?year=2024&month=2&day=10&hour=15&min=0&sec=0&p1=187$0)\n' +
      '* [Same day](https://www.timeanddate.com/worldclock/meetingdetails.html?year=2024&month=2&day=24&hour=15&min=0&sec=0&p1=187&p2=233)\n' +
      '* [Liquid](https://www.timeanddate.com/worldclock/meetingdetails.html?{{ page.meeting_time | date: "year=%Y&month=%m&day=%d" }}&p1=187)\n',
    'meetings/cpansec-minutes-2024-02-24.md',
  );
  const [diagnostic, ...rest] = checked.of('date-mismatch');
  assert.equal(rest.length, 0);
  assert.deepEqual(diagnostic!.range, checked.fixture.range);
  assert.match(diagnostic!.message, /shows 2024-02-10, but `meeting_time` is on 2024-02-24/);
});

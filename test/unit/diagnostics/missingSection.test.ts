import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { check } from '../../support/service';

const corpus = (name: string) => readFileSync(`test/fixtures/cpansec/meetings/${name}`, 'utf8');
const template = readFileSync('test/fixtures/cpansec/templates/minutes-template.md', 'utf8');

test('the 2024-11-15 minutes lack the election section of the template; the fix inserts it before the next-meeting section', () => {
  const checked = check(corpus('cpansec-minutes-2024-11-15.md'), 'meetings/cpansec-minutes-2024-11-15.md', { files: { 'templates/minutes-template.md': template } });
  const missing = checked.of('missing-section');
  assert.deepEqual(missing.map((d) => d.message), [
    'Missing section "Elect next meeting chair and secretary" (minutes-template.md, in force since 2024-03-27): it belongs before "Next meeting date, time and location".',
  ]);
  const fixed = checked.applyFix(missing[0]!);
  assert.match(fixed, /### Operating changes\n\*   \(none\)\n\n### Elect next meeting chair and secretary\n\n\*   Chair: …\n\*   Secretary: …\n\n### Next meeting date, time and location/);
});

test('January 2024 files predate every template and get no missing-section findings', () => {
  for (const name of ['cpansec-minutes-2024-01-06.md', 'cpansec-minutes-2024-01-20.md', 'cpansec-minutes-2024-02-10.md', 'cpansec-minutes-2024-03-13.md']) {
    const checked = check(corpus(name), `meetings/${name}`, { files: { 'templates/minutes-template.md': template } });
    assert.deepEqual(checked.of('missing-section'), [], name);
  }
});

test('renamed sections still count: "Approve meeting minutes", "Ongoing and updated vulnerabilities", split attendee sections', () => {
  for (const name of ['cpansec-minutes-2024-03-27.md', 'cpansec-minutes-2024-04-10.md', 'cpansec-minutes-2024-05-15.md']) {
    const checked = check(corpus(name), `meetings/${name}`, { files: { 'templates/minutes-template.md': template } });
    assert.deepEqual(checked.of('missing-section'), [], name);
  }
});

test('a file in another shape gets one note, not a flood', () => {
  const checked = check(corpus('cpansec-minutes-2024-06-05.md'), 'meetings/cpansec-minutes-2024-06-05.md', { files: { 'templates/minutes-template.md': template } });
  const [note, ...rest] = checked.of('missing-section');
  assert.equal(rest.length, 0);
  assert.equal(note!.severity, 3);
  assert.match(note!.message, /does not follow the minutes template \(minutes-template\.md, in force since 2024-03-27\): it has 1 of its 14 sections/);
});

test('without a workspace template, the built-in CPANSec template applies', () => {
  const checked = check(
    '---\nlayout: page\nmeeting_time: 2024-12-04 17:00 UTC\ntitle: Minutes 2024-12-04\n---\n## Meeting details\n## 16:30 UTC – Pre-meeting socializing\n## 17:00 UTC – Meeting start\n### Welcome\n### Attendees, absents & regrets\n### Approve previous meeting minutes\n### Quick summary of current work\n### Ongoing vulnerabilities\n### Operating changes\n### Upcoming events and deadlines\n### Elect next meeting chair and secretary\n## 18:00 UTC – Meeting end\n## 18:30 UTC – End\n',
    'meetings/cpansec-minutes-2024-12-04.md',
  );
  assert.deepEqual(checked.of('missing-section').map((d) => d.message), [
    'Missing section "Next meeting date, time and location" (CPANSec minutes (built-in)): it belongs before "18:00 UTC – Meeting end".',
  ]);
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { replaceOnce } from '../../support/fixture';
import { assertFix } from '../../support/fixes';
import { check } from '../../support/service';

const corpus = (name: string) => readFileSync(`test/fixtures/cpansec/meetings/${name}`, 'utf8');
const template = readFileSync('test/fixtures/cpansec/templates/minutes-template.md', 'utf8');

test('the 2024-11-15 minutes lack the election section of the template; the fix inserts it before the next-meeting section', () => {
  const text = corpus('cpansec-minutes-2024-11-15.md');
  const path = 'meetings/cpansec-minutes-2024-11-15.md';
  const files = { 'templates/minutes-template.md': template };
  const checked = check(text, path, { files });
  const missing = checked.of('missing-section');
  assert.deepEqual(missing.map((d) => d.message), [
    'Missing section "Elect next meeting chair and secretary": the minutes template (minutes-template.md, in force since 2024-03-27) has it. It belongs before "Next meeting date, time and location".',
  ]);
  const next = '### Operating changes\n*   (none)\n\n### Next meeting date, time and location\n';
  assertFix(
    replaceOnce(text, next, next.replace('### Next', '$0### Next')),
    replaceOnce(text, next, '### Operating changes\n*   (none)\n\n### Elect next meeting chair and secretary\n\n*   Chair: …\n*   Secretary: …\n\n### Next meeting date, time and location\n'),
    { path, files, code: 'missing-section' },
  );
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
    'Missing section "Next meeting date, time and location": the minutes template (CPANSec minutes (built-in)) has it. It belongs before "Meeting end".',
  ]);
});

// A board whose layout changes twice over 20 meetings: after the 7th it stops taking a
// treasurer's report and folds apologies into the attendance section; from the 14th each
// project board gets a section of its own instead of one "Trail reports" section. The
// secretary of the 17th meeting forgets "Action items"; the 18th has it again.
const CLUB_ORG = 'https://github.com/orgs/Fjord-Trails/projects';
const clubDates = Array.from({ length: 20 }, (_, i) => new Date(Date.UTC(2025, 0, 7 + 14 * i)).toISOString().slice(0, 10));

function clubMinutes(n: number, options: { forget?: string } = {}): string {
  const date = clubDates[n - 1]!;
  const sections: string[] = [];
  sections.push(`## Board Meeting Details ${date}\n\n*   Place: the club hut`);
  sections.push('## 18:00 Europe/Oslo – Meeting start');
  if (n <= 7) sections.push('### Attendees\n\n*   @ingrid, @olav', '### Apologies\n\n*   @sigrid');
  else sections.push('### Attendees and apologies\n\n*   Present: @ingrid, @olav\n*   Apologies: @sigrid');
  sections.push('### Approval of previous minutes\n\n*   Approved.');
  if (n <= 7) sections.push("### Treasurer's report\n\n*   Balance unchanged.");
  if (n < 14) sections.push('### Trail reports\n\n*   Bridge at Kvitfjell repaired.');
  else sections.push(`### [Trail Stewardship](${CLUB_ORG}/3/views/2)\n\n*   Bridge at Kvitfjell repaired.`, `### [Hut Bookings](${CLUB_ORG}/5/views/2)\n\n*   …`);
  sections.push(`### Topic ${n}: the spring clean-up\n\n*   Volunteers wanted.`);
  sections.push('### Action items\n\n*   [ ] @olav – order gravel');
  sections.push('### Next meeting\n\n*   In two weeks.');
  sections.push('## 19:30 Europe/Oslo – Meeting end');
  const body = sections.filter((section) => !options.forget || !section.startsWith(options.forget)).join('\n\n');
  return `---\nlayout: page\nmeeting_time: ${date} 18:00 Europe/Oslo\ntitle: Board minutes ${date}\n---\n\n${body}\n`;
}

const clubTemplate = clubMinutes(1).replace(/meeting_time: \S+/, `meeting_time: ${clubDates[0]}`).replace(/### Topic[^]*?\n\n(?=###)/, '');

function clubSite(forget: Record<number, string>): Record<string, string> {
  const files: Record<string, string> = { 'templates/board-minutes-template.md': clubTemplate };
  for (let n = 1; n <= 20; n++) files[`meetings/board-minutes-${clubDates[n - 1]}.md`] = clubMinutes(n, { forget: forget[n] });
  return files;
}

/** The text of the n-th minutes, its path and the site's other files. */
function clubMeeting(n: number, forget: Record<number, string> = {}) {
  const files = clubSite(forget);
  const path = `meetings/board-minutes-${clubDates[n - 1]}.md`;
  const text = files[path]!;
  delete files[path];
  return { text, path, files };
}

function checkClub(n: number, forget: Record<number, string> = {}) {
  const { text, path, files } = clubMeeting(n, forget);
  return check(text, path, { files });
}

test('a layout that changed twice: the newest minutes are not held to what the group stopped writing', () => {
  for (const n of [8, 9, 14, 15, 18, 19, 20]) {
    assert.deepEqual(checkClub(n, { 17: '### Action items' }).of('missing-section').map((d) => d.message), [], `meeting ${n}`);
  }
});

test('a section dropped by mistake in one file is a warning there, naming the minutes it was learned from', () => {
  const { text, path, files } = clubMeeting(17, { 17: '### Action items' });
  const checked = check(text, path, { files });
  const [missing, ...rest] = checked.of('missing-section');
  assert.equal(rest.length, 0);
  assert.equal(missing!.severity, 2);
  assert.equal(missing!.message, `Missing section "Action items": all 4 latest minutes before this one (${clubDates.slice(12, 16).join(', ')}) have it. It belongs before "Next meeting".`);
  assert.equal(missing!.relatedInformation?.[0]?.location.uri, `file:///site/meetings/board-minutes-${clubDates[15]}.md`);
  assertFix(
    replaceOnce(text, '### Next meeting\n', '$0### Next meeting\n'),
    replaceOnce(text, '### Next meeting\n', '### Action items\n\n*   [ ] @olav – order gravel\n\n### Next meeting\n'),
    { path, files, code: 'missing-section' },
  );
});

test('a per-board section adopted three meetings ago is expected; one dropped while the next minutes have it is reported', () => {
  const checked = checkClub(17, { 17: '### [Hut Bookings]' });
  assert.deepEqual(checked.textsOf('missing-section'), ['']);
  assert.match(checked.of('missing-section')[0]!.message, /^Missing section "Hut Bookings": 3 of the 4 latest minutes before this one \(.*\) have it\. It belongs before "Action items"\.$/);
});

test('the newest minutes leaving out a section is a note, not a warning: the group may have stopped writing it', () => {
  const checked = checkClub(20, { 20: '### Action items' });
  const [missing] = checked.of('missing-section');
  assert.equal(missing!.severity, 3);
  assert.match(missing!.message, /^Missing section "Action items": all 4 latest minutes/);
});

test('running topics are not sections: a topic heading that ends is never missing', () => {
  const checked = checkClub(18, { 18: '### Topic' });
  assert.deepEqual(checked.of('missing-section'), []);
});

test('a dated heading suffix still matches ("Board Meeting Details 2025-…" for "Meeting details")', () => {
  const checked = checkClub(5);
  assert.deepEqual(checked.of('missing-section'), []);
  const forgot = checkClub(5, { 5: '## Board Meeting Details' });
  assert.match(forgot.of('missing-section')[0]!.message, /^Missing section "Board Meeting Details \d{4}-\d{2}-\d{2}"|^Missing section "Meeting Details/);
});

test('two sections missing at the same place each get their own fix', () => {
  const { text: forgot, path } = clubMeeting(17, { 17: '### Next meeting' });
  const { files } = clubMeeting(17);
  const text = replaceOnce(forgot, '## 19:30 Europe/Oslo – Meeting end\n', '');
  const both = check(text, path, { files });
  const missing = both.of('missing-section');
  assert.deepEqual(missing.map((d) => d.message.slice(0, d.message.indexOf(':'))), ['Missing section "Next meeting"', 'Missing section "Meeting end"']);
  assert.deepEqual(missing[0]!.range, missing[1]!.range);
  assert.deepEqual(missing.map((d) => both.actions(d)[0]!.title), ['Insert section "Next meeting"', 'Insert section "Meeting end"']);
  const end = '*   [ ] @olav – order gravel\n\n';
  assertFix(replaceOnce(text, end, `${end}$0`), replaceOnce(text, end, `${end}### Next meeting\n\n*   In two weeks.\n`), { path, files, title: 'Insert section "Next meeting"' });
  assertFix(replaceOnce(text, end, `${end}$0`), replaceOnce(text, end, `${end}## 19:30 Europe/Oslo – Meeting end\n`), { path, files, title: 'Insert section "Meeting end"' });
});

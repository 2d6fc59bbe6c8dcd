import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createMinutesService, DEFAULT_SETTINGS, DISABLE_KIND } from '../../../server/src/service';
import { check, open, TEST_NOW, workspaceIndex } from '../../support/service';

const path = 'meetings/cpansec-minutes-2025-01-03.md';
const front = '---\nlayout: page\nmeeting_time: 2025-01-03 16:00 UTC\ntitle: Minutes 2025-01-03\n---\n';
/** A wrong weekday (weekday-mismatch) and the template's marker (placeholder) on one line. */
const fringe = '* FOSDEM Fringe: Friday 2025-01-08 in Brussels FIXME\n';

/** The "Disable …" quick fix offered for the first finding of a code, and the text after it. */
function disable(text: string, code: string): { title: string; isPreferred: boolean | undefined; after: string } {
  const opened = open(text, path);
  const document = opened.fixture.document;
  const diagnostic = opened.service.diagnostics(document, opened.knowledge, opened.settings).find((d) => d.code === code)!;
  const actions = opened.service.codeActions(document, diagnostic.range, { diagnostics: [diagnostic] }, opened.knowledge, opened.settings);
  const action = actions.find((a) => a.kind === DISABLE_KIND)!;
  return { title: action.title, isPreferred: action.isPreferred, after: TextDocument.applyEdits(document, action.edit!.changes![document.uri]!) };
}

const codesOn = (text: string) =>
  check(text, path)
    .diagnostics.filter((d) => d.code !== 'missing-section')
    .sort((a, b) => a.range.start.line - b.range.start.line)
    .map((d) => `${d.range.start.line}:${String(d.code)}`);

test('without comments both findings are reported', () => {
  assert.deepEqual(codesOn(`${front}\n${fringe}`), ['6:weekday-mismatch', '6:placeholder']);
});

test('minutes-disable-next-line turns off the codes it names on the next line only', () => {
  const text = `${front}\n<!-- minutes-disable-next-line weekday-mismatch -->\n${fringe}${fringe}`;
  assert.deepEqual(codesOn(text), ['7:placeholder', '8:weekday-mismatch', '8:placeholder']);
  // Several codes, separated by spaces or commas; none means every code.
  assert.deepEqual(codesOn(`${front}\n<!-- minutes-disable-next-line weekday-mismatch, placeholder -->\n${fringe}`), []);
  assert.deepEqual(codesOn(`${front}\n<!-- minutes-disable-next-line -->\n${fringe}${fringe}`), ['8:weekday-mismatch', '8:placeholder']);
  // Written tight, as HTML allows.
  assert.deepEqual(codesOn(`${front}\n<!--minutes-disable-next-line-->\n${fringe}`), []);
  assert.deepEqual(codesOn(`${front}\n<!--minutes-disable-next-line placeholder-->\n${fringe}`), ['7:weekday-mismatch']);
});

test('minutes-disable-line turns off the line it ends', () => {
  const text = `${front}\n${fringe.trimEnd()} <!-- minutes-disable-line placeholder -->\n${fringe}`;
  assert.deepEqual(codesOn(text), ['6:weekday-mismatch', '7:weekday-mismatch', '7:placeholder']);
});

test('minutes-disable … minutes-enable turns codes off for the lines between, and a bare enable turns everything back on', () => {
  const text = `${front}\n${fringe}<!-- minutes-disable placeholder -->\n${fringe}${fringe}<!-- minutes-enable placeholder -->\n${fringe}`;
  assert.deepEqual(codesOn(text), ['6:weekday-mismatch', '6:placeholder', '8:weekday-mismatch', '9:weekday-mismatch', '11:weekday-mismatch', '11:placeholder']);
  const bare = `${front}\n<!-- minutes-disable -->\n${fringe}<!-- minutes-enable weekday-mismatch -->\n${fringe}<!-- minutes-enable -->\n${fringe}`;
  assert.deepEqual(codesOn(bare), ['9:weekday-mismatch', '11:weekday-mismatch', '11:placeholder']);
});

test('minutes-disable-file turns a code off in the whole file, wherever the comment stands', () => {
  assert.deepEqual(codesOn(`${front}\n${fringe}${fringe}<!-- minutes-disable-file weekday-mismatch -->\n`), ['6:placeholder', '7:placeholder']);
});

test('a comment in fenced code or in a code span is text on the page and suppresses nothing', () => {
  const fenced = `${front}\n\`\`\`\n<!-- minutes-disable-file -->\n\`\`\`\n${fringe}`;
  assert.deepEqual(codesOn(fenced), ['9:weekday-mismatch', '9:placeholder']);
  const span = `${front}\nWrite \`<!-- minutes-disable-file -->\` to silence a file.\n${fringe}`;
  assert.deepEqual(codesOn(span), ['7:weekday-mismatch', '7:placeholder']);
});

test('an unknown code in a suppression comment is reported on the code, with the nearest code as the fix', () => {
  const checked = check(`${front}\n<!-- minutes-disable-next-line $0weekday-mismatsh$0 -->\n${fringe}`, path);
  const [problem, ...rest] = checked.of('suppression');
  assert.equal(rest.length, 0);
  assert.deepEqual(problem!.range, checked.fixture.range);
  assert.equal(problem!.message, '"weekday-mismatsh" is not a Minutes code; did you mean weekday-mismatch? The comment does not suppress it.');
  assert.equal(checked.of('weekday-mismatch').length, 1, 'nothing is suppressed by an unknown code');
  assert.equal(checked.applyFix(problem!, 'Change to weekday-mismatch'), `${front}\n<!-- minutes-disable-next-line weekday-mismatch -->\n${fringe}`);
  const directive = check(`${front}\n<!-- minutes-$0disable-nextline$0 weekday-mismatch -->\n${fringe}`, path);
  assert.deepEqual(directive.of('suppression').map((d) => [d.range, d.message]), [[directive.fixture.range, '"minutes-disable-nextline" is not a suppression comment; did you mean "minutes-disable-next-line"? It suppresses nothing.']]);
  // Comments of the group's own that merely start with "minutes-" are left alone.
  assert.deepEqual(check(`${front}\n<!-- minutes-2025 draft -->\n`, path).of('suppression'), []);
});

test('"Disable <code> for this line": a comment at the end of a list item, which the page does not show', () => {
  const fixed = disable(`${front}\n${fringe}`, 'weekday-mismatch');
  assert.equal(fixed.title, 'Disable weekday-mismatch for this line');
  assert.equal(fixed.isPreferred, false, 'never part of Fix all');
  assert.equal(fixed.after, `${front}\n* FOSDEM Fringe: Friday 2025-01-08 in Brussels FIXME <!-- minutes-disable-line weekday-mismatch -->\n`);
  assert.deepEqual(codesOn(fixed.after), ['6:placeholder']);
  // A second code joins the comment already on the line.
  const both = disable(fixed.after, 'placeholder');
  assert.equal(both.after, `${front}\n* FOSDEM Fringe: Friday 2025-01-08 in Brussels FIXME <!-- minutes-disable-line weekday-mismatch placeholder -->\n`);
  assert.deepEqual(codesOn(both.after), []);
});

test('the disable fix keeps a hard line break, goes above a heading and after the front matter for a front-matter finding', () => {
  assert.equal(disable(`${front}\nSee you Friday 2025-01-08  \nin Brussels\n`, 'weekday-mismatch').after, `${front}\nSee you Friday 2025-01-08 <!-- minutes-disable-line weekday-mismatch -->  \nin Brussels\n`);
  const heading = disable(`${front}\n## Fringe on Friday 2025-01-08\n`, 'weekday-mismatch').after;
  assert.equal(heading, `${front}\n<!-- minutes-disable-next-line weekday-mismatch -->\n## Fringe on Friday 2025-01-08\n`);
  assert.deepEqual(codesOn(heading), []);
  const row = disable(`${front}\n| When | What |\n|---|---|\n| Friday 2025-01-08 | Fringe |\n`, 'weekday-mismatch').after;
  assert.equal(row, `${front}\n| When | What |\n|---|---|\n| Friday 2025-01-08 | Fringe <!-- minutes-disable-line weekday-mismatch --> |\n`, 'inside the last cell, not a cell of its own');
  assert.deepEqual(codesOn(row), []);
  const badDate = disable('---\nlayout: page\nmeeting_time: 2025-01-03 16:00\ntitle: Minutes 2025-01-03\n---\nText\n', 'bad-date');
  assert.equal(badDate.title, 'Disable bad-date for this file');
  assert.equal(badDate.after, '---\nlayout: page\nmeeting_time: 2025-01-03 16:00\ntitle: Minutes 2025-01-03\n---\n<!-- minutes-disable-file bad-date -->\nText\n');
  assert.deepEqual(check(badDate.after, path).of('bad-date'), []);
});

test('after edits the kept findings follow the comments: adding, changing and removing one changes the result at once', () => {
  const uri = `file:///site/${path}`;
  const service = createMinutesService({ clock: () => TEST_NOW });
  const knowledge = workspaceIndex().knowledge();
  const texts = [
    `${front}\n${fringe}${fringe}`,
    `${front}\n${fringe}${fringe}\n`,
    `${front}\n<!-- minutes-disable-next-line placeholder -->\n${fringe}${fringe}\n`,
    `${front}\n<!-- minutes-disable-next-line weekday-mismatch -->\n${fringe}${fringe}\n`,
    `${front}\n<!-- minutes-disable-next-line weekday-mismatch -->\n${fringe}${fringe}\n<!-- minutes-disable-file placeholder -->\n`,
    `${front}\n<!-- minutes-disable-next-line weekday-mismatch -->\n${fringe}${fringe}\n`,
    `${front}\n\n${fringe}${fringe}\n`,
  ];
  const summary = (list: Diagnostic[]) => list.map((d) => `${d.range.start.line}:${String(d.code)}`).sort();
  let document = TextDocument.create(uri, 'markdown', 1, texts[0]!);
  for (const [version, text] of texts.entries()) {
    if (version > 0) document = TextDocument.update(document, [{ text }], version + 1);
    const incremental = service.diagnostics(document, knowledge, DEFAULT_SETTINGS);
    const fresh = createMinutesService({ clock: () => TEST_NOW }).diagnostics(TextDocument.create(uri, 'markdown', 1, text), knowledge, DEFAULT_SETTINGS);
    assert.deepEqual(summary(incremental), summary(fresh), `version ${version + 1}`);
  }
  assert.deepEqual(
    summary(service.diagnostics(TextDocument.create(uri, 'markdown', 1, texts[4]!), knowledge, DEFAULT_SETTINGS)).filter((c) => !c.endsWith('missing-section')),
    ['8:weekday-mismatch'],
  );
});

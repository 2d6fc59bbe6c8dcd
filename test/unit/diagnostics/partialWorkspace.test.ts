// While a server is still reading the workspace, an opened file is diagnosed with what is
// known so far: findings that compare it with the other minutes wait until the read is
// complete, so a half-read workspace never shows a warning the whole one would not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createMinutesService, DEFAULT_SETTINGS, RULES } from '../../../server/src/service';
import { SITE, TEST_NOW, workspaceIndex } from '../../support/service';

const MINUTES = `---
layout: page
meeting_time: 2024-11-27 17:00 UTC
---
# Minutes 2024-11-27

## Attendees

- @sjn
- @newcomer

## Agenda

- Discussed the release with @sjn on Thursday 2024-11-29.
- See [last time](cpansec-minutes-2024-11-13.md) and [before](cpansec-minutes-2024-11-06.md).
`;

const EARLIER = `---
layout: page
meeting_time: 2024-11-13 17:00 UTC
---
# Minutes 2024-11-13

## Attendees

- @sjn

## Agenda

- Nothing much.

## Next meeting

- 2024-11-27
`;

function diagnose(complete: boolean) {
  // A site without a roster: handles are judged by the other minutes, which are not read yet.
  const index = workspaceIndex({ 'meetings/cpansec-minutes-2024-11-13.md': EARLIER });
  const uri = `${SITE}/meetings/cpansec-minutes-2024-11-27.md`;
  index.update(uri, MINUTES);
  index.setComplete(complete);
  const service = createMinutesService({ clock: () => TEST_NOW });
  return service.diagnostics(TextDocument.create(uri, 'markdown', 1, MINUTES), index.knowledge(), DEFAULT_SETTINGS);
}

test('rules that compare the file with the other minutes wait for the whole workspace; the others answer at once', () => {
  const whole = diagnose(true);
  const partial = diagnose(false);
  const waiting = new Set(RULES.filter((rule) => 'comparesWith' in rule && rule.comparesWith === 'minutes').map((rule) => rule.code));
  // The whole workspace finds something of both kinds here, so the test can fail both ways.
  assert.ok(whole.some((d) => waiting.has(String(d.code) as never)), JSON.stringify(whole.map((d) => d.code)));
  assert.ok(whole.some((d) => d.code === 'weekday-mismatch'));
  const line = (d: Diagnostic) => `${String(d.code)} ${String(d.message)}`;
  const early = partial.map(line);
  // Nothing is said early that the whole workspace would not say…
  for (const finding of early) assert.ok(whole.map(line).includes(finding), finding);
  // …nothing that compares with the other minutes (nor with a template, which may sit anywhere)…
  assert.ok(!partial.some((d) => waiting.has(String(d.code) as never) || /template in force/.test(String(d.message))), early.join('\n'));
  // …and what depends on this file alone is there at once.
  assert.ok(early.includes('weekday-mismatch 2024-11-29 is a Friday, not a Thursday.'), early.join('\n'));
});

test('every rule of minutes and index pages says what it compares the file with', () => {
  for (const rule of RULES) if ('appliesTo' in rule) assert.ok(['site', 'minutes'].includes(rule.comparesWith), rule.code);
});

import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { plainHeading, type ExpectedLayout, type ExpectedSection } from '../../../knowledge/layout';
import { matchSections } from '../../../knowledge/templates';
import type { Heading } from '../../../parse/model';
import { replaceSpan } from '../fixes';
import { defineRule, headingsCheck } from '../rule';

/**
 * Sections the group's layout has (learned from its recent minutes, else the template in
 * force) that the file lacks. A file that follows the layout (has at least half of its
 * sections) gets one finding per missing section, at the place it belongs, with a fix that
 * inserts it there; a file written in another shape gets a single note instead of a flood.
 * A section the next minutes also leave out is one the group stopped writing, not a slip.
 */
export const missingSectionRule = defineRule({
  code: 'missing-section',
  defaultSeverity: DiagnosticSeverity.Warning,
  description: 'A section the group\'s recent minutes (or the template in force) consistently have is absent.',
  appliesTo: ['minutes'],
  comparesWith: 'minutes',
  checks: [
    headingsCheck(['layout', 'eol'], (context, report) => {
      const layout = context.layout;
      if (!layout || layout.sections.length === 0) return;
      const { model } = context;
      const matched = matchSections(layout, model.headings);
      const present = matched.filter((heading) => heading !== null).length;
      const missing = layout.sections.filter((_, index) => matched[index] === null);
      if (missing.length === 0) return;
      const anchor = model.frontMatter?.span ?? { start: model.bodyStart, end: model.bodyStart };
      if (present * 2 < layout.sections.length) {
        report({
          start: anchor.start,
          end: Math.min(anchor.start + 3, model.text.length),
          severity: DiagnosticSeverity.Information,
          message: `This file does not follow ${layoutName(layout)}: it has ${present} of its ${layout.sections.length} sections. Missing: ${missing.map((s) => s.name).join('; ')}.`,
        });
        return;
      }
      // The next minutes tell a slip from a change: a section they have again was forgotten here;
      // one they leave out too is one the group stopped writing. Without them, it is too early to say.
      const inNext = layout.next ? matchSections(layout, layout.next.sections) : null;
      layout.sections.forEach((section, index) => {
        if (matched[index] || (inNext && inNext[index] === null)) return;
        const before = nextPresent(matched, index);
        const insertAt = before ? before.span.start : model.text.length;
        const atEnd = model.text.length === 0 || model.text.endsWith('\n');
        const lead = before || atEnd ? '' : context.eol;
        const text = lead + section.text.replace(/\r?\n/g, context.eol) + context.eol + (before ? context.eol : '');
        report({
          // Where the section belongs: at the start of the heading it goes before, or at the end.
          start: insertAt,
          end: insertAt,
          severity: inNext || layout.source === 'template' ? undefined : DiagnosticSeverity.Information,
          message: `Missing section "${section.name}": ${evidence(layout, section)}${before ? `. It belongs before "${plainHeading(before.label)}"` : '. It belongs at the end'}.`,
          related: section.seenIn.slice(-1).map(({ file, heading }) => ({
            location: { uri: file.uri, range: { start: { line: heading.line, character: 0 }, end: { line: heading.line, character: heading.level + 1 + heading.title.length } } },
            message: `"${heading.title}" in the minutes of ${file.date}`,
          })),
          fixes: [replaceSpan(context, `Insert section "${section.name}"`, { start: insertAt, end: insertAt }, text)],
        });
      });
    }),
  ],
});

function layoutName(layout: ExpectedLayout): string {
  if (layout.source === 'learned') return `the layout of the group's recent minutes (${dates(layout)})`;
  const template = layout.template!;
  return `the minutes template (${template.source === 'built-in' ? template.name : `${template.name}, in force since ${template.since}`})`;
}

function evidence(layout: ExpectedLayout, section: ExpectedSection): string {
  if (layout.source === 'template') return `${layoutName(layout)} has it`;
  const count = section.seenIn.length === layout.recent.length ? `all ${layout.recent.length}` : `${section.seenIn.length} of the ${layout.recent.length}`;
  return `${count} latest minutes before this one (${dates(layout)}) have it`;
}

function dates(layout: ExpectedLayout): string {
  return layout.recent.map((file) => file.date).join(', ');
}

/** The first section after `index` (in layout order) that the document has. */
function nextPresent(matched: readonly (Heading | null)[], index: number): Heading | null {
  for (let i = index + 1; i < matched.length; i++) if (matched[i]) return matched[i]!;
  return null;
}

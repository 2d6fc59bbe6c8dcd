import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { matchSections } from '../../../knowledge/templates';
import type { Heading } from '../../../parse/model';
import { replaceSpan } from '../fixes';
import type { Rule } from '../rule';

/**
 * Sections of the template in force for the file's date that the file lacks. A file that
 * follows the template (has at least half of its sections) gets one finding per missing
 * section, with a fix that inserts it where the template has it; a file written in another
 * shape gets a single note instead of a flood. Files older than every template are not judged.
 */
export const missingSectionRule: Rule = {
  code: 'missing-section',
  defaultSeverity: DiagnosticSeverity.Warning,
  description: 'A section of the template in force for the file\'s date is absent.',
  appliesTo: ['minutes'],
  checkDependsOnHeadings: true,
  check(context, report) {
    const template = context.template;
    if (!template || template.sections.length === 0) return;
    const { model } = context;
    const matched = matchSections(template, model.headings);
    const present = matched.filter((heading) => heading !== null).length;
    const missing = template.sections.filter((_, index) => matched[index] === null);
    if (missing.length === 0) return;
    const anchor = model.frontMatter?.span ?? { start: model.bodyStart, end: model.bodyStart };
    const where = template.source === 'built-in' ? template.name : `${template.name}, in force since ${template.since}`;
    if (present * 2 < template.sections.length) {
      report({
        start: anchor.start,
        end: Math.min(anchor.start + 3, model.text.length),
        severity: DiagnosticSeverity.Information,
        message: `This file does not follow the minutes template (${where}): it has ${present} of its ${template.sections.length} sections. Missing: ${missing.map((s) => s.label).join('; ')}.`,
      });
      return;
    }
    template.sections.forEach((section, index) => {
      if (matched[index]) return;
      const before = nextPresent(matched, index);
      const insertAt = before ? before.span.start : model.text.length;
      const lead = before ? '' : model.eol;
      const text = lead + section.text.replace(/\r?\n/g, model.eol) + model.eol + model.eol;
      const target = before ?? model.headings[model.headings.length - 1] ?? null;
      report({
        start: target ? target.titleSpan.start : anchor.start,
        end: target ? target.titleSpan.end : anchor.start + 3,
        message: `Missing section "${section.label}" (${where})${before ? `: it belongs before "${before.title}"` : ''}.`,
        fixes: [replaceSpan(context, `Insert section "${section.label}"`, { start: insertAt, end: insertAt }, text)],
      });
    });
  },
};

/** The first section after `index` (in template order) that the document has. */
function nextPresent(matched: readonly (Heading | null)[], index: number): Heading | null {
  for (let i = index + 1; i < matched.length; i++) if (matched[i]) return matched[i]!;
  return null;
}

import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { replaceSpan } from '../fixes';
import { defineRule, documentCheck } from '../rule';

/** Front matter Jekyll can read: present, terminated, valid YAML, with the keys the template requires. */
export const frontMatterRule = defineRule({
  code: 'front-matter',
  defaultSeverity: DiagnosticSeverity.Error,
  description: 'Front matter missing, unterminated, not valid YAML, hidden by a byte-order mark, or lacking a required key.',
  appliesTo: ['minutes', 'index'],
  comparesWith: 'site',
  checks: [
    documentCheck((context, report) => {
      const { model } = context;
      const frontMatter = model.frontMatter;
      if (!frontMatter) {
        if (context.kind === 'minutes') {
          report({
            start: model.bodyStart,
            end: Math.min(model.text.length, model.bodyStart + firstLineLength(model.text, model.bodyStart)),
            message: 'No front matter: Jekyll publishes this file without a layout, title or meeting time. Start the file with a `---` block.',
            fixes: [
              replaceSpan(context, 'Add front matter', { start: model.bodyStart, end: model.bodyStart }, `---${model.eol}layout: page${model.eol}title: ${model.eol}meeting_time: ${model.eol}---${model.eol}`, false),
            ],
          });
        }
        return;
      }
      if (model.hasBom) {
        // Jekyll only treats a file as a page when its first bytes are `---`; a BOM comes first.
        report({
          start: 0,
          end: Math.min(model.text.length, 4),
          severity: DiagnosticSeverity.Warning,
          message:
            'The file starts with a byte-order mark, so Jekyll does not see the front matter: the page is published without its layout, and the front matter shows as text. Save the file as UTF-8 without BOM.',
          fixes: [replaceSpan(context, 'Remove the byte-order mark', { start: 0, end: 1 }, '')],
        });
      }
      if (!frontMatter.terminated) {
        report({
          start: frontMatter.span.start,
          end: frontMatter.span.start + 3,
          message: 'The front matter is not closed: add a `---` line after its last key, or Jekyll reads the whole file as YAML.',
        });
        return;
      }
      for (const error of frontMatter.errors) {
        report({ start: error.span.start, end: error.span.end, message: `Front matter is not valid YAML: ${error.message}. Jekyll publishes the page without any of its front matter.` });
      }
      if (frontMatter.errors.length > 0 || context.kind !== 'minutes') return;
      // Templates may sit anywhere in the site: the comparison waits until it has all been read.
      const template = context.knowledge.complete ? context.template : null;
      if (!template) return;
      const missing = template.frontMatterKeys.filter((key) => !frontMatter.entries.has(key));
      for (const key of missing) {
        report({
          start: frontMatter.span.start,
          end: frontMatter.span.start + 3,
          severity: DiagnosticSeverity.Warning,
          message: `Front matter lacks \`${key}\`, which the template in force (${template.name}, since ${template.since}) has.`,
        });
      }
    }),
  ],
});

function firstLineLength(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return (end < 0 ? text.length : end) - start;
}

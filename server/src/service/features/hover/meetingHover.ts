import { DateTime } from 'luxon';
import type { DocumentContext } from '../../documentContext';
import type { LiquidRef } from '../../parse/model';
import { renderJekyllLiquid, type RubyValue } from '../../time';
import { rubyValueOfScalar } from '../../time';
import { codeBlock, escapeMarkdown, inlineCode } from '../markdown';
import { hoverZones, readerZone } from './hoverZones';
import { zoneRows, zoneTable } from './zoneTable';

/** CPANSec's own sentence for the meeting time, used when the page has no "Time" line of its own. */
export const TEMPLATE_SENTENCE = (key: string) =>
  `on {{ page.${key} | date_to_string: "ordinal", "US" }}, at {{ page.${key} | date: "%H:%M %Z" }}`;

/** The page's front-matter scalars as Jekyll holds them, for Liquid. */
export function pageScope(context: DocumentContext): Record<string, RubyValue> {
  const page: Record<string, RubyValue> = {};
  for (const [key, entry] of context.model.frontMatter?.entries ?? []) {
    if (entry.scalar) page[key] = rubyValueOfScalar(entry.scalar, context.build);
  }
  return page;
}

/**
 * What a reader of the published page sees for `meeting_time` (or `next_meeting_time`):
 * the build failure first if there is one, the page's line with its Liquid evaluated,
 * the moment in the group's zones and the reader's, and how long ago or ahead it is.
 */
export function meetingHover(context: DocumentContext, key: string, expression: LiquidRef | null): string | null {
  const evaluation = context.evaluate(key);
  if (!evaluation) return null;
  const parts: string[] = [];
  const where = context.build.buildZone === 'UTC' ? 'built in UTC, as GitHub Pages builds' : `built in ${context.build.buildZone}`;
  if (evaluation.buildError) {
    const why = evaluation.notes.find((note) => note.kind !== 'ignored-text' && note.kind !== 'weekday');
    parts.push(`**The site build fails.** ${escapeMarkdown(why?.message ?? '')}`, codeBlock(evaluation.buildError));
  }
  const page = pageScope(context);
  if (expression) {
    const rendered = renderJekyllLiquid(expression.source, page, context.build);
    parts.push(`${inlineCode(expression.source)} renders as:`, codeBlock(rendered.error ? `(error: ${rendered.error})` : rendered.output));
  }
  const line = timeLine(context, key);
  const template = line ?? TEMPLATE_SENTENCE(key);
  const rendered = renderJekyllLiquid(template, page, context.build);
  if (!rendered.error) {
    parts.push(`**The published page** (${where})${line ? '' : `, in the template's words`}:`, codeBlock(rendered.output));
  }
  const time = evaluation.time;
  if (time && time.isValid) {
    parts.push(zoneTable(zoneRows(time, hoverZones(context), readerZone(context))));
    const relative = time.toRelative({ base: DateTime.fromJSDate(context.now) });
    if (relative) parts.push(`${escapeMarkdown(relative.charAt(0).toUpperCase() + relative.slice(1))}.`);
  } else if (!evaluation.buildError) {
    parts.push(escapeMarkdown(`${key} is empty: the page shows nothing where the date goes.`));
  }
  return parts.join('\n\n');
}

/** The page's own line that shows the meeting time (its "Time" line), if it has one. */
function timeLine(context: DocumentContext, key: string): string | null {
  const liquid = context.model.liquid.find((l) => l.variables.includes(`page.${key}`));
  if (!liquid) return null;
  const { model } = context;
  const start = model.lineStarts[liquid.line]!;
  const end = liquid.line + 1 < model.lineStarts.length ? model.lineStarts[liquid.line + 1]! : model.text.length;
  return model.text.slice(start, end).replace(/\r?\n$/, '');
}

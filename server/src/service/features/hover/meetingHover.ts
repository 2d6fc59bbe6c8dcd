import { DateTime } from 'luxon';
import type { DocumentContext } from '../../documentContext';
import type { LiquidRef } from '../../parse/model';
import { renderJekyllLiquid, type RubyValue } from '../../time';
import { rubyValueOfScalar } from '../../time';
import { codeBlock, escapeMarkdown, inlineCode } from '../markdown';
import { hoverZones, readerZone } from './hoverZones';
import { readerText } from './readerText';
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
 * What a reader of the published page sees for `meeting_time` (or `next_meeting_time`), short
 * enough to fit VS Code's default hover without scrolling: the build failure first if there is
 * one; the moment (in UTC) and how long ago or ahead it is; the expression hovered and what it
 * renders; the page's line as the reader reads it (Liquid evaluated, Markdown rendered to its
 * text, links as their labels); the moment in the group's zones, the reader's marked.
 */
export function meetingHover(context: DocumentContext, key: string, expression: LiquidRef | null): string | null {
  const evaluation = context.evaluate(key);
  if (!evaluation) return null;
  const parts: string[] = [];
  if (evaluation.buildError) {
    const why = evaluation.notes.find((note) => note.kind !== 'ignored-text' && note.kind !== 'weekday');
    parts.push(`**The site build fails.** ${escapeMarkdown(why?.message ?? '')}`, codeBlock(evaluation.buildError));
  }
  const time = evaluation.time && evaluation.time.isValid ? evaluation.time : null;
  if (time) parts.push(momentHeading(context, time, key === 'next_meeting_time' ? 'Next meeting: ' : ''));
  const page = pageScope(context);
  if (expression) {
    const rendered = renderJekyllLiquid(expression.source, page, context.build);
    parts.push(`${inlineCode(expression.source)} renders ${rendered.error ? `an error: ${escapeMarkdown(rendered.error)}` : inlineCode(rendered.output)}`);
  }
  const line = timeLine(context, key);
  const rendered = renderJekyllLiquid(line ?? TEMPLATE_SENTENCE(key), page, context.build);
  const shown = rendered.error ? '' : readerText(rendered.output);
  if (shown) {
    const where = context.build.buildZone === 'UTC' ? '' : ` (built in ${escapeMarkdown(context.build.buildZone)})`;
    parts.push(`${line ? `The page shows${where}` : `The template's sentence would show${where}`}: *${escapeMarkdown(shown)}*`);
  }
  if (time) parts.push(zoneTable(zoneRows(time, hoverZones(context), readerZone(context))));
  else if (!evaluation.buildError) parts.push(escapeMarkdown(`${key} is empty: the page shows nothing where the date goes.`));
  return parts.join('\n\n');
}

/** `**Wed 27 Mar 2024, 17:00 UTC** — 1 year ago`: the moment in UTC and how far it is from now. */
export function momentHeading(context: DocumentContext, moment: DateTime, prefix = ''): string {
  const relative = moment.toRelative({ base: DateTime.fromJSDate(context.now) });
  return `**${escapeMarkdown(prefix + moment.toUTC().toFormat("ccc d LLL yyyy, HH:mm 'UTC'"))}**${relative ? ` — ${escapeMarkdown(relative)}` : ''}`;
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

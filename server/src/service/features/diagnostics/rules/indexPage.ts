import { DateTime } from 'luxon';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DocumentContext } from '../../../documentContext';
import { isoDay } from '../../../time/calendarDates';
import { replaceSpan } from '../fixes';
import { indexInsertion, listedItems } from '../../indexEntries';
import { checkMinutesLinks, fileName, minutesLinks, type MinutesLink } from '../minutesLinks';
import { defineRule, documentCheck, type Reporter } from '../rule';

/**
 * The minutes index page (CPANSec's `meetings/README.md`) lists every minutes file of its
 * folder, with labels that match, links that resolve, and a `next_meeting_time` that is
 * not older than the next meeting the latest minutes announce.
 */
export const indexRule = defineRule({
  code: 'index',
  defaultSeverity: DiagnosticSeverity.Warning,
  description: 'On the minutes index page: unlisted minutes files, links to missing files, label dates that differ, a `next_meeting_time` older than the latest minutes announce or long past.',
  appliesTo: ['index'],
  comparesWith: 'minutes',
  checks: [
    documentCheck((context, report) => {
      checkMinutesLinks(context, report);
      const links = minutesLinks(context);
      checkUnlisted(context, links, report);
      checkNextMeeting(context, report);
    }),
  ],
});

function checkUnlisted(context: DocumentContext, links: readonly MinutesLink[], report: Reporter): void {
  const folder = context.model.uri.slice(0, context.model.uri.lastIndexOf('/') + 1);
  const listed = new Set(links.map((l) => l.uri));
  const unlisted = context.knowledge.minutesFiles.filter((file) => file.uri.startsWith(folder) && !listed.has(file.uri) && file.uri !== context.model.uri);
  if (unlisted.length === 0) return;
  const items = listedItems(context, links);
  const anchor = items[items.length - 1]?.item.span ?? links[links.length - 1]?.link.span ?? { start: context.model.bodyStart, end: context.model.bodyStart };
  for (const file of unlisted) {
    const insertion = indexInsertion(context, file, links);
    report({
      start: anchor.start,
      end: anchor.end,
      message: `${fileName(file.uri)}${file.date ? ` (${file.date})` : ''} is not listed on the index page.`,
      fixes: insertion ? [replaceSpan(context, `Add ${fileName(file.uri)} to the list`, { start: insertion.at, end: insertion.at }, insertion.text)] : [],
    });
  }
}

function checkNextMeeting(context: DocumentContext, report: Reporter): void {
  const entry = context.entry('next_meeting_time');
  const stated = context.evaluate('next_meeting_time')?.time;
  if (!entry || !stated || !stated.isValid) return;
  const latest = [...context.knowledge.minutesFiles].reverse().find((file) => file.date && file.nextMeeting);
  const announced = latest?.nextMeeting?.date;
  if (!latest || !announced || isoDay(stated) >= announced) {
    checkLongPast(context, entry.valueSpan, stated, report);
    return;
  }
  const value = `${announced} ${latest.nextMeeting!.time ?? stated.toUTC().toFormat("HH:mm 'UTC'")}`;
  report({
    start: entry.valueSpan.start,
    end: entry.valueSpan.end,
    message: `next_meeting_time is ${isoDay(stated)}, but the latest minutes (${fileName(latest.uri)}) announce the next meeting for ${announced}${latest.nextMeeting!.time ? ` at ${latest.nextMeeting!.time}` : ''}.`,
    fixes: [replaceSpan(context, `Change next_meeting_time to ${value}`, entry.valueSpan, value)],
  });
}

/** Past this, a "next meeting" the page still announces is stale, whatever the minutes say. */
const STALE_AFTER_DAYS = 31;

/** The page announces a meeting that was held long ago: readers are told a date in the past. */
function checkLongPast(context: DocumentContext, span: { start: number; end: number }, stated: DateTime, report: Reporter): void {
  const now = DateTime.fromJSDate(context.now);
  const days = Math.floor(now.diff(stated, 'days').days);
  if (days <= STALE_AFTER_DAYS) return;
  const months = Math.round(now.diff(stated, 'months').months);
  const ago = months >= 2 ? `${months} months ago` : `${days} days ago`;
  report({
    start: span.start,
    end: span.end,
    message: `next_meeting_time is ${isoDay(stated)}, ${ago}: the page still announces a meeting long past, and no minutes name a later one. Set it to the next meeting's date and time.`,
  });
}

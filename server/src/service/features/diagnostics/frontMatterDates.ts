import type { TextDate } from '../../parse/model';
import { scanDates } from '../../parse/textDates';
import type { LinesContext } from './rule';

/** Front-matter values that hold a date people read (and may write a weekday into). */
const DATED_KEYS = ['meeting_time', 'next_meeting_time', 'title'];

/** Dates written in the front matter's dated values, positioned in the document. */
export function frontMatterDates(context: LinesContext<never>): TextDate[] {
  const dates: TextDate[] = [];
  for (const key of DATED_KEYS) {
    const entry = context.entry(key);
    if (!entry || entry.valueSpan.end <= entry.valueSpan.start) continue;
    const at = entry.valueSpan.start;
    const line = context.model.lineStarts.findIndex((start, i, all) => start <= at && (all[i + 1] ?? Infinity) > at);
    for (const date of scanDates(context.textOf(entry.valueSpan), [])) {
      dates.push({
        year: date.year,
        month: date.month,
        day: date.day,
        span: { start: at + date.start, end: at + date.end },
        weekday: date.weekday ? { value: date.weekday.value, span: { start: at + date.weekday.start, end: at + date.weekday.end } } : null,
        line,
      });
    }
  }
  return dates;
}

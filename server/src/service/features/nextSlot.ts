import { DateTime } from 'luxon';
import type { MinutesFileInfo, WorkspaceKnowledge } from '../knowledge/types';

export interface MeetingSlot {
  /** ISO date. */
  readonly date: string;
  /** `17:00 UTC`, or null when nothing says. */
  readonly time: string | null;
  /** How it was found: announced in the previous minutes, or guessed from the usual cadence. */
  readonly source: 'announced' | 'cadence';
  /** The minutes it comes from. */
  readonly from: MinutesFileInfo;
}

/**
 * When the meeting after `previous` is: the date its "Next meeting is …" line gives, else
 * the group's usual interval (median of the recent gaps) after it, at the same time.
 */
export function nextSlotAfter(previous: MinutesFileInfo, knowledge: WorkspaceKnowledge): MeetingSlot | null {
  if (previous.nextMeeting) {
    return { date: previous.nextMeeting.date, time: previous.nextMeeting.time ?? previous.time, source: 'announced', from: previous };
  }
  if (!previous.date) return null;
  const dates = knowledge.minutesFiles.map((f) => f.date).filter((d): d is string => !!d && d <= previous.date!);
  const recent = [...new Set(dates)].sort().slice(-7);
  const gaps: number[] = [];
  for (let i = 1; i < recent.length; i++) {
    gaps.push(DateTime.fromISO(recent[i]!).diff(DateTime.fromISO(recent[i - 1]!), 'days').days);
  }
  gaps.sort((a, b) => a - b);
  const median = gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)]! : 14;
  const date = DateTime.fromISO(previous.date, { zone: 'UTC' }).plus({ days: median }).toISODate()!;
  return { date, time: previous.time, source: 'cadence', from: previous };
}

/** The latest minutes before a date (or the latest of all), skipping the file itself. */
export function previousMinutes(knowledge: WorkspaceKnowledge, before: string | null, except: string): MinutesFileInfo | null {
  let best: MinutesFileInfo | null = null;
  for (const file of knowledge.minutesFiles) {
    if (file.uri === except || !file.date || (before && file.date >= before)) continue;
    if (!best || file.date > best.date!) best = file;
  }
  return best;
}

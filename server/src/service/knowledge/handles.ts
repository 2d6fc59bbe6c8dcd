import type { MinutesFacts } from './fileFacts';
import type { HandleUsage } from './types';

/** Who is mentioned where: per handle, how many files, how many mentions, and when last. */
export function aggregateHandles(files: readonly MinutesFacts[]): HandleUsage[] {
  const usage = new Map<string, { files: number; mentions: number; lastSeen: string | null; lastAttended: string | null; spellings: Map<string, number> }>();
  for (const file of files) {
    for (const [key, seen] of file.handles) {
      let entry = usage.get(key);
      if (!entry) usage.set(key, (entry = { files: 0, mentions: 0, lastSeen: null, lastAttended: null, spellings: new Map() }));
      entry.files++;
      entry.mentions += seen.mentions;
      entry.spellings.set(seen.spelling, (entry.spellings.get(seen.spelling) ?? 0) + seen.mentions);
      if (file.date && (!entry.lastSeen || file.date > entry.lastSeen)) entry.lastSeen = file.date;
      if (seen.attended && file.date && (!entry.lastAttended || file.date > entry.lastAttended)) entry.lastAttended = file.date;
    }
  }
  return [...usage].map(([key, entry]) => {
    let handle = key;
    let best = -1;
    for (const [spelling, count] of entry.spellings) if (count > best) [best, handle] = [count, spelling];
    return { handle, files: entry.files, mentions: entry.mentions, lastSeen: entry.lastSeen, lastAttended: entry.lastAttended };
  });
}

import { editDistance } from './editDistance';
import type { MinutesFacts } from './fileFacts';
import type { HandleUsage, Member, WorkspaceKnowledge } from './types';

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

/** A handle used in this many minutes files is established by use, member or not (a regular guest). */
export const ESTABLISHED_FILES = 2;

/** Handles this short, one substituted letter apart, name different people as often as not (`@sjm` and `@sjn`). */
const VERY_SHORT = 3;
/** A handle this short, used again and again a letter away from a member's, may well be someone else's. */
const SHORT = 4;

/** How a handle misses another: by an edit of `distance` steps, or as a nickname (a prefix, `@Tim` for `@timlegge`). */
export interface Miss {
  readonly distance: number;
  /** One letter replaced by another, nothing else: the weakest sign of a typo. */
  readonly substitution: boolean;
}

/**
 * Whether `handle` (lower case) is a near miss of `other` (lower case): a nickname that
 * `other` starts with (`@Tim` for `@timlegge`), or a small edit relative to the length.
 * Close means one step up to five letters and two beyond (counted on the shorter handle):
 * close enough to call a typo. Loosely close allows more (two steps from four letters,
 * three from eight: `@tina` for `@tinita`), enough to mention a handle, not to insist.
 * null when they are not close.
 */
export function nearMiss(handle: string, other: string, loosely = false): Miss | null {
  if (handle === other) return null;
  const shorter = Math.min(handle.length, other.length);
  if (shorter < 3) return null;
  if (other.startsWith(handle)) return { distance: 1, substitution: false };
  const limit = loosely ? (handle.length <= 3 ? 1 : handle.length <= 7 ? 2 : 3) : shorter <= 5 ? 1 : 2;
  const distance = editDistance(handle, other, limit);
  if (distance > limit) return null;
  return { distance, substitution: distance === 1 && handle.length === other.length && differingLetters(handle, other) === 1 };
}

function differingLetters(a: string, b: string): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) count++;
  return count;
}

/** A handle that is not on the roster but close to roster handles. */
export interface RosterNearMiss {
  /** The members it probably means (the nearest ones), in roster order. */
  readonly members: readonly Member[];
  /**
   * False when it could as well be someone else's: a very short handle one substituted
   * letter from a member's, or a short one with a letter changed or missing that is used
   * in several files.
   */
  readonly likely: boolean;
}

const nearMissesByKnowledge = new WeakMap<WorkspaceKnowledge, Map<string, RosterNearMiss | null>>();

/**
 * Whether a handle that is not on the roster (`_data/authors.yml` and the config's
 * members, with their aliases) is a near miss of a roster handle. The roster is
 * authoritative: how often a near miss is repeated does not make it right, since minutes
 * are written by copying the previous ones and a typo spreads with them.
 */
export function rosterNearMiss(knowledge: WorkspaceKnowledge, handle: string): RosterNearMiss | null {
  const key = handle.toLowerCase();
  let cache = nearMissesByKnowledge.get(knowledge);
  if (!cache) nearMissesByKnowledge.set(knowledge, (cache = new Map()));
  let verdict = cache.get(key);
  if (verdict === undefined) cache.set(key, (verdict = judgeAgainstRoster(knowledge, key)));
  return verdict;
}

function judgeAgainstRoster(knowledge: WorkspaceKnowledge, key: string): RosterNearMiss | null {
  if (knowledge.findMember(key) || knowledge.specialHandles.has(key)) return null;
  let best = Infinity;
  let nearest: { member: Member; name: string; miss: Miss }[] = [];
  for (const member of knowledge.members) {
    let closest: { name: string; miss: Miss } | null = null;
    for (const name of [member.handle.toLowerCase(), ...member.aliases]) {
      const miss = nearMiss(key, name);
      if (!miss) continue;
      if (!closest || miss.distance < closest.miss.distance || (miss.distance === closest.miss.distance && closest.miss.substitution && !miss.substitution)) {
        closest = { name, miss };
      }
    }
    if (!closest || closest.miss.distance > best) continue;
    if (closest.miss.distance < best) [best, nearest] = [closest.miss.distance, []];
    nearest.push({ member, ...closest });
  }
  if (nearest.length === 0) return null;
  const files = knowledge.usage(key)?.files ?? 0;
  const shortest = Math.min(key.length, ...nearest.map(({ name }) => name.length));
  // A letter changed or missing, in a short handle written again and again, is as likely
  // another person's (`@tim`, `@leon`); a doubled or swapped letter is how typing goes wrong.
  const otherPerson = ({ name, miss }: { name: string; miss: Miss }) => miss.substitution || name.length > key.length;
  const doubtful =
    (shortest <= VERY_SHORT && nearest.every(({ miss }) => miss.substitution)) ||
    (shortest <= SHORT && files >= ESTABLISHED_FILES && nearest.every(otherPerson));
  return { members: nearest.map(({ member }) => member), likely: !doubtful };
}

const guestsByKnowledge = new WeakMap<WorkspaceKnowledge, HandleUsage[]>();

/**
 * Handles established by use that are not on the roster (regular guests): used in
 * several minutes files and not near misses of a roster handle. Once per knowledge snapshot.
 */
export function establishedGuests(knowledge: WorkspaceKnowledge): readonly HandleUsage[] {
  let guests = guestsByKnowledge.get(knowledge);
  if (!guests) {
    guests = knowledge.handleUsage.filter(
      (usage) =>
        usage.files >= ESTABLISHED_FILES &&
        !knowledge.findMember(usage.handle) &&
        !knowledge.specialHandles.has(usage.handle.toLowerCase()) &&
        !rosterNearMiss(knowledge, usage.handle),
    );
    guestsByKnowledge.set(knowledge, guests);
  }
  return guests;
}

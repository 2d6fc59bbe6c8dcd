import { editDistance } from './editDistance';
import type { MinutesFacts } from './fileFacts';
import { NearMissIndex } from './nearMisses';
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

/** Handles shorter than this are no near miss of anything (`@a`, `@jo`). */
const SHORTEST = 3;

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
  if (shorter < SHORTEST) return null;
  if (other.startsWith(handle)) return { distance: 1, substitution: false };
  const limit = loosely ? looseLimit(handle) : closeLimit(shorter);
  const distance = editDistance(handle, other, limit);
  if (distance > limit) return null;
  return { distance, substitution: distance === 1 && handle.length === other.length && differingLetters(handle, other) === 1 };
}

/** Edits a close near miss may take, by the length of the shorter handle. */
const closeLimit = (shorter: number) => (shorter <= 5 ? 1 : 2);
/** Edits a loose near miss of `handle` may take. */
const looseLimit = (handle: string) => (handle.length <= 3 ? 1 : handle.length <= 7 ? 2 : 3);

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
  // The shorter handle is at most as long as `key`: no near miss takes more edits than this.
  for (const { member, names } of rosterCandidates(knowledge, key, closeLimit(key.length))) {
    let closest: { name: string; miss: Miss } | null = null;
    for (const name of names) {
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

/** A handle that is loosely close to a member's or a regular guest's, and whose handle to suggest. */
export interface Resemblance {
  readonly handle: string;
  /** null for a regular guest. */
  readonly member: Member | null;
  /** Minutes files that name the handle suggested. */
  readonly files: number;
}

/**
 * The member or regular guest whose handle `key` (lower case, used in `files` minutes files)
 * loosely resembles most: nearest first; at the same distance a member before a guest, then
 * the handle named in more files, then the first found (members in roster order, then guests). A guest counts only when
 * named in more files than `key` (the more established spelling is the one to suggest).
 */
export function closestResemblance(knowledge: WorkspaceKnowledge, key: string, files: number): Resemblance | null {
  const limit = looseLimit(key);
  const candidates: { resemblance: Resemblance; name: string }[] = [];
  for (const { member, names } of rosterCandidates(knowledge, key, limit)) {
    const resemblance = { handle: member.handle, member, files: knowledge.usage(member.handle)?.files ?? 0 };
    for (const name of names) candidates.push({ resemblance, name });
  }
  if (key.length >= SHORTEST) {
    const guests = guestNames(knowledge);
    for (const at of guests.index.candidates(key, limit)) {
      const guest = guests.guests[at]!;
      if (guest.files > files) candidates.push({ resemblance: { handle: guest.handle, member: null, files: guest.files }, name: guests.names[at]! });
    }
  }
  let best: { resemblance: Resemblance; distance: number } | null = null;
  for (const { resemblance, name } of candidates) {
    const miss = nearMiss(key, name, true);
    if (miss && (!best || closer(miss.distance, resemblance, best.distance, best.resemblance))) best = { resemblance, distance: miss.distance };
  }
  return best?.resemblance ?? null;
}

/** Nearest first; at the same distance, a member before a guest, then the most used. */
function closer(distance: number, candidate: Resemblance, bestDistance: number, best: Resemblance): boolean {
  if (distance !== bestDistance) return distance < bestDistance;
  if (!!candidate.member !== !!best.member) return !!candidate.member;
  return candidate.files > best.files;
}

/** A roster's handles and aliases (lower case), member after member, and the index over them. */
interface RosterNames {
  readonly names: readonly string[];
  /** Per name, the position of its member in the roster. */
  readonly owners: Int32Array;
  readonly index: NearMissIndex;
}

const rostersByKnowledge = new WeakMap<WorkspaceKnowledge, RosterNames>();
/**
 * The latest rosters' names and indexes: a knowledge snapshot is taken on every change of
 * what the minutes say, the roster changes seldom, and the index of 20,000 members is worth
 * keeping while the handles and aliases stay the same.
 */
const recentRosters: RosterNames[] = [];
const RECENT_ROSTERS = 4;

/** The near-miss index of a knowledge snapshot's roster (its handles and aliases). */
export function rosterIndex(knowledge: WorkspaceKnowledge): NearMissIndex {
  return rosterNames(knowledge).index;
}

/** Names compared exactly so far by the searches of the roster's index and of this snapshot's guests'. */
export function nearMissComparisons(knowledge: WorkspaceKnowledge): number {
  return rosterIndex(knowledge).compared + (guestNamesByKnowledge.get(knowledge)?.index.compared ?? 0);
}

function rosterNames(knowledge: WorkspaceKnowledge): RosterNames {
  let roster = rostersByKnowledge.get(knowledge);
  if (roster) return roster;
  roster = recentRosters.find((recent) => namesTheSame(recent, knowledge.members));
  if (!roster) {
    const lists = knowledge.members.map((member) => [member.handle.toLowerCase(), ...member.aliases]);
    const names = lists.flat();
    const owners = Int32Array.from(lists.flatMap((list, at) => list.map(() => at)));
    roster = { names, owners, index: new NearMissIndex(names) };
    recentRosters.unshift(roster);
    recentRosters.length = Math.min(recentRosters.length, RECENT_ROSTERS);
  }
  rostersByKnowledge.set(knowledge, roster);
  return roster;
}

/** Whether the members have exactly the roster's names: each member's handle, then its aliases, in order. */
function namesTheSame(roster: RosterNames, members: readonly Member[]): boolean {
  let at = 0;
  for (let owner = 0; owner < members.length; owner++) {
    const member = members[owner]!;
    if (roster.owners[at] !== owner || roster.names[at++] !== member.handle.toLowerCase()) return false;
    for (const alias of member.aliases) if (roster.owners[at] !== owner || roster.names[at++] !== alias) return false;
  }
  return at === roster.names.length;
}

/**
 * The members, in roster order, with their names (handle, then aliases) that may be within
 * `limit` edits of `key` or start with it. Names left out are neither.
 */
function rosterCandidates(knowledge: WorkspaceKnowledge, key: string, limit: number): { member: Member; names: string[] }[] {
  if (key.length < SHORTEST) return [];
  const roster = rosterNames(knowledge);
  const found: { member: Member; names: string[] }[] = [];
  let lastOwner = -1;
  for (const at of roster.index.candidates(key, limit)) {
    const owner = roster.owners[at]!;
    if (owner === lastOwner) found[found.length - 1]!.names.push(roster.names[at]!);
    else found.push({ member: knowledge.members[owner]!, names: [roster.names[at]!] });
    lastOwner = owner;
  }
  return found;
}

/** Regular guests' handles (lower case) and the index over them, once per snapshot. */
interface GuestNames {
  readonly guests: readonly HandleUsage[];
  readonly names: readonly string[];
  readonly index: NearMissIndex;
}

const guestNamesByKnowledge = new WeakMap<WorkspaceKnowledge, GuestNames>();

function guestNames(knowledge: WorkspaceKnowledge): GuestNames {
  let found = guestNamesByKnowledge.get(knowledge);
  if (!found) {
    const guests = establishedGuests(knowledge);
    const names = guests.map((guest) => guest.handle.toLowerCase());
    guestNamesByKnowledge.set(knowledge, (found = { guests, names, index: new NearMissIndex(names) }));
  }
  return found;
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

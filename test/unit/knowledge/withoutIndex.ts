import { establishedGuests, nearMiss, type Miss, type Resemblance, type RosterNearMiss } from '../../../server/src/service/knowledge/handles';
import type { Member, WorkspaceKnowledge } from '../../../server/src/service/knowledge/types';

/*
 * The near-miss searches as they were before the roster's index, comparing a handle with
 * every member: what the indexed searches must answer, to the order and the ties.
 */

/** The roster search without an index: every name of every member compared with the handle. */
export function everyMemberNearMiss(knowledge: WorkspaceKnowledge, handle: string): RosterNearMiss | null {
  const key = handle.toLowerCase();
  if (knowledge.findMember(key) || knowledge.specialHandles.has(key)) return null;
  let best = Infinity;
  let nearest: { member: Member; name: string; miss: Miss }[] = [];
  for (const member of knowledge.members) {
    let closest: { name: string; miss: Miss } | null = null;
    for (const name of [member.handle.toLowerCase(), ...member.aliases]) {
      const miss = nearMiss(key, name);
      if (!miss) continue;
      if (!closest || miss.distance < closest.miss.distance || (miss.distance === closest.miss.distance && closest.miss.substitution && !miss.substitution)) closest = { name, miss };
    }
    if (!closest || closest.miss.distance > best) continue;
    if (closest.miss.distance < best) [best, nearest] = [closest.miss.distance, []];
    nearest.push({ member, ...closest });
  }
  if (nearest.length === 0) return null;
  const files = knowledge.usage(key)?.files ?? 0;
  const shortest = Math.min(key.length, ...nearest.map(({ name }) => name.length));
  const otherPerson = ({ name, miss }: { name: string; miss: Miss }) => miss.substitution || name.length > key.length;
  const doubtful = (shortest <= 3 && nearest.every(({ miss }) => miss.substitution)) || (shortest <= 4 && files >= 2 && nearest.every(otherPerson));
  return { members: nearest.map(({ member }) => member), likely: !doubtful };
}

/** The loose search without an index: every member's name, then every regular guest named in more files. */
export function everyNameResemblance(knowledge: WorkspaceKnowledge, key: string, files: number): Resemblance | null {
  const candidates: { resemblance: Resemblance; name: string }[] = [];
  for (const member of knowledge.members) {
    const used = knowledge.usage(member.handle)?.files ?? 0;
    for (const name of [member.handle.toLowerCase(), ...member.aliases]) candidates.push({ resemblance: { handle: member.handle, member, files: used }, name });
  }
  for (const guest of establishedGuests(knowledge)) {
    if (guest.files > files) candidates.push({ resemblance: { handle: guest.handle, member: null, files: guest.files }, name: guest.handle.toLowerCase() });
  }
  let best: { resemblance: Resemblance; distance: number } | null = null;
  for (const { resemblance, name } of candidates) {
    const miss = nearMiss(key, name, true);
    if (!miss) continue;
    const closer =
      !best ||
      (miss.distance !== best.distance
        ? miss.distance < best.distance
        : !!resemblance.member !== !!best.resemblance.member
          ? !!resemblance.member
          : resemblance.files > best.resemblance.files);
    if (closer) best = { resemblance, distance: miss.distance };
  }
  return best?.resemblance ?? null;
}

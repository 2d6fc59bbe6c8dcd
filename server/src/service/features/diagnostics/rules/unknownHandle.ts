import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { editDistance } from '../../../editDistance';
import type { WorkspaceKnowledge } from '../../../knowledge/types';
import { replaceSpan } from '../fixes';
import type { Rule } from '../rule';

/** A handle used in this many minutes files is established, member or not. */
const ESTABLISHED_FILES = 2;

/**
 * `@handles` that are neither members (with their aliases, any letter case), special
 * handles, nor established by use. One that is a likely typo of a known handle (close in
 * spelling and much more used) names it and offers the fix; others are information.
 */
export const unknownHandleRule: Rule = {
  code: 'unknown-handle',
  defaultSeverity: DiagnosticSeverity.Warning,
  description: 'An `@handle` that is neither a member, an alias, a special handle nor established by use; likely typos name the handle meant.',
  appliesTo: ['minutes'],
  checkLines(context, report) {
    const { knowledge } = context;
    const known = knownHandles(knowledge);
    const verdicts = new Map<string, { suggestion: string | null } | null>();
    for (const handle of context.model.handles) {
      const key = handle.name.toLowerCase();
      if (!verdicts.has(key)) verdicts.set(key, judge(key, knowledge, known));
      const verdict = verdicts.get(key);
      if (!verdict) continue;
      const nameSpan = { start: handle.span.start + 1, end: handle.span.end };
      if (verdict.suggestion) {
        const member = knowledge.findMember(verdict.suggestion);
        const usage = knowledge.usage(verdict.suggestion);
        const who = [member?.name, usage ? `named in ${usage.files} minutes files` : null].filter(Boolean).join(', ');
        report({
          start: handle.span.start,
          end: handle.span.end,
          message: `@${handle.name} is not a known handle; did you mean @${verdict.suggestion}${who ? ` (${who})` : ''}?`,
          fixes: [replaceSpan(context, `Change to @${verdict.suggestion}`, nameSpan, verdict.suggestion)],
        });
      } else {
        report({
          start: handle.span.start,
          end: handle.span.end,
          severity: DiagnosticSeverity.Information,
          message: `@${handle.name} is not in _data/authors.yml and is not used in other minutes. If they are a member, add them there (or to .minutes.json).`,
        });
      }
    }
  },
};

interface KnownHandle {
  readonly handle: string;
  readonly weight: number;
}

const knownByKnowledge = new WeakMap<WorkspaceKnowledge, KnownHandle[]>();

/** Every handle that is fine to write, with how much it is used (members count as much used); once per knowledge snapshot. */
function knownHandles(knowledge: WorkspaceKnowledge): KnownHandle[] {
  let known = knownByKnowledge.get(knowledge);
  if (!known) knownByKnowledge.set(knowledge, (known = collectKnownHandles(knowledge)));
  return known;
}

function collectKnownHandles(knowledge: WorkspaceKnowledge): KnownHandle[] {
  const weights = new Map<string, KnownHandle>();
  const add = (handle: string, weight: number) => {
    const key = handle.toLowerCase();
    const previous = weights.get(key);
    if (!previous || previous.weight < weight) weights.set(key, { handle, weight });
  };
  for (const usage of knowledge.handleUsage) if (usage.files >= ESTABLISHED_FILES) add(usage.handle, usage.files);
  for (const member of knowledge.members) {
    const used = knowledge.usage(member.handle)?.files ?? 0;
    add(member.handle, Math.max(used, ESTABLISHED_FILES));
    for (const alias of member.aliases) add(alias, Math.max(knowledge.usage(alias)?.files ?? 0, ESTABLISHED_FILES));
  }
  return [...weights.values()];
}

/** null when the handle is fine; else the handle it probably means, if any. */
function judge(key: string, knowledge: WorkspaceKnowledge, known: readonly KnownHandle[]): { suggestion: string | null } | null {
  if (knowledge.specialHandles.has(key) || knowledge.findMember(key)) return null;
  const own = knowledge.usage(key)?.files ?? 0;
  if (own >= ESTABLISHED_FILES) return null;
  const limit = key.length <= 3 ? 1 : key.length <= 7 ? 2 : 3;
  let best: { handle: string; distance: number; weight: number } | null = null;
  for (const candidate of known) {
    const other = candidate.handle.toLowerCase();
    if (other === key || candidate.weight <= own) continue;
    // A short nickname of a longer handle (`@Tim` for `@timlegge`) counts as one step.
    const distance = other.startsWith(key) && key.length >= 3 ? 1 : editDistance(key, other, limit);
    if (distance > limit) continue;
    if (!best || distance < best.distance || (distance === best.distance && candidate.weight > best.weight)) {
      best = { handle: candidate.handle, distance, weight: candidate.weight };
    }
  }
  return { suggestion: best?.handle ?? null };
}

import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { closestResemblance, ESTABLISHED_FILES, rosterNearMiss } from '../../../knowledge/handles';
import type { Member, WorkspaceKnowledge } from '../../../knowledge/types';
import type { Span } from '../../../parse/model';
import { addMemberFix } from '../addMember';
import { replaceSpan, type FixTarget } from '../fixes';
import { defineRule, lineCheck, type Fix } from '../rule';

type Verdict =
  /** A near miss of roster handles: a likely typo however often it is repeated. */
  | { readonly kind: 'member-typo'; readonly members: readonly Member[]; readonly likely: boolean; readonly files: number }
  /** Used in this file only and loosely close to a member's or a regular guest's handle. */
  | { readonly kind: 'resembles'; readonly handle: string; readonly member: Member | null; readonly files: number }
  | { readonly kind: 'unknown' };

/**
 * `@handles` that are neither members (with their aliases, any letter case), special
 * handles, nor established by use. The roster is authoritative: a near miss of a roster
 * handle is a likely typo whatever its frequency (a typo spreads as minutes are copied),
 * named with the fix; repetition only makes an unrelated handle known. Everything less
 * certain is information.
 */
export const unknownHandleRule = defineRule({
  code: 'unknown-handle',
  defaultSeverity: DiagnosticSeverity.Warning,
  description: 'An `@handle` that is not a member, an alias or a special handle: a near miss of a member\'s handle is a likely typo however often it is repeated; one used in a single file is information.',
  appliesTo: ['minutes'],
  comparesWith: 'minutes',
  checks: [
    lineCheck([], (context, report) => {
      const { knowledge } = context;
      let verdicts = verdictsByKnowledge.get(knowledge);
      if (!verdicts) verdictsByKnowledge.set(knowledge, (verdicts = new Map()));
      for (const handle of context.model.handles) {
        const key = handle.name.toLowerCase();
        if (!verdicts.has(key)) verdicts.set(key, judge(key, knowledge));
        const verdict = verdicts.get(key);
        if (!verdict) continue;
        const nameSpan = { start: handle.span.start + 1, end: handle.span.end };
        const at = { start: handle.span.start, end: handle.span.end };
        // Someone new rather than a slip: offered beside the changes, never preferred.
        const add = addMemberFix(knowledge, handle.name);
        if (verdict.kind === 'member-typo') {
          const meant = verdict.members.map(describeMember).join(' or ');
          const fixes = verdict.members.map((member) => changeTo(context, nameSpan, member.handle, verdict.likely && verdict.members.length === 1));
          if (!verdict.likely && add) fixes.push(add);
          if (verdict.likely) {
            const spread = verdict.files >= ESTABLISHED_FILES ? `, and has spread to ${verdict.files} minutes files` : '';
            report({ ...at, message: `@${handle.name} is not a member's handle; it is likely a misspelling of ${meant}${spread}.`, fixes });
          } else {
            const used = verdict.files >= ESTABLISHED_FILES ? ` (it is used in ${verdict.files} minutes files)` : '';
            report({
              ...at,
              severity: DiagnosticSeverity.Information,
              message: `@${handle.name} is not in _data/authors.yml; it may be a misspelling of ${meant}, or someone else${used}. If they are a member, add them there (or to .minutes.json).`,
              fixes,
            });
          }
        } else if (verdict.kind === 'resembles') {
          const who = verdict.member ? describeMember(verdict.member) : `@${verdict.handle} (not a member either, named in ${verdict.files} minutes files)`;
          report({
            ...at,
            severity: DiagnosticSeverity.Information,
            message: `@${handle.name} is not in _data/authors.yml and is not used in other minutes; it may be a misspelling of ${who}.`,
            fixes: [changeTo(context, nameSpan, verdict.handle, false), ...(add ? [add] : [])],
          });
        } else {
          report({
            ...at,
            severity: DiagnosticSeverity.Information,
            message: `@${handle.name} is not in _data/authors.yml and is not used in other minutes. If they are a member, add them there (or to .minutes.json).`,
            fixes: add ? [add] : [],
          });
        }
      }
    }),
  ],
});

/** A handle's verdict depends only on the knowledge: worked out once per snapshot, not on every keystroke. */
const verdictsByKnowledge = new WeakMap<WorkspaceKnowledge, Map<string, Verdict | null>>();

function describeMember(member: Member): string {
  return member.name ? `@${member.handle} (${member.name})` : `@${member.handle}`;
}

function changeTo(context: FixTarget, nameSpan: Span, handle: string, preferred: boolean): Fix {
  return replaceSpan(context, `Change to @${handle}`, nameSpan, handle, preferred);
}

/** null when the handle is fine. */
function judge(key: string, knowledge: WorkspaceKnowledge): Verdict | null {
  if (knowledge.specialHandles.has(key) || knowledge.findMember(key)) return null;
  const files = knowledge.usage(key)?.files ?? 0;
  const roster = rosterNearMiss(knowledge, key);
  if (roster) return { kind: 'member-typo', members: roster.members, likely: roster.likely, files };
  if (files >= ESTABLISHED_FILES) return null;
  // Less close to a member, or close to a regular guest: worth a mention, not a warning.
  const resembling = closestResemblance(knowledge, key, files);
  return resembling ? { kind: 'resembles', ...resembling } : { kind: 'unknown' };
}

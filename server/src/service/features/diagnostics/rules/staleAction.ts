import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { actionItemsOf } from '../../../knowledge/actionItems';
import { isoDay } from '../../../time/calendarDates';
import { defineRule, documentCheck } from '../rule';
import type { WorkspaceKnowledge } from '../../../knowledge/types';

/**
 * An open action item copied forward into more meetings than the group's limit
 * (`.minutes.json` `actionItems.staleAfter`, default 4): information, as the group decides
 * whether to do it, re-plan it or drop it. A passed deadline on an open item is `upcoming-date`'s.
 */
export const staleActionRule = defineRule({
  code: 'stale-action',
  defaultSeverity: DiagnosticSeverity.Information,
  description: 'An open action item carried into more meetings than the configured limit (`actionItems.staleAfter`, default 4).',
  appliesTo: ['minutes'],
  comparesWith: 'minutes',
  checks: [
    documentCheck((context, report) => {
      const meeting = context.meetingDate;
      if (!meeting) return;
      const limit = context.knowledge.staleActionAfter;
      // Most files carry nothing past the limit: then the items of a long file are not even read.
      if (!staleFiles(context.knowledge).has(context.model.uri)) return;
      for (const fact of actionItemsOf(context.model, isoDay(meeting))) {
        if (fact.checked !== false) continue;
        const history = context.knowledge.actionHistory(context.model.uri, fact.key);
        if (!history) continue;
        const carried = history.upTo.length - 1;
        if (carried <= limit) continue;
        report({
          start: fact.start,
          end: fact.end,
          message: `This action item has been carried ${carried} meetings since ${history.upTo[0]!.date} (the limit is ${limit}): do it, give it a new owner or date, or drop it.`,
        });
      }
    }),
  ],
});

const staleByKnowledge = new WeakMap<WorkspaceKnowledge, ReadonlySet<string>>();

/** The minutes files in which an open item is written after more meetings than the limit; once per knowledge snapshot. */
function staleFiles(knowledge: WorkspaceKnowledge): ReadonlySet<string> {
  let files = staleByKnowledge.get(knowledge);
  if (!files) {
    const found = new Set<string>();
    for (const item of knowledge.actionItems().items) {
      item.occurrences.forEach((occurrence, index) => {
        if (index > knowledge.staleActionAfter && occurrence.checked === false) found.add(occurrence.uri);
      });
    }
    staleByKnowledge.set(knowledge, (files = found));
  }
  return files;
}

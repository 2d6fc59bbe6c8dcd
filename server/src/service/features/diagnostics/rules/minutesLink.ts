import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkMinutesLinks } from '../minutesLinks';
import { defineRule, lineCheck } from '../rule';

/** In minutes, links to other minutes must exist and carry the right date (on the index page the `index` rule does this). */
export const minutesLinkRule = defineRule({
  code: 'minutes-link',
  defaultSeverity: DiagnosticSeverity.Warning,
  description: 'A link to minutes that do not exist, or whose label names another date than the linked minutes.',
  appliesTo: ['minutes'],
  comparesWith: 'minutes',
  checks: [lineCheck([], checkMinutesLinks)],
});

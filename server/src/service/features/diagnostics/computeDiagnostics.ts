import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { DocumentContext } from '../../documentContext';
import type { SeverityName } from '../../knowledge/types';
import type { Logger } from '../../logger';
import type { DiagnosticData, Finding, Rule } from './rule';
import { RULES } from './rules';

export const SOURCE = 'minutes';

const SEVERITIES: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Runs every rule that applies to the document. A rule that throws is logged and skipped,
 * so one bug never hides the other findings.
 */
export function computeDiagnostics(context: DocumentContext, logger: Logger, rules: readonly Rule[] = RULES): Diagnostic[] {
  const kind = context.kind;
  if (kind !== 'minutes' && kind !== 'index') return [];
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    if (!rule.appliesTo.includes(kind)) continue;
    const configured = configuredSeverity(context, rule.code);
    if (configured === 'off') continue;
    try {
      rule.check(context, (finding) => diagnostics.push(toDiagnostic(context, rule, finding, configured)));
    } catch (error) {
      logger.error(`rule ${rule.code} failed on ${context.model.uri}`, error);
    }
  }
  return diagnostics;
}

/** The user's setting wins over the workspace config file, which wins over the rule's default. */
function configuredSeverity(context: DocumentContext, code: string): SeverityName | undefined {
  return context.settings.severity[code] ?? context.knowledge.severities.get(code);
}

function toDiagnostic(context: DocumentContext, rule: Rule, finding: Finding, configured: SeverityName | undefined): Diagnostic {
  const severity = configured && configured !== 'off' ? SEVERITIES[configured] : (finding.severity ?? rule.defaultSeverity);
  const data: DiagnosticData = { fixes: finding.fixes ?? [] };
  const diagnostic: Diagnostic = {
    range: context.range({ start: finding.start, end: Math.max(finding.end, finding.start) }),
    severity,
    code: rule.code,
    source: SOURCE,
    message: finding.message,
    data,
  };
  if (finding.related?.length) diagnostic.relatedInformation = finding.related;
  if (finding.tags?.length) diagnostic.tags = finding.tags;
  return diagnostic;
}

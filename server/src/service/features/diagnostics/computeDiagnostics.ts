import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { DocumentContext } from '../../documentContext';
import type { MinutesSettings, SeverityName, WorkspaceKnowledge } from '../../knowledge/types';
import type { Logger } from '../../logger';
import type { ModelPatch } from '../../parse/reparse';
import { byPosition, carryOver } from './carryOver';
import type { DiagnosticData, Finding, Rule, RuleCode } from './rule';
import { RULES } from './rules';

export const SOURCE = 'minutes';

const SEVERITIES: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What diagnosing one version of a document leaves for the next version. */
export interface Diagnosis {
  readonly version: number;
  readonly knowledge: WorkspaceKnowledge;
  readonly settings: MinutesSettings;
  /** `DocumentContext.lineRuleFacts` when the findings were made. */
  readonly facts: string;
  /** Every finding, as returned. */
  readonly diagnostics: readonly Diagnostic[];
  /** The findings of each line-scoped rule, in position order. */
  readonly byLineRule: ReadonlyMap<RuleCode, readonly Diagnostic[]>;
}

/** Runs every rule that applies to the document. */
export function computeDiagnostics(context: DocumentContext, logger: Logger, rules: readonly Rule[] = RULES): Diagnostic[] {
  return diagnose(context, logger, null, rules).diagnostics;
}

/**
 * Runs every rule that applies to the document. After an edit that patched the model (and
 * with the same knowledge, settings and document-wide facts as the previous diagnosis),
 * line-scoped rules keep their findings on unchanged lines, moved with those lines, and
 * look at the changed lines only. A rule that throws is logged and skipped, so one bug
 * never hides the other findings.
 */
export function diagnose(
  context: DocumentContext,
  logger: Logger,
  after: { previous: Diagnosis; patch: ModelPatch } | null,
  rules: readonly Rule[] = RULES,
): { diagnostics: Diagnostic[]; diagnosis: Diagnosis | null } {
  const kind = context.kind;
  if (kind !== 'minutes' && kind !== 'index') return { diagnostics: [], diagnosis: null };
  const facts = context.lineRuleFacts;
  const reusable =
    after &&
    after.previous.version === after.patch.previousVersion &&
    after.previous.knowledge === context.knowledge &&
    after.previous.settings === context.settings &&
    after.previous.facts === facts
      ? after
      : null;
  const changedLines = reusable ? context.restrictedTo(reusable.patch.firstLine, reusable.patch.lastLine) : null;
  const diagnostics: Diagnostic[] = [];
  const byLineRule = new Map<RuleCode, readonly Diagnostic[]>();
  for (const rule of rules) {
    if (!rule.appliesTo.includes(kind)) continue;
    const configured = configuredSeverity(context, rule.code);
    if (configured === 'off') continue;
    if (rule.scope !== 'line') {
      diagnostics.push(...runRule(context, rule, configured, logger));
      continue;
    }
    const previous = reusable?.previous.byLineRule.get(rule.code);
    const found =
      previous && changedLines && reusable
        ? carryOver(previous, reusable.patch, runRule(changedLines, rule, configured, logger).sort(byPosition), context.model.uri)
        : runRule(context, rule, configured, logger).sort(byPosition);
    byLineRule.set(rule.code, found);
    diagnostics.push(...found);
  }
  const diagnosis = { version: context.model.version, knowledge: context.knowledge, settings: context.settings, facts, diagnostics, byLineRule };
  return { diagnostics, diagnosis };
}

function runRule(context: DocumentContext, rule: Rule, configured: SeverityName | undefined, logger: Logger): Diagnostic[] {
  const found: Diagnostic[] = [];
  try {
    rule.check(context, (finding) => found.push(toDiagnostic(context, rule, finding, configured)));
  } catch (error) {
    logger.error(`rule ${rule.code} failed on ${context.model.uri}`, error);
  }
  return found;
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

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { DocumentContext } from '../../documentContext';
import type { MinutesSettings, SeverityName, WorkspaceKnowledge } from '../../knowledge/types';
import type { Logger } from '../../logger';
import type { ModelPatch } from '../../parse/reparse';
import { byPosition, carryOver, touches } from './carryOver';
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
  /** Each rule's findings: from `check`, and from `checkLines` in position order. */
  readonly byRule: ReadonlyMap<RuleCode, RuleFindings>;
}

interface RuleFindings {
  readonly whole: readonly Diagnostic[];
  readonly lines: readonly Diagnostic[];
}

/**
 * Runs every rule that applies to the document. After an edit that patched the model, with
 * the same knowledge, settings and document-wide facts as the previous diagnosis, rules keep
 * what their declared dependencies allow (see `Rule`): line findings away from the changed
 * lines, and findings that depend on the headings when no heading changed. A rule that throws
 * is logged and skipped, so one bug never hides the other findings.
 */
export function diagnose(
  context: DocumentContext,
  logger: Logger,
  after: { previous: Diagnosis; patch: ModelPatch } | null,
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
  const patch = reusable?.patch ?? null;
  const changedLines = patch ? context.restrictedTo(patch.firstLine, patch.lastLine) : null;
  const uri = context.model.uri;
  const diagnostics: Diagnostic[] = [];
  const byRule = new Map<RuleCode, RuleFindings>();
  for (const rule of RULES) {
    if (!rule.appliesTo.includes(kind)) continue;
    const configured = configuredSeverity(context, rule.code);
    if (configured === 'off') continue;
    const previous = reusable?.previous.byRule.get(rule.code);
    const run = (where: DocumentContext, check: Rule['check']) => (check ? runCheck(where, rule, check, configured, logger) : []);

    const keepWhole = patch && previous && rule.checkDependsOnHeadings && !patch.headingsChanged && !previous.whole.some((d) => touches(d, patch, uri));
    const whole = keepWhole ? carryOver(previous.whole, patch, [], uri) : run(context, rule.check);
    const keepLines = patch && changedLines && previous && !(rule.linesDependOnSections && patch.headingsChanged);
    const lines = keepLines ? carryOver(previous.lines, patch, run(changedLines, rule.checkLines).sort(byPosition), uri) : run(context, rule.checkLines).sort(byPosition);

    byRule.set(rule.code, { whole, lines });
    // Not spread into push: a rule may report 100,000 findings, more than a call takes arguments.
    for (const diagnostic of whole) diagnostics.push(diagnostic);
    for (const diagnostic of lines) diagnostics.push(diagnostic);
  }
  const diagnosis = { version: context.model.version, knowledge: context.knowledge, settings: context.settings, facts, diagnostics, byRule };
  return { diagnostics, diagnosis };
}

function runCheck(context: DocumentContext, rule: Rule, check: NonNullable<Rule['check']>, configured: SeverityName | undefined, logger: Logger): Diagnostic[] {
  const found: Diagnostic[] = [];
  try {
    check.call(rule, context, (finding) => found.push(toDiagnostic(context, rule, finding, configured)));
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

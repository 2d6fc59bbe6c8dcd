import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { DOCUMENT_FACTS, type DocumentContext, type DocumentFact } from '../../documentContext';
import type { DocumentKind } from '../../documentKind';
import type { MinutesSettings, SeverityName, WorkspaceKnowledge } from '../../knowledge/types';
import type { Logger } from '../../logger';
import { computeLineStarts, positionAt } from '../../parse/lines';
import type { Span } from '../../parse/model';
import type { ModelPatch } from '../../parse/reparse';
import { byPosition, carryOver, touches } from './carryOver';
import type { Check, DiagnosticData, Finding, Reporter, Rule } from './rule';
import { RULES, type RuleCode } from './rules';

export const SOURCE = 'minutes';

/** The rule table as one type, so its rules narrow to document and knowledge-file rules. */
const TABLE: readonly Rule<RuleCode>[] = RULES;

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
  readonly kind: DocumentKind;
  /** The document-wide facts when the findings were made (`DocumentContext.factKey`). */
  readonly facts: ReadonlyMap<DocumentFact, string>;
  /** Every finding, as returned. */
  readonly diagnostics: readonly Diagnostic[];
  /** Each rule's findings, check by check (line checks' in position order). */
  readonly byRule: ReadonlyMap<RuleCode, readonly Found[]>;
}

/**
 * One check's findings: at most MAX_LISTED_PER_CODE are made into diagnostics, the rest
 * only counted. A generated file with 100,000 handles would otherwise keep 100,000
 * diagnostics alive, and the garbage collector would spend longer on them than the rules.
 */
interface Found {
  readonly listed: readonly Diagnostic[];
  readonly unlisted: number;
}

/** A check's findings as one run made them: a fresh list, which may be sorted in place. */
interface Fresh extends Found {
  readonly listed: Diagnostic[];
}

/** What a check may keep from the previous version, with the model's patch. */
interface Kept {
  readonly patch: ModelPatch;
  readonly previous: readonly Diagnostic[];
  /** The document with only the changed lines' inline tokens. */
  readonly changedLines: DocumentContext;
}

/**
 * Runs every rule that applies to the document. After an edit that patched the model, with
 * the same knowledge, settings and document kind as the previous diagnosis, each check keeps
 * what its scope allows while the facts it declares are unchanged (see `Check`): line
 * findings away from the changed lines, and findings that depend on the headings when no
 * heading changed. A rule that throws is logged and skipped, so one bug never hides the
 * other findings.
 */
export function diagnose(
  context: DocumentContext,
  logger: Logger,
  after: { previous: Diagnosis; patch: ModelPatch } | null,
): { diagnostics: Diagnostic[]; diagnosis: Diagnosis | null } {
  const kind = context.kind;
  if (kind !== 'minutes' && kind !== 'index') return { diagnostics: [], diagnosis: null };
  const facts = factsOf(context);
  const reusable =
    after &&
    after.previous.version === after.patch.previousVersion &&
    after.previous.knowledge === context.knowledge &&
    after.previous.settings === context.settings &&
    after.previous.kind === kind
      ? after
      : null;
  const changedLines = reusable ? context.restrictedTo(reusable.patch.firstLine, reusable.patch.lastLine) : null;
  const range = (span: Span) => context.range(span);
  const diagnostics: Diagnostic[] = [];
  const byRule = new Map<RuleCode, Found[]>();
  for (const rule of TABLE) {
    if (!('checks' in rule) || !rule.appliesTo.includes(kind)) continue;
    // Until the workspace is read, findings that compare this file with the other minutes wait (the server refreshes after).
    if (rule.comparesWith === 'minutes' && !context.knowledge.complete) continue;
    const configured = configuredSeverity(context.settings, context.knowledge, rule.code);
    if (configured === 'off') continue;
    const run: Run = (where, check) => runCheck(rule, (report) => check(where, report), range, configured, logger, where.model.uri);
    const previous = reusable?.previous.byRule.get(rule.code);
    const found = rule.checks.map((check, index) => {
      const before = previous?.[index];
      // Findings only counted cannot be carried over: the check runs again in full.
      const kept =
        reusable && changedLines && before && before.unlisted === 0 && check.facts.every((fact) => reusable.previous.facts.get(fact) === facts.get(fact))
          ? { patch: reusable.patch, previous: before.listed, changedLines }
          : null;
      return findings(check, context, kept, run);
    });
    byRule.set(rule.code, found);
    listed(found, diagnostics);
  }
  const diagnosis = { version: context.model.version, knowledge: context.knowledge, settings: context.settings, kind, facts, diagnostics, byRule };
  return { diagnostics, diagnosis };
}

/**
 * How many findings of one code a document lists. A generated or pasted file can hold a
 * hundred thousand of one kind; past this many, one more finding says how many were left
 * out, and the editor is spared megabytes of diagnostics nobody reads one by one.
 */
export const MAX_LISTED_PER_CODE = 500;

/** Adds a rule's findings to the list, at most MAX_LISTED_PER_CODE of them and a note of the rest. */
function listed(found: readonly Found[], diagnostics: Diagnostic[]): void {
  let count = 0;
  let last: Diagnostic | undefined;
  for (const { listed, unlisted } of found) {
    for (const diagnostic of listed) {
      if (count++ < MAX_LISTED_PER_CODE) diagnostics.push((last = diagnostic));
    }
    count += unlisted;
  }
  if (count > MAX_LISTED_PER_CODE && last) {
    diagnostics.push({
      range: last.range,
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      code: last.code,
      message: `${count - MAX_LISTED_PER_CODE} more ${String(last.code)} findings in this file are not listed (at most ${MAX_LISTED_PER_CODE} of one kind are).`,
      data: { fixes: [] } satisfies DiagnosticData,
    });
  }
}

/** Whether a diagnosis still answers for this context: the same version, knowledge, settings, kind and facts. */
export function stillHolds(diagnosis: Diagnosis, context: DocumentContext): boolean {
  if (diagnosis.version !== context.model.version || diagnosis.knowledge !== context.knowledge || diagnosis.settings !== context.settings) return false;
  if (diagnosis.kind !== context.kind) return false;
  return DOCUMENT_FACTS.every((fact) => diagnosis.facts.get(fact) === context.factKey(fact));
}

/** Every fact, not only the ones checks declare: `stillHolds` also tells a clock that moved on (an agenda whose meeting has begun). */
function factsOf(context: DocumentContext): Map<DocumentFact, string> {
  return new Map(DOCUMENT_FACTS.map((fact) => [fact, context.factKey(fact)]));
}

/** Runs a check on the whole document or on its changed lines. */
type Run = (where: DocumentContext, check: (context: DocumentContext, report: Reporter) => void) => Fresh;

/** One check's findings: kept from the previous version where its scope allows, found afresh elsewhere. */
function findings(check: Check, context: DocumentContext, kept: Kept | null, run: Run): Found {
  const uri = context.model.uri;
  const inOrder = (fresh: Fresh): Fresh => (fresh.listed.sort(byPosition), fresh);
  /** The previous findings moved with the edit, and those of the changed lines. */
  const patched = (previous: readonly Diagnostic[], fresh: Fresh): Found => ({ listed: carryOver(previous, kept!.patch, inOrder(fresh).listed, uri), unlisted: fresh.unlisted });
  switch (check.scope) {
    case 'document':
      return run(context, check.run);
    case 'headings':
      if (kept && !kept.patch.headingsChanged && !kept.previous.some((d) => touches(d, kept.patch, uri))) return { listed: carryOver(kept.previous, kept.patch, [], uri), unlisted: 0 };
      return run(context, check.run);
    case 'section-lines':
      if (kept && !kept.patch.headingsChanged) return patched(kept.previous, run(kept.changedLines, check.run));
      return inOrder(run(context, check.run));
    case 'lines':
      if (kept) return patched(kept.previous, run(kept.changedLines, check.run));
      return inOrder(run(context, check.run));
    default:
      return check satisfies never;
  }
}

/** Problems in a knowledge file (`_data/authors.yml`, `.minutes.json`, `_config.yml`), from the rules on those files. */
export function diagnoseKnowledgeFile(uri: string, text: string, knowledge: WorkspaceKnowledge, settings: MinutesSettings, logger: Logger): Diagnostic[] {
  const lineStarts = computeLineStarts(text);
  const range = (span: Span): Range => ({ start: positionAt(lineStarts, span.start), end: positionAt(lineStarts, span.end) });
  const diagnostics: Diagnostic[] = [];
  const byRule: Found[] = [];
  for (const rule of TABLE) {
    if (!('checkKnowledgeFile' in rule)) continue;
    const configured = configuredSeverity(settings, knowledge, rule.code);
    if (configured === 'off') continue;
    byRule.push(runCheck(rule, (report) => rule.checkKnowledgeFile({ uri, knowledge }, report), range, configured, logger, uri));
  }
  for (const found of byRule) listed([found], diagnostics);
  return diagnostics;
}

function runCheck(rule: Rule, check: (report: Reporter) => void, range: (span: Span) => Range, configured: SeverityName | undefined, logger: Logger, uri: string): Fresh {
  const listed: Diagnostic[] = [];
  let unlisted = 0;
  try {
    check((finding) => {
      if (listed.length < MAX_LISTED_PER_CODE) listed.push(toDiagnostic(range, rule, finding, configured));
      else unlisted++;
    });
  } catch (error) {
    logger.error(`rule ${rule.code} failed on ${uri}`, error);
  }
  return { listed, unlisted };
}

/** The user's setting wins over the workspace config file, which wins over the rule's default. */
function configuredSeverity(settings: MinutesSettings, knowledge: WorkspaceKnowledge, code: string): SeverityName | undefined {
  return settings.severity[code] ?? knowledge.severities.get(code);
}

function toDiagnostic(range: (span: Span) => Range, rule: Rule, finding: Finding, configured: SeverityName | undefined): Diagnostic {
  const severity = configured && configured !== 'off' ? SEVERITIES[configured] : (finding.severity ?? rule.defaultSeverity);
  const data: DiagnosticData = { fixes: finding.fixes ?? [] };
  const diagnostic: Diagnostic = {
    range: range({ start: finding.start, end: Math.max(finding.end, finding.start) }),
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

import { pathToFileURL } from 'node:url';
import type { FileReport, Finding, SeverityLabel } from '../findings';

/** A rule as the SARIF log describes it, from the rule table. */
export interface RuleDescription {
  readonly code: string;
  readonly description: string;
  readonly defaultSeverity: SeverityLabel;
}

export interface SarifOptions {
  /** The folder the report's file names are relative to (the checkout, for code scanning). */
  readonly root: string;
  readonly version: string;
  readonly rules: readonly RuleDescription[];
}

const LEVELS: Record<SeverityLabel, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const ROOT_ID = 'SRCROOT';

/**
 * A SARIF 2.1.0 log with one run: the rules from the rule table (description, default level,
 * help with the suppression comment), a result per finding with its region (columns in UTF-16
 * code units, as editors count) and, when there is one, the certain fix.
 */
export function formatSarif(reports: readonly FileReport[], options: SarifOptions): string {
  const ruleIndex = new Map(options.rules.map((rule, i) => [rule.code, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Minutes',
            semanticVersion: /^\d+\.\d+\.\d+/.test(options.version) ? options.version : undefined,
            rules: options.rules.map((rule) => ({
              id: rule.code,
              name: rule.code.replace(/(?:^|-)(\w)/g, (_m, letter: string) => letter.toUpperCase()),
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.description },
              help: {
                text: `${rule.description} To keep a finding that is right as it is, add <!-- minutes-disable-line ${rule.code} --> at the end of its line (the published page does not show HTML comments).`,
                markdown: `${rule.description}\n\nTo keep a finding that is right as it is, add \`<!-- minutes-disable-line ${rule.code} -->\` at the end of its line (the published page does not show HTML comments).`,
              },
              defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { [ROOT_ID]: { uri: pathToFileURL(options.root.endsWith('/') ? options.root : `${options.root}/`).href } },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((report) => report.findings.map((finding) => result(report, finding, ruleIndex))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function result(report: FileReport, finding: Finding, ruleIndex: ReadonlyMap<string, number>) {
  const artifactLocation = { uri: relativeUri(report.name), uriBaseId: ROOT_ID };
  const index = ruleIndex.get(finding.code);
  return {
    ruleId: finding.code,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
    ...(finding.fix
      ? {
          fixes: [
            {
              description: { text: `Fix ${finding.code}` },
              artifactChanges: [
                {
                  artifactLocation,
                  replacements: finding.fix.map((edit) => ({
                    deletedRegion: {
                      startLine: edit.range.start.line + 1,
                      startColumn: edit.range.start.character + 1,
                      endLine: edit.range.end.line + 1,
                      endColumn: edit.range.end.character + 1,
                    },
                    insertedContent: { text: edit.newText },
                  })),
                },
              ],
            },
          ],
        }
      : {}),
  };
}

/** A relative path as a relative URI reference (segments percent-encoded, forward slashes). */
function relativeUri(name: string): string {
  return name.split(/[\\/]/).map(encodeURIComponent).join('/');
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { RULES } from '../../service';
import { pathOf } from '../nodeFileAccess';
import { certainFix, checkFile, checkSession, filesUnder } from './checkFiles';
import { countFindings, plural, summaryLine, toFinding, type FileReport, type SeverityLabel } from './findings';
import { formatGithub } from './formats/github';
import { formatJson } from './formats/json';
import { formatJunit } from './formats/junit';
import { formatSarif, type RuleDescription } from './formats/sarif';
import { choosePalette, formatText } from './formats/text';
import { OptionReader, checkPaths, type CliIo, UsageError } from './options';
import { version } from './usage';

export const FORMATS = ['text', 'json', 'github', 'sarif', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckOptions {
  format: Format;
  output: string | null;
  maxWarnings: number | null;
  quiet: boolean;
  color: boolean | undefined;
  paths: string[];
}

export function readCheckOptions(args: readonly string[], cwd: string): CheckOptions {
  const options: CheckOptions = { format: 'text', output: null, maxWarnings: null, quiet: false, color: undefined, paths: [] };
  const reader = new OptionReader(args, 'check');
  for (let arg = reader.next(); arg !== null; arg = reader.next()) {
    if (arg === '--format' || arg === '-f') {
      const format = reader.value(arg);
      if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (not "${format}")`, 'check');
      options.format = format as Format;
    } else if (arg === '--output' || arg === '-o') options.output = resolve(cwd, reader.value(arg));
    else if (arg === '--max-warnings') {
      const value = reader.value(arg);
      if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a number of warnings (not "${value}")`, 'check');
      options.maxWarnings = Number(value);
    } else if (arg === '--quiet' || arg === '-q') options.quiet = true;
    else if (arg === '--color') options.color = true;
    else if (arg === '--no-color') options.color = false;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`, 'check');
    else options.paths.push(resolve(cwd, arg));
  }
  if (options.paths.length === 0) options.paths.push(cwd);
  return options;
}

/** `minutes check`: returns the exit code. */
export async function runCheck(args: readonly string[], io: CliIo): Promise<number> {
  const options = readCheckOptions(args, io.cwd);
  checkPaths(options.paths);
  const reports = await checkReports(options.paths, nameBase(options.format, io));
  if (reports === null) {
    io.stderr.write(`minutes: no minutes under ${options.paths.map((p) => relative(io.cwd, p) || '.').join(', ')} (minutes are meetings/*minutes*.md files, or Markdown with meeting_time in its front matter; .minutes.json can name others)\n`);
    return 2;
  }
  const counts = countFindings(reports);
  const shown = options.quiet ? reports.map((report) => ({ ...report, findings: report.findings.filter((f) => f.severity === 'error') })) : reports;
  const report = formatReport(options.format, shown, io, options.color, counts);
  if (options.output) {
    mkdirSync(dirname(options.output), { recursive: true });
    writeFileSync(options.output, report);
  } else io.stdout.write(report);
  // The text report ends with the summary; the others are data, so it goes beside them.
  if (options.format !== 'text' || options.output) io.stderr.write(`${summaryLine(counts)}\n`);
  if (counts.error > 0) return 1;
  if (options.maxWarnings !== null && counts.warning > options.maxWarnings) {
    io.stderr.write(`minutes: ${plural(counts.warning, 'warning')}, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/**
 * Checks the files under the paths; null when none of them is minutes (nor has findings).
 * With `indexPages`, the index page of each site is checked too (a pull request adding
 * minutes is where an index page that does not list them gets noticed).
 */
export async function checkReports(paths: readonly string[], base: string, options: { indexPages?: boolean } = {}): Promise<FileReport[] | null> {
  const session = checkSession();
  const reports: FileReport[] = [];
  const files = await filesUnder(session, paths);
  const seen = new Set(files);
  let minutes = 0;
  for (let i = 0; i < files.length; i++) {
    const path = files[i]!;
    const checked = await checkFile(session, path);
    if (!checked) continue;
    const indexPage = options.indexPages ? checked.index.knowledge().indexPage : null;
    if (indexPage && !seen.has(pathOf(indexPage))) {
      seen.add(pathOf(indexPage));
      files.push(pathOf(indexPage));
    }
    if (checked.isMinutes) minutes++;
    if (!checked.isMinutes && checked.diagnostics.length === 0) continue;
    reports.push({
      path,
      name: displayName(base, path),
      findings: checked.diagnostics.map((d) => toFinding(d, certainFix(d, checked.uri))),
    });
  }
  return minutes === 0 && reports.length === 0 ? null : reports.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function formatReport(format: Format, reports: readonly FileReport[], io: CliIo, color: boolean | undefined, counts = countFindings(reports)): string {
  switch (format) {
    case 'text':
      return formatText(reports, choosePalette(color, io.stdout.isTTY === true, io.env), counts);
    case 'json':
      return formatJson(reports);
    case 'github':
      return formatGithub(reports);
    case 'sarif':
      return formatSarif(reports, { root: io.cwd, version: version(), rules: ruleDescriptions() });
    case 'junit':
      return formatJunit(reports);
  }
}

/** File names relative to the checkout for GitHub (annotations need them so), else to the current folder. */
function nameBase(format: Format, io: CliIo): string {
  const workspace = io.env.GITHUB_WORKSPACE;
  return format === 'github' && workspace && isAbsolute(workspace) ? workspace : io.cwd;
}

export function displayName(base: string, path: string): string {
  const name = relative(base, path);
  return name === '' ? path : name.split('\\').join('/');
}

const LABELS: Record<number, SeverityLabel> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

function ruleDescriptions(): RuleDescription[] {
  return RULES.map((rule) => ({ code: rule.code, description: rule.description, defaultSeverity: LABELS[rule.defaultSeverity] ?? 'warning' }));
}

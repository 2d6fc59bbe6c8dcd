import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { checkReports, formatReport, FORMATS, type Format } from './node/cli/check';
import { countFindings, plural, summaryLine, type Counts, type FileReport } from './node/cli/findings';
import { escapeData, formatGithub } from './node/cli/formats/github';
import { checkPaths, PathError, type CliIo } from './node/cli/options';

/**
 * The GitHub Action (action.yml): checks the minutes and prints an annotation per finding,
 * which GitHub shows on the pull request's lines. Inputs arrive as INPUT_<NAME> variables.
 */

const FAIL_ON = ['error', 'warning', 'never'] as const;
const REPORT_FILES: Partial<Record<Format, string>> = { json: 'minutes.json', sarif: 'minutes.sarif', junit: 'minutes.xml' };
/** Knowledge files: a change to one can change what every minutes file is told. */
const KNOWLEDGE_FILE = /(?:^|\/)(?:_data\/authors\.ya?ml|\.minutes\.json|_config\.yml)$/;

export async function runAction(env: NodeJS.ProcessEnv, io: Pick<CliIo, 'stdout' | 'stderr'>): Promise<number> {
  const input = (name: string) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
  const cwd = env.GITHUB_WORKSPACE && isAbsolute(env.GITHUB_WORKSPACE) ? env.GITHUB_WORKSPACE : process.cwd();
  const format = (input('format') || 'github') as Format;
  const failOn = (input('fail-on') || 'error') as (typeof FAIL_ON)[number];
  if (!(FORMATS as readonly string[]).includes(format)) return usage(io, `format must be one of ${FORMATS.join(', ')} (not "${format}")`);
  if (!(FAIL_ON as readonly string[]).includes(failOn)) return usage(io, `fail-on must be one of ${FAIL_ON.join(', ')} (not "${failOn}")`);
  const onlyChanged = /^(true|yes|1)$/i.test(input('only-changed'));
  let paths = (input('paths') || '.').split(/\s+/).filter(Boolean).map((p) => resolve(cwd, p));
  try {
    checkPaths(paths);
  } catch (error) {
    if (error instanceof PathError) return usage(io, error.message);
    throw error;
  }

  if (onlyChanged) {
    const changed = changedFiles(cwd, env, io);
    if (changed !== null) {
      const wanted = changed.filter((file) => (file.endsWith('.md') || KNOWLEDGE_FILE.test(file)) && paths.some((p) => file === p || file.startsWith(p.endsWith(sep) ? p : p + sep)));
      if (wanted.length === 0) {
        io.stdout.write('Minutes: the changes touch no minutes under the paths given; nothing to check.\n');
        writeOutputs(env, { files: 0, error: 0, warning: 0, information: 0, hint: 0 });
        return 0;
      }
      io.stdout.write(`Minutes: checking the ${plural(wanted.length, 'file')} the changes touch.\n`);
      paths = wanted;
    }
  }

  const reports = await checkReports(paths, cwd, { indexPages: onlyChanged });
  if (reports === null && onlyChanged) {
    io.stdout.write('Minutes: no minutes among the changed files; nothing to check.\n');
    writeOutputs(env, { files: 0, error: 0, warning: 0, information: 0, hint: 0 });
    return 0;
  }
  if (reports === null) {
    io.stdout.write(`::warning title=minutes::${escapeData(`Minutes found no minutes under ${paths.map((p) => relative(cwd, p) || '.').join(', ')}.`)}\n`);
    writeOutputs(env, { files: 0, error: 0, warning: 0, information: 0, hint: 0 });
    return 0;
  }
  const counts = countFindings(reports);
  const fileIo: CliIo = { stdout: io.stdout, stderr: io.stderr, cwd, env: { ...env, NO_COLOR: '1' } };
  io.stdout.write(formatGithub(reports));
  const output = input('output');
  if (format === 'text' && !output) io.stdout.write(formatReport('text', reports, fileIo, false));
  else if (format !== 'github') {
    const file = resolve(cwd, output || REPORT_FILES[format] || 'minutes.txt');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, formatReport(format, reports, fileIo, false));
    io.stdout.write(`Minutes: the ${format} report is in ${relative(cwd, file)}.\n`);
  }
  io.stdout.write(`Minutes: ${summaryLine(counts)}.\n`);
  writeOutputs(env, counts);
  writeSummary(env, reports, counts);
  if (failOn === 'never') return 0;
  if (counts.error > 0) return 1;
  return failOn === 'warning' && counts.warning > 0 ? 1 : 0;
}

function usage(io: Pick<CliIo, 'stdout'>, message: string): number {
  io.stdout.write(`::error title=minutes::${escapeData(message)}\n`);
  return 2;
}

/**
 * The files changed against the pull request's base (or the commit before a push), as absolute
 * paths; null when there is no base to compare with, after saying so.
 */
export function changedFiles(cwd: string, env: NodeJS.ProcessEnv, io: Pick<CliIo, 'stdout'>): string[] | null {
  const base = baseOf(env);
  if (!base) {
    io.stdout.write('::notice title=minutes::only-changed: this event has no base to compare with; every path given is checked.\n');
    return null;
  }
  const git = (...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const top = git('rev-parse', '--show-toplevel');
  if (top.status !== 0) {
    io.stdout.write(`::warning title=minutes::only-changed: ${cwd} is not a git checkout; every path given is checked.\n`);
    return null;
  }
  // base...HEAD: what this branch changed since it left the base, as the pull request shows it.
  let diff = git('diff', '--name-only', '-z', '--diff-filter=ACMR', `${base}...HEAD`);
  if (diff.status !== 0 && /^[0-9a-f]{40}$/.test(base)) {
    // A shallow checkout (fetch-depth 1) has no merge base: fetch the base commit and compare
    // with it directly, which for a pull request's merge commit is the same set of files.
    git('fetch', '--no-tags', '--quiet', '--depth=1', 'origin', base);
    diff = git('diff', '--name-only', '-z', '--diff-filter=ACMR', base, 'HEAD');
  }
  if (diff.status !== 0) {
    io.stdout.write(`::warning title=minutes::only-changed: could not compare with ${base} (${diff.stderr.trim().split('\n')[0] ?? ''}); every path given is checked. Check out with fetch-depth: 0.\n`);
    return null;
  }
  const root = top.stdout.trim();
  return diff.stdout
    .split('\0')
    .filter(Boolean)
    .map((file) => join(root, file))
    .filter((file) => existsSync(file));
}

/** The pull request's base commit, else the base branch, else the commit before a push. */
function baseOf(env: NodeJS.ProcessEnv): string | null {
  let payload: { pull_request?: { base?: { sha?: unknown } }; before?: unknown } = {};
  try {
    if (env.GITHUB_EVENT_PATH) payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as typeof payload;
  } catch {
    // No event payload: the environment alone.
  }
  const sha = payload.pull_request?.base?.sha;
  if (typeof sha === 'string' && /^[0-9a-f]{40}$/.test(sha)) return sha;
  if (env.GITHUB_BASE_REF && /^[\w./-]+$/.test(env.GITHUB_BASE_REF)) return `origin/${env.GITHUB_BASE_REF}`;
  if (typeof payload.before === 'string' && /^[0-9a-f]{40}$/.test(payload.before) && !/^0+$/.test(payload.before)) return payload.before;
  return null;
}

/** The counts as step outputs (`steps.<id>.outputs.errors` …). */
function writeOutputs(env: NodeJS.ProcessEnv, counts: Counts): void {
  if (!env.GITHUB_OUTPUT) return;
  appendFileSync(env.GITHUB_OUTPUT, `files=${counts.files}\nerrors=${counts.error}\nwarnings=${counts.warning}\nnotes=${counts.information}\n`);
}

/** The findings as a table in the run's summary page (GitHub shows only the first annotations on the lines). */
function writeSummary(env: NodeJS.ProcessEnv, reports: readonly FileReport[], counts: Counts): void {
  if (!env.GITHUB_STEP_SUMMARY) return;
  const rows = reports.flatMap((report) => report.findings.map((f) => `| ${cell(`${report.name}:${f.line}`)} | ${f.severity === 'information' ? 'note' : f.severity} | \`${f.code}\` | ${cell(f.message)} |`));
  const shown = rows.slice(0, 200);
  let text = `### Minutes\n\n${summaryLine(counts)}\n\n`;
  if (shown.length > 0) text += `| where | severity | code | finding |\n|---|---|---|---|\n${shown.join('\n')}\n`;
  if (rows.length > shown.length) text += `\n…and ${plural(rows.length - shown.length, 'more finding')}, in the log.\n`;
  appendFileSync(env.GITHUB_STEP_SUMMARY, `${text}\n`);
}

/** Text for a Markdown table cell: no HTML, no cell breaks, no line breaks. */
function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

if (require.main === module) {
  // One short run: optimising compilation costs more than it saves (see cli.ts).
  setFlagsFromString('--interrupt-budget=1000000');
  runAction(process.env, process).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stdout.write(`::error title=minutes::${escapeData(error instanceof Error ? error.message : String(error))}\n`);
      process.exitCode = 2;
    },
  );
}

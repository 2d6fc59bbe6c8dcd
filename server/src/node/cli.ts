import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { createMinutesService, DEFAULT_SETTINGS } from '../service';
import { filesByFolder } from '../workspace/scanWorkspace';
import { runActions, runIcs } from './cliActions';
import { cliWorkspaces, siteOf } from './cliSites';
import { nodeFileAccess, pathOf, uriOf } from './nodeFileAccess';

const USAGE = `Usage: minutes check [--format text|json] [paths…]
       minutes actions [--owner @handle] [--open|--all] [--format text|json|markdown] [path]
       minutes ics [file] [--output next-meeting.ics]

check    Checks meeting agendas and minutes in a Jekyll site the way the Minutes editor
         extension does. Paths are files or folders (default: the current folder); folders
         are searched for minutes files and their index page. Exits with 1 when an error
         (not just a warning) is found, 2 on bad usage.
         Output: file:line:column severity code message
actions  The action items across all minutes (checkbox items and "@x will …"), by owner,
         open ones (default) or all, each with its age. --format markdown gives a
         "Review outstanding action items" section to paste into an agenda.
ics      The next meeting the file (default: the index page, else the latest minutes)
         announces, as an iCalendar (.ics) event, to stdout or --output. Exits with 1
         when the file states no next meeting.`;

interface Output {
  write(text: string): unknown;
}

const SEVERITY_NAMES: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

interface FileReport {
  readonly path: string;
  readonly diagnostics: Diagnostic[];
}

/** Runs the CLI; returns the exit code. */
export async function runCli(args: readonly string[], io: { stdout: Output; stderr: Output; cwd: string }): Promise<number> {
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === 'actions') return await runActions(rest, io, USAGE);
  if (command === 'ics') return await runIcs(rest, io, USAGE);
  if (command !== 'check') {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let format = 'text';
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--format') format = rest[++i] ?? '';
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg.startsWith('-')) {
      io.stderr.write(`minutes: unknown option ${arg}\n${USAGE}\n`);
      return 2;
    } else paths.push(resolve(io.cwd, arg));
  }
  if (format !== 'text' && format !== 'json') {
    io.stderr.write(`minutes: --format must be text or json\n`);
    return 2;
  }
  if (paths.length === 0) paths.push(io.cwd);
  for (const path of paths) {
    if (!existsSync(path)) {
      io.stderr.write(`minutes: ${path}: no such file or folder\n`);
      return 2;
    }
    // A FIFO or a device would be read forever.
    const stat = statSync(path);
    if (!stat.isDirectory() && !stat.isFile()) {
      io.stderr.write(`minutes: ${path}: not a regular file or folder\n`);
      return 2;
    }
  }
  const reports = await check(paths);
  const errors = reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length, 0);
  const warnings = reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).length, 0);
  if (format === 'json') {
    const json = reports.flatMap((report) =>
      report.diagnostics.map((d) => ({
        file: relative(io.cwd, report.path) || report.path,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: SEVERITY_NAMES[d.severity ?? DiagnosticSeverity.Error],
        code: d.code,
        message: d.message,
      })),
    );
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    for (const report of reports) {
      const file = relative(io.cwd, report.path) || report.path;
      for (const d of report.diagnostics) {
        io.stdout.write(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY_NAMES[d.severity ?? 1]} ${d.code} ${d.message}\n`);
      }
    }
    io.stderr.write(`${reports.length} files checked: ${errors} errors, ${warnings} warnings\n`);
  }
  return errors > 0 ? 1 : 0;
}

/** Checks the files under the given paths, each with the knowledge of its own site. */
async function check(paths: readonly string[]): Promise<FileReport[]> {
  const service = createMinutesService();
  const workspaces = cliWorkspaces();
  const files = new Set<string>();
  for (const path of paths) {
    if (!statSync(path).isDirectory()) files.add(path);
    else {
      // A folder the user named is read whole; an unmarked folder around a named file is not.
      await siteOf(workspaces, path, true);
      for await (const batch of filesByFolder(nodeFileAccess, uriOf(path), true)) for (const uri of batch) files.add(pathOf(uri));
    }
  }
  const reports: FileReport[] = [];
  for (const path of [...files].sort()) {
    const uri = uriOf(path);
    const { index } = await siteOf(workspaces, path, false);
    const kind = index.kindOf(uri);
    if (!kind) continue;
    const knowledge = index.knowledge();
    const text = await workspaces.readText(index, uri);
    // Not read (a link to a device or out of the site, or too large): the index's problem says why.
    const diagnostics =
      text !== null && (kind === 'markdown' || kind === 'template')
        ? service.diagnostics({ uri, version: 0, getText: () => text }, knowledge, DEFAULT_SETTINGS)
        : service.knowledgeDiagnostics(uri, text ?? '', knowledge, DEFAULT_SETTINGS);
    if (kind === 'markdown' || diagnostics.length > 0) reports.push({ path, diagnostics: sortDiagnostics(diagnostics) });
  }
  return reports.filter((report) => report.diagnostics.length > 0 || isMinutesLike(report.path));
}

function isMinutesLike(path: string): boolean {
  return /\.md$/i.test(path);
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

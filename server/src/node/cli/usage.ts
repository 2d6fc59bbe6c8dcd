import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What `minutes --help` and `minutes <command> --help` print. This module stays small and
 * imports nothing of the language service: help and version answer without loading it.
 */

export const COMMANDS = ['check', 'fix', 'actions', 'ics'] as const;
export type Command = (typeof COMMANDS)[number];

export const USAGE = `Usage: minutes <command> [options] [paths…]

Commands:
  check    Check meeting agendas and minutes (default: the current folder)
  fix      Apply every certain fix, the same as Fix all in the editor
  actions  List the action items across all minutes
  ics      The next meeting as an iCalendar (.ics) event

Options:
  -h, --help     Show help (minutes <command> --help for a command's options)
  -v, --version  Show the version

Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings),
2 bad usage or a path that cannot be read.`;

export const COMMAND_USAGE: Record<Command, string> = {
  check: `Usage: minutes check [options] [paths…]

Checks meeting agendas and minutes in a Jekyll site the way the Minutes editor extension
does. Paths are files or folders (default: the current folder); folders are searched for
minutes files and their index page, and each file is judged with the knowledge of its site.

Options:
  -f, --format <name>    text (default), json, github, sarif or junit
  -o, --output <file>    Write the report to a file instead of standard output
  --max-warnings <n>     Exit with 1 when there are more than n warnings
  --quiet                Report errors only
  --color, --no-color    Colour the text report (default: on a terminal, unless NO_COLOR is set)
  -h, --help             Show this help

Formats:
  text    findings grouped by file, then a summary
  json    an array of findings: file, line, column, endLine, endColumn, severity, code,
          message, and fix (the edits of the certain fix, when there is one)
  github  GitHub Actions workflow commands: annotations on the pull request's lines
  sarif   SARIF 2.1.0, for code scanning
  junit   JUnit XML, one test case per finding

Suppress a finding with an HTML comment, which the published page does not show:
  <!-- minutes-disable-next-line unknown-handle -->   the next line
  <!-- minutes-disable-line unknown-handle -->        at the end of the line itself
  <!-- minutes-disable unknown-handle -->  …  <!-- minutes-enable unknown-handle -->
  <!-- minutes-disable-file unknown-handle -->        the whole file
Without a code, a comment applies to every code.

Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings),
2 bad usage, a path that cannot be read, or no minutes under the paths given.`,
  fix: `Usage: minutes fix [options] [paths…]

Applies every certain fix (the same as "Fix all" in the editor) to the minutes under the
paths given (default: the current folder). A file with an error that has no certain fix
is left as it is.

Options:
  --dry-run    Print the changes as a unified diff instead of writing them
  -h, --help   Show this help

Exit codes: 0 no errors remain, 1 errors remain, 2 bad usage or a path that cannot be read.`,
  actions: `Usage: minutes actions [--owner @handle] [--open|--all] [--format text|json|markdown] [path]

The action items across all minutes (checkbox items and "@x will …"), by owner, open ones
(default) or all, each with its age. --format markdown gives a "Review outstanding action
items" section to paste into an agenda.`,
  ics: `Usage: minutes ics [file] [--output next-meeting.ics]

The next meeting the file (default: the index page, else the latest minutes) announces, as
an iCalendar (.ics) event, to standard output or --output. Exits with 1 when the file
states no next meeting.`,
};

export function isCommand(word: string | undefined): word is Command {
  return (COMMANDS as readonly string[]).includes(word ?? '');
}

export function isHelp(word: string): boolean {
  return word === '--help' || word === '-h';
}

/** The version in the package.json beside the bundles' folder (`dist/`). */
export function version(): string {
  try {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Answers what needs no language service: help, the version, and a command that does not
 * exist. Returns null when the command has work to do.
 */
export function answerWithoutService(args: readonly string[], io: { stdout: { write(text: string): unknown }; stderr: { write(text: string): unknown } }): number | null {
  const [command, ...rest] = args;
  if (command === undefined) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (command === 'help' || isHelp(command)) {
    const topic = command === 'help' ? rest[0] : undefined;
    io.stdout.write(`${isCommand(topic) ? COMMAND_USAGE[topic] : USAGE}\n`);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  if (!isCommand(command)) {
    io.stderr.write(`minutes: unknown command ${command}\n\n${USAGE}\n`);
    return 2;
  }
  if (rest.some(isHelp)) {
    io.stdout.write(`${COMMAND_USAGE[command]}\n`);
    return 0;
  }
  return null;
}

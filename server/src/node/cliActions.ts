import { existsSync, statSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { actionItemsMarkdown, actionItemsText, createMinutesService, DEFAULT_SETTINGS } from '../service';
import { cliWorkspaces, siteOf } from './cliSites';
import { pathOf, uriOf } from './nodeFileAccess';

interface Output {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: Output;
  stderr: Output;
  cwd: string;
}

/** `minutes actions [--owner @x] [--open|--all] [--format text|json|markdown] [path]`. */
export async function runActions(args: readonly string[], io: CliIo, usage: string): Promise<number> {
  let format = 'text';
  let include: 'open' | 'all' = 'open';
  let owner: string | undefined;
  let path = io.cwd;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--format') format = args[++i] ?? '';
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg === '--owner') owner = args[++i] ?? '';
    else if (arg.startsWith('--owner=')) owner = arg.slice('--owner='.length);
    else if (arg === '--open') include = 'open';
    else if (arg === '--all') include = 'all';
    else if (arg.startsWith('-')) return bad(io, `unknown option ${arg}\n${usage}`);
    else path = resolve(io.cwd, arg);
  }
  if (!['text', 'json', 'markdown'].includes(format)) return bad(io, '--format must be text, json or markdown');
  if (owner !== undefined && !/^@?[\w][\w.-]*$/.test(owner)) return bad(io, '--owner takes a handle such as @sjn');
  if (!existsSync(path)) return bad(io, `${path}: no such file or folder`);
  const { index } = await siteOf(cliWorkspaces(), path, statSync(path).isDirectory());
  const result = createMinutesService().actionItems(index.currentActionItems(), { include, owner, groupBy: 'owner' });
  const pathOfUri = (uri: string) => relative(io.cwd, pathOf(uri)) || pathOf(uri);
  if (format === 'json') io.stdout.write(`${JSON.stringify({ ...result, items: result.items.map((item) => ({ ...item, file: pathOfUri(item.latest.uri) })) }, null, 2)}\n`);
  else if (format === 'markdown') io.stdout.write(actionItemsMarkdown(result, pathOfUri));
  else io.stdout.write(actionItemsText(result, pathOfUri));
  return 0;
}

/** `minutes ics [file] [--output file.ics]`: the next meeting as an iCalendar file (stdout by default). */
export async function runIcs(args: readonly string[], io: CliIo, usage: string): Promise<number> {
  let file: string | null = null;
  let output: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--output' || arg === '-o') output = args[++i] ?? '';
    else if (arg.startsWith('-')) return bad(io, `unknown option ${arg}\n${usage}`);
    else if (file === null) file = resolve(io.cwd, arg);
    else return bad(io, 'ics takes one file');
  }
  if (output === '') return bad(io, '--output needs a file name');
  const start = file ?? io.cwd;
  if (!existsSync(start)) return bad(io, `${start}: no such file or folder`);
  const workspaces = cliWorkspaces();
  const { index } = await siteOf(workspaces, start, statSync(start).isDirectory());
  const knowledge = index.knowledge();
  // Without a file: the index page when it states the next meeting, else the latest minutes.
  let uri = file && !statSync(file).isDirectory() ? uriOf(file) : null;
  const candidates = uri ? [uri] : [knowledge.indexPage, ...[...knowledge.minutesFiles].reverse().map((f) => f.uri)].filter((u): u is string => !!u).slice(0, 3);
  const service = createMinutesService();
  let lastMessage = 'no minutes found';
  for (uri of candidates) {
    const text = await workspaces.readText(index, uri);
    if (text === null) {
      lastMessage = `${relative(io.cwd, pathOf(uri))}: not a regular file inside the site, or too large`;
      continue;
    }
    const result = service.nextMeetingCalendar({ uri, version: 0, getText: () => text }, knowledge, DEFAULT_SETTINGS);
    if (!result.ok) {
      lastMessage = `${relative(io.cwd, pathOf(uri))}: ${result.message}`;
      continue;
    }
    if (output) {
      writeFileSync(resolve(io.cwd, output), result.text);
      io.stderr.write(`${output}: ${result.event.summary}, ${result.event.start.toISO()} (from the ${result.event.from} of ${relative(io.cwd, pathOf(uri))})\n`);
    } else io.stdout.write(result.text);
    return 0;
  }
  io.stderr.write(`minutes: ${lastMessage}\n`);
  return 1;
}

function bad(io: CliIo, message: string): number {
  io.stderr.write(`minutes: ${message}\n`);
  return 2;
}

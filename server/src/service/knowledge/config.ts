import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { isIanaZone } from '../parse/zones';
import type { KnowledgeProblem, SeverityName } from './types';

/** The workspace config file's name (JSON with comments), at the workspace root. */
export const CONFIG_FILE_NAME = '.minutes.json';

export interface ConfigMember {
  readonly name?: string;
  readonly github?: string;
  readonly aliases?: readonly string[];
}

export interface ConfigProject {
  readonly org: string;
  readonly number: number;
  readonly name: string;
  readonly formerNames?: readonly string[];
}

export interface ConfigTemplate {
  readonly file: string;
  readonly since?: string;
}

/** What `.minutes.json` may say; every field optional (the schema is server/schema/minutes.schema.json). */
export interface MinutesConfig {
  readonly minutes?: readonly string[];
  readonly index?: string;
  readonly ignore?: readonly string[];
  readonly members?: Readonly<Record<string, ConfigMember>>;
  readonly specialHandles?: readonly string[];
  readonly projects?: readonly ConfigProject[];
  readonly templates?: readonly ConfigTemplate[];
  readonly timeZones?: { readonly build?: string; readonly hover?: readonly string[] };
  readonly places?: Readonly<Record<string, string>>;
  readonly severity?: Readonly<Record<string, SeverityName>>;
  readonly actionItems?: { readonly staleAfter?: number };
  /** Files larger than this many megabytes are not read (default 4). */
  readonly maxFileSize?: number;
}

/** A cloned repository cannot raise the limit to where one file stalls the server. */
export const MAX_FILE_SIZE_MB = 64;

const SEVERITY_NAMES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/**
 * Parses and checks the config file. A file with errors yields its problems and no config,
 * so the caller keeps the last good one.
 */
export function parseMinutesConfig(text: string, uri: string, codes: readonly string[]): { config: MinutesConfig | null; problems: KnowledgeProblem[] } {
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch {
    // The JSON parser recurses: absurd nesting exhausts the stack.
    return { config: null, problems: [{ uri, span: { start: 0, end: 1 }, message: `${CONFIG_FILE_NAME} is nested too deeply to read. Minutes keeps using the settings it had.`, severity: 'error' }] };
  }
  const problems: KnowledgeProblem[] = errors.map((error) => ({
    uri,
    span: { start: error.offset, end: error.offset + Math.max(error.length, 1) },
    message: `${CONFIG_FILE_NAME} is not valid JSON (${printParseErrorCode(error.error)}). Minutes keeps using the settings it had.`,
    severity: 'error',
  }));
  if (!root || errors.length > 0) return { config: null, problems };
  const problem = (node: Node | undefined, message: string) =>
    problems.push({ uri, span: { start: node?.offset ?? 0, end: (node?.offset ?? 0) + (node?.length ?? 1) }, message, severity: 'error' });

  if (root.type !== 'object') {
    problem(root, `${CONFIG_FILE_NAME} must hold an object.`);
    return { config: null, problems };
  }
  const value = getNodeValue(root) as Record<string, unknown>;
  for (const path of ['minutes', 'ignore', 'specialHandles'] as const) {
    if (value[path] !== undefined && !isStringArray(value[path])) problem(findNodeAtLocation(root, [path]), `\`${path}\` must be a list of strings.`);
  }
  const severity = value.severity as Record<string, unknown> | undefined;
  if (severity !== undefined) {
    for (const [code, level] of Object.entries(severity ?? {})) {
      const node = findNodeAtLocation(root, ['severity', code]);
      if (!codes.includes(code)) problem(node?.parent?.children?.[0], `\`${code}\` is not a Minutes diagnostic code (${codes.join(', ')}).`);
      else if (typeof level !== 'string' || !SEVERITY_NAMES.has(level)) problem(node, `The severity of \`${code}\` must be one of error, warning, information, hint, off.`);
    }
  }
  const zones = value.timeZones as { build?: unknown; hover?: unknown } | undefined;
  if (zones?.build !== undefined && !(typeof zones.build === 'string' && (zones.build === 'UTC' || isIanaZone(zones.build)))) {
    problem(findNodeAtLocation(root, ['timeZones', 'build']), '`timeZones.build` must be an IANA zone name such as Europe/Oslo, or UTC.');
  }
  if (Array.isArray(zones?.hover)) {
    zones.hover.forEach((zone, index) => {
      if (typeof zone !== 'string' || !(zone === 'UTC' || isIanaZone(zone))) {
        problem(findNodeAtLocation(root, ['timeZones', 'hover', index]), `\`${String(zone)}\` is not an IANA zone name.`);
      }
    });
  }
  const projects = value.projects;
  if (projects !== undefined) {
    if (!Array.isArray(projects)) problem(findNodeAtLocation(root, ['projects']), '`projects` must be a list of { org, number, name }.');
    else
      projects.forEach((project, index) => {
        const p = project as Partial<ConfigProject>;
        if (typeof p?.org !== 'string' || typeof p.number !== 'number' || typeof p.name !== 'string') {
          problem(findNodeAtLocation(root, ['projects', index]), 'A project needs `org` (string), `number` (number) and `name` (string).');
        }
      });
  }
  const members = value.members;
  if (members !== undefined && (typeof members !== 'object' || members === null || Array.isArray(members))) {
    problem(findNodeAtLocation(root, ['members']), '`members` must map handles to { name, github, aliases }.');
  }
  if (value.index !== undefined && (typeof value.index !== 'string' || !staysInside(value.index))) {
    problem(findNodeAtLocation(root, ['index']), '`index` must be a path inside the workspace, from its root (e.g. meetings/README.md).');
  }
  const templates = value.templates;
  if (Array.isArray(templates)) {
    templates.forEach((template, index) => {
      const t = template as Partial<ConfigTemplate>;
      if (typeof t?.file !== 'string') problem(findNodeAtLocation(root, ['templates', index]), 'A template needs `file`, a path from the workspace root.');
      else if (!staysInside(t.file)) problem(findNodeAtLocation(root, ['templates', index, 'file']), '`file` must be a path inside the workspace, from its root.');
      else if (t.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(t.since))) {
        problem(findNodeAtLocation(root, ['templates', index, 'since']), '`since` must be a date written YYYY-MM-DD.');
      }
    });
  }
  const actionItems = value.actionItems as { staleAfter?: unknown } | undefined;
  if (actionItems !== undefined && (typeof actionItems !== 'object' || actionItems === null || Array.isArray(actionItems))) {
    problem(findNodeAtLocation(root, ['actionItems']), '`actionItems` must be an object such as { "staleAfter": 4 }.');
  } else if (actionItems?.staleAfter !== undefined && !(typeof actionItems.staleAfter === 'number' && Number.isInteger(actionItems.staleAfter) && actionItems.staleAfter >= 1)) {
    problem(findNodeAtLocation(root, ['actionItems', 'staleAfter']), '`actionItems.staleAfter` must be a whole number of meetings, 1 or more.');
  }
  if (value.maxFileSize !== undefined && !(typeof value.maxFileSize === 'number' && value.maxFileSize > 0 && value.maxFileSize <= MAX_FILE_SIZE_MB)) {
    problem(findNodeAtLocation(root, ['maxFileSize']), `\`maxFileSize\` must be a number of megabytes above 0 and at most ${MAX_FILE_SIZE_MB}.`);
  }
  if (problems.length > 0) return { config: null, problems };
  return { config: value as MinutesConfig, problems };
}

/**
 * Whether a configured path names a file inside the workspace: relative, no scheme or drive,
 * and no `..` that climbs above the root (`.minutes.json` comes with a cloned repository, and
 * New Meeting edits the index page it names).
 */
function staysInside(path: string): boolean {
  if (path === '' || /^[\\/]|^[a-z][\w+.-]*:|\\/i.test(path)) return false;
  let depth = 0;
  for (const segment of path.split('/')) {
    if (segment === '..') depth--;
    else if (segment !== '.' && segment !== '') depth++;
    if (depth < 0) return false;
  }
  return depth > 0;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

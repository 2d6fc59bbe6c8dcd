import type { Position } from 'vscode-languageserver-types';
import type { WorkspaceKnowledge } from '../../knowledge/types';
import type { Fix } from './rule';

/** Plain YAML 1.1 scalars Psych would not read as a string key (`no` is false, `123` a number). */
const NOT_A_STRING = /^(?:y|yes|n|no|true|false|on|off|null|~|[-+]?\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?)$/i;

type RosterFile = NonNullable<WorkspaceKnowledge['authorsFile']>;

/** How the roster writes its entries, and where a new one goes: read once per version of the file. */
interface RosterStyle {
  readonly eol: string;
  readonly indent: string;
  readonly field: 'github' | 'name';
  /** What goes before the new entry: a line end when the file has no final one, a blank line when entries are separated by one. */
  readonly before: string;
  readonly end: Position;
}

const styles = new WeakMap<RosterFile, RosterStyle>();

function styleOf(file: RosterFile): RosterStyle {
  let style = styles.get(file);
  if (style) return style;
  const { text } = file;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const indent = lines.map((line) => /^( +)[\w-]+:/.exec(line)?.[1]).find((spaces) => spaces !== undefined) ?? '  ';
  // Entries are separated by a blank line when most of them are.
  const keys = lines.flatMap((line, i) => (/^[^\s#-][^:]*:/.test(line) ? [i] : []));
  const separated = keys.slice(1).filter((i) => lines[i - 1]!.trim() === '').length * 2 > keys.length - 1;
  const last = lines.length - 1;
  const endsWithNewline = lines[last] === '';
  const endsWithBlank = endsWithNewline && last >= 1 && lines[last - 1]!.trim() === '';
  style = {
    eol,
    indent,
    field: /^ +github:/m.test(text) ? 'github' : 'name',
    before: (endsWithNewline ? '' : eol) + (separated && keys.length > 1 && !endsWithBlank ? eol : ''),
    end: { line: last, character: lines[last]!.length },
  };
  styles.set(file, style);
  return style;
}

/**
 * "Add @x to _data/authors.yml": a new member entry appended to the roster, written the way the
 * file writes its entries (its indentation, its line ends, a blank line between entries when
 * it has them, `github:` when its members have one, else `name:`). Not a certain fix (the
 * handle may be a typo, or a guest): never preferred, never part of Fix all.
 */
export function addMemberFix(knowledge: Pick<WorkspaceKnowledge, 'authorsFile'>, handle: string): Fix | null {
  const file = knowledge.authorsFile;
  if (!file || !/^[\w-]+$/.test(handle)) return null;
  const { eol, indent, field, before, end } = styleOf(file);
  const scalar = NOT_A_STRING.test(handle) ? `"${handle}"` : handle;
  return {
    title: `Add @${handle} to _data/authors.yml`,
    edit: { changes: { [file.uri]: [{ range: { start: end, end }, newText: `${before}${scalar}:${eol}${indent}${field}: ${scalar}${eol}` }] } },
    preferred: false,
  };
}

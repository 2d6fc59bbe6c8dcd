import type { Location, Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { DocumentContext } from '../documentContext';
import { computeLineStarts, offsetAt, positionAt } from '../parse/lines';
import type { HandleRef, MinutesModel } from '../parse/model';
import { parseMinutes } from '../parse/parseMinutes';

/** Reads a workspace file's current text (the editor's, when it is open), or null. */
export type ReadText = (uri: string) => string | null;

/** The handle under a position, if any. */
export function handleAt(model: MinutesModel, position: Position): HandleRef | null {
  const offset = offsetAt(model.text, model.lineStarts, position);
  return model.handles.find((h) => h.span.start <= offset && offset <= h.span.end) ?? null;
}

/** Where a handle is mentioned across the workspace's minutes (any letter case). */
export function handleReferences(context: DocumentContext, position: Position, readText: ReadText): Location[] {
  const handle = handleAt(context.model, position);
  if (!handle) return [];
  return mentions(context, handle.name.toLowerCase(), readText).map(({ uri, range }) => ({ uri, range }));
}

/** The range of the name (without `@`) to rename, or null when the position is not on a handle. */
export function prepareHandleRename(context: DocumentContext, position: Position): { range: Range; placeholder: string } | null {
  const handle = handleAt(context.model, position);
  if (!handle) return null;
  return { range: context.range({ start: handle.span.start + 1, end: handle.span.end }), placeholder: handle.name };
}

/** Renames a handle in every minutes file of the workspace. */
export function renameHandle(context: DocumentContext, position: Position, newName: string, readText: ReadText): WorkspaceEdit | null {
  const handle = handleAt(context.model, position);
  const name = newName.replace(/^@/, '');
  if (!handle || !/^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/.test(name)) return null;
  const changes: WorkspaceEdit['changes'] = {};
  for (const { uri, range } of mentions(context, handle.name.toLowerCase(), readText)) {
    const nameRange = { start: { line: range.start.line, character: range.start.character + 1 }, end: range.end };
    (changes[uri] ??= []).push({ range: nameRange, newText: name });
  }
  return { changes };
}

function mentions(context: DocumentContext, key: string, readText: ReadText): { uri: string; range: Range }[] {
  const uris = new Set([context.model.uri, ...context.knowledge.minutesFiles.map((f) => f.uri)]);
  const found: { uri: string; range: Range }[] = [];
  for (const uri of uris) {
    const own = uri === context.model.uri;
    // The index keeps every file's handles with their places: only a file that mentions this one is read.
    const known = own ? context.model.handles : context.knowledge.mentionsIn(uri);
    const handles = known ?? parseOther(uri, readText)?.handles ?? [];
    const matching = handles.filter((handle) => handle.name.toLowerCase() === key);
    if (matching.length === 0) continue;
    const text = own ? null : readText(uri);
    if (!own && text === null) continue;
    const lineStarts = own ? context.model.lineStarts : computeLineStarts(text!);
    for (const handle of matching) found.push({ uri, range: { start: positionAt(lineStarts, handle.span.start), end: positionAt(lineStarts, handle.span.end) } });
  }
  return found;
}

function parseOther(uri: string, readText: ReadText): MinutesModel | null {
  const text = readText(uri);
  return text === null ? null : parseMinutes(text, uri, 0);
}

import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import type { DocumentContext } from '../documentContext';
import { establishedGuests } from '../knowledge/handles';
import { matchSections } from '../knowledge/templates';
import { hoverZones } from './hover/hoverZones';
import type { HandleUsage, Member, Project } from '../knowledge/types';
import { nextSlotAfter, previousMinutes } from './nextSlot';
import { endOfLine, lineAt, offsetAt, positionAt } from '../parse/lines';

const HANDLE_PREFIX = /(?:^|[^\w.+\-/:@`])@([\w-]*)$/;
const PROJECT_NUMBER = /github\.com\/orgs\/([\w.-]+)\/projects\/(\d*)$/;
const OPEN_BRACKET = /\[([^\]]*)$/;
const LIST_ITEM = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+)(\S.*)?$/;
const HEADING = /^(#{2,6})\s*(.*)$/;
const ZONE_AFTER_TIME = /\d{1,2}:\d{2}\s*\(?([A-Za-z_/]*)$/;
const FRONT_MATTER_KEY = /^([\w-]*)$/;
const FRONT_MATTER_VALUE = /^(meeting_time|next_meeting_time|title|layout):\s*(.*)$/;

const COMMON_KEYS: ReadonlyArray<[string, string]> = [
  ['layout', 'The Jekyll layout (`page`, `single`).'],
  ['title', 'The page title, e.g. "Minutes 2024-11-15".'],
  ['meeting_time', 'When the meeting is, as Jekyll reads it: "2024-11-27 17:00 UTC".'],
  ['toc', 'Whether the layout shows a table of contents.'],
  ['next_meeting_time', 'On the index page: when the next meeting is.'],
  ['permalink', 'The published URL of the page.'],
];

/** Completion items for a position: handles, project links, front-matter keys and values, sections, zones. */
export function completions(context: DocumentContext, position: Position): CompletionItem[] {
  if (context.kind !== 'minutes' && context.kind !== 'index') return [];
  const { model } = context;
  const offset = offsetAt(model.text, model.lineStarts, position);
  const line = lineAt(model.lineStarts, offset);
  const lineStart = model.lineStarts[line]!;
  const prefix = model.text.slice(lineStart, offset);
  const range = (length: number): Range => ({ start: positionAt(model.lineStarts, offset - length), end: position });
  const fm = model.frontMatter;
  if (fm && offset >= fm.contentSpan.start && offset <= fm.contentSpan.end) return frontMatterCompletions(context, prefix, range);
  if (fm && offset < fm.span.end) return [];

  const handle = HANDLE_PREFIX.exec(prefix);
  if (handle) return handleCompletions(context, range(handle[1]!.length), line, offset);
  const projectNumber = PROJECT_NUMBER.exec(prefix);
  if (projectNumber) return projectNumberCompletions(context, projectNumber[1]!, range(projectNumber[2]!.length));
  const heading = HEADING.exec(prefix);
  if (heading && model.text.slice(offset, endOfLine(model.text, model.lineStarts, line)).trim() === '') {
    return sectionCompletions(context, heading[1]!, range(prefix.length));
  }
  const zone = ZONE_AFTER_TIME.exec(prefix);
  if (zone && /\s|\(/.test(prefix.charAt(prefix.length - zone[1]!.length - 1))) return zoneCompletions(context, range(zone[1]!.length));
  const bracket = OPEN_BRACKET.exec(prefix);
  if (bracket) return projectLinkCompletions(context, range(bracket[0].length), bracket[1]!);
  const item = LIST_ITEM.exec(prefix);
  if (item) return projectLinkCompletions(context, range((item[2] ?? '').length), item[2] ?? '');
  return [];
}

function frontMatterCompletions(context: DocumentContext, prefix: string, range: (length: number) => Range): CompletionItem[] {
  const key = FRONT_MATTER_KEY.exec(prefix);
  if (key) {
    const present = context.model.frontMatter!.entries;
    return COMMON_KEYS.filter(([name]) => !present.has(name)).map(([name, doc], index) => ({
      label: name,
      kind: CompletionItemKind.Property,
      documentation: { kind: 'markdown', value: doc },
      textEdit: { range: range(key[1]!.length), newText: `${name}: ` },
      sortText: String(index).padStart(2, '0'),
      command: name === 'meeting_time' || name === 'title' ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
    }));
  }
  const value = FRONT_MATTER_VALUE.exec(prefix);
  if (!value) return [];
  const typed = value[2]!;
  const suggestions = valueSuggestions(context, value[1]!);
  return suggestions.map((suggestion, index) => ({
    label: suggestion.text,
    kind: CompletionItemKind.Value,
    detail: suggestion.detail,
    textEdit: { range: range(typed.length), newText: suggestion.text },
    sortText: String(index).padStart(2, '0'),
    preselect: index === 0,
  }));
}

function valueSuggestions(context: DocumentContext, key: string): { text: string; detail: string }[] {
  const { knowledge, model } = context;
  const own = context.fileNameDate?.toISODate() ?? null;
  if (key === 'meeting_time' || key === 'next_meeting_time') {
    const previous = previousMinutes(knowledge, key === 'meeting_time' ? own : null, model.uri);
    const slot = previous ? nextSlotAfter(previous, knowledge) : null;
    if (!slot) return [];
    const from = previous!.uri.slice(previous!.uri.lastIndexOf('/') + 1);
    const detail = slot.source === 'announced' ? `Announced as the next meeting in ${from}` : `The usual interval after ${from}`;
    return [{ text: `${slot.date} ${slot.time ?? '17:00 UTC'}`, detail }];
  }
  if (key === 'title') {
    const date = context.meetingDate?.toISODate() ?? own;
    return date ? [{ text: `Minutes ${date}`, detail: 'The title CPANSec minutes use' }] : [];
  }
  if (key === 'layout') {
    return [
      { text: 'page', detail: 'Jekyll layout' },
      { text: 'single', detail: 'Jekyll layout (Minimal Mistakes)' },
    ];
  }
  return [];
}

/**
 * Handles for `@`: members (one entry each, their aliases and name as filter text), then
 * regular guests, then the special handles; none already written on the line (an attendee
 * list names each person once), never a likely typo of a member.
 */
function handleCompletions(context: DocumentContext, range: Range, line: number, offset: number): CompletionItem[] {
  const { knowledge, model } = context;
  type Entry = { handle: string; member: Member | null; usage: HandleUsage | null; also: string[]; special: boolean };
  // A member whose handle another member lists as an alias is that member (ingydotnet for ingy).
  const aliasOwner = new Map<string, Member>();
  for (const member of knowledge.members) for (const alias of member.aliases) if (alias !== member.handle.toLowerCase()) aliasOwner.set(alias, member);
  const members = new Map<string, Entry>();
  for (const member of knowledge.members) {
    const owner = aliasOwner.get(member.handle.toLowerCase());
    if (owner && owner !== member && !aliasOwner.has(owner.handle.toLowerCase())) continue;
    members.set(member.handle.toLowerCase(), { handle: member.handle, member, usage: knowledge.usage(member.handle), also: [], special: false });
  }
  const entryOf = (handle: string): Entry | undefined => {
    const key = handle.toLowerCase();
    const owner = aliasOwner.get(key);
    return members.get(key) ?? (owner ? members.get(owner.handle.toLowerCase()) : undefined) ?? (knowledge.findMember(key) ? members.get(knowledge.findMember(key)!.handle.toLowerCase()) : undefined);
  };
  for (const member of knowledge.members) {
    const entry = entryOf(member.handle);
    if (entry && entry.member !== member) entry.also.push(member.handle, ...(member.name ? [member.name] : []), ...member.aliases);
  }
  for (const usage of knowledge.handleUsage) {
    // An alias in use (rrwo for robrwo) completes to the member's handle.
    const entry = knowledge.findMember(usage.handle) ? entryOf(usage.handle) : undefined;
    if (entry && (!entry.usage || (usage.lastSeen ?? '') > (entry.usage.lastSeen ?? ''))) entry.usage = usage;
  }
  // Regular guests follow the roster; a near miss of a roster handle is never offered, however often it was copied.
  const guests: Entry[] = establishedGuests(knowledge).map((usage) => ({ handle: usage.handle, member: null, usage, also: [], special: false }));
  const offered = new Set([...members.keys(), ...guests.map((guest) => guest.handle.toLowerCase())]);
  const specials: Entry[] = [...knowledge.specialHandles]
    .filter((special) => !offered.has(special))
    .sort()
    .map((special) => ({ handle: special, member: null, usage: knowledge.usage(special), also: [], special: true }));
  // Who the line already names (the handle being typed aside): each person once on a line.
  const written = new Set<Entry | string>();
  for (const handle of model.handles) {
    if (handle.line !== line || (handle.span.start <= offset && offset <= handle.span.end)) continue;
    written.add(entryOf(handle.name) ?? handle.name.toLowerCase());
  }
  const ranked = [...byActivity([...members.values()]), ...byActivity(guests), ...specials].filter((entry) => !written.has(entry) && !written.has(entry.handle.toLowerCase()));
  return ranked.map((entry, index) => ({
    label: entry.handle,
    kind: entry.member ? CompletionItemKind.Constant : CompletionItemKind.Text,
    detail: entry.special ? 'special handle: everyone' : entry.member ? (entry.member.name ?? 'member') : 'not in _data/authors.yml',
    documentation: entry.usage
      ? `Named in ${entry.usage.files} minutes file${entry.usage.files === 1 ? '' : 's'}${entry.usage.lastAttended ? `; last attended ${entry.usage.lastAttended}` : ''}.`
      : undefined,
    filterText: [...new Set([entry.handle, entry.member?.name ?? '', ...(entry.member?.aliases ?? []), ...entry.also].filter(Boolean))].join(' '),
    textEdit: { range, newText: entry.handle },
    sortText: String(index).padStart(4, '0'),
  }));
}

/** Most recent attendees first, then most recently named, then most often named. */
function byActivity<T extends { handle: string; usage: HandleUsage | null }>(entries: T[]): T[] {
  return entries.sort(
    (a, b) =>
      (b.usage?.lastAttended ?? '').localeCompare(a.usage?.lastAttended ?? '') ||
      (b.usage?.lastSeen ?? '').localeCompare(a.usage?.lastSeen ?? '') ||
      (b.usage?.files ?? 0) - (a.usage?.files ?? 0) ||
      a.handle.localeCompare(b.handle),
  );
}

function projectsOf(context: DocumentContext): Project[] {
  return [...context.knowledge.projects].sort((a, b) => a.org.localeCompare(b.org) || a.number - b.number);
}

function projectLinkCompletions(context: DocumentContext, range: Range, typed: string): CompletionItem[] {
  const lowered = typed.toLowerCase();
  return projectsOf(context)
    .filter((project) => [project.name, ...project.formerNames].some((name) => name.toLowerCase().startsWith(lowered) || lowered === ''))
    .map((project, index) => {
      const link = `[${project.name}](https://github.com/orgs/${project.org}/projects/${project.number})`;
      return {
        label: project.name,
        kind: CompletionItemKind.Reference,
        detail: `${project.org} project ${project.number}`,
        documentation: project.formerNames.length ? `Formerly: ${project.formerNames.join('; ')}` : undefined,
        filterText: typed.startsWith('[') ? `[${project.name}` : project.name,
        textEdit: { range, newText: link },
        insertTextFormat: InsertTextFormat.PlainText,
        sortText: `z${String(index).padStart(3, '0')}`,
      };
    });
}

function projectNumberCompletions(context: DocumentContext, org: string, range: Range): CompletionItem[] {
  return projectsOf(context)
    .filter((project) => project.org.toLowerCase() === org.toLowerCase())
    .map((project) => ({
      label: String(project.number),
      kind: CompletionItemKind.EnumMember,
      detail: project.name,
      textEdit: { range, newText: String(project.number) },
      sortText: String(project.number).padStart(4, '0'),
    }));
}

function sectionCompletions(context: DocumentContext, hashes: string, range: Range): CompletionItem[] {
  // The sections the group writes now (learned from its recent minutes, else its template).
  const layout = context.layout;
  const fallback = context.template ?? context.knowledge.templates[context.knowledge.templates.length - 1];
  const sections = layout && layout.sections.length > 0 ? layout.sections : fallback ? fallback.sections.map((section) => ({ ...section, name: section.title })) : [];
  const detail = layout?.source === 'learned' ? 'Missing section the recent minutes have' : `Missing section of ${(layout?.template ?? fallback)?.name ?? 'the template'}`;
  const matched = matchSections({ sections }, context.model.headings);
  return sections
    .filter((_, index) => !matched[index])
    .map((section, index) => {
      const heading = section.text.split(/\r?\n/, 1)[0]!;
      const title = heading.replace(/^#+\s*/, '');
      return {
        label: section.name,
        kind: CompletionItemKind.Module,
        detail,
        filterText: `${hashes} ${title}`,
        textEdit: { range, newText: heading },
        sortText: String(index).padStart(3, '0'),
      };
    });
}

let allZones: readonly string[] | null = null;

function zoneCompletions(context: DocumentContext, range: Range): CompletionItem[] {
  allZones ??= Intl.supportedValuesOf('timeZone');
  const preferred = hoverZones(context);
  const names = [...new Set([...preferred, ...allZones])];
  return names.map((name, index) => ({
    label: name,
    kind: CompletionItemKind.EnumMember,
    detail: index < preferred.length ? 'one of the group\'s zones' : undefined,
    textEdit: { range, newText: name },
    sortText: `${index < preferred.length ? 'a' : 'b'}${String(index).padStart(4, '0')}`,
  }));
}

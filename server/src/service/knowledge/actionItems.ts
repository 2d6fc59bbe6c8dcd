import { DateTime } from 'luxon';
import { resolveNearestDate } from '../time/calendarDates';
import { editDistance } from './editDistance';
import { checkboxState } from '../parse/listItems';
import type { ListItem, MinutesModel } from '../parse/model';

/** One action item as one minutes file writes it. */
export interface ActionItemFact {
  /** The item's first line as written, after the marker and checkbox. */
  readonly text: string;
  /** What identifies the item from meeting to meeting: lower case, plain text, spaces collapsed. */
  readonly key: string;
  /** Owners' handles without `@`, as written. */
  readonly owners: readonly string[];
  /** true `[x]`, false `[ ]`; null for a commitment written without a checkbox ("@x will …"). */
  readonly checked: boolean | null;
  /** A date written in the item (ISO), read in the year nearest the meeting. */
  readonly deadline: string | null;
  /** The innermost heading's label above the item. */
  readonly section: string | null;
  /** The project an enclosing item links to (CPANSec's summary list), by its link text. */
  readonly project: string | null;
  /** Where it is written (0-based); only points the reader there. */
  readonly line: number;
  /** Offsets of the item's first-line text, for diagnostics on the open document. */
  readonly start: number;
  readonly end: number;
}

/**
 * Commitments written without a checkbox, as minutes did before checkboxes:
 * "@tux will create a ticket", "@garu and @sjn to create a roadmap", "@timlegge may take a look".
 */
const COMMITMENT = /((?:@[\w.-]+(?:\s*(?:,|&|and)\s*)?)+)\s+(?:[Ww]ill|[Ss]hall|is going to|are going to|to|may take|volunteered to|offered to|takes?|agreed to)\s+(?!be\b)[a-z]/g;
/** A call for volunteers: an action without an owner yet. */
const VOLUNTEERS = /\b(?:volunteers?\s+(?:are\s+)?(?:needed|wanted|welcome)|needs?\s+(?:a\s+)?volunteers?|we need volunteers)\b/i;
const HANDLE = /@([\w][\w.-]*[\w]|[\w])/g;

const itemsOfModel = new WeakMap<MinutesModel, { readonly date: string | null; readonly items: ActionItemFact[] }>();

/** The action items of one minutes file, in document order; read once per model (the workspace facts and stale-action both ask). */
export function actionItemsOf(model: MinutesModel, meetingDate: string | null): ActionItemFact[] {
  const known = itemsOfModel.get(model);
  if (known && known.date === meetingDate) return known.items;
  const items = readActionItems(model, meetingDate);
  itemsOfModel.set(model, { date: meetingDate, items });
  return items;
}

function readActionItems(model: MinutesModel, meetingDate: string | null): ActionItemFact[] {
  const meeting = meetingDate ? DateTime.fromISO(meetingDate, { zone: 'UTC' }) : null;
  const items: ActionItemFact[] = [];
  const headings = model.headings;
  let heading = -1;
  let nextDate = 0;
  let projectLines: Map<number, string> | null = null;
  for (const item of model.listItems) {
    while (heading + 1 < headings.length && headings[heading + 1]!.line < item.line) heading++;
    while (nextDate < model.dates.length && model.dates[nextDate]!.span.start < item.contentSpan.start) nextDate++;
    const text = item.content.trim();
    if (text === '') continue;
    const state = checkboxState(model.listItems, item);
    let owners: string[];
    let checked: boolean | null;
    if (item.checkbox) {
      checked = item.checkbox.checked;
      owners = handlesIn(text);
    } else {
      // Under a checked box the note is part of that item; under an open one it is its note.
      if (state !== 'plain') continue;
      const committed = commitmentOwners(text);
      if (committed === null) continue;
      checked = null;
      owners = committed;
    }
    let deadline: string | null = null;
    const date = model.dates[nextDate];
    if (date && date.span.end <= item.contentSpan.end) deadline = resolveNearestDate(date, meeting)?.toISODate() ?? null;
    items.push({
      text,
      key: actionKey(text),
      owners,
      checked,
      deadline,
      section: heading >= 0 ? headings[heading]!.label.trim() || headings[heading]!.title.trim() : null,
      project: projectAbove(model, item, (projectLines ??= projectLinkLines(model))),
      line: item.line,
      start: item.contentSpan.start,
      end: item.contentSpan.start + item.content.trimEnd().length,
    });
  }
  return items;
}

function handlesIn(text: string): string[] {
  const owners: string[] = [];
  for (const match of text.matchAll(HANDLE)) {
    const before = text[match.index - 1];
    // Not an e-mail address or a path.
    if (before && /[\w/.]/.test(before)) continue;
    if (!owners.some((o) => o.toLowerCase() === match[1]!.toLowerCase())) owners.push(match[1]!);
  }
  return owners;
}

/** The handles that commit to something in the text; [] for a call for volunteers; null when it is no commitment. */
function commitmentOwners(text: string): string[] | null {
  const owners: string[] = [];
  for (const match of text.matchAll(COMMITMENT)) {
    for (const handle of handlesIn(match[1]!)) if (!owners.some((o) => o.toLowerCase() === handle.toLowerCase())) owners.push(handle);
  }
  if (owners.length > 0) return owners;
  return VOLUNTEERS.test(text) ? [] : null;
}

/** The text of the first project link on each line that has one. */
function projectLinkLines(model: MinutesModel): Map<number, string> {
  const lines = new Map<number, string>();
  for (const link of model.links) if (link.project && !lines.has(link.line)) lines.set(link.line, link.text.trim());
  return lines;
}

function projectAbove(model: MinutesModel, item: ListItem, projectLines: ReadonlyMap<number, string>): string | null {
  for (let at: ListItem | undefined = item; at; at = model.listItems[at.parent]) {
    const text = projectLines.get(at.line);
    if (text !== undefined) return text || null;
  }
  return null;
}

/** What identifies an item across meetings: the text without Markdown, lower case, spaces collapsed. */
export function actionKey(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_~`]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.;:,!]+$/, '')
    .trim();
}

export function sameActionItems(a: readonly ActionItemFact[], b: readonly ActionItemFact[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((item, i) => {
    const other = b[i]!;
    return item.key === other.key && item.checked === other.checked && item.deadline === other.deadline && item.section === other.section && item.project === other.project;
  });
}

/** One meeting an item is written in. */
export interface ActionOccurrence {
  readonly uri: string;
  readonly date: string;
  readonly line: number;
  readonly checked: boolean | null;
  /** The item's key as written there (small edits change it). */
  readonly key: string;
}

/** An action item followed across the workspace's minutes. */
export interface TrackedActionItem {
  /** Its text as last written. */
  readonly text: string;
  readonly key: string;
  readonly owners: readonly string[];
  /** open: unchecked (or a commitment) where last written; done: checked; dropped: unchecked and left out of the latest minutes. */
  readonly state: 'open' | 'done' | 'dropped';
  /** Whether it is written with a checkbox (commitments without one cannot be ticked). */
  readonly checkbox: boolean;
  /** The meetings it is written in, oldest first. */
  readonly occurrences: readonly ActionOccurrence[];
  /** How many later meetings it was carried into. */
  readonly carried: number;
  /** The date of the first minutes that show it checked, when done. */
  readonly doneOn: string | null;
  readonly deadline: string | null;
  readonly section: string | null;
  readonly project: string | null;
}

/** The workspace's action items, and the date of its latest minutes (what "open" is judged by). */
export interface ActionItemsModel {
  readonly items: readonly TrackedActionItem[];
  readonly latestMeeting: string | null;
}

/** What the tracker needs of each minutes file. */
export interface ActionSource {
  readonly uri: string;
  readonly date: string | null;
  readonly actionItems: readonly ActionItemFact[];
}

/** An item missing from this many minutes files in a row no longer continues. */
const CARRY_GAP = 3;

/**
 * Follows action items through the minutes in date order: an item written again (the same
 * text, or a small edit of it with the same owners) continues the item from an earlier meeting.
 */
export function trackActionItems(files: readonly ActionSource[]): ActionItemsModel {
  const dated = files.filter((f) => f.date !== null).sort((a, b) => a.date!.localeCompare(b.date!) || a.uri.localeCompare(b.uri));
  interface Building {
    facts: ActionItemFact[];
    occurrences: ActionOccurrence[];
    lastFile: number;
  }
  const building: Building[] = [];
  const byKey = new Map<string, Building[]>();
  dated.forEach((file, fileIndex) => {
    const taken = new Set<Building>();
    for (const fact of file.actionItems) {
      const found = continued(fact, fileIndex);
      let entry = found && !taken.has(found) ? found : null;
      if (!entry) {
        entry = { facts: [], occurrences: [], lastFile: fileIndex };
        building.push(entry);
      }
      taken.add(entry);
      entry.facts.push(fact);
      entry.occurrences.push({ uri: file.uri, date: file.date!, line: fact.line, checked: fact.checked, key: fact.key });
      entry.lastFile = fileIndex;
      const keyed = byKey.get(fact.key) ?? [];
      if (!keyed.includes(entry)) keyed.push(entry);
      byKey.set(fact.key, keyed);
    }
    function continued(fact: ActionItemFact, at: number): Building | null {
      const exact = byKey.get(fact.key)?.filter((b) => b.lastFile < at && !taken.has(b));
      if (exact?.length) return exact[exact.length - 1]!;
      let best: Building | null = null;
      let bestDistance = Infinity;
      for (let i = building.length - 1; i >= 0; i--) {
        const candidate = building[i]!;
        if (candidate.lastFile >= at || at - candidate.lastFile > CARRY_GAP || taken.has(candidate)) continue;
        const last = candidate.facts[candidate.facts.length - 1]!;
        if (!sameOwners(last.owners, fact.owners)) continue;
        const limit = Math.max(2, Math.floor(Math.max(last.key.length, fact.key.length) * 0.15));
        // A note added to the end ("… tents (one done)") keeps the item, as a small edit does.
        const distance = isExtension(last.key, fact.key) ? limit : editDistance(last.key, fact.key, limit);
        if (distance <= limit && distance < bestDistance) [best, bestDistance] = [candidate, distance];
      }
      return best;
    }
  });
  const latest = dated.length - 1;
  const items = building.map((entry): TrackedActionItem => {
    const last = entry.facts[entry.facts.length - 1]!;
    const firstDone = entry.occurrences.findIndex((o, i) => o.checked === true && entry.occurrences.slice(i).every((later) => later.checked === true));
    const state: TrackedActionItem['state'] = last.checked === true ? 'done' : last.checked === null || entry.lastFile === latest ? 'open' : 'dropped';
    return {
      text: last.text,
      key: last.key,
      owners: last.owners,
      state,
      checkbox: entry.facts.some((f) => f.checked !== null),
      occurrences: entry.occurrences,
      carried: entry.occurrences.length - 1,
      doneOn: state === 'done' && firstDone >= 0 ? entry.occurrences[firstDone]!.date : null,
      deadline: last.deadline ?? entry.facts.find((f) => f.deadline)?.deadline ?? null,
      section: last.section,
      project: last.project,
    };
  });
  return { items, latestMeeting: dated[latest]?.date ?? null };
}

/** One text is the other with words added at the end, and the shorter says enough to be the same item. */
function isExtension(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 15 && short.split(' ').length >= 3 && long.startsWith(short) && /^[\s(,;:–-]/.test(long.slice(short.length));
}

function sameOwners(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a.map((o) => o.toLowerCase()));
  return b.every((o) => set.has(o.toLowerCase()));
}

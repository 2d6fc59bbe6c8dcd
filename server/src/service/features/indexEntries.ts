import type { DocumentContext } from '../documentContext';
import type { MinutesFileInfo } from '../knowledge/types';
import type { ListItem } from '../parse/model';
import { fileName, minutesLinks, type MinutesLink } from './diagnostics/minutesLinks';

export interface ListedItem {
  readonly item: ListItem;
  readonly link: MinutesLink;
}

/** The list items that hold the index's links to minutes. */
export function listedItems(context: DocumentContext, links: readonly MinutesLink[]): ListedItem[] {
  const found: ListedItem[] = [];
  for (const link of links) {
    const item = context.model.listItems.find((i) => i.contentSpan.start <= link.link.span.start && link.link.span.end <= i.contentSpan.end);
    if (item) found.push({ item, link });
  }
  return found;
}

/**
 * Where and how to list a file on the index page, in the style of the neighbouring entries
 * and where the index's own ordering puts it: in the list of its year when the index groups
 * minutes by year (a new year's list beside the others when there is none yet), ascending or
 * descending as that list (else the index as a whole) runs.
 */
export function indexInsertion(context: DocumentContext, file: MinutesFileInfo, links: readonly MinutesLink[] = minutesLinks(context)): { at: number; text: string } | null {
  const items = listedItems(context, links).filter((i) => i.link.file?.date);
  if (items.length === 0) return null;
  const { model } = context;
  const date = file.date ?? '';
  const groups = listsOf(context, items);
  const runs = (list: readonly ListedItem[]) => list.map((i) => i.link.file!.date!);
  const directionOf = (dates: readonly string[]) => (dates.length > 1 && dates[0] !== dates[dates.length - 1] ? (dates[0]! > dates[dates.length - 1]! ? 'down' : 'up') : null);
  const overall = groups.map((g) => directionOf(runs(g))).find((d) => d !== null) ?? directionOf(runs(items)) ?? 'up';
  const year = date.slice(0, 4);
  const headingOf = (g: readonly ListedItem[]) => [...model.headings].reverse().find((h) => h.span.start < g[0]!.item.span.start) ?? null;
  const yearHeading = (g: readonly ListedItem[]) => headingOf(g)?.title.includes(runs(g)[0]!.slice(0, 4)) ?? false;
  const byYear = groups.every((g) => new Set(runs(g).map((d) => d.slice(0, 4))).size === 1) && (groups.length > 1 || yearHeading(groups[0]!));
  let group = byYear ? groups.find((g) => runs(g)[0]!.startsWith(year)) : groups.length === 1 ? groups[0] : nearestGroup(groups, date);
  const sample = (group ?? groups[0]!)[0]!;
  const line = entryLine(context, sample, file);
  if (!group) {
    // A new year: a list of its own, with a heading like the other years', before or after them.
    const years = groups.map((g) => runs(g)[0]!.slice(0, 4));
    const newestFirst = years.length > 1 ? years[0]! > years[years.length - 1]! : overall === 'down';
    const neighbour = newestFirst ? groups.find((g) => runs(g)[0]!.slice(0, 4) < year) : [...groups].reverse().find((g) => runs(g)[0]!.slice(0, 4) < year);
    const target = neighbour ?? groups[newestFirst ? groups.length - 1 : 0]!;
    const heading = headingOf(target);
    const headingText = heading && yearHeading(target) ? model.text.slice(heading.span.start, heading.span.end).replace(/\d{4}/, year) : null;
    const eol = model.eol;
    const block = `${headingText ? `${headingText}${eol}${eol}` : ''}${line}${eol}${eol}`;
    const placeBefore = newestFirst ? neighbour !== undefined : neighbour === undefined;
    if (placeBefore && heading) return { at: heading.span.start, text: block };
    const last = target[target.length - 1]!;
    return { at: last.item.span.end, text: `${eol}${eol}${block.slice(0, block.length - eol.length * 2)}` };
  }
  const direction = directionOf(runs(group)) ?? overall;
  const dates = runs(group);
  const before = group.find((_, index) => (direction === 'down' ? dates[index]! < date : dates[index]! > date));
  if (before) return { at: model.lineStarts[before.item.line]!, text: line + model.eol };
  const last = group[group.length - 1]!;
  return { at: last.item.span.end, text: model.eol + line };
}

/** The index's entry for a file, written like `sample`. */
function entryLine(context: DocumentContext, sample: ListedItem, file: MinutesFileInfo): string {
  const { model } = context;
  const prefix = model.text.slice(model.lineStarts[sample.item.line]!, sample.item.contentSpan.start);
  const label = /^\d{4}-\d{2}-\d{2}$/.test(sample.link.link.text) ? (file.date ?? '') : fileName(file.uri).replace(/\.md$/, '');
  const target = sample.link.link.target.includes('/')
    ? sample.link.link.target.slice(0, sample.link.link.target.lastIndexOf('/') + 1) + fileName(file.uri)
    : fileName(file.uri);
  return `${prefix}[${label}](${target})`;
}

/** The entries split into the index's separate lists (a heading or other text between them starts a new one). */
function listsOf(context: DocumentContext, items: readonly ListedItem[]): ListedItem[][] {
  const { model } = context;
  const groups: ListedItem[][] = [];
  let previous: ListedItem | null = null;
  for (const entry of items) {
    const between = previous ? model.text.slice(previous.item.span.end, model.lineStarts[entry.item.line]!) : '';
    const sameList = previous && entry.item.indent === previous.item.indent && between.trim() === '';
    if (sameList) groups[groups.length - 1]!.push(entry);
    else groups.push([entry]);
    previous = entry;
  }
  return groups;
}

/** Without year lists: the list whose dates come nearest the new one. */
function nearestGroup(groups: readonly ListedItem[][], date: string): ListedItem[] {
  let best = groups[0]!;
  let distance = Infinity;
  for (const group of groups) {
    for (const entry of group) {
      const d = Math.abs(Date.parse(entry.link.file!.date!) - Date.parse(date));
      if (d < distance) [best, distance] = [group, d];
    }
  }
  return best;
}

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

/** Where and how to list a file on the index page: in date order, in the style of the neighbouring entries. */
export function indexInsertion(context: DocumentContext, file: MinutesFileInfo, links: readonly MinutesLink[] = minutesLinks(context)): { at: number; text: string } | null {
  const items = listedItems(context, links);
  if (items.length === 0) return null;
  const dates = items.map((i) => i.link.file?.date ?? '');
  const descending = dates.length > 1 && dates[0]! > dates[dates.length - 1]!;
  const date = file.date ?? '';
  const model = items[0]!;
  const lineStart = context.model.lineStarts[model.item.line]!;
  const prefix = context.model.text.slice(lineStart, model.item.contentSpan.start);
  const label = /^\d{4}-\d{2}-\d{2}$/.test(model.link.link.text) ? date : fileName(file.uri).replace(/\.md$/, '');
  const target = model.link.link.target.includes('/')
    ? model.link.link.target.slice(0, model.link.link.target.lastIndexOf('/') + 1) + fileName(file.uri)
    : fileName(file.uri);
  const line = `${prefix}[${label}](${target})`;
  const before = items.find((_, index) => (descending ? dates[index]! < date : dates[index]! > date));
  if (before) return { at: context.model.lineStarts[before.item.line]!, text: line + context.model.eol };
  const last = items[items.length - 1]!;
  return { at: last.item.span.end, text: context.model.eol + line };
}

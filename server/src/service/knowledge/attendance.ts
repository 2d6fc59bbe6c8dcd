import type { HandleRef, MinutesModel } from '../parse/model';

const PRESENT = /^\W*(?:attendees?|present|attending)\b/i;
const AWAY = /^\W*(?:regrets?|absents?|absent|apologies|not attending)\b/i;

/**
 * Which handles of a minutes file are listed as attending: under an "Attendees"/"Present"
 * list item (CPANSec writes `- Present: @a, @b` or `* Attendees` with sub-items) or in an
 * "Attendees" section, and not under "Regrets"/"Absents".
 */
export function attendees(model: MinutesModel): Set<string> {
  const present = new Set<string>();
  const items = model.listItems;
  const verdictOfItem = new Map<number, boolean | null>();
  const verdict = (index: number): boolean | null => {
    if (verdictOfItem.has(index)) return verdictOfItem.get(index)!;
    const item = items[index]!;
    const own = PRESENT.test(item.content) ? true : AWAY.test(item.content) ? false : null;
    const result = own ?? (item.parent >= 0 ? verdict(item.parent) : null);
    verdictOfItem.set(index, result);
    return result;
  };
  let itemIndex = 0;
  let headingIndex = -1;
  for (const handle of model.handles) {
    while (itemIndex + 1 < items.length && items[itemIndex + 1]!.line <= handle.line) itemIndex++;
    while (headingIndex + 1 < model.headings.length && model.headings[headingIndex + 1]!.line <= handle.line) headingIndex++;
    if (isPresent(model, handle, itemIndex, headingIndex, verdict)) present.add(handle.name.toLowerCase());
  }
  return present;
}

function isPresent(model: MinutesModel, handle: HandleRef, itemIndex: number, headingIndex: number, verdict: (i: number) => boolean | null): boolean {
  const item = model.listItems[itemIndex];
  const heading = headingIndex >= 0 ? model.headings[headingIndex]! : null;
  const inItem = item && item.span.start <= handle.span.start && handle.span.end <= item.span.end && (!heading || item.line > heading.line);
  const fromItem = inItem ? verdict(itemIndex) : null;
  if (fromItem !== null) return fromItem;
  return !!heading && PRESENT.test(heading.label) && !AWAY.test(heading.label);
}

import type { ListItem, Span } from './model';

/** The innermost list item holding a position on `line` (items are in document order: bisected). */
export function itemHolding(items: readonly ListItem[], line: number, at: Span): ListItem | null {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (items[mid]!.line <= line) low = mid + 1;
    else high = mid;
  }
  let item = items[low - 1];
  while (item && !(item.span.start <= at.start && at.start < item.span.end)) item = items[item.parent];
  return item ?? null;
}

/** An item is checked when it or an item it is under is; open when under an unchecked box; else plain. */
export function checkboxState(items: readonly ListItem[], item: ListItem): 'checked' | 'open' | 'plain' {
  let state: 'open' | 'plain' = 'plain';
  for (let at: ListItem | undefined = item; at; at = items[at.parent]) {
    if (at.checkbox?.checked) return 'checked';
    if (at.checkbox) state = 'open';
  }
  return state;
}

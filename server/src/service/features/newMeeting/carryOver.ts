import type { ListItem, MinutesModel, Span } from '../../parse/model';
import { endOfLine } from '../../parse/lines';

/**
 * The group's rule for drafting the next agenda from minutes: unchecked `- [ ]` items carry
 * over with their sub-items; checked `- [x]` items and everything under them are dropped;
 * items without a checkbox follow their nearest parent with one. Items with no checkbox
 * anywhere above them are information from the meeting and stay behind — except project
 * board links, the skeleton of the "current work" list, which carry over with a `…`
 * placeholder when nothing under them does. `keepInformation` carries information that is
 * still current (an upcoming event) with what is under it.
 */
export function carryOver(model: MinutesModel, section: Span, keepInformation?: (item: ListItem) => boolean): string[] {
  const items = model.listItems.filter((item) => item.span.start >= section.start && item.span.start < section.end);
  if (items.length === 0) return [];
  const indexOf = new Map(items.map((item) => [item, model.listItems.indexOf(item)]));
  const decision = new Map<number, 'keep' | 'drop' | 'info'>();
  const decide = (index: number): 'keep' | 'drop' | 'info' => {
    const known = decision.get(index);
    if (known) return known;
    const item = model.listItems[index]!;
    let result: 'keep' | 'drop' | 'info';
    const parent = item.parent >= 0 ? decide(item.parent) : 'info';
    // Everything under a checked item goes with it, even an open box.
    if (parent === 'drop') result = 'drop';
    else if (item.checkbox) result = item.checkbox.checked ? 'drop' : 'keep';
    else if (parent === 'info' && keepInformation) result = keepInformation(item) ? 'keep' : 'info';
    else result = parent;
    decision.set(index, result);
    return result;
  };
  const keptBelow = new Set<number>();
  for (const item of items) {
    const index = indexOf.get(item)!;
    if (decide(index) !== 'keep') continue;
    for (let p = item.parent; p >= 0; p = model.listItems[p]!.parent) keptBelow.add(p);
  }
  const lines: string[] = [];
  for (const item of items) {
    const index = indexOf.get(item)!;
    const verdict = decide(index);
    if (verdict === 'keep' || keptBelow.has(index)) {
      lines.push(...ownLines(model, item));
    } else if (verdict === 'info' && item.parent < 0 && isProjectItem(model, item)) {
      lines.push(...ownLines(model, item));
      const child = model.listItems[index + 1]?.parent === index ? model.listItems[index + 1]! : null;
      const indent = child ? model.text.slice(model.lineStarts[child.line]!, child.markerSpan.start) : ' '.repeat(item.indent + 4);
      const marker = child && !/\d/.test(child.marker) ? child.marker : '*';
      lines.push(`${indent}${marker}${marker === '*' ? '   ' : ' '}…`);
    }
  }
  return lines;
}

/** The item's own line and its continuation lines (not its sub-items). */
function ownLines(model: MinutesModel, item: ListItem): string[] {
  const lines: string[] = [];
  const { text, lineStarts } = model;
  for (let line = item.line; line < lineStarts.length; line++) {
    const start = lineStarts[line]!;
    if (start >= item.span.end && line > item.line) break;
    const content = text.slice(start, endOfLine(text, lineStarts, line));
    if (line > item.line && (/^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)/.test(content) || content.trim() === '')) break;
    lines.push(content);
  }
  return lines;
}

function isProjectItem(model: MinutesModel, item: ListItem): boolean {
  return model.links.some((link) => link.project && link.span.start >= item.contentSpan.start && link.span.end <= item.contentSpan.end);
}

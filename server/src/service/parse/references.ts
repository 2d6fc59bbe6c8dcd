import type { LineDefinition } from './lineTokens';
import { skipIndentation } from './lines';

/** How references and definitions are matched: trimmed, white space collapsed, case folded (as markdown-it does). */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();
}

/** The end of a link label `[…]` opening at `open` (its `]`), or -1: labels hold no unescaped brackets. */
export function labelEnd(line: string, open: number): number {
  for (let i = open + 1; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 91 /* [ */) return -1;
    else if (c === 93 /* ] */) return i - open - 1 > 999 ? -1 : i;
  }
  return -1;
}

/**
 * A link reference definition on one line, from `start`: `[label]: destination`, optionally
 * followed by a title in quotes or parentheses, and nothing else. A definition whose
 * destination or title continues on the next lines is not recognised.
 */
export function scanDefinition(line: string, start: number): LineDefinition | null {
  if (line.charCodeAt(start) !== 91 /* [ */) return null;
  const close = labelEnd(line, start);
  if (close < 0 || line.charCodeAt(close + 1) !== 58 /* : */) return null;
  const label = normalizeLabel(line.slice(start + 1, close));
  if (!label) return null;
  const destinationStart = skipIndentation(line, close + 2);
  const destinationEnd = destinationEndAt(line, destinationStart);
  if (destinationEnd < 0) return null;
  let at = skipIndentation(line, destinationEnd);
  if (at < line.length && at > destinationEnd) at = skipIndentation(line, titleEnd(line, at));
  if (at < line.length) return null;
  return { label, destination: line.slice(destinationStart, destinationEnd), destinationStart, destinationEnd, start };
}

/** After a link destination `<…>` or a run without spaces and with balanced parentheses; -1 when there is none. */
function destinationEndAt(line: string, start: number): number {
  if (line.charCodeAt(start) === 60 /* < */) {
    for (let i = start + 1; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 92) i++;
      else if (c === 60) return -1;
      else if (c === 62 /* > */) return i + 1;
    }
    return -1;
  }
  let depth = 0;
  let i = start;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c <= 32 || c === 127) break;
    if (c === 92 && i + 1 < line.length) i++;
    else if (c === 40 /* ( */) depth++;
    else if (c === 41 /* ) */ && --depth < 0) break;
  }
  return i === start || depth !== 0 ? -1 : i;
}

/** After a title `"…"`, `'…'` or `(…)` opening at `start`; `start` itself when there is none. */
function titleEnd(line: string, start: number): number {
  const open = line.charCodeAt(start);
  const close = open === 40 ? 41 : open;
  if (open !== 34 && open !== 39 && open !== 40) return start;
  for (let i = start + 1; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 92) i++;
    else if (c === close) return i + 1;
    else if (open === 40 && c === 40) return start;
  }
  return start;
}

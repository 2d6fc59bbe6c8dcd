import type { MinutesFileInfo } from '../../knowledge/types';
import type { LinkRef } from '../../parse/model';
import { scanDates } from '../../parse/textDates';
import { replaceSpan } from './fixes';
import type { LinesContext, Reporter } from './rule';

/** A relative link to what looks like a minutes file (`cpansec-minutes-2024-01-06.md`, or its `.html`). */
const MINUTES_TARGET = /^(?![a-z][\w+.-]*:)[^?#]*minutes[^/?#]*\.(?:md|html)(?:[?#].*)?$/i;

export interface MinutesLink {
  readonly link: LinkRef;
  /** The file the link resolves to (as a `.md` URI). */
  readonly uri: string;
  /** The linked minutes, when the file is known. */
  readonly file: MinutesFileInfo | null;
}

/** The document's links to minutes files, resolved against the document and the site root. */
export function minutesLinks(context: LinesContext<never>): MinutesLink[] {
  const files = new Map(context.knowledge.minutesFiles.map((file) => [file.uri, file]));
  const found: MinutesLink[] = [];
  for (const link of context.model.links) {
    if (!MINUTES_TARGET.test(link.target)) continue;
    const uri = resolveTarget(link.target, context.model.uri, context.knowledge.rootUri);
    if (!uri) continue;
    found.push({ link, uri, file: files.get(uri) ?? null });
  }
  return found;
}

function resolveTarget(target: string, documentUri: string, rootUri: string): string | null {
  try {
    const path = target.split(/[?#]/)[0]!.replace(/\.html$/i, '.md');
    const base = path.startsWith('/') ? `${rootUri}/` : documentUri;
    return new URL(path.replace(/^\//, ''), base).href;
  } catch {
    return null;
  }
}

/**
 * Links to minutes files that do not exist, or whose label's date is not the linked file's.
 * The index page and minutes both have such lists (the index, and "Approve previous minutes").
 */
export function checkMinutesLinks(context: LinesContext<never>, report: Reporter): void {
  const known = context.knowledge.minutesFiles;
  for (const { link, uri, file } of minutesLinks(context)) {
    const label = labelDate(link.text);
    if (!file) {
      const byLabel = label ? known.find((f) => f.date === label.date) : undefined;
      const name = uri.slice(uri.lastIndexOf('/') + 1);
      report({
        start: link.targetSpan.start,
        end: link.targetSpan.end,
        message: `${name} does not exist among the minutes${byLabel ? `; the minutes of ${label!.date} are ${fileName(byLabel.uri)}` : ''}.`,
        fixes: byLabel ? [replaceSpan(context, `Link to ${fileName(byLabel.uri)}`, link.targetSpan, relativeTarget(link.target, byLabel.uri))] : [],
      });
      continue;
    }
    if (label && file.date && label.date !== file.date) {
      const span = { start: link.textSpan.start + label.start, end: link.textSpan.start + label.end };
      report({
        start: span.start,
        end: span.end,
        message: `The label says ${label.date}, but ${fileName(uri)} holds the minutes of ${file.date}.`,
        fixes: label.iso ? [replaceSpan(context, `Change the label to ${file.date}`, span, file.date)] : [],
      });
    }
  }
}

export function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** A target for `uri` written like `previous` (same folder prefix). */
function relativeTarget(previous: string, uri: string): string {
  const folder = previous.includes('/') ? previous.slice(0, previous.lastIndexOf('/') + 1) : '';
  const extension = /\.html(?:[?#].*)?$/i.test(previous) ? '.html' : '.md';
  return folder + fileName(uri).replace(/\.md$/i, extension);
}

/** The date a link's label names: an ISO date anywhere in it (even in a file name), else a written date. */
function labelDate(text: string): { date: string; start: number; end: number; iso: boolean } | null {
  const isoMatch = /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (isoMatch) return { date: isoMatch[0], start: isoMatch.index, end: isoMatch.index + 10, iso: true };
  const written = scanDates(text, [])[0];
  if (!written || written.year === null) return null;
  return { date: iso(written.year, written.month, written.day), start: written.start, end: written.end, iso: false };
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

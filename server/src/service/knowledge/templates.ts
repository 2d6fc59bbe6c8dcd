import { parseMinutes } from '../parse/parseMinutes';
import { scanDates } from '../parse/textDates';
import type { Heading } from '../parse/model';
import { BUILTIN_TEMPLATE_SINCE, BUILTIN_TEMPLATE_TEXT } from './builtinTemplate';
import type { MinutesTemplate, TemplateSection } from './types';

/** Front-matter keys a template may require; others (`toc`) are a matter of taste. */
const REQUIRABLE_KEYS = ['layout', 'title', 'meeting_time'];

/**
 * Reads a template file: its headings are the sections, its front-matter keys the required
 * keys, and the date in its `meeting_time` the day from which it is in force (CPANSec's
 * template carries the date of the meeting it was made from).
 */
export function templateFromText(text: string, source: string, name: string, since?: string): MinutesTemplate | null {
  const model = parseMinutes(text, source, 0);
  const headings = model.headings;
  if (headings.length === 0) return null;
  const sections: TemplateSection[] = headings.map((heading, index) => ({
    level: heading.level,
    title: heading.title,
    label: heading.label.trim(),
    text: text.slice(heading.span.start, headings[index + 1]?.span.start ?? text.length).trimEnd(),
  }));
  const keys = [...(model.frontMatter?.entries.keys() ?? [])];
  const dated = since ?? dateOfTemplate(model.frontMatter?.entries.get('meeting_time')?.scalar?.source);
  if (!dated) return null;
  return {
    name,
    source,
    since: dated,
    sections,
    frontMatterKeys: keys.filter((key) => REQUIRABLE_KEYS.includes(key)),
    text,
  };
}

function dateOfTemplate(value: string | undefined): string | null {
  if (!value) return null;
  const date = scanDates(value, [])[0];
  if (!date || date.year === null) return null;
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export const BUILTIN_TEMPLATE: MinutesTemplate = templateFromText(
  BUILTIN_TEMPLATE_TEXT,
  'built-in',
  'CPANSec minutes (built-in)',
  BUILTIN_TEMPLATE_SINCE,
)!;

/** The template that judges a file of this date: the newest one in force by then. Workspace templates win ties. */
export function templateInForce(templates: readonly MinutesTemplate[], isoDate: string): MinutesTemplate | null {
  let best: MinutesTemplate | null = null;
  for (const template of templates) {
    if (template.since > isoDate) continue;
    if (!best || template.since > best.since || (template.since === best.since && best.source === 'built-in')) best = template;
  }
  return best;
}

const STOP_WORDS = new Set(['and', 'the', 'a', 'an', 'of', 'for', 'by', 'to', 'in', 'on', 'with', 'their', 'our', 's']);
const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['begin', 'start'],
  ['begins', 'start'],
  ['starts', 'start'],
  ['organizer', 'chair'],
  ['organiser', 'chair'],
  ['deputy', 'secretary'],
  ['absent', 'absents'],
  ['regret', 'regrets'],
  ['attendee', 'attendees'],
]);

function words(label: string): string[] {
  return label
    .toLowerCase()
    // A linked heading is named by its text; a project board also by its number, so that two boards differ.
    .replace(/\]\([^)]*?\/projects\/(\d+)[^)]*\)/g, ' project$1 ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/@[\w-]+/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    // Dates, numbers and times in a heading ("Meeting Details 2025-01-08", "2. Welcome") name no section.
    .filter((word) => word && !STOP_WORDS.has(word) && !/^\d+$/.test(word))
    .map((word) => SYNONYMS.get(word) ?? word);
}

const wordsOfTemplates = new WeakMap<SectionList, Words[]>();

/** Anything with named sections: a template, or a layout learned from earlier minutes. */
export interface SectionList {
  readonly sections: readonly { readonly label: string }[];
}

interface Words {
  readonly set: ReadonlySet<string>;
  readonly first: string | undefined;
}

function wordsOf(label: string): Words {
  const list = words(label);
  return { set: new Set(list), first: list[0] };
}

/** How well a document heading stands for a template section (0 … ~1.75); 0.5 and above is a match. */
export function sectionScore(heading: string, section: string): number {
  return score(wordsOf(heading), wordsOf(section));
}

function score(a: Words, b: Words): number {
  if (a.set.size === 0 || b.set.size === 0) return 0;
  let shared = 0;
  for (const word of a.set) if (b.set.has(word)) shared++;
  if (shared === 0) return 0;
  let result = shared / (a.set.size + b.set.size - shared);
  const sameStart = a.first === b.first;
  // One name inside the other counts when it is a real part of it, or starts the same way
  // ("Attendees" for "Attendees, absents & regrets"), not a lone common word ("Minutes").
  const contained = shared === Math.min(a.set.size, b.set.size);
  if (contained && (sameStart || shared * 2 >= Math.max(a.set.size, b.set.size))) result += 0.5;
  if (sameStart) result += 0.25;
  return result;
}

/**
 * Pairs template sections with the document's headings, one to one, best scores first.
 * Returns, per template section, the matching heading or null.
 */
export function matchSections<H extends Pick<Heading, 'level' | 'label'>>(template: SectionList, headings: readonly H[]): (H | null)[] {
  const candidates: { section: number; heading: number; score: number }[] = [];
  let sectionWords = wordsOfTemplates.get(template);
  if (!sectionWords) wordsOfTemplates.set(template, (sectionWords = template.sections.map((section) => wordsOf(section.label))));
  // Headings repeat (a long file has many "Attendees"): score each distinct label once.
  const byLabel = new Map<string, { section: number; score: number }[]>();
  headings.forEach((heading, h) => {
    // A level-1 heading is the document's title, not one of its sections.
    if (heading.level === 1) return;
    let matches = byLabel.get(heading.label);
    if (!matches) {
      const own = wordsOf(heading.label);
      matches = [];
      sectionWords.forEach((section, s) => {
        const value = score(own, section);
        if (value >= 0.5) matches!.push({ section: s, score: value });
      });
      byLabel.set(heading.label, matches);
    }
    for (const match of matches) candidates.push({ section: match.section, heading: h, score: match.score });
  });
  candidates.sort((x, y) => y.score - x.score || x.heading - y.heading);
  const matched: (H | null)[] = template.sections.map(() => null);
  const usedHeadings = new Set<number>();
  for (const candidate of candidates) {
    if (matched[candidate.section] || usedHeadings.has(candidate.heading)) continue;
    matched[candidate.section] = headings[candidate.heading]!;
    usedHeadings.add(candidate.heading);
  }
  return matched;
}

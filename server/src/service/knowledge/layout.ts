import { matchSections, sectionScore, templateInForce } from './templates';
import type { MinutesFileInfo, MinutesTemplate, SectionHeading, TemplateSection, WorkspaceKnowledge } from './types';

/**
 * The sections a minutes file is expected to have, learned from the group's own recent
 * minutes: groups change their layout (CPANSec stopped electing a chair at every meeting,
 * then gave each project board its own section), and a frozen template would report every
 * later file. A template still supplies the text a fix inserts, marks which sections are
 * structure rather than topics, and defines the layout while there is too little history
 * or when it was adopted after the recent minutes were written.
 */
export interface ExpectedLayout {
  readonly source: 'learned' | 'template';
  /** The template in force for the file's date, if any. */
  readonly template: MinutesTemplate | null;
  readonly sections: readonly ExpectedSection[];
  /** The minutes the layout was learned from, oldest first (empty for a template layout). */
  readonly recent: readonly MinutesFileInfo[];
  /** The next minutes after the file, if the group has written them. */
  readonly next: MinutesFileInfo | null;
}

export interface ExpectedSection {
  /** The section's heading as the group writes it now (or as the template has it), without a leading time. */
  readonly label: string;
  /** The label as a reader sees it: link text without its target. */
  readonly name: string;
  readonly level: number;
  /** What a fix inserts: the template's section where it has one, else the heading alone. */
  readonly text: string;
  /** The recent minutes that have it, oldest first, with their heading. */
  readonly seenIn: readonly { readonly file: MinutesFileInfo; readonly heading: SectionHeading }[];
}

/** How many of the latest minutes show what the group writes now. */
export const RECENT_FILES = 4;
/** Of those, how many must have a section for it to be expected. */
const RECENT_NEEDED = 3;
/** Fewer earlier minutes than this, and the template decides. */
const MIN_HISTORY = 3;
/**
 * Sections minutes commonly have, whatever the group: with the template's sections and the
 * project-board headings they tell structure from running topics ("TLS in core" may run
 * for months and then end; its absence is no slip).
 */
const COMMON_SECTIONS = [
  'Attendees', 'Present', 'Apologies', 'Regrets', 'Absent', 'Agenda', 'Approval of previous minutes',
  'Matters arising', 'Action items', 'Actions', 'Decisions', 'Reports', 'Any other business', 'AOB',
  'Next meeting', 'Adjournment', 'Call to order', 'Welcome', 'Opening', 'Closing', 'Meeting details',
];
const PROJECT_BOARD = /\]\([^)]*\/projects\/\d+/;

const cache = new WeakMap<WorkspaceKnowledge, Map<string, ExpectedLayout>>();

/** The layout in force for the minutes at `uri`, dated `date` (ISO). */
export function expectedLayout(knowledge: WorkspaceKnowledge, uri: string, date: string): ExpectedLayout {
  let byFile = cache.get(knowledge);
  if (!byFile) cache.set(knowledge, (byFile = new Map()));
  const key = `${uri}|${date}`;
  let layout = byFile.get(key);
  if (!layout) byFile.set(key, (layout = learnLayout(knowledge, uri, date)));
  return layout;
}

function learnLayout(knowledge: WorkspaceKnowledge, uri: string, date: string): ExpectedLayout {
  const dated = knowledge.minutesFiles.filter((file) => file.uri !== uri && file.date !== null && file.sections.length > 0);
  const before = dated.filter((file) => file.date! < date);
  const next = dated.find((file) => file.date! > date) ?? null;
  const template = templateInForce(knowledge.templates, date);
  const recent = before.slice(-RECENT_FILES);
  // The group's own templates say when its layout began: older files are not judged.
  const ownTemplates = knowledge.templates.some((t) => t.source !== 'built-in');
  if (ownTemplates && (template === null || template.source === 'built-in')) return { source: 'template', template: null, next, recent: [], sections: [] };
  const templateIsNewer = template !== null && template.source !== 'built-in' && recent.length > 0 && template.since > recent[0]!.date!;
  if (before.length < MIN_HISTORY || templateIsNewer) {
    return { source: 'template', template, next, recent: [], sections: template ? template.sections.map((section) => fromTemplate(section)) : [] };
  }
  const latest = before[before.length - 1]!;
  // Every section of the latest minutes is a candidate; each recent file votes for the ones it has.
  const candidates = { sections: latest.sections };
  const presence = recent.map((file) => matchSections(candidates, file.sections));
  const needed = Math.min(RECENT_NEEDED, recent.length);
  const templateMatch = template ? matchSections(template, latest.sections) : [];
  const sections: ExpectedSection[] = [];
  latest.sections.forEach((heading, index) => {
    const seen = presence.filter((matched) => matched[index] !== null).length;
    if (seen < needed) return;
    const templateSection = template?.sections[templateMatch.indexOf(heading)];
    if (!templateSection && !isCommonSection(heading)) return;
    sections.push({
      label: heading.label,
      name: plainHeading(heading.label),
      level: heading.level,
      text: templateSection?.text ?? `${'#'.repeat(heading.level)} ${heading.title}`,
      seenIn: recent.flatMap((file, r) => {
        const found = presence[r]![index];
        return found ? [{ file, heading: found }] : [];
      }),
    });
  });
  return { source: 'learned', template, next, recent, sections };
}

function fromTemplate(section: TemplateSection): ExpectedSection {
  return { label: section.label, name: plainHeading(section.label), level: section.level, text: section.text, seenIn: [] };
}

/** A heading as read: `[Hut Bookings](https://…)` is "Hut Bookings". */
export function plainHeading(label: string): string {
  return label.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}

function isCommonSection(heading: SectionHeading): boolean {
  return PROJECT_BOARD.test(heading.title) || COMMON_SECTIONS.some((name) => sectionScore(heading.label, name) >= 0.5);
}

import type { HandleRef, Heading, MinutesModel } from '../parse/model';

/**
 * The word an attendance list or heading opens with: attending ("Attendees", "Present"), away
 * ("Regrets", "Absents", "Apologies") or partly there ("Partly absent", "Joined late": neither,
 * so never a conflict). One pattern, tried once per list item.
 */
const ATTENDANCE_WORD = /^\W*(?:(attendees?|present|attending)|(regrets?|absents?|apologies|not attending)|(partly|partially|part of|joined late|left early))\b/i;

/** The letters those words start with: most items start otherwise and need no regular expression. */
const FIRST_LETTERS = new Set('aprnjlAPRNJL');

function verdictOf(text: string): Verdict {
  let at = 0;
  while (at < text.length && !/\w/.test(text.charAt(at))) at++;
  if (!FIRST_LETTERS.has(text.charAt(at))) return null;
  const match = ATTENDANCE_WORD.exec(text);
  if (!match) return null;
  return match[1] ? true : match[2] ? false : 'partly';
}

export interface Attendance {
  /** Handles (lower case) listed as attending. */
  readonly present: ReadonlyMap<string, HandleRef>;
  /** Handles (lower case) listed under regrets or absents. */
  readonly away: ReadonlyMap<string, HandleRef>;
}

/**
 * Who a minutes file lists as attending and who as away: under an "Attendees"/"Present" or
 * "Regrets"/"Absents" list item (CPANSec writes `- Present: @a, @b` or `* Attendees` with
 * sub-items), else by the section heading above ("### Attendees", "## Regrets").
 */
export function attendance(model: MinutesModel): Attendance {
  // Asked twice per keystroke (the workspace facts and the attendance rule): worked out once per model.
  let found = attendanceOfModel.get(model);
  if (!found) attendanceOfModel.set(model, (found = readAttendance(model)));
  return found;
}

const attendanceOfModel = new WeakMap<MinutesModel, Attendance>();

function readAttendance(model: MinutesModel): Attendance {
  const present = new Map<string, HandleRef>();
  const away = new Map<string, HandleRef>();
  const items = model.listItems;
  // Per item: 0 not yet known, 1 attending, 2 away, 3 neither, 4 partly there (a typed array: no boxing, no hashing).
  const verdictOfItem = new Uint8Array(items.length);
  const verdict = (index: number): Verdict => {
    let code = verdictOfItem[index]!;
    if (code === 0) {
      const item = items[index]!;
      const own = verdictOf(item.content);
      const result = own ?? (item.parent >= 0 ? verdict(item.parent) : null);
      code = result === true ? 1 : result === false ? 2 : result === 'partly' ? 4 : 3;
      verdictOfItem[index] = code;
    }
    return code === 1 ? true : code === 2 ? false : code === 4 ? 'partly' : null;
  };
  let itemIndex = 0;
  let headingIndex = -1;
  let headingVerdict: boolean | null = null;
  for (const handle of model.handles) {
    while (itemIndex + 1 < items.length && items[itemIndex + 1]!.line <= handle.line) itemIndex++;
    const headingBefore = headingIndex;
    while (headingIndex + 1 < model.headings.length && model.headings[headingIndex + 1]!.line <= handle.line) headingIndex++;
    if (headingIndex !== headingBefore) headingVerdict = verdictOfHeading(model.headings[headingIndex]!);
    const listed = listedAs(model, handle, itemIndex, headingIndex, verdict, headingVerdict);
    if (listed === null) continue;
    const key = handle.name.toLowerCase();
    const list = listed ? present : away;
    if (!list.has(key)) list.set(key, handle);
  }
  return { present, away };
}

/** Listed as attending (true), away (false), partly there, or not in an attendance list (null). */
type Verdict = boolean | 'partly' | null;

function verdictOfHeading(heading: Heading): boolean | null {
  const verdict = verdictOf(heading.label);
  return verdict === 'partly' ? null : verdict;
}

function listedAs(
  model: MinutesModel,
  handle: HandleRef,
  itemIndex: number,
  headingIndex: number,
  verdict: (i: number) => Verdict,
  headingVerdict: boolean | null,
): boolean | null {
  const item = model.listItems[itemIndex];
  const heading = headingIndex >= 0 ? model.headings[headingIndex]! : null;
  const inItem = item && item.span.start <= handle.span.start && handle.span.end <= item.span.end && (!heading || item.line > heading.line);
  const fromItem = inItem ? verdict(itemIndex) : null;
  if (fromItem === 'partly') return null;
  if (fromItem !== null) return fromItem;
  return heading ? headingVerdict : null;
}

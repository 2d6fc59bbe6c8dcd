import type { LineTokens } from './lineTokens';
import { advanceColumn, skipIndentation, skipWhiteSpace } from './lines';

/**
 * The block structure of a Markdown body, read a line at a time as CommonMark reads it, for
 * the blocks minutes are made of: list items (containers, each with the column its content
 * starts at), paragraphs and the setext underlines that turn them into headings, ATX headings,
 * thematic breaks, fenced and indented code, link reference definitions, HTML comments.
 *
 * Where it differs from CommonMark (the README's coverage notes say the same):
 * - An empty list item right under a line of text (`Attendees` then `- `) is read as
 *   CommonMark reads it (a lone `-` is a setext underline that makes the text an h2; other
 *   empty markers continue the text), and also as the empty item its author most likely
 *   meant, so that the placeholder check reports it.
 * - Block quotes are text: a `>` line is a paragraph no underline turns into a heading, and
 *   headings, items and code inside it are not read as such.
 * - A list item whose first line opens a fence, a block quote or a second list, and a
 *   definition whose destination or title is on the next line, are read as plain text.
 * - Lines of an HTML comment that spans lines are not read, as before.
 */

/** An open list item: lines indented at least to `column` belong to it. Shared between lines, never changed. */
export interface Container {
  readonly column: number;
  readonly parent: Container | null;
}

/** What `enter` asks of its caller. */
export const SKIP = 0;
/** Scan the line and collect it as text (no heading, item or definition). */
export const TEXT = 1;
/** Scan the line and pass its tokens to `classify`. */
export const CLASSIFY = 2;

/** What a classified line is (bits of `role`). */
export const LINE_HEADING = 1;
export const LINE_ITEM = 2;
export const LINE_DEFINITION = 4;
/** The line opens a paragraph, which a setext underline below may turn into a heading. */
export const LINE_PARAGRAPH = 8;

/** What the incremental parse keeps of each line (bits of `state()`). */
export const STATE_SPECIAL = 1;
/** A paragraph is open after the line, one that an underline can make a heading. */
export const STATE_PARAGRAPH = 2;
/** Block-quote text is open after the line: lines may continue it, no underline closes it. */
export const STATE_QUOTE = 4;
/** The line continued the paragraph open before it (a setext underline does too). */
export const STATE_CONTINUES = 8;
export const STATE_DEFINITION = 16;
/** The line is code, fenced (the fences too) or indented. */
export const STATE_CODE = 32;
/** The line opened an empty list item: a blank line next ends it (an item starts with at most one blank line). */
export const STATE_EMPTY_ITEM = 64;
/** What reading the next line depends on. */
const CARRIED = STATE_SPECIAL | STATE_PARAGRAPH | STATE_QUOTE | STATE_EMPTY_ITEM;

/** A list item's marker, then white space or the end of the line. */
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

const NO_PARAGRAPH = 0;
const PARAGRAPH = 1;
const QUOTE = 2;

interface Fence {
  readonly char: number;
  readonly length: number;
  readonly container: Container | null;
}

export class BlockReader {
  /** The innermost open list item. */
  containers: Container | null;
  private paragraph: number;
  private emptyItem: boolean;
  private fence: Fence | null = null;
  private inComment = false;
  /** Between `enter` and `classify`: the open items this line continues. */
  private matched: Container | null = null;
  private allMatched = true;
  private lastContainer: Container | null = null;

  /** LINE_* bits of the line just read. */
  role = 0;
  /** When the line just read was a setext underline: the heading's level (1 for `=`, 2 for `-`). */
  underline = 0;
  private special = false;
  private continues = false;
  private code = false;

  /** A reader at the start of a body, or resuming after a line whose `state()` and containers were kept. */
  constructor(containers: Container | null = null, state = 0) {
    this.containers = containers;
    this.paragraph = state & STATE_PARAGRAPH ? PARAGRAPH : state & STATE_QUOTE ? QUOTE : NO_PARAGRAPH;
    this.emptyItem = (state & STATE_EMPTY_ITEM) !== 0;
  }

  /** Reads the line's block structure as far as its text alone tells; returns SKIP, TEXT or CLASSIFY. */
  enter(text: string): number {
    this.role = 0;
    this.underline = 0;
    this.continues = false;
    this.code = false;
    this.special = this.fence !== null || this.inComment;
    const afterEmptyItem = this.emptyItem;
    this.emptyItem = false;
    const first = skipIndentation(text, 0);
    const blank = skipWhiteSpace(text, first, text.length) === text.length;
    const indent = first === 0 ? 0 : advanceColumn(text, 0, first, 0);
    if (this.fence) {
      const fence = this.fence;
      // Code fenced in a list item ends with the item; the line is then read as usual.
      if (blank || !fence.container || indent >= fence.container.column) {
        this.code = true;
        if (!blank && indent - (fence.container?.column ?? 0) < 4 && closesFence(text, first, fence)) this.fence = null;
        return SKIP;
      }
      this.fence = null;
    }
    if (this.inComment) {
      this.inComment = commentOpenAfter(text, true);
      return SKIP;
    }
    if (blank) {
      this.paragraph = NO_PARAGRAPH;
      if (afterEmptyItem) this.containers = this.containers!.parent;
      return SKIP;
    }
    let matched = this.containers;
    while (matched && indent < matched.column) matched = matched.parent;
    const relative = indent - (matched?.column ?? 0);
    if (relative >= 4) {
      // Indented code cannot interrupt a paragraph: the line continues it, unless it is not
      // indented for the paragraph's list item and would open a block in it (a list item
      // too, unless indented four columns past that item's list): then the item ends, and
      // here the line is code.
      const lazy = matched !== this.containers;
      if (this.paragraph !== NO_PARAGRAPH && !(lazy && (opensBlock(text, first) || (indent - (this.containers!.parent?.column ?? 0) < 4 && LIST_MARKER.test(text.slice(first, first + 11)))))) {
        return this.continueParagraph();
      }
      this.paragraph = NO_PARAGRAPH;
      this.containers = matched;
      this.code = true;
      return SKIP;
    }
    if (text.includes('<!--')) {
      if (commentOpenAfter(text, false)) {
        this.inComment = true;
        this.endBlock(matched);
        return SKIP;
      }
      // A comment alone on its line is an HTML block: it ends a paragraph.
      if (text.startsWith('<!--', first)) {
        this.endBlock(matched);
        return TEXT;
      }
    }
    const c = text.charCodeAt(first);
    // `=` or `-` under a paragraph's last line, in the same list item.
    if ((c === 61 || c === 45) && this.paragraph === PARAGRAPH && matched === this.containers && isUnderline(text, first, c)) {
      this.underline = c === 61 ? 1 : 2;
      this.continues = true;
      this.paragraph = NO_PARAGRAPH;
      // A lone `-` is also the empty item its author most likely meant (see above).
      if (c === 45 && runLength(text, first, c) === 1) {
        this.role = LINE_ITEM;
        return TEXT;
      }
      return SKIP;
    }
    if ((c === 45 || c === 42 || c === 95) && isThematicBreak(text, first, c)) {
      this.endBlock(matched);
      return SKIP;
    }
    if ((c === 96 || c === 126) && opensFence(text, first, c)) {
      this.endBlock(matched);
      this.fence = { char: c, length: runLength(text, first, c), container: matched };
      this.code = true;
      return SKIP;
    }
    if (c === 62 /* > */) {
      this.containers = matched;
      this.paragraph = quotedParagraph(text, first) ? QUOTE : NO_PARAGRAPH;
      return TEXT;
    }
    this.matched = matched;
    this.allMatched = matched === this.containers;
    return CLASSIFY;
  }

  /** Decides, from the line's tokens, whether it is a heading, a list item, a definition or text. */
  classify(tokens: LineTokens): void {
    const matched = this.matched;
    const item = tokens.item;
    if (tokens.heading && !item) {
      this.endBlock(matched);
      this.role = LINE_HEADING;
      return;
    }
    // An empty item, or a list numbered from another number than 1, cannot interrupt a
    // paragraph: the line continues it (an empty item is kept as an item too: see above).
    // Any item ends block-quote text.
    if (item && this.paragraph === PARAGRAPH && this.allMatched && (item.empty || isRenumbered(item.marker))) {
      if (item.empty) this.role = LINE_ITEM;
      this.continueParagraph();
      return;
    }
    if (item) {
      this.containers = this.container(item.contentColumn, matched);
      this.role = LINE_ITEM;
      this.paragraph = NO_PARAGRAPH;
      if (tokens.heading) this.role |= LINE_HEADING;
      else if (tokens.definition) this.role |= LINE_DEFINITION;
      else if (!item.empty) {
        this.role |= LINE_PARAGRAPH;
        this.paragraph = PARAGRAPH;
      } else this.emptyItem = true;
      return;
    }
    if (this.paragraph !== NO_PARAGRAPH) {
      this.continueParagraph();
      return;
    }
    this.containers = matched;
    if (tokens.definition) {
      this.role = LINE_DEFINITION;
      return;
    }
    this.role = LINE_PARAGRAPH;
    this.paragraph = PARAGRAPH;
  }

  /** What the next line's reading depends on, and how this line was read (STATE_* bits), for the incremental parse. */
  state(): number {
    return (
      (this.special || this.fence !== null || this.inComment ? STATE_SPECIAL : 0) |
      (this.paragraph === PARAGRAPH ? STATE_PARAGRAPH : this.paragraph === QUOTE ? STATE_QUOTE : 0) |
      (this.continues ? STATE_CONTINUES : 0) |
      (this.role & LINE_DEFINITION ? STATE_DEFINITION : 0) |
      (this.code ? STATE_CODE : 0) |
      (this.emptyItem ? STATE_EMPTY_ITEM : 0)
    );
  }

  /** Whether the line just read left code fenced or a comment open (the incremental parse then gives up). */
  get inSpecialBlock(): boolean {
    return this.special || this.fence !== null || this.inComment;
  }

  /** Whether reading goes on after this line exactly as it would after a line with this kept state and containers. */
  sameAs(state: number, containers: Container | null): boolean {
    return (this.state() & CARRIED) === (state & CARRIED) && sameContainers(this.containers, containers);
  }

  /**
   * The container for an item at `column` in `parent`: the one made for the item before it
   * when that was a sibling (containers are compared by their columns, never by identity, and
   * a long list then makes one, not one per item).
   */
  private container(column: number, parent: Container | null): Container {
    const last = this.lastContainer;
    if (last && last.column === column && last.parent === parent) return last;
    return (this.lastContainer = { column, parent });
  }

  /** A paragraph's next line, inside its list items or lazily under them: the items stay open. */
  private continueParagraph(): number {
    this.continues = true;
    return TEXT;
  }

  /** A block other than a paragraph starts: list items the line is not indented for end. */
  private endBlock(matched: Container | null): void {
    this.containers = matched;
    this.paragraph = NO_PARAGRAPH;
  }
}

export function sameContainers(a: Container | null, b: Container | null): boolean {
  for (; a !== b; a = a.parent, b = b.parent) if (!a || !b || a.column !== b.column) return false;
  return true;
}

function runLength(text: string, start: number, c: number): number {
  let end = start;
  while (text.charCodeAt(end) === c) end++;
  return end - start;
}

function onlyIndentationFrom(text: string, at: number): boolean {
  return skipIndentation(text, at) === text.length;
}

/** `===` or `---` (any number), then nothing but spaces and tabs. */
function isUnderline(text: string, first: number, c: number): boolean {
  return onlyIndentationFrom(text, first + runLength(text, first, c));
}

/** Three or more `-`, `*` or `_`, alone or with spaces and tabs between. */
function isThematicBreak(text: string, first: number, c: number): boolean {
  let count = 0;
  for (let i = first; i < text.length; i++) {
    const at = text.charCodeAt(i);
    if (at === c) count++;
    else if (at !== 32 && at !== 9) return false;
  }
  return count >= 3;
}

/** Three or more backticks or tildes; after backticks, the info string holds none. */
function opensFence(text: string, first: number, c: number): boolean {
  const run = runLength(text, first, c);
  return run >= 3 && (c !== 96 || !text.includes('`', first + run));
}

function closesFence(text: string, first: number, fence: Fence): boolean {
  if (text.charCodeAt(first) !== fence.char) return false;
  const run = runLength(text, first, fence.char);
  return run >= fence.length && onlyIndentationFrom(text, first + run);
}

/**
 * Whether a block-quote line leaves text open that the next lines may continue: not when
 * what is quoted is blank, a heading, a thematic break, a fence or indented code.
 */
function quotedParagraph(text: string, marker: number): boolean {
  let at = marker + 1;
  if (text.charCodeAt(at) === 32) at++;
  const first = skipIndentation(text, at);
  if (first === text.length || advanceColumn(text, at, first, 0) >= 4) return false;
  const c = text.charCodeAt(first);
  if (c === 62) return quotedParagraph(text, first);
  return !opensBlock(text, first) || text.startsWith('<!--', first);
}

/** Whether the text at `first` opens a block that ends a paragraph (a list item aside). */
function opensBlock(text: string, first: number): boolean {
  const c = text.charCodeAt(first);
  if (c === 35 /* # */) return /^#{1,6}(?:[ \t]|$)/.test(text.slice(first, first + 7));
  if (c === 45 || c === 42 || c === 95) return isThematicBreak(text, first, c);
  if (c === 96 || c === 126) return opensFence(text, first, c);
  return c === 62 /* > */ || text.startsWith('<!--', first);
}

/** An ordered marker other than 1 (`2.`, `3)`). */
function isRenumbered(marker: string): boolean {
  const c = marker.charCodeAt(0);
  return c >= 48 && c <= 57 && Number.parseInt(marker, 10) !== 1;
}

/** Whether an HTML comment is open at the end of the line. */
function commentOpenAfter(line: string, inComment: boolean): boolean {
  let state = inComment;
  let at = 0;
  for (;;) {
    if (state) {
      const close = line.indexOf('-->', at);
      if (close < 0) return true;
      state = false;
      at = close + 3;
    } else {
      const open = line.indexOf('<!--', at);
      if (open < 0) return false;
      state = true;
      at = open + 4;
    }
  }
}

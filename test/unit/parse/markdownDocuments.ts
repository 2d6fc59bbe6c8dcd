/**
 * Seeded random Markdown documents made of what minutes are made of, and of the block
 * structure around it that a line scanner can get wrong: ATX and setext headings (in list
 * items too), nested lists (bullets, numbers, task boxes, empty items, loose and tight),
 * fenced and indented code holding handles, headings and links, inline, reference and
 * autolinks, link definitions, handles, paragraph continuation lines that look like blocks,
 * thematic breaks, block quotes, blank lines and front matter.
 */

/** A small seeded generator (mulberry32): the same seed, the same documents. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

const WORDS = ['CRA', 'SBOM', 'update', 'on', 'the', 'CVE', 'registry', 'meeting', 'notes', 'review', 'PAUSE', 'draft', 'ready', 'Perl', 'Toolchain', '2024-11-27', '17:00 UTC', 'TODO', 'FIXME', '…'];
const HANDLES = ['@sjn', '@timlegge', '@stigtsp', '@garu', '@oalders', '@BooK'];
const LABELS = ['cra', 'Board 1', 'sbom', 'minutes', 'CVE Index'];
const URLS = ['https://github.com/orgs/CPAN-Security/projects/3', 'cpansec-minutes-2024-11-15.md', 'https://security.metacpan.org/', 'https://example.org/a_(b)'];

/** Options of one document generator. */
export interface DocumentShape {
  /** Block quotes (their contents are not read as blocks by the scanner). */
  readonly quotes: boolean;
  /** Empty list items right under a line of text (read as the empty item by the scanner). */
  readonly emptyItemsUnderText: boolean;
  /** Images (counted among links by the scanner). */
  readonly images: boolean;
  /** Links whose target holds Liquid with spaces (links to the scanner, not to CommonMark before Liquid runs). */
  readonly liquidTargets: boolean;
  /** Links and code spans broken over two lines (the scanner reads inline syntax a line at a time). */
  readonly inlineOverLines: boolean;
}

export const EVERYTHING: DocumentShape = { quotes: true, emptyItemsUnderText: true, images: true, liquidTargets: true, inlineOverLines: true };

export function generateDocument(random: Random, shape: DocumentShape = EVERYTHING): string {
  const lines: string[] = [];
  if (random.chance(0.6)) lines.push('---', 'layout: page', `meeting_time: 2024-11-${random.int(10, 28)} 17:00 UTC`, '---');
  if (random.chance(0.3)) lines.push('');
  const blocks = random.int(3, 14);
  for (let i = 0; i < blocks; i++) {
    lines.push(...block(random, shape, 0, 0));
    if (random.chance(0.75)) lines.push('');
  }
  if (random.chance(0.5)) lines.push('', ...definitions(random));
  return lines.join('\n') + (random.chance(0.8) ? '\n' : '');
}

function indent(lines: readonly string[], column: number, random?: Random): string[] {
  // Sometimes a tab stands for four columns of it (tabs stop every four columns).
  const pad = random && column >= 4 && column % 4 === 0 && random.chance(0.2) ? '\t'.repeat(column / 4) : ' '.repeat(column);
  return lines.map((line) => (line === '' ? '' : pad + line));
}

function block(random: Random, shape: DocumentShape, column: number, depth: number): string[] {
  const kind = random.int(0, 15);
  switch (kind) {
    case 0:
    case 1:
      return atxHeading(random);
    case 2:
    case 3:
      return setextHeading(random);
    case 4:
    case 5:
    case 6:
      return depth < 3 ? list(random, shape, column, depth) : paragraph(random, shape);
    case 7:
      return fencedCode(random);
    case 8:
      // Indented code needs a blank line or a block other than a paragraph above it.
      return ['', ...indentedCode(random)];
    case 9:
      return [random.pick(['***', '- - -', '___', '* * *'])];
    case 10:
      return definitions(random);
    case 11:
      return continuationTraps(random);
    case 12:
      if (shape.quotes) return [`> ${inline(random, shape)}`, random.pick([`> # ${words(random)}`, `> - ${inline(random, shape)}`, `> ${inline(random, shape)}`, `${inline(random, shape)}`])];
      return paragraph(random, shape);
    case 13:
      if (shape.emptyItemsUnderText) return [words(random), random.pick(['- ', '-', '* ', '1. ']), ...(random.chance(0.5) ? [random.pick(['- next', '  more text', ''])] : [])];
      return paragraph(random, shape);
    default:
      return paragraph(random, shape);
  }
}

function words(random: Random): string {
  const count = random.int(1, 4);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(random.pick(WORDS));
  return out.join(' ');
}

function inline(random: Random, shape: DocumentShape): string {
  const parts: string[] = [];
  const count = random.int(1, 4);
  for (let i = 0; i < count; i++) {
    switch (random.int(0, 11)) {
      case 0:
        parts.push(random.pick(HANDLES));
        break;
      case 1:
        parts.push(`[${words(random)}](${random.pick(URLS)})`);
        break;
      case 2:
        parts.push(`[${words(random)}][${random.pick(LABELS)}]`);
        break;
      case 3:
        parts.push(random.chance(0.5) ? `[${random.pick(LABELS)}]` : `[${random.pick(LABELS)}][]`);
        break;
      case 4:
        parts.push(random.pick(['[undefined label]', '[x][nowhere]', '[not a link] (text)']));
        break;
      case 5:
        parts.push(random.pick(['<https://www.perl.org/>', '<mailto:security@perl.org>', '<cpansec@perl.org>']));
        break;
      case 6:
        parts.push(random.pick(['`@code`', '`[x](y)`', 'mail cve@perl.org']));
        break;
      case 7:
        if (shape.images) parts.push(`![logo](${random.pick(URLS)})`);
        else parts.push(words(random));
        break;
      case 8:
        if (shape.liquidTargets) parts.push('([Other timezones](https://www.timeanddate.com/worldclock/meetingdetails.html?{{ page.meeting_time | date: "year=%Y&month=%m" }}&p1=256))');
        else parts.push(words(random));
        break;
      default:
        parts.push(words(random));
    }
  }
  return parts.join(' ');
}

function paragraph(random: Random, shape: DocumentShape): string[] {
  const count = random.int(1, 3);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push((i > 0 && random.chance(0.2) ? '  ' : '') + inline(random, shape));
  // A link or a code span broken over two lines.
  if (shape.inlineOverLines && random.chance(0.1)) lines.push(...random.pick([['see [the', `board](${URLS[0]}) now`], ['run `cpanm', '[x](y)` first']]));
  return lines;
}

function atxHeading(random: Random): string[] {
  const level = random.int(1, 6);
  const lead = random.chance(0.2) ? ' '.repeat(random.int(1, 3)) : '';
  const closing = random.chance(0.2) ? ` ${'#'.repeat(random.int(1, 3))}` : '';
  const title = random.pick([words(random), `${random.int(16, 17)}:00 UTC – Meeting start`, `[Board](${URLS[0]})`, `@sjn ${words(random)}`]);
  return [`${lead}${'#'.repeat(level)} ${title}${closing}`];
}

function setextHeading(random: Random): string[] {
  const text = random.chance(0.8) ? [random.pick([words(random), 'Attendees', '17:00 UTC – Meeting start', '@sjn and @garu'])] : [words(random), words(random)];
  const char = random.pick(['=', '-']);
  const underline = ' '.repeat(random.chance(0.2) ? random.int(1, 3) : 0) + char.repeat(random.int(2, 6)) + (random.chance(0.2) ? '  ' : '');
  return [...text, underline];
}

function list(random: Random, shape: DocumentShape, column: number, depth: number): string[] {
  const ordered = random.chance(0.4);
  const bullet = random.pick(['-', '*', '+']);
  const delimiter = random.pick(['.', ')']);
  const start = random.chance(0.8) ? 1 : random.int(2, 12);
  const loose = random.chance(0.3);
  const count = random.int(1, 4);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const marker = ordered ? `${start + i}${delimiter}` : bullet;
    const gap = random.chance(0.8) ? ' ' : random.chance(0.5) ? '   ' : '\t';
    const contentColumn = gap === '\t' ? 4 * Math.ceil((marker.length + 1) / 4) : marker.length + gap.length;
    const box = random.chance(0.25) ? random.pick(['[ ] ', '[x] ']) : '';
    const first = random.chance(0.08) ? '' : `${box}${random.chance(0.15) ? random.pick(['# ', '## ']) : ''}${inline(random, shape)}`;
    lines.push(first === '' ? marker : `${marker}${gap}${first}`);
    const inner: string[] = [];
    if (first !== '' && random.chance(0.2)) inner.push(inline(random, shape));
    if (first !== '' && random.chance(0.08)) inner.push(random.pick(['===', '---']));
    if (random.chance(0.35)) {
      if (random.chance(0.3)) inner.push('');
      const sub = random.int(0, 5);
      if (sub <= 2) inner.push(...list(random, shape, contentColumn, depth + 1));
      else if (sub === 3) inner.push(...fencedCode(random));
      else if (sub === 4) inner.push('', ...indentedCode(random));
      else inner.push('', ...paragraph(random, shape));
    }
    lines.push(...indent(inner, contentColumn, random));
    if (loose && i < count - 1) lines.push('');
  }
  return column === 0 ? lines : lines;
}

function fencedCode(random: Random): string[] {
  const fence = random.pick(['```', '~~~', '````']);
  const info = random.pick(['', 'perl', 'sh']);
  const body = ['@nobody said', '# not a heading', '- not an item', '[x](https://example.org)', '    indented', ''].filter(() => random.chance(0.5));
  return [`${fence}${info}`, ...body, fence];
}

function indentedCode(random: Random): string[] {
  const body = ['@handle-in-code', '# not a heading', '- not an item', '[x][cra] and [y](z)', 'Foo', '==='].filter(() => random.chance(0.5));
  if (body.length === 0) body.push('@handle-in-code');
  return body.map((line) => `    ${line}`);
}

function definitions(random: Random): string[] {
  const count = random.int(1, 3);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const title = random.pick(['', ' "Title"', " 'Title'", ' (Title)']);
    lines.push(`${random.chance(0.2) ? ' ' : ''}[${random.pick(LABELS)}]: ${random.chance(0.2) ? `<${random.pick(URLS)}>` : random.pick(URLS)}${title}`);
  }
  return lines;
}

/** Lines under a paragraph that look like blocks but continue it, or end it. */
function continuationTraps(random: Random): string[] {
  return [
    words(random),
    random.pick(['2. not a new list', '    @indented-continuation', '    ---', '[cra]: https://example.org/not-a-definition', '1. a list after all', '# a heading after all', '***', '```', '  - an item after all']),
    ...(random.chance(0.5) ? ['```'] : []),
  ];
}

/**
 * Seeded rosters, handles and minutes for the near-miss tests: families of look-alike
 * handles (so that ties and several nearest members happen), letter case, digits, `-`/`_`,
 * non-ASCII letters and a character outside the BMP, and misspellings made the ways typing
 * goes wrong.
 */

/** mulberry32: a small seeded generator, so a failure can be replayed from its seed. */
export function seeded(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export const below = (random: Random, n: number) => Math.floor(random() * n);
export const pick = <T>(random: Random, items: readonly T[]): T => items[below(random, items.length)]!;

/** Characters by kind; a roster draws most from letters. */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const FEW_LETTERS = 'abe';
const DIGITS = '0123456789';
const SEPARATORS = '-_';
const NON_ASCII = ['é', 'ø', 'ß', 'ж', 'я', '中', '😀', 'É'];

/** A character as handles have them: letters mostly; `dense` keeps to three letters, so handles crowd. */
function character(random: Random, dense: boolean, ascii: boolean): string {
  const roll = random();
  if (roll < 0.75) return pick(random, (dense ? FEW_LETTERS : LETTERS).split(''));
  if (roll < 0.85) return pick(random, DIGITS.split(''));
  if (roll < 0.92 || ascii) return pick(random, SEPARATORS.split(''));
  return pick(random, NON_ASCII);
}

/** A handle of `length` characters; upper case now and then (authors.yml keys keep their case). */
export function handleOf(random: Random, length: number, options: { dense?: boolean; ascii?: boolean } = {}): string {
  let text = '';
  for (let i = 0; i < length; i++) text += character(random, !!options.dense, !!options.ascii);
  if (options.ascii) text = text.replace(/^[-_]+/, 'a').replace(/-+$/, 'z');
  return random() < 0.1 ? text.toUpperCase() : text;
}

/** A handle one slip away from `handle`: a letter swapped with the next, dropped, doubled, changed or added. */
export function slip(random: Random, handle: string, options: { ascii?: boolean } = {}): string {
  const at = below(random, Math.max(1, handle.length));
  const other = character(random, false, !!options.ascii);
  switch (below(random, 5)) {
    case 0:
      return at + 1 < handle.length ? handle.slice(0, at) + handle[at + 1] + handle[at] + handle.slice(at + 2) : handle + other;
    case 1:
      return handle.slice(0, at) + handle.slice(at + 1);
    case 2:
      return handle.slice(0, at + 1) + handle.slice(at);
    case 3:
      return handle.slice(0, at) + other + handle.slice(at + 1);
    default:
      return handle.slice(0, at) + other + handle.slice(at);
  }
}

/** A misspelling of `handle` as minutes have them: one to three slips, a nickname (a prefix), another case. */
export function misspelling(random: Random, handle: string): string {
  const roll = random();
  if (roll < 0.15) return handle.slice(0, 1 + below(random, Math.max(1, handle.length - 1)));
  if (roll < 0.25) return handle.toUpperCase();
  if (roll < 0.3) return handle + handleOf(random, 1 + below(random, 3));
  let text = handle;
  for (let slips = 1 + below(random, 3); slips > 0; slips--) text = slip(random, text);
  return text && random() < 0.2 ? text[0]!.toUpperCase() + text.slice(1) : text;
}

export interface GeneratedMember {
  readonly handle: string;
  readonly aliases: readonly string[];
}

/**
 * `count` members with distinct handles (in any case): families of look-alikes, short handles
 * of one to three characters, and unrelated ones; some with a github or cpan alias.
 */
export function generatedRoster(random: Random, count: number, options: { dense?: boolean; ascii?: boolean } = {}): GeneratedMember[] {
  const members: GeneratedMember[] = [];
  const taken = new Set<string>();
  let tries = 0;
  while (members.length < count && tries++ < count * 20) {
    const roll = random();
    const handle =
      roll < 0.4 && members.length > 0
        ? slip(random, pick(random, members).handle, options)
        : roll < 0.5
          ? handleOf(random, 1 + below(random, 3), options)
          : handleOf(random, 3 + below(random, 12), options);
    if (!handle || taken.has(handle.toLowerCase())) continue;
    taken.add(handle.toLowerCase());
    const aliases: string[] = [];
    if (random() < 0.3) aliases.push(slip(random, handle, options));
    if (random() < 0.15) aliases.push(handleOf(random, 2 + below(random, 8), options));
    members.push({ handle, aliases });
  }
  return members;
}

/** The roster as `_data/authors.yml`: every key and value quoted, as YAML takes any text that way. */
export function authorsYaml(members: readonly GeneratedMember[]): string {
  return members
    .map((member) => {
      const [github, cpan] = member.aliases;
      return `${JSON.stringify(member.handle)}:\n  name: ${JSON.stringify(`Member ${member.handle}`)}\n${github ? `  github: ${JSON.stringify(github)}\n` : ''}${cpan ? `  cpan: ${JSON.stringify(cpan)}\n` : ''}`;
    })
    .join('');
}

/** What minutes can name with `@` (the parser's rule). */
const WRITTEN_HANDLE = /^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/;

/** Minutes files naming some of `handles` each, so that some are regular guests (named in two or more files). */
export function minutesNaming(random: Random, handles: readonly string[], files: number): Record<string, string> {
  const minutes: Record<string, string> = {};
  for (let i = 0; i < files; i++) {
    const date = new Date(Date.UTC(2024, 0, 3) + i * 14 * 86_400_000).toISOString().slice(0, 10);
    const named = handles.filter((handle) => WRITTEN_HANDLE.test(handle) && random() < 0.4);
    minutes[`meetings/cpansec-minutes-${date}.md`] = `---\nlayout: page\nmeeting_time: ${date} 17:00 UTC\n---\n## Attendees\n${named.map((handle) => `- @${handle}\n`).join('')}`;
  }
  return minutes;
}

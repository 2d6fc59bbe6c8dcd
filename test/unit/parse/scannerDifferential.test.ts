import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import MarkdownIt, { type StateInline } from 'markdown-it';
import { STATE_CODE } from '../../../server/src/service/parse/blocks';
import { lineAt } from '../../../server/src/service/parse/lines';
import { parseMinutes, type LineTokenCache } from '../../../server/src/service/parse/parseMinutes';
import { generateDocument, Random } from './markdownDocuments';

/**
 * The line scanner against a CommonMark parser (markdown-it, with HTML on, as Jekyll
 * publishes it): headings (level, line, text), list items (line), code (lines) and links
 * (target, line) must be the same, for the CPANSec minutes of 2024 and for generated
 * documents, except where an allowance below says why the scanner differs on purpose.
 */
const md = new MarkdownIt({ html: true });
// markdown-it gives inline tokens no positions: its link, image, autolink and code span rules
// are wrapped to note on each such token the lines (within the block) it starts and ends on.
// (The rules by name are in the ruler's own list, which its typings do not declare.)
const inlineRules = (md.inline.ruler as unknown as { __rules__: { name: string; fn: (state: StateInline, silent: boolean) => boolean }[] }).__rules__;
for (const name of ['link', 'image', 'autolink', 'backticks']) {
  const rule = inlineRules.find((candidate) => candidate.name === name)!.fn;
  md.inline.ruler.at(name, (state, silent) => {
    const start = state.pos;
    const count = state.tokens.length;
    const found = rule(state, silent);
    const token = found && !silent ? state.tokens.slice(count).find((t) => t.type === 'link_open' || t.type === 'image' || t.type === 'code_inline') : undefined;
    if (token) token.meta = { ...token.meta, line: linesBefore(state.src, start), lastLine: linesBefore(state.src, state.pos - 1) };
    return found;
  });
}
const linesBefore = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;

const URI = 'file:///site/meetings/cpansec-minutes-2024-11-15.md';
const CORPUS = 'test/fixtures/cpansec-corpus';
const GENERATED = Number(process.env.MINUTES_FUZZ_RUNS ?? 150) * 2;
const SEED = Number(process.env.MINUTES_FUZZ_SEED ?? 20241127);

interface Finding {
  readonly kind: 'heading' | 'item' | 'code' | 'link';
  readonly line: number;
  /** What is compared besides the line: the heading's level and text, the link's target. */
  readonly what: string;
}

interface Outline {
  readonly findings: Finding[];
  /** What each allowance excuses (`kind line`, or `* line` for anything on the line), by the allowance's name. */
  readonly excused: Map<AllowanceName, Set<string>>;
}

/**
 * Where the scanner differs from CommonMark, on purpose or as a known limit (the README's
 * coverage notes list them). Each applies only where its case is (a kind of finding on a
 * line); a difference anywhere else fails the test, and each must have been needed at least
 * once (the generated documents hold every case).
 */
const ALLOWANCES = {
  /**
   * `[Other timezones](https://…?{{ page.meeting_time | date: "…" }}&p1=256)`: Jekyll renders
   * Liquid before Markdown, so on the published page the target has no spaces and this is a
   * link; CommonMark, reading the source, sees a space in the destination and no link.
   */
  liquidInLinkTarget: 'a link whose target holds Liquid',
  /**
   * `Attendees` then `- `: CommonMark reads a lone `-` as a setext underline (the text above
   * becomes an h2) and other empty markers as part of the text; so does the scanner, and it
   * also keeps the empty item the template or the secretary left to fill in, so that the
   * placeholder check reports it: one item more, on that line.
   */
  emptyItemUnderText: 'an empty list item under a line of text',
  /**
   * `> …` lines are text to the scanner: a block quote's headings, items and code are not
   * read as such (minutes quote rarely, and never structure).
   */
  blockQuote: 'a block quote',
  /** Images `![alt](src)` are links to the scanner: their targets are documents the link features open. */
  imageIsLink: 'an image',
  /**
   * The scanner reads inline syntax a line at a time: a link whose text or target runs over a
   * line break is not seen, nor is a code span whose backticks are on different lines (links
   * in it are seen). Minutes keep a link on one line.
   */
  inlineOverLines: 'a link or a code span over more than one line',
} as const;
type AllowanceName = keyof typeof ALLOWANCES;

function scannerOutline(text: string): { outline: Outline; bodyLine: number; body: string } {
  const cache: LineTokenCache = { lines: new Map() };
  const model = parseMinutes(text, URI, 1, cache);
  const findings: Finding[] = [];
  for (const heading of model.headings) findings.push({ kind: 'heading', line: heading.line, what: `h${heading.level} ${squash(heading.title)}` });
  for (const item of model.listItems) findings.push({ kind: 'item', line: item.line, what: '' });
  const bodyLine = lineAt(model.lineStarts, model.bodyStart);
  cache.states!.forEach((state, line) => {
    if (state & STATE_CODE && line >= bodyLine && !isBlank(text, model.lineStarts, line)) findings.push({ kind: 'code', line, what: '' });
  });
  for (const link of model.links) findings.push({ kind: 'link', line: link.line, what: normalizeTarget(link.target) });
  const excused = new Map<AllowanceName, Set<string>>();
  for (const link of model.links) if (/\{\{|\{%/.test(link.target)) excuse(excused, 'liquidInLinkTarget', 'link', link.line, link.line);
  // An empty item under text: CommonMark's paragraph or heading holds its line.
  for (const item of model.listItems) {
    if (item.content.trim() === '' && !item.checkbox && item.line > bodyLine && !isBlank(text, model.lineStarts, item.line - 1)) excuse(excused, 'emptyItemUnderText', 'item', item.line, item.line);
  }
  return { outline: { findings, excused }, bodyLine, body: text.slice(model.bodyStart) };
}

function markdownItOutline(body: string, bodyLine: number): Outline {
  const tokens = md.parse(body, {});
  const findings: Finding[] = [];
  const excused = new Map<AllowanceName, Set<string>>();
  const bodyLines = body.split('\n');
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const map = token.map;
    if (token.type === 'heading_open') findings.push({ kind: 'heading', line: bodyLine + map![0], what: `${token.tag} ${squash(tokens[i + 1]!.content)}` });
    else if (token.type === 'list_item_open') findings.push({ kind: 'item', line: bodyLine + map![0], what: '' });
    else if (token.type === 'code_block' || token.type === 'fence') {
      for (let line = map![0]; line < map![1]; line++) if (bodyLines[line]!.trim() !== '') findings.push({ kind: 'code', line: bodyLine + line, what: '' });
    } else if (token.type === 'blockquote_open') excuse(excused, 'blockQuote', '*', bodyLine + map![0], bodyLine + map![1] - 1);
    else if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        const place = child.meta as { line?: number; lastLine?: number } | null;
        const line = bodyLine + map![0] + (place?.line ?? 0);
        const lastLine = bodyLine + map![0] + (place?.lastLine ?? 0);
        if (lastLine > line) excuse(excused, 'inlineOverLines', 'link', line, lastLine);
        if (child.type === 'link_open') findings.push({ kind: 'link', line, what: child.attrGet('href') ?? '' });
        else if (child.type === 'image') {
          findings.push({ kind: 'link', line, what: child.attrGet('src') ?? '' });
          used.set('imageIsLink', (used.get('imageIsLink') ?? 0) + 1);
        }
      }
    }
  }
  return { findings, excused };
}

function excuse(excused: Map<AllowanceName, Set<string>>, name: AllowanceName, kind: Finding['kind'] | '*', first: number, last: number): void {
  let what = excused.get(name);
  if (!what) excused.set(name, (what = new Set()));
  for (let line = first; line <= last; line++) what.add(`${kind} ${line}`);
}

/** Links as markdown-it writes hrefs: angle brackets gone, escapes undone, percent-encoded. */
function normalizeTarget(target: string): string {
  const bare = target.startsWith('<') && target.endsWith('>') ? target.slice(1, -1) : target;
  return md.normalizeLink(md.utils.unescapeAll(bare));
}

/** Heading text with its line breaks and runs of white space as one space (a setext heading may span lines). */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function isBlank(text: string, lineStarts: readonly number[], line: number): boolean {
  const end = line + 1 < lineStarts.length ? lineStarts[line + 1]! : text.length;
  return text.slice(lineStarts[line], end).trim() === '';
}

const key = (f: Finding) => `${f.kind} ${f.line} ${f.what}`;
const used = new Map<AllowanceName, number>();
/** How many findings of each kind markdown-it made: what the comparison covered. */
const compared = new Map<Finding['kind'], number>();

/** The differences between the two outlines that no allowance excuses, as readable lines. */
function unexcused(text: string): string[] {
  const { outline: ours, bodyLine, body } = scannerOutline(text);
  const theirs = markdownItOutline(body, bodyLine);
  const excused = new Map<AllowanceName, Set<string>>();
  for (const side of [ours.excused, theirs.excused]) for (const [name, what] of side) excused.set(name, new Set([...(excused.get(name) ?? []), ...what]));
  const mine = new Set(ours.findings.map(key));
  const other = new Set(theirs.findings.map(key));
  for (const finding of theirs.findings) compared.set(finding.kind, (compared.get(finding.kind) ?? 0) + 1);
  const problems: string[] = [];
  const textLines = text.split('\n');
  const report = (finding: Finding, side: string) => {
    const names = [...excused].filter(([, what]) => what.has(`${finding.kind} ${finding.line}`) || what.has(`* ${finding.line}`)).map(([name]) => name);
    for (const name of names) used.set(name, (used.get(name) ?? 0) + 1);
    if (names.length === 0) problems.push(`${side} ${finding.kind} on line ${finding.line + 1} ${finding.what} | ${JSON.stringify(textLines[finding.line])}`);
  };
  for (const finding of ours.findings) if (!other.has(key(finding))) report(finding, 'only the scanner has');
  for (const finding of theirs.findings) if (!mine.has(key(finding))) report(finding, 'only markdown-it has');
  return problems;
}

/** Every Markdown file of the corpus: the minutes, the index page, the templates, its notes. */
function corpusFiles(folder = CORPUS): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? corpusFiles(path) : entry.name.endsWith('.md') ? [path] : [];
  });
}

test('the CPANSec minutes of 2024 and their templates: the scanner reads the blocks and links CommonMark does', () => {
  const files = corpusFiles();
  assert.ok(files.length >= 20);
  for (const file of files) {
    const problems = unexcused(readFileSync(file, 'utf8'));
    assert.deepEqual(problems, [], file);
  }
  console.log(`scanner differential: ${files.length} corpus files; ${[...compared].map(([kind, count]) => `${count} ${kind}`).join(', ')} (lines) compared`);
  compared.clear();
});

test('generated documents: headings, list items, code and links agree with CommonMark but for the named allowances', () => {
  const random = new Random(SEED);
  for (let i = 0; i < GENERATED; i++) {
    const text = generateDocument(random);
    const problems = unexcused(text);
    if (problems.length > 0) assert.fail(`document ${i}:\n${problems.join('\n')}\n---\n${text}`);
  }
  for (const name of Object.keys(ALLOWANCES) as AllowanceName[]) assert.ok((used.get(name) ?? 0) > 0, `the allowance ${name} (${ALLOWANCES[name]}) was never needed`);
  console.log(
    `scanner differential: ${GENERATED} generated documents; ${[...compared].map(([kind, count]) => `${count} ${kind}`).join(', ')} (lines) compared; allowances used: ${[...used].map(([name, count]) => `${name} ${count}`).join(', ')}`,
  );
});

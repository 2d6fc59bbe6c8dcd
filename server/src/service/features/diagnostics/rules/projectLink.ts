import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { isNearMiss } from '../../../knowledge/projects';
import type { Project } from '../../../knowledge/types';
import { skipWhiteSpace } from '../../../parse/lines';
import { firstOnOrAfter } from '../../../parse/tokensByLine';
import type { LinkRef, MinutesModel } from '../../../parse/model';
import { replaceSpan, type FixTarget } from '../fixes';
import { defineRule, documentCheck, lineCheck, type Fix } from '../rule';

/**
 * Links to GitHub project boards (`github.com/orgs/<org>/projects/<n>`, any view of it), in
 * list items and headings alike: the text must name that board (its current name or an
 * earlier one), not another board, not a misspelling; a summary lists each board once. A
 * board Minutes has not seen elsewhere is usually one the group just added: information.
 */
export const projectLinkRule = defineRule({
  code: 'project-link',
  defaultSeverity: DiagnosticSeverity.Warning,
  description: 'A project board link whose text names another project or misspells the project, the same board listed twice in one summary, or a board seen nowhere else (information).',
  appliesTo: ['minutes', 'index'],
  comparesWith: 'minutes',
  checks: [
    documentCheck((context, report) => {
      if (context.kind !== 'minutes') return;
      const first = new Map<string, LinkRef>();
      for (const { link, scope } of listedBoards(context.model)) {
        const key = `${scope}|${link.project!.org.toLowerCase()}#${link.project!.number}`;
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, link);
          continue;
        }
        const project = context.knowledge.findProject(link.project!.org, link.project!.number);
        report({
          start: link.span.start,
          end: link.span.end,
          message: `Project ${link.project!.number}${project ? ` (${project.name})` : ''} is already listed on line ${earlier.line + 1}; list each board once and merge the notes there.`,
          related: [{ location: { uri: context.model.uri, range: context.range(earlier.span) }, message: 'First listed here' }],
        });
      }
    }),
    lineCheck([], (context, report) => {
      const { knowledge } = context;
      for (const link of context.model.links) {
        if (!link.project) continue;
        const text = link.text.trim();
        const project = knowledge.findProject(link.project.org, link.project.number);
        // The common case first: the link names its own board.
        if (project && namesOf(project).includes(text)) continue;
        const org = link.project.org.toLowerCase();
        const others = knowledge.projects.filter((p) => p.org.toLowerCase() === org && p.number !== link.project!.number);
        const elsewhere = others.find((p) => namesOf(p).includes(text));
        if (elsewhere) {
          report({
            start: link.textSpan.start,
            end: link.textSpan.end,
            message: `"${text}" is project ${elsewhere.number}, but the link goes to project ${link.project.number}${project ? ` (${project.name})` : ''}.`,
            fixes: [
              numberFix(context, link, elsewhere.number, !project),
              ...(project ? [replaceSpan(context, `Change the text to "${project.name}"`, link.textSpan, project.name, false)] : []),
            ],
          });
          continue;
        }
        const near = project ? namesOf(project).find((name) => isNearMiss(text, name)) : undefined;
        if (project && near) {
          report({
            start: link.textSpan.start,
            end: link.textSpan.end,
            message: `"${text}" looks like a misspelling of project ${project.number}, "${near}".`,
            fixes: [replaceSpan(context, `Change the text to "${near}"`, link.textSpan, near)],
          });
          continue;
        }
        // A misspelt name of another board: the number is as likely wrong as the text.
        const misspelt = others.map((p) => ({ p, name: namesOf(p).find((name) => isNearMiss(text, name)) })).find((m) => m.name);
        if (misspelt) {
          const { p, name } = misspelt as { p: Project; name: string };
          report({
            start: link.textSpan.start,
            end: link.textSpan.end,
            message: `"${text}" looks like a misspelling of project ${p.number}, "${name}", but the link goes to project ${link.project.number}${project ? ` (${project.name})` : ', which Minutes has not seen before'}.`,
            fixes: [
              replaceSpan(context, `Link to project ${p.number}, "${name}"`, link.span, `[${name}](${retarget(link, p.number)})`, !project),
              ...(project ? [replaceSpan(context, `Change the text to "${project.name}"`, link.textSpan, project.name, false)] : []),
            ],
          });
          continue;
        }
        if (!project) {
          report({
            start: link.targetSpan.start,
            end: link.targetSpan.end,
            severity: DiagnosticSeverity.Information,
            message: `Project ${link.project.number} of ${link.project.org} is new to Minutes: no other minutes link it, and it is not in the built-in list or .minutes.json. If it is a new board, nothing to do; otherwise check the number.`,
          });
        }
      }
    }),
  ],
});

function namesOf(project: Project): string[] {
  return [project.name, ...project.formerNames];
}

/** The board's own page: a view of one board (`/views/2`) is not a view of another. */
function retarget(link: LinkRef, number: number): string {
  return link.target.replace(/\/projects\/\d+(?:\/[\w./-]*)?/, `/projects/${number}`);
}

function numberFix(context: FixTarget, link: LinkRef, number: number, preferred: boolean): Fix {
  return replaceSpan(context, `Link to project ${number} instead`, link.targetSpan, retarget(link, number), preferred);
}

/** Emphasis or a number may come before the link that a heading or list item opens with. */
const LEAD = /^(?:\d{1,9}[.)][ \t]+)?[*_]{0,3}$/;

/**
 * The board links that open a heading or a list item — how a summary lists boards — each
 * with its scope: headings under the same parent heading at the same level, or the items of
 * one list at one depth. Links further into the text mention a board; they do not list it.
 */
function listedBoards(model: MinutesModel): { link: LinkRef; scope: string }[] {
  const found: { link: LinkRef; scope: string }[] = [];
  const { links, headings, listItems: items, text } = model;
  let boards = 0;
  for (const link of links) if (link.project && ++boards === 2) break;
  if (boards < 2) return found;
  // Only the lines a board link opens are looked at: this runs on every keystroke of a long file.
  const runStart = new Map<number, number>();
  const parents = new Map<number, number>();
  links.forEach((link, index) => {
    if (!link.project || (index > 0 && links[index - 1]!.line === link.line)) return;
    const heading = indexOnLine(headings, link.line);
    if (heading >= 0) {
      if (LEAD.test(text.slice(headings[heading]!.titleSpan.start, link.span.start).trim())) {
        found.push({ link, scope: `h${parentHeading(headings, heading, parents)}:${headings[heading]!.level}` });
      }
      return;
    }
    const item = indexOnLine(items, link.line);
    if (item < 0 || !LEAD.test(text.slice(items[item]!.contentSpan.start, link.span.start).trim())) return;
    found.push({ link, scope: `l${listStart(model, item, runStart)}` });
  });
  return found;
}

/**
 * The heading a heading is under (the nearest earlier one of a higher level), or -1; headings
 * under one parent at one level are one summary. Memoised: a step back from an earlier board
 * heading jumps to its parent.
 */
function parentHeading(headings: MinutesModel['headings'], index: number, memo: Map<number, number>): number {
  const known = memo.get(index);
  if (known !== undefined) return known;
  const level = headings[index]!.level;
  let at = index - 1;
  while (at >= 0 && headings[at]!.level >= level) at = memo.get(at) ?? at - 1;
  memo.set(index, at);
  return at;
}

/** The index of the heading or list item starting on `line`, or -1 (both are in line order). */
function indexOnLine(entries: readonly { readonly line: number }[], line: number): number {
  const at = firstOnOrAfter(entries, line);
  return entries[at]?.line === line ? at : -1;
}

/**
 * The first item of the list an item belongs to: a list runs on while the previous item at
 * its depth has the same kind of marker and only blank lines come between them. Memoised.
 */
function listStart(model: MinutesModel, index: number, memo: Map<number, number>): number {
  const { listItems: items, text } = model;
  const chain: number[] = [];
  let at = index;
  let start = -1;
  while (start < 0) {
    const known = memo.get(at);
    if (known !== undefined) {
      start = known;
      break;
    }
    chain.push(at);
    const previous = previousSibling(items, at);
    const continues =
      previous >= 0 &&
      sameListKind(items[previous]!.marker, items[at]!.marker) &&
      skipWhiteSpace(text, items[previous]!.span.end, items[at]!.span.start) === items[at]!.span.start;
    if (continues) at = previous;
    else start = at;
  }
  for (const item of chain) memo.set(item, start);
  return start;
}

/** The item before `index` with the same parent, or -1; the items between are its sub-items. */
function previousSibling(items: MinutesModel['listItems'], index: number): number {
  const parent = items[index]!.parent;
  for (let k = index - 1; k >= 0 && k !== parent; k--) if (items[k]!.parent === parent) return k;
  return -1;
}

/** CommonMark starts a new list when the bullet or the number's delimiter changes. */
function sameListKind(a: string, b: string): boolean {
  return a.slice(-1) === b.slice(-1);
}

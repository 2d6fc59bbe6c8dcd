import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import type { DocumentContext } from '../documentContext';
import { lineAt } from '../parse/lines';
import type { Section } from '../parse/model';
import { readerText } from './hover/readerText';

/**
 * The outline, for editors without a Markdown outline of their own (VS Code has one, and the
 * VS Code client says so, so it is not sent there): the front matter with its keys, then the
 * sections as a tree. Names are the headings as the page shows them (a project link reads as
 * its name); agenda times are details. Kinds say what a symbol is: an agenda point at a time
 * is an Event, a project board's section a Package, other sections Modules, front-matter
 * entries Keys of an Object.
 */
export function documentSymbols(context: DocumentContext): DocumentSymbol[] {
  if (context.kind === 'other') return [];
  const { model } = context;
  const projectLines = new Set(model.links.filter((link) => link.project).map((link) => link.line));
  const toSymbol = (section: Section): DocumentSymbol => {
    const heading = section.heading;
    const end = trimEnd(model.text, section.span.end);
    return {
      name: readerText(heading.label) || readerText(heading.title) || '(untitled)',
      detail: heading.time ? context.textOf(heading.time.span) : undefined,
      kind: heading.time ? SymbolKind.Event : projectLines.has(heading.line) ? SymbolKind.Package : SymbolKind.Module,
      range: context.range({ start: section.span.start, end: Math.max(end, heading.span.end) }),
      selectionRange: context.range(heading.titleSpan),
      children: section.children.map(toSymbol),
    };
  };
  const symbols = model.sections.map(toSymbol);
  const fm = model.frontMatter;
  if (fm) {
    symbols.unshift({
      name: 'Front matter',
      kind: SymbolKind.Object,
      range: context.range(fm.span),
      selectionRange: context.range({ start: fm.span.start, end: fm.span.start + 3 }),
      children: [...fm.entries.values()].map((entry) => ({
        name: entry.key,
        detail: context.textOf(entry.valueSpan),
        kind: SymbolKind.Key,
        range: context.range({ start: entry.keySpan.start, end: Math.max(entry.valueSpan.end, entry.keySpan.end) }),
        selectionRange: context.range(entry.keySpan),
      })),
    });
  }
  return symbols;
}

/** Folding: the front matter, every section, and list items with sub-items or continuation lines. */
export function foldingRanges(context: DocumentContext): FoldingRange[] {
  if (context.kind === 'other') return [];
  const { model } = context;
  const ranges: FoldingRange[] = [];
  const fold = (start: number, end: number, kind?: FoldingRangeKind) => {
    const startLine = lineAt(model.lineStarts, start);
    const endLine = lineAt(model.lineStarts, trimEnd(model.text, end));
    if (endLine > startLine) ranges.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
  if (model.frontMatter) fold(model.frontMatter.span.start, model.frontMatter.span.end - 1, FoldingRangeKind.Region);
  const visit = (section: Section) => {
    fold(section.span.start, section.span.end);
    section.children.forEach(visit);
  };
  model.sections.forEach(visit);
  for (const item of model.listItems) fold(item.span.start, item.span.end);
  return ranges;
}

/** The offset just after the last non-blank character before `end`. */
function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}

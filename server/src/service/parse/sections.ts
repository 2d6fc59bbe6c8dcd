import type { Heading, Section } from './model';

/** Builds the section forest: each heading owns everything up to the next heading of the same or a higher level. */
export function buildSections(headings: readonly Heading[], textLength: number): Section[] {
  const roots: Section[] = [];
  const stack: { heading: Heading; children: Section[]; start: number }[] = [];
  const close = (end: number) => {
    const done = stack.pop()!;
    const section: Section = { heading: done.heading, span: { start: done.start, end }, children: done.children };
    (stack.length > 0 ? stack[stack.length - 1]!.children : roots).push(section);
  };
  for (const heading of headings) {
    while (stack.length > 0 && stack[stack.length - 1]!.heading.level >= heading.level) close(heading.span.start);
    stack.push({ heading, children: [], start: heading.span.start });
  }
  while (stack.length > 0) close(textLength);
  return roots;
}

/** Every section, depth first, in document order. */
export function allSections(sections: readonly Section[]): Section[] {
  const all: Section[] = [];
  const visit = (list: readonly Section[]) => {
    for (const section of list) {
      all.push(section);
      visit(section.children);
    }
  };
  visit(sections);
  return all;
}

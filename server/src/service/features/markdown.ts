/**
 * Markdown for hovers. Text from files is untrusted: it is either escaped (every mark that
 * makes a link, an autolink, HTML, emphasis, code or a table gets a backslash; line breaks
 * become spaces, so nothing starts a block) or shown in a code block fenced longer than any
 * backtick run inside it — never as links, commands or HTML.
 */
/** Every line break a Markdown renderer may honour: CR LF, a lone CR or LF, and the Unicode line and paragraph separators. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()!|<>&~]/g, (c) => `\\${c}`).replace(LINE_BREAK, ' ');
}

/** The longest run of backticks in a text (counted, not spread into Math.max: a text may hold millions). */
function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) if (run[0].length > longest) longest = run[0].length;
  return longest;
}

/** A fenced code block that no content can close early. */
export function codeBlock(text: string, language = 'text'): string {
  const fence = '`'.repeat(Math.max(2, longestBacktickRun(text)) + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

/** Inline code, fenced by more backticks than the text holds. */
export function inlineCode(text: string): string {
  // A line break would end the span and let the rest render as Markdown.
  text = text.replace(LINE_BREAK, ' ');
  const fence = '`'.repeat(longestBacktickRun(text) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text.startsWith(' ') || text.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A Markdown table; cells are escaped here, so callers pass plain text. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

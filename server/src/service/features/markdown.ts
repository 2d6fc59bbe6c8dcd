/**
 * Markdown for hovers. Text from files is untrusted: it is either escaped (every mark that
 * makes a link, an autolink, HTML, emphasis, code or a table gets a backslash; line breaks
 * become spaces, so nothing starts a block) or shown in a code block fenced longer than any
 * backtick run inside it — never as links, commands or HTML.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()!|<>&~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** A fenced code block that no content can close early. */
export function codeBlock(text: string, language = 'text'): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

/** Inline code, fenced by more backticks than the text holds. */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text.startsWith(' ') || text.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A Markdown table; cells are escaped here, so callers pass plain text. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

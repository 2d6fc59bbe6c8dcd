/**
 * One line of Markdown as a reader of the published page reads it: the list marker, heading
 * marks and emphasis gone, links and images shown as their text, code spans as their
 * content, HTML tags dropped, escapes resolved. Hovers show this (escaped again) rather than
 * the source, whose link targets are long and mean nothing to the reader. Only the first
 * `MAX_SOURCE` characters are read, and the text is cut at `MAX_TEXT`: a hover line, not a page.
 */
export function readerText(markdown: string): string {
  let text = markdown.slice(0, MAX_SOURCE).replace(/^\s{0,3}(?:>\s?)*/, '').replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/, '').replace(/^#{1,6}\s+/, '');
  // Code spans first: nothing inside them is Markdown.
  const code: string[] = [];
  text = text.replace(/(`+)([^`]|[^`][^]*?[^`])\1(?!`)/g, (_, _fence: string, content: string) => {
    code.push(content.trim() || content);
    return `\uE000${code.length - 1}\uE000`;
  });
  // Escaped marks are text: set aside before emphasis is read.
  const escaped: string[] = [];
  text = text.replace(/\\([!-/:-@[-`{-~])/g, (_, mark: string) => {
    escaped.push(mark);
    return `\uE001${escaped.length - 1}\uE001`;
  });
  text = text
    // Images and links, inline (with one level of parentheses in the target) or by reference.
    .replace(/!?\[((?:\\.|[^\]\\])*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/!?\[((?:\\.|[^\]\\])*)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]*)>/gi, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(\*\*|__)(?=\S)([^]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w_])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
    .replace(/~~(?=\S)([^~]*?\S)~~/g, '$1')
    .replace(/&(amp|lt|gt|quot|nbsp|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ', '#39': "'" })[name] ?? '');
  return text
    .replace(/\uE001(\d+)\uE001/g, (_, i: string) => escaped[Number(i)] ?? '')
    .replace(/\uE000(\d+)\uE000/g, (_, i: string) => code[Number(i)] ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(new RegExp(`^(.{${MAX_TEXT}})..+$`, 'su'), '$1…');
}

const MAX_SOURCE = 4000;
const MAX_TEXT = 300;

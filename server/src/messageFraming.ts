import { MAX_FILE_SIZE_MB } from './service/knowledge/config';

/** LSP headers are two short fields; a header block longer than this is not one. */
export const MAX_HEADER_BYTES = 8 * 1024;
/**
 * The largest message body accepted: room for the largest file Minutes reads (`maxFileSize`
 * at most 64 MB) sent in a `didOpen`, JSON escaping included. A larger Content-Length is
 * refused before anything is buffered for it.
 */
export const MAX_BODY_BYTES = 2 * MAX_FILE_SIZE_MB * 1024 * 1024;

const HEADER_END = Buffer.from('\r\n\r\n');
/** `Name: value` with an RFC 9110 token as the name and printable ASCII as the value. */
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*([\x20-\x7e]*?)[ \t]*$/;

/**
 * Follows the framing of the LSP base protocol (`Content-Length: n\r\n\r\n` then n bytes)
 * over the raw input, without keeping any body bytes, and says what is wrong as soon as a
 * header is malformed. It accepts only what vscode-jsonrpc's reader reads the same way,
 * so that reader never sees a header it would misread: it reports such headers to no one
 * and then either waits forever for a body that never comes (`-5`, 10^12), or buffers
 * every later byte looking for a header end.
 */
export class MessageFraming {
  private pendingHeader = Buffer.alloc(0);
  private bodyLeft = 0;

  /** Takes the next chunk of input; returns what is wrong with it, or null. */
  push(chunk: Buffer): string | null {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.bodyLeft > 0) {
        const taken = Math.min(this.bodyLeft, chunk.length - offset);
        this.bodyLeft -= taken;
        offset += taken;
        continue;
      }
      const room = MAX_HEADER_BYTES + HEADER_END.length - this.pendingHeader.length;
      const bytes = Buffer.concat([this.pendingHeader, chunk.subarray(offset, offset + room)]);
      const end = bytes.indexOf(HEADER_END);
      if (end === -1) {
        if (bytes.length > MAX_HEADER_BYTES) return `no end of header within ${MAX_HEADER_BYTES} bytes (${excerpt(bytes)})`;
        this.pendingHeader = bytes;
        return null;
      }
      const length = contentLength(bytes.subarray(0, end));
      if (typeof length === 'string') return length;
      offset += end + HEADER_END.length - this.pendingHeader.length;
      this.pendingHeader = Buffer.alloc(0);
      this.bodyLeft = length;
    }
    return null;
  }

  /** Called when the input ends: what was cut off, or null when it ended between messages. */
  end(): string | null {
    if (this.bodyLeft > 0) return `the input ended ${this.bodyLeft} bytes before the end of a message body`;
    if (this.pendingHeader.length > 0) return `the input ended inside a header (${excerpt(this.pendingHeader)})`;
    return null;
  }
}

/**
 * Input that breaks the base protocol's framing ends the server with one line on stderr
 * (the client's log of the server). The protocol has no way back into step: after a
 * Content-Length that is wrong, nothing says where the next message starts, and a guess
 * could take a JSON string inside a body for a header. The check runs before the
 * connection's reader sees each chunk (so that reader never buffers for a bogus length).
 * A message cut off by the end of the input is logged too; vscode-languageserver then
 * exits on the end of the input as it always does (0 after `shutdown`, 1 without).
 */
export function closeOnBrokenFraming(input: NodeJS.ReadableStream): void {
  const framing = new MessageFraming();
  const log = (line: string) => process.stderr.write(`minutes-language-server: ${line}\n`);
  input.prependListener('data', (chunk: Buffer) => {
    const problem = framing.push(chunk);
    if (problem === null) return;
    log(`malformed message header, closing the connection: ${problem}`);
    input.removeAllListeners('data');
    process.exit(1);
  });
  input.prependListener('end', () => {
    const problem = framing.end();
    if (problem !== null) log(problem);
  });
}

/** The Content-Length of a header block (without its final blank line), or what is wrong with it. */
function contentLength(block: Buffer): number | string {
  let length: number | null = null;
  for (const line of block.toString('latin1').split('\r\n')) {
    const match = HEADER_LINE.exec(line);
    if (!match) return `a header line is not "Name: value" (${excerpt(Buffer.from(line, 'latin1'))})`;
    if (match[1]!.toLowerCase() !== 'content-length') continue;
    if (length !== null) return 'Content-Length is given twice';
    if (!/^\d{1,16}$/.test(match[2]!)) return `Content-Length is not a byte count (${excerpt(Buffer.from(match[2]!, 'latin1'))})`;
    length = Number(match[2]);
    if (length > MAX_BODY_BYTES) return `Content-Length ${length} is above the ${MAX_BODY_BYTES}-byte limit`;
  }
  return length ?? 'a header has no Content-Length';
}

/** A short, single-line rendering of raw bytes for the log. */
function excerpt(bytes: Buffer): string {
  const text = JSON.stringify(bytes.subarray(0, 60).toString('latin1'));
  return bytes.length > 60 ? `${text}…` : text;
}

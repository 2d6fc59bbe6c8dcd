/**
 * How the server reaches the files of a workspace. One interface for every host: the Node
 * server and the CLI read the disk (server/src/node/nodeFileAccess.ts); a server in a browser
 * worker asks its client. Everything that decides what to read (which folders, which files
 * first, the site root) is written once against this interface, in this folder.
 *
 * Every method is asynchronous and none throws: a file that cannot be read is an answer, so
 * a cloned repository can never hang or stop the server (a link to `/dev/zero`, a FIFO, a
 * 200 MB file, a path that leads out of the workspace).
 */
export interface FileAccess {
  /** A file's text when it is a regular file of at most `limits.maxBytes` inside `limits.root`. */
  read(uri: string, limits: ReadLimits): Promise<ReadResult>;
  /** A folder's entries; symbolic links are reported as such and never followed by a scan. */
  list(folderUri: string): Promise<readonly FolderEntry[]>;
  /** Whether something (file, folder, anything) exists at a URI. */
  exists(uri: string): Promise<boolean>;
}

export interface ReadLimits {
  /** Larger files are not read. */
  readonly maxBytes: number;
  /** The workspace root: a file whose real location (links resolved) lies outside it is not read. */
  readonly root: string;
}

export interface FolderEntry {
  readonly name: string;
  readonly type: 'file' | 'folder' | 'link' | 'other';
}

export type ReadResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: UnreadReason; readonly size?: number };

/**
 * Why a file was not read. `missing` and `unreadable` are everyday (a file deleted between
 * the listing and the read); the others are worth telling the user about.
 */
export type UnreadReason = 'missing' | 'unreadable' | 'not-a-file' | 'too-large' | 'outside-root';

/** A sentence for a file that was not read, for a diagnostic or a log line. */
export function describeUnread(result: Extract<ReadResult, { ok: false }>, limits: ReadLimits): string {
  switch (result.reason) {
    case 'too-large':
      return `this file is ${megabytes(result.size ?? 0)}; Minutes reads files up to ${megabytes(limits.maxBytes)} ("maxFileSize" in .minutes.json)`;
    case 'not-a-file':
      return 'this is not a regular file (a device, a FIFO or a socket), so Minutes does not read it';
    case 'outside-root':
      return 'this path leads outside the workspace (a symbolic link or `..`), so Minutes does not read it';
    case 'missing':
      return 'this file does not exist';
    case 'unreadable':
      return 'this file cannot be read';
  }
}

export function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

/**
 * The URI of a name inside a folder URI, encoded as Node's `pathToFileURL` encodes it (the
 * URIs the CLI and the server have always used), so a file found by a scan and the same file
 * named on the command line are one URI.
 */
export function childUri(folderUri: string, name: string): string {
  const encoded = name
    .replace(/[\x00-\x20"#%<>?`{}\\[\]|^\x7f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(/[^\x00-\x7f]/gu, (c) => encodeURIComponent(c));
  return `${folderUri.replace(/\/$/, '')}/${encoded}`;
}

/** The folder URI holding a URI; a root (`file:///`) is its own parent. */
export function parentUri(uri: string): string {
  const match = /^([a-z][\w+.-]*:\/\/[^/]*)(\/.*)?$/i.exec(uri);
  if (!match) return uri;
  const path = (match[2] ?? '/').replace(/(.)\/$/, '$1');
  return `${match[1]}${path.slice(0, path.lastIndexOf('/')) || '/'}`;
}

/** Whether `uri` is `root` or lies inside it (URIs compared as written; links are the file access's business). */
export function isInside(root: string, uri: string): boolean {
  const base = root.replace(/\/$/, '');
  return uri === base || uri.startsWith(`${base}/`);
}

/**
 * The custom protocol between the Minutes client and server, typed once for both sides.
 * Every editor gets the same commands through `workspace/executeCommand`.
 */

/** Commands the server executes. */
export const Commands = {
  /** Creates the next meeting's file from the latest minutes (argument: the minutes URI to start from, optional). */
  newMeeting: 'minutes.newMeeting',
  /** Returns the meeting time of a file in the configured zones (argument: the file's URI). */
  showMeetingTimes: 'minutes.showMeetingTimes',
} as const;

/** What `minutes.newMeeting` answers once the edit is applied. */
export interface NewMeetingResult {
  /** The created file, for the client to open. */
  readonly uri: string;
  readonly date: string;
  /** What was done, in words: the draft, where it came from, and the index page's changes. */
  readonly message: string;
}

/**
 * What `minutes.showMeetingTimes` answers: the file's meeting in the configured zones, rows a
 * client can show in a quick pick or a message, or (`ok: false`) a sentence saying why there
 * is none (not a minutes file, or no meeting time Jekyll can read).
 */
export type MeetingTimesResult =
  | {
      readonly ok: true;
      readonly title: string;
      /** The configured zones in their order, then the reader's own when it is not one of them (`reader: true` marks it). */
      readonly rows: readonly { readonly zone: string; readonly time: string; readonly note: string; readonly reader: boolean }[];
      /** The whole list as a Markdown table, one zone a row, to paste. */
      readonly markdown: string;
      /** "in 3 days", "2 years ago". */
      readonly relative: string;
    }
  | {
      readonly ok: false;
      /** `not-minutes`: the file is not minutes (nor the index page); `no-time`: it is, without a meeting time Jekyll can read. */
      readonly reason: 'not-minutes' | 'no-time';
      readonly message: string;
    };

/** What a client may say about itself in `initialize`'s `initializationOptions`. */
export interface MinutesInitializationOptions {
  /**
   * The editor shows Markdown's own outline (VS Code does): the server then offers no document
   * symbols, so minutes have one outline and one breadcrumb, not two.
   */
  readonly markdownOutline?: boolean;
  /**
   * The client answers {@link FileRequests} (VS Code's does): a server that cannot read a
   * workspace itself (in a browser worker, or given a `vscode-vfs:` folder) then asks it.
   */
  readonly fileRequests?: boolean;
}

/** The configuration section the server pulls. */
export const SETTINGS_SECTION = 'minutes';

/**
 * `minutes/actionItems`: the workspace's action items (checkbox items and commitments such as
 * "@x will …"), followed from meeting to meeting. Any editor can send it.
 */
export const ActionItemsRequest = { method: 'minutes/actionItems' } as const;

export interface ActionItemsParams {
  /** A file in the workspace to answer for (default: the first workspace folder). */
  readonly uri?: string;
  /** How `groups` are formed (default: owner). */
  readonly groupBy?: 'owner' | 'meeting' | 'section';
  /** Open items only (default), or all of them. */
  readonly include?: 'open' | 'all';
}

/** One meeting an item is written in. */
export interface ActionItemMeeting {
  readonly uri: string;
  /** ISO date of the meeting. */
  readonly date: string;
  /** 0-based line of the item in that file. */
  readonly line: number;
}

export interface ActionItem {
  /** The item's text as last written (Markdown, untrusted). */
  readonly text: string;
  /** Owners' handles without `@`. */
  readonly owners: readonly string[];
  /** done: checked; dropped: unchecked but left out of the latest minutes. */
  readonly state: 'open' | 'done' | 'dropped';
  /** false for a commitment written without a checkbox ("@x will …"). */
  readonly checkbox: boolean;
  /** The meeting it was first written in. */
  readonly since: ActionItemMeeting;
  /** Where it was last written: the place to open. */
  readonly latest: ActionItemMeeting;
  /** How many later meetings it was carried into. */
  readonly carried: number;
  readonly meetings: readonly ActionItemMeeting[];
  /** ISO date of the minutes that first show it checked. */
  readonly doneOn: string | null;
  /** A date written in the item (ISO). */
  readonly deadline: string | null;
  readonly section: string | null;
  readonly project: string | null;
}

export interface ActionItemsResult {
  /** Open items first, then by age (oldest first). */
  readonly items: readonly ActionItem[];
  /** `items` grouped as asked: each group's label and indexes into `items`. */
  readonly groups: readonly { readonly label: string; readonly items: readonly number[] }[];
  readonly open: number;
  /** The latest minutes, ISO date. */
  readonly latestMeeting: string | null;
}

/** `minutes/nextMeetingCalendar`: the next meeting a file announces, as an RFC 5545 calendar. */
export const NextMeetingCalendarRequest = { method: 'minutes/nextMeetingCalendar' } as const;

export interface NextMeetingCalendarParams {
  /** The minutes file or index page (default: the index page, else the latest minutes). */
  readonly uri?: string;
}

export type NextMeetingCalendarResult =
  | {
      readonly ok: true;
      /** The `.ics` text (CRLF line ends). */
      readonly text: string;
      /** A file name for it (`minutes-2025-01-08.ics`). */
      readonly fileName: string;
      readonly summary: string;
      /** The start as ISO 8601 in UTC. */
      readonly start: string;
      readonly url: string | null;
    }
  | { readonly ok: false; readonly message: string };

/**
 * The workspace's files, asked of the client by a server that has no file system of its own
 * (the web build runs in a browser worker). The client answers with `vscode.workspace.fs`,
 * with the same checks as the Node server's own reads: regular files only, bounded, inside
 * the workspace. Sent only after `initialized`.
 */
export const FileRequests = {
  /** {@link FileReadParams} → {@link FileReadResult}. */
  read: 'minutes/fs/read',
  /** {@link FileListParams} → {@link FileListEntry}[] (empty when the folder cannot be listed). */
  list: 'minutes/fs/list',
  /** {@link FileExistsParams} → boolean. */
  exists: 'minutes/fs/exists',
} as const;

export interface FileReadParams {
  readonly uri: string;
  /** Larger files are not read (answered `too-large` with their size). */
  readonly maxBytes: number;
  /** The workspace root the file must lie inside. */
  readonly root: string;
}

export type FileReadResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'missing' | 'unreadable' | 'not-a-file' | 'too-large' | 'outside-root'; readonly size?: number };

export interface FileListParams {
  readonly uri: string;
}

export interface FileListEntry {
  readonly name: string;
  readonly type: 'file' | 'folder' | 'link' | 'other';
}

export interface FileExistsParams {
  readonly uri: string;
}

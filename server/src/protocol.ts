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
}

/** What `minutes.showMeetingTimes` answers: rows a client can show in a quick pick or a message. */
export interface MeetingTimesResult {
  readonly title: string;
  readonly rows: readonly { readonly zone: string; readonly time: string; readonly note: string }[];
  /** The same as Markdown, for clients that show documents. */
  readonly markdown: string;
}

/** The configuration section the server pulls. */
export const SETTINGS_SECTION = 'minutes';

import type { Span } from '../parse/model';
import type { HandleRef } from '../parse/model';
import type { ActionItemsModel, ActionOccurrence, TrackedActionItem } from './actionItems';

/** A diagnostic severity as users write it in settings and the config file. */
export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface Member {
  /** The key in `_data/authors.yml` (or the config file): the canonical handle. */
  readonly handle: string;
  readonly name: string | null;
  /** Other handles that mean this member (GitHub and CPAN ids, config aliases), lower case. */
  readonly aliases: readonly string[];
  readonly github: string | null;
  /** Where the member was declared, for hovers and go-to. */
  readonly source: string;
  /** The member's text as written in the data file (bio etc.); untrusted. */
  readonly bio: string | null;
}

/** What the workspace's minutes say about one handle. */
export interface HandleUsage {
  /** The spelling used most often. */
  readonly handle: string;
  /** Number of minutes files that mention it. */
  readonly files: number;
  readonly mentions: number;
  /** Date (ISO) of the latest minutes that mention it. */
  readonly lastSeen: string | null;
  /** Date (ISO) of the latest minutes that list it among the attendees. */
  readonly lastAttended: string | null;
}

export interface Project {
  readonly org: string;
  readonly number: number;
  /** The name used most recently. */
  readonly name: string;
  /** Earlier names, oldest first. */
  readonly formerNames: readonly string[];
}

export interface TemplateSection {
  readonly level: number;
  readonly title: string;
  /** Title without a leading agenda time ("Meeting start" for "17:00 UTC – Meeting start"). */
  readonly label: string;
  /** The section's text as in the template (heading line and its body up to the next heading). */
  readonly text: string;
}

export interface MinutesTemplate {
  readonly name: string;
  /** Where it came from: a workspace file's URI, or "built-in". */
  readonly source: string;
  /** ISO date from which files are judged by this template. */
  readonly since: string;
  readonly sections: readonly TemplateSection[];
  readonly frontMatterKeys: readonly string[];
  /** The whole template text, for new meetings and snippets. */
  readonly text: string;
}

/** A minutes file of the workspace, as the knowledge index keeps it. */
export interface MinutesFileInfo {
  readonly uri: string;
  /** ISO date of the meeting (front matter, else the file name, else the heading). */
  readonly date: string | null;
  /** Time of the meeting with its zone (`17:00 UTC`), from `meeting_time`. */
  readonly time: string | null;
  /** When the file says the next meeting is: ISO date, and time with its zone (`17:00 UTC`). */
  readonly nextMeeting: { readonly date: string; readonly time: string | null } | null;
  /** The file's section headings (level 2 and deeper), in order. */
  readonly sections: readonly SectionHeading[];
  /** Whether list items hold only "…" or nothing. */
  readonly hasEmptyItems: boolean;
}

/** A heading of a minutes file as the workspace remembers it, to learn the group's layout. */
export interface SectionHeading {
  readonly level: number;
  readonly title: string;
  /** The title without a leading agenda time. */
  readonly label: string;
  readonly line: number;
}

/** A problem in a knowledge file (authors data, config, Jekyll config). */
export interface KnowledgeProblem {
  readonly uri: string;
  readonly span: Span;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** Everything the features know about the workspace beyond the current document. */
export interface WorkspaceKnowledge {
  /** Bumped on every change, so caches keyed by it stay correct. */
  readonly version: number;
  /** The workspace (site) root, without a trailing slash. */
  readonly rootUri: string;
  findMember(handle: string): Member | null;
  readonly members: readonly Member[];
  /** Handles allowed without being members (`@all`), lower case. */
  readonly specialHandles: ReadonlySet<string>;
  usage(handle: string): HandleUsage | null;
  readonly handleUsage: readonly HandleUsage[];
  findProject(org: string, number: number): Project | null;
  readonly projects: readonly Project[];
  readonly templates: readonly MinutesTemplate[];
  readonly minutesFiles: readonly MinutesFileInfo[];
  /** The build zone Jekyll uses (from `_config.yml` `timezone:`; UTC as GitHub Pages builds). */
  readonly buildZone: string;
  /** Severity overrides per diagnostic code from the workspace config file. */
  readonly severities: ReadonlyMap<string, SeverityName>;
  /** Zones to show in hovers, from the config file (else the settings' or the defaults). */
  readonly hoverZones: readonly string[] | null;
  /** Names for timeanddate.com place ids. */
  readonly places: ReadonlyMap<number, string>;
  /** `_data/authors.yml` as last read (URI and text), for the fix that adds a member; null without one that parses. */
  readonly authorsFile: { readonly uri: string; readonly text: string } | null;
  readonly problems: readonly KnowledgeProblem[];
  /** Whether a workspace path (URI) is ignored by the config. */
  isIgnored(uri: string): boolean;
  /** Whether a path looks like a minutes file by the configured glob. */
  isMinutesPath(uri: string): boolean;
  /** URI of the minutes index page, if known. */
  readonly indexPage: string | null;
  /** Action items followed across the minutes (worked out on first use). */
  actionItems(): ActionItemsModel;
  /**
   * The handles of a minutes file as last read (the editor's text when it is open), with
   * their places in that text, or null when the index does not hold the file.
   */
  mentionsIn(uri: string): readonly HandleRef[] | null;
  /** The tracked item that the item with `key` in the file `uri` belongs to, and its meetings as far as that file. */
  actionHistory(uri: string, key: string): { readonly item: TrackedActionItem; readonly upTo: readonly ActionOccurrence[] } | null;
  /** Where the site is published (`_config.yml` `url` + `baseurl`), and whether pages end in `/`. */
  readonly site: { readonly url: string | null; readonly pretty: boolean };
  /** How many meetings an open item may be carried before it is reported (`.minutes.json` `actionItems.staleAfter`). */
  readonly staleActionAfter: number;
  /** Files larger than this are not read or checked. */
  readonly maxFileBytes: number;
  /**
   * Whether every file of the workspace has been read. A server diagnoses an opened file
   * before that; findings that compare it with the other minutes wait until it is true.
   */
  readonly complete: boolean;
}

/** Settings a client passes (VS Code's `minutes.*`), per resource. */
export interface MinutesSettings {
  readonly severity: Readonly<Record<string, SeverityName>>;
  readonly hoverTimeZones: readonly string[];
  /** IANA zone of the reader; empty for the machine's own. */
  readonly readerTimeZone: string;
  /** Overrides the build zone Jekyll uses; empty to take it from `_config.yml`. */
  readonly buildTimeZone: string;
  /** Which files' problems an editor is sent: every minutes file of the workspace, or the open ones. */
  readonly problems: 'workspace' | 'openFiles';
}

export const DEFAULT_HOVER_ZONES: readonly string[] = [
  'UTC',
  'Europe/Oslo',
  'Europe/Amsterdam',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
];

export const DEFAULT_SETTINGS: MinutesSettings = {
  severity: {},
  hoverTimeZones: DEFAULT_HOVER_ZONES,
  readerTimeZone: '',
  buildTimeZone: '',
  problems: 'workspace',
};

import { Minimatch } from 'minimatch';
import { parseMinutes } from '../parse/parseMinutes';
import { parseAuthorsSteps, type AuthorsData } from './authors';
import { CONFIG_FILE_NAME, parseMinutesConfig, type MinutesConfig } from './config';
import type { HandleRef } from '../parse/model';
import { trackActionItems, type ActionItemsModel, type ActionOccurrence, type TrackedActionItem } from './actionItems';
import { dateOfMinutes, factsOfMinutes, sameFacts, type MinutesFacts } from './fileFacts';
import type { MinutesModel } from '../parse/model';
import { aggregateHandles } from './handles';
import { parseJekyllConfigSteps, type JekyllConfig } from './jekyllConfig';
import { runSteps, runStepsInTurns, type Steps } from '../steps';
import { aggregateProjects } from './projects';
import { BUILTIN_TEMPLATE, templateFromText } from './templates';
import type { KnowledgeProblem, Member, MinutesTemplate, SeverityName, WorkspaceKnowledge } from './types';

/** Where minutes live when the config file does not say: CPANSec's layout. */
export const DEFAULT_MINUTES_GLOBS = ['**/meetings/*minutes*.md', '**/meetings/**/*minutes*.md'];
const DEFAULT_IGNORES = ['**/node_modules/**', '**/_site/**', '**/vendor/**', '**/.git/**', '**/.jekyll-cache/**'];
const TEMPLATE_NAME = /(?:^|\/)[^/]*minutes[^/]*template[^/]*\.md$|(?:^|\/)templates?\/[^/]*minutes[^/]*\.md$/i;
const INDEX_NAME = /\/(?:README|index)\.md$/i;
const SPECIAL_HANDLES = ['all', 'here', 'everyone', 'channel'];
/** An open item carried into more meetings than this is reported, unless the config says otherwise. */
export const DEFAULT_STALE_ACTION_AFTER = 4;
/** Minutes, member lists and configuration are kilobytes; a few megabytes leaves room and bounds the cost. */
export const DEFAULT_MAX_FILE_SIZE_MB = 4;

/** The kinds of files the index reads. */
export type KnowledgeFileKind = 'authors' | 'jekyll-config' | 'config' | 'template' | 'markdown';

/**
 * The workspace's knowledge, kept up to date file by file: give it each relevant file's
 * text as it is read or changes, and ask for a snapshot. Broken knowledge files produce
 * problems while the last good content stays in use.
 */
export class WorkspaceIndex {
  private readonly minutes = new Map<string, MinutesFacts>();
  private readonly markdownDates = new Map<string, string | null>();
  /** The text of every minutes file and index page read: references, rename and New Meeting use it without touching the disk. */
  private readonly texts = new Map<string, string>();
  /** Each minutes file's handles with their places in that text: references and rename need no parse. */
  private readonly mentions = new Map<string, readonly HandleRef[]>();
  private readonly templates = new Map<string, MinutesTemplate>();
  private readonly problems = new Map<string, KnowledgeProblem[]>();
  private authors: AuthorsData = { members: [], problems: [] };
  /** The roster file as last read, when it parsed: a fix that adds a member appends to it. */
  private authorsFile: { readonly uri: string; readonly text: string } | null = null;
  private jekyll: JekyllConfig = { timezone: null, problems: [] };
  private config: MinutesConfig = {};
  private configTemplateTexts = new Map<string, string>();
  /** Per file, the number of its latest read: see `updateInTurns`. */
  private readonly reads = new Map<string, number>();
  private readsStarted = 0;
  private version = 0;
  /** An index filled by hand (the CLI's tests, the bench) is complete; a scan says otherwise while it reads. */
  private complete = true;
  private compiled: { config: MinutesConfig; ignore: Minimatch[]; minutes: Minimatch[] } | null = null;
  private snapshot: WorkspaceKnowledge | null = null;

  constructor(
    readonly rootUri: string,
    private readonly codes: readonly string[],
  ) {}

  /** What kind of knowledge file a URI is, or null when the index does not read it. */
  kindOf(uri: string): KnowledgeFileKind | null {
    const path = this.relative(uri);
    if (path === null || this.isIgnored(uri)) return null;
    if (path === CONFIG_FILE_NAME) return 'config';
    if (path === '_config.yml') return 'jekyll-config';
    if (/(?:^|\/)_data\/authors\.ya?ml$/.test(path)) return 'authors';
    if (TEMPLATE_NAME.test(path) || this.configTemplateFiles().includes(path)) return 'template';
    if (path.endsWith('.md')) return 'markdown';
    return null;
  }

  /** Reads (or re-reads) a file. Returns false when the file is not one the index uses. */
  update(uri: string, text: string): boolean {
    return runSteps(this.updateSteps(uri, text));
  }

  /**
   * `update` a slice at a time: a large roster or `_config.yml` is parsed over several turns
   * of the event loop, and `pause` gives the others theirs. What the index knows changes at
   * once, at the end; a read overtaken by a later read (or removal) of the same file is dropped.
   */
  updateInTurns(uri: string, text: string, pause: () => Promise<void>, turnMs?: number): Promise<boolean> {
    return runStepsInTurns(this.updateSteps(uri, text), pause, turnMs);
  }

  private *updateSteps(uri: string, text: string): Steps<boolean> {
    const kind = this.kindOf(uri);
    if (!kind) return false;
    const read = this.startRead(uri);
    try {
      const apply = yield* this.readSteps(kind, uri, text);
      if (this.reads.get(uri) !== read) return true;
      apply();
    } catch (error) {
      // Whatever a file holds, the index survives it and keeps what it knew.
      this.problems.set(uri, [{ uri, span: { start: 0, end: 0 }, message: `Minutes could not read this file: ${error instanceof Error ? error.message : String(error)}`, severity: 'error' }]);
    }
    if (this.reads.get(uri) === read) this.reads.delete(uri);
    this.changed();
    return true;
  }

  /** Numbers a read of a file, so that an earlier one still parsing knows it was overtaken. */
  private startRead(uri: string): number {
    const read = ++this.readsStarted;
    this.reads.set(uri, read);
    return read;
  }

  /** Parses a file (the YAML ones in steps), and returns how to take what it holds into the index. */
  private *readSteps(kind: KnowledgeFileKind, uri: string, text: string): Steps<() => void> {
    switch (kind) {
      case 'authors': {
        const data = yield* parseAuthorsSteps(text, uri);
        return () => {
          // A file that does not parse keeps the members known before.
          if (!data.problems.some((p) => p.severity === 'error')) {
            this.authors = data;
            this.authorsFile = { uri, text };
          }
          this.problems.set(uri, [...data.problems]);
        };
      }
      case 'jekyll-config': {
        const jekyll = yield* parseJekyllConfigSteps(text, uri);
        return () => {
          this.jekyll = jekyll;
          this.problems.set(uri, [...jekyll.problems]);
        };
      }
      case 'config': {
        const { config, problems } = parseMinutesConfig(text, uri, this.codes);
        return () => {
          if (config) this.config = config;
          this.problems.set(uri, problems);
        };
      }
      case 'template':
        return () => {
          const path = this.relative(uri)!;
          const configured = this.config.templates?.find((t) => t.file === path);
          const name = path.slice(path.lastIndexOf('/') + 1);
          const template = templateFromText(text, uri, name, configured?.since);
          if (template) this.templates.set(uri, template);
          else this.templates.delete(uri);
          this.configTemplateTexts.set(path, text);
        };
      case 'markdown':
        return () => this.updateMarkdown(uri, text);
    }
  }

  remove(uri: string): void {
    // A read still parsing finds it gone and is dropped.
    this.reads.delete(uri);
    // Every map forgets it: a deleted draft left in one stays "unlisted" on the index page.
    const known = [this.minutes.delete(uri), this.templates.delete(uri), this.markdownDates.delete(uri), this.problems.delete(uri), this.texts.delete(uri), this.mentions.delete(uri)];
    if (known.some(Boolean)) this.changed();
    const kind = this.kindOf(uri);
    if (kind === 'config') this.config = {};
    if (kind === 'authors') {
      this.authors = { members: [], problems: [] };
      this.authorsFile = null;
    }
    if (kind === 'jekyll-config') this.jekyll = { timezone: null, problems: [] };
    if (kind) this.changed();
  }

  /**
   * Takes an open document's freshly parsed model. Returns true when what the workspace
   * knows changed (most keystrokes change nothing the other files depend on).
   */
  updateModel(model: MinutesModel): boolean {
    const uri = model.uri;
    if (this.kindOf(uri) !== 'markdown' || !this.minutes.has(uri)) return false;
    const facts = factsOfMinutes(model);
    this.mentions.set(uri, model.handles);
    if (sameFacts(this.minutes.get(uri)!, facts)) {
      // Lines moved (typing above an item): the live action items point to the new lines; the knowledge stays.
      this.minutes.set(uri, facts);
      return false;
    }
    this.minutes.set(uri, facts);
    this.markdownDates.set(uri, facts.date);
    this.changed();
    return true;
  }

  private updateMarkdown(uri: string, text: string): void {
    // Most Markdown in a site is not minutes: a cheap look at the start avoids parsing it.
    const looksLikeMinutes = this.isMinutesPath(uri) || /^\uFEFF?---[^]*?\b(?:meeting_time)\s*:/m.test(text.slice(0, 2000));
    if (!looksLikeMinutes) {
      this.minutes.delete(uri);
      if (INDEX_NAME.test(uri)) this.markdownDates.set(uri, null);
      if (INDEX_NAME.test(uri) || (this.config.index && uri === `${this.rootUri}/${this.config.index}`)) this.texts.set(uri, text);
      else this.texts.delete(uri);
      return;
    }
    this.texts.set(uri, text);
    const model = parseMinutes(text, uri, 0);
    this.mentions.set(uri, model.handles);
    this.minutes.set(uri, factsOfMinutes(model));
    this.markdownDates.set(uri, dateOfMinutes(model));
  }

  private changed(): void {
    this.version++;
    this.snapshot = null;
  }

  knowledge(): WorkspaceKnowledge {
    if (!this.snapshot) this.snapshot = this.build();
    return this.snapshot;
  }

  private build(): WorkspaceKnowledge {
    const members = this.mergedMembers();
    const byHandle = new Map<string, Member>();
    for (const member of members) {
      byHandle.set(member.handle.toLowerCase(), member);
      for (const alias of member.aliases) if (!byHandle.has(alias)) byHandle.set(alias, member);
    }
    const files = [...this.minutes.values()].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.uri.localeCompare(b.uri));
    const handleUsage = aggregateHandles(files);
    const usageByHandle = new Map(handleUsage.map((usage) => [usage.handle.toLowerCase(), usage]));
    const projects = aggregateProjects(files, this.config.projects ?? []);
    const projectByKey = new Map(projects.map((p) => [`${p.org.toLowerCase()}#${p.number}`, p]));
    const templates = this.templates.size > 0 ? [...this.templates.values()] : [BUILTIN_TEMPLATE];
    const severities = new Map<string, SeverityName>(Object.entries(this.config.severity ?? {}));
    const places = new Map<number, string>(Object.entries(this.config.places ?? {}).map(([id, name]) => [Number(id), name]));
    const indexPage = this.findIndexPage(files);
    const problems = [...this.problems.values()].flat();
    let tracked: ActionItemsModel | undefined;
    let history: Map<string, { item: TrackedActionItem; upTo: readonly ActionOccurrence[] }> | undefined;
    return {
      version: this.version,
      rootUri: this.rootUri.replace(/\/$/, ''),
      members,
      findMember: (handle) => byHandle.get(handle.toLowerCase()) ?? null,
      specialHandles: new Set([...SPECIAL_HANDLES, ...(this.config.specialHandles ?? []).map((h) => h.toLowerCase().replace(/^@/, ''))]),
      handleUsage,
      usage: (handle) => usageByHandle.get(handle.toLowerCase()) ?? null,
      projects,
      findProject: (org, number) => projectByKey.get(`${org.toLowerCase()}#${number}`) ?? null,
      templates,
      minutesFiles: files.map((f) => ({ uri: f.uri, date: f.date, time: f.time, nextMeeting: f.nextMeeting, sections: f.sections, hasEmptyItems: f.hasEmptyItems })),
      buildZone: this.config.timeZones?.build ?? this.jekyll.timezone ?? 'UTC',
      severities,
      hoverZones: this.config.timeZones?.hover ?? null,
      places,
      authorsFile: this.authorsFile,
      problems,
      isIgnored: (uri) => this.isIgnored(uri),
      isMinutesPath: (uri) => this.isMinutesPath(uri),
      indexPage,
      actionItems: () => (tracked ??= trackActionItems(files)),
      mentionsIn: (uri) => this.mentions.get(uri) ?? null,
      actionHistory: (uri, key) => {
        if (!history) {
          history = new Map();
          for (const item of (tracked ??= trackActionItems(files)).items) {
            item.occurrences.forEach((o, i) => history!.set(`${o.uri}\n${o.key}`, { item, upTo: item.occurrences.slice(0, i + 1) }));
          }
        }
        return history.get(`${uri}\n${key}`) ?? null;
      },
      site: { url: this.jekyll.siteUrl ?? null, pretty: !!this.jekyll.prettyPermalinks },
      staleActionAfter: this.config.actionItems?.staleAfter ?? DEFAULT_STALE_ACTION_AFTER,
      maxFileBytes: this.maxFileBytes,
      complete: this.complete,
    };
  }

  /**
   * Whether the first full read of the workspace is over: until then the knowledge is
   * partial, and findings that compare a file with the other minutes wait.
   */
  setComplete(complete: boolean): void {
    if (this.complete === complete) return;
    this.complete = complete;
    this.changed();
  }

  /** The last text read of a minutes file or index page (not of other pages), or null. */
  textOf(uri: string): string | null {
    return this.texts.get(uri) ?? null;
  }

  /** Larger files are not read: `maxFileSize` (megabytes) in `.minutes.json`, else the default. */
  get maxFileBytes(): number {
    return Math.round((this.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE_MB) * 1024 * 1024);
  }

  /**
   * A file the index would use but that was not read (too large, a device, a link out of the
   * workspace): the reason is kept as the file's problem, and what was known of it is dropped.
   */
  unread(uri: string, message: string): void {
    if (!this.kindOf(uri)) return;
    this.remove(uri);
    this.problems.set(uri, [{ uri, span: { start: 0, end: 0 }, message: `Minutes did not read this file: ${message}.`, severity: 'warning' }]);
    this.changed();
  }

  /** Action items as the files read now (lines current while typing), for lists that open them. */
  currentActionItems(): ActionItemsModel {
    return trackActionItems([...this.minutes.values()]);
  }

  private mergedMembers(): Member[] {
    const members = new Map(this.authors.members.map((m) => [m.handle.toLowerCase(), m]));
    for (const [handle, extra] of Object.entries(this.config.members ?? {})) {
      const known = members.get(handle.toLowerCase());
      const aliases = [...(known?.aliases ?? []), ...(extra.aliases ?? []), ...(extra.github ? [extra.github] : [])].map((a) => a.toLowerCase().replace(/^@/, ''));
      members.set(handle.toLowerCase(), {
        handle: known?.handle ?? handle,
        name: extra.name ?? known?.name ?? null,
        aliases: [...new Set(aliases)].filter((a) => a !== handle.toLowerCase()),
        github: extra.github ?? known?.github ?? null,
        source: known?.source ?? `${this.rootUri}/${CONFIG_FILE_NAME}`,
        bio: known?.bio ?? null,
      });
    }
    return [...members.values()];
  }

  /** The configured index page, else a README.md/index.md in the folder holding the most minutes. */
  private findIndexPage(files: readonly MinutesFacts[]): string | null {
    if (this.config.index) return `${this.rootUri}/${this.config.index}`;
    const folders = new Map<string, number>();
    for (const file of files) {
      const folder = file.uri.slice(0, file.uri.lastIndexOf('/'));
      folders.set(folder, (folders.get(folder) ?? 0) + 1);
    }
    const ranked = [...folders].sort((a, b) => b[1] - a[1]);
    for (const [folder] of ranked) {
      for (const name of ['README.md', 'index.md', 'readme.md']) {
        const uri = `${folder}/${name}`;
        if (this.markdownDates.has(uri) && !this.minutes.has(uri)) return uri;
      }
    }
    return null;
  }

  private configTemplateFiles(): string[] {
    return (this.config.templates ?? []).map((t) => t.file);
  }

  /** The path of a URI inside the workspace, or null when it is outside. */
  relative(uri: string): string | null {
    const root = this.rootUri.endsWith('/') ? this.rootUri : `${this.rootUri}/`;
    if (!uri.startsWith(root)) return null;
    return decodeURIComponent(uri.slice(root.length));
  }

  isIgnored(uri: string): boolean {
    const path = this.relative(uri);
    return path !== null && this.patterns().ignore.some((pattern) => pattern.match(path));
  }

  isMinutesPath(uri: string): boolean {
    const path = this.relative(uri);
    return path !== null && !TEMPLATE_NAME.test(path) && this.patterns().minutes.some((pattern) => pattern.match(path));
  }

  /** Compiled globs, rebuilt only when the config changes. */
  private patterns(): { ignore: Minimatch[]; minutes: Minimatch[] } {
    if (!this.compiled || this.compiled.config !== this.config) {
      this.compiled = {
        config: this.config,
        ignore: [...DEFAULT_IGNORES, ...(this.config.ignore ?? [])].map((glob) => new Minimatch(glob, { dot: true })),
        minutes: (this.config.minutes ?? DEFAULT_MINUTES_GLOBS).map((glob) => new Minimatch(glob, { dot: true, nocase: true })),
      };
    }
    return this.compiled;
  }
}

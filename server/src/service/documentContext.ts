import { DateTime } from 'luxon';
import type { Range } from 'vscode-languageserver-types';
import { classifyDocument, type DocumentKind } from './documentKind';
import { expectedLayout, type ExpectedLayout } from './knowledge/layout';
import { templateInForce } from './knowledge/templates';
import type { MinutesSettings, MinutesTemplate, WorkspaceKnowledge } from './knowledge/types';
import { positionAt } from './parse/lines';
import type { FrontMatterEntry, MinutesModel, Span, TextDate } from './parse/model';
import { onLines } from './parse/tokensByLine';
import { evaluateJekyllTime, rubyValueOfScalar, type BuildSettings, type JekyllTimeEvaluation } from './time';

/**
 * Facts about the whole document that checks limited to some lines or to the headings may
 * read, each only when the check declares it (see `Check` in features/diagnostics/rule.ts):
 * the findings kept after an edit stay right while the declared facts stay the same.
 */
export type DocumentFact = 'meetingTime' | 'meetingDate' | 'isUpcoming' | 'layout' | 'eol';

const FACT_KEYS: { readonly [F in DocumentFact]: (context: DocumentContext) => string } = {
  meetingTime: (context) => context.meetingTime?.toISO() ?? '',
  meetingDate: (context) => context.meetingDate?.toISODate() ?? '',
  isUpcoming: (context) => String(context.isUpcoming),
  // The layout is learned from the knowledge for this file and its date.
  layout: (context) => context.meetingDate?.toISODate() ?? '',
  eol: (context) => context.eol,
};

export const DOCUMENT_FACTS = Object.keys(FACT_KEYS) as readonly DocumentFact[];

const FILE_NAME_DATE = /(\d{4})-(\d{2})-(\d{2})[^/]*$/;
const HEADING_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;

/**
 * One document seen with the workspace's knowledge: what every feature asks about it,
 * computed at most once (lazily) per request.
 */
export class DocumentContext {
  readonly kind: DocumentKind;
  private readonly evaluated: Map<string, JekyllTimeEvaluation | null>;
  private datesOnLines: Map<number, TextDate> | null = null;
  private readonly memo: Map<string, unknown>;

  constructor(
    readonly model: MinutesModel,
    readonly knowledge: WorkspaceKnowledge,
    readonly settings: MinutesSettings,
    readonly now: Date,
    /** Derived facts shared with the context of the whole document (see `restrictedTo`). */
    shared?: { kind: DocumentKind; evaluated: Map<string, JekyllTimeEvaluation | null>; memo: Map<string, unknown> },
  ) {
    this.kind = shared?.kind ?? classifyDocument(model, knowledge);
    this.evaluated = shared?.evaluated ?? new Map();
    this.memo = shared?.memo ?? new Map();
  }

  /**
   * The same document with only the inline tokens (handles, links, Liquid, times, dates,
   * placeholders) of lines `first` to `last`, for re-running line-scoped rules on the lines
   * an edit changed. Headings, list items and everything derived from the whole document
   * stay as they are.
   */
  restrictedTo(first: number, last: number): DocumentContext {
    const m = this.model;
    const view: MinutesModel = {
      ...m,
      handles: onLines(m.handles, first, last),
      links: onLines(m.links, first, last),
      liquid: onLines(m.liquid, first, last),
      times: onLines(m.times, first, last),
      dates: onLines(m.dates, first, last),
      placeholders: onLines(m.placeholders, first, last),
    };
    return new DocumentContext(view, this.knowledge, this.settings, this.now, { kind: this.kind, evaluated: this.evaluated, memo: this.memo });
  }

  /** What a document-wide fact is compared by between two versions of the document (with the same knowledge and settings). */
  factKey(fact: DocumentFact): string {
    return FACT_KEYS[fact](this);
  }

  /** The line ending the document uses, for text that fixes insert. */
  get eol(): MinutesModel['eol'] {
    return this.model.eol;
  }

  /** The zone Jekyll builds in: the user's override, else `_config.yml`, else UTC. */
  get build(): BuildSettings {
    return { buildZone: this.settings.buildTimeZone || this.knowledge.buildZone || 'UTC', now: this.now };
  }

  entry(key: string): FrontMatterEntry | null {
    return this.model.frontMatter?.entries.get(key) ?? null;
  }

  /** What Jekyll makes of a front-matter date value (`meeting_time`, `next_meeting_time`). */
  evaluate(key: string): JekyllTimeEvaluation | null {
    if (!this.evaluated.has(key)) {
      const entry = this.entry(key);
      this.evaluated.set(key, entry ? evaluateJekyllTime(rubyValueOfScalar(entry.scalar, this.build), this.build) : null);
    }
    return this.evaluated.get(key) ?? null;
  }

  /** The meeting's moment as written in `meeting_time`, when Jekyll can read it. */
  get meetingTime(): DateTime | null {
    return this.once('meetingTime', () => {
      const time = this.evaluate('meeting_time')?.time;
      return time && time.isValid ? time : null;
    });
  }

  /** The meeting's date: from `meeting_time`, else the file name, else a dated `# Minutes` heading. */
  get meetingDate(): DateTime | null {
    return this.once('meetingDate', () => this.meetingTime?.startOf('day') ?? this.fileNameDate ?? this.headingDate);
  }

  get fileNameDate(): DateTime | null {
    return this.once('fileNameDate', () => isoDate(FILE_NAME_DATE.exec(decodeURIComponent(this.model.uri))));
  }

  get headingDate(): DateTime | null {
    return this.once('headingDate', () => {
      const first = this.model.headings.find((h) => h.level === 1);
      return first ? isoDate(HEADING_DATE.exec(first.title)) : null;
    });
  }

  get template(): MinutesTemplate | null {
    return this.once('template', () => {
      const date = this.meetingDate;
      return date ? templateInForce(this.knowledge.templates, date.toISODate()!) : null;
    });
  }

  /** The sections expected in this minutes file: the group's recent layout, else the template in force. */
  get layout(): ExpectedLayout | null {
    return this.once('layout', () => {
      const date = this.meetingDate;
      return date ? expectedLayout(this.knowledge, this.model.uri, date.toISODate()!) : null;
    });
  }

  /** Computes a derived fact once per context: several rules ask for the same ones. */
  private once<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  /** Whether the meeting is still to come (the file is an agenda, so placeholders are expected). */
  get isUpcoming(): boolean {
    const time = this.meetingTime ?? this.meetingDate?.endOf('day');
    return time ? time.toMillis() > this.now.getTime() : false;
  }

  /** The first date written on a line, by line (built once, for rules that ask per line). */
  dateOnLine(line: number): TextDate | undefined {
    if (!this.datesOnLines) {
      this.datesOnLines = new Map();
      for (const date of this.model.dates) if (!this.datesOnLines.has(date.line)) this.datesOnLines.set(date.line, date);
    }
    return this.datesOnLines.get(line);
  }

  range(span: Span): Range {
    return { start: positionAt(this.model.lineStarts, span.start), end: positionAt(this.model.lineStarts, span.end) };
  }

  textOf(span: Span): string {
    return this.model.text.slice(span.start, span.end);
  }
}

function isoDate(match: RegExpExecArray | null): DateTime | null {
  if (!match) return null;
  const date = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, { zone: 'UTC' });
  return date.isValid ? date : null;
}

import type { Span } from './span';

/**
 * Kinds of things Ruby silently ignored or changed while reading a date value:
 * - `empty`: nil or '' — the date filters render nothing (no error).
 * - `not-a-date`: a Float, boolean or Symbol — the date filters fail the build.
 * - `no-time-information`: Time.parse found nothing it recognised (FIXME, TBD) — the build fails.
 * - `out-of-range`: a month, day, hour, minute or second Ruby refuses (month 13, day 32, hour 25) — the build fails.
 * - `too-long`: over Date._parse's 128-byte limit — the build fails.
 * - `ignored-zone`: a zone name Time.parse does not know (CET, BST, Europe/Oslo, UTC+2): the wall time is read in the build zone.
 * - `zone-from-build-zone`: a zone name understood only because the build zone uses that abbreviation (CET under Europe/Oslo); elsewhere it would be ignored.
 * - `no-zone`: a time of day without any zone: read in the build zone, so the result depends on the build machine.
 * - `fixed-offset`: the Time keeps a bare offset (EDT in November, +02:00 off the build zone): `%Z` renders empty.
 * - `rollover`: the fields named no real moment and Ruby moved on (Feb 30 → Mar 1, 24:00 → next day, a DST gap).
 * - `ignored-text`: a word nothing recognised (FIXME, "16.00"); `benign` marks connectors such as "at" or the ISO "T".
 * - `weekday`: a weekday word, which Ruby ignores; `weekday` holds its number (0 = Sunday) to compare with the date.
 * - `year-from-clock`: no year: it came from the build clock (the page changes with the year it is built in).
 * - `date-from-clock`: no date at all: it came from the build clock (the page changes every day).
 * - `two-digit-year`: a two-digit year completed to 19xx/20xx.
 * - `epoch-integer`: an Integer (or all-digit string) taken as seconds since 1970 — e.g. unquoted 17:00, which YAML reads as 61200.
 * - `build-clock`: "now"/"today": the build time.
 * - `zoneless-timestamp`: a YAML timestamp with seconds but no zone: read as UTC, not as local time.
 * - `date-only`: no time of day: midnight (in the build zone for Jekyll's filters).
 * - `build-zone-shift`: Jekyll's date_to_* filters convert into the build zone, where this falls on another date (23:30 UTC → next day in Oslo).
 */
export type TimeNoteKind =
  | 'empty'
  | 'not-a-date'
  | 'no-time-information'
  | 'out-of-range'
  | 'too-long'
  | 'ignored-zone'
  | 'zone-from-build-zone'
  | 'no-zone'
  | 'fixed-offset'
  | 'rollover'
  | 'ignored-text'
  | 'weekday'
  | 'year-from-clock'
  | 'date-from-clock'
  | 'two-digit-year'
  | 'epoch-integer'
  | 'build-clock'
  | 'zoneless-timestamp'
  | 'date-only'
  | 'build-zone-shift';

export interface TimeNote {
  kind: TimeNoteKind;
  /** One sentence saying what happened. */
  message: string;
  /** Where in the value's text, when there is such a place. */
  span?: Span;
  /** The text concerned (the ignored word, the zone name, the weekday word). */
  text?: string;
  /** For `weekday`: the weekday written, 0 = Sunday … 6 = Saturday. */
  weekday?: number;
  /** For `ignored-text`: a connector or separator whose loss changes nothing. */
  benign?: boolean;
  /** For `ignored-zone`: what the name would mean (Date._parse's reading), when known; for `fixed-offset`: the offset. */
  offsetSeconds?: number;
}

import { DateTime } from 'luxon';
import { zoneAbbreviation } from '../../time';
import { escapeMarkdown } from '../markdown';

export interface ZoneRow {
  /** The IANA zone. */
  readonly zone: string;
  /** What people call it: the city of the zone (`New York` for America/New_York), or the zone itself. */
  readonly place: string;
  /** Local time with the abbreviation people know (CET/CEST, EST/EDT): `18:00 CET`. */
  readonly time: string;
  /** `Wed 27 Mar 2024`. */
  readonly date: string;
  /** "+1 day", "−1 day", or "" where the date is the reference date. */
  readonly shift: string;
  /** The reader's own zone. */
  readonly reader: boolean;
}

/**
 * A moment in each zone, the configured zones first in their order, the reader's zone
 * marked (and added last when it is not one of them). The date is marked where it differs
 * from the date in UTC, the date the hovers name.
 */
export function zoneRows(moment: DateTime, zones: readonly string[], readerZone: string | null): ZoneRow[] {
  const reference = moment.toUTC().toISODate()!;
  const row = (zone: string): ZoneRow => {
    const local = moment.setZone(zone);
    const days = Math.round(DateTime.fromISO(local.toISODate()!).diff(DateTime.fromISO(reference), 'days').days);
    return {
      zone,
      place: placeOf(zone),
      time: `${local.toFormat('HH:mm')} ${zoneAbbreviation(zone, local.toMillis())}`,
      date: local.toFormat('ccc d LLL yyyy'),
      shift: days === 0 ? '' : `${days > 0 ? '+' : '−'}${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'}`,
      reader: zone === readerZone,
    };
  };
  const rows = zones.filter((zone) => moment.setZone(zone).isValid).map(row);
  if (readerZone && !rows.some((r) => r.reader) && moment.setZone(readerZone).isValid) rows.push(row(readerZone));
  return rows;
}

/** The city of an IANA zone (`Los Angeles` for America/Los_Angeles); other names as they are. */
export function placeOf(zone: string): string {
  const city = /^(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/(?:[A-Za-z_-]+\/)?([A-Za-z_-]+)$/.exec(zone)?.[1];
  return city ? city.replace(/_/g, ' ') : zone;
}

/** The local time of a row, with the date where it is not the reference date. */
export function timeWithDate(row: ZoneRow): string {
  return row.shift ? `${row.time}, ${row.date.slice(0, -5)} (${row.shift})` : row.time;
}

/**
 * The zones as a compact Markdown table for a hover: two zones a row (zone, time, zone,
 * time), the reader's zone in bold with "(you)". Seven zones take four rows, so the hover fits
 * VS Code's default hover height with the lines above it.
 */
export function zoneTable(rows: readonly ZoneRow[]): string {
  const cells = rows.map((r) => {
    const place = r.reader ? `**${escapeMarkdown(r.place)}** (you)` : escapeMarkdown(r.place);
    return [place, escapeMarkdown(timeWithDate(r))];
  });
  const lines = ['| Zone | Time | Zone | Time |', '|---|---|---|---|'];
  for (let i = 0; i < cells.length; i += 2) {
    const [left, right] = [cells[i]!, cells[i + 1] ?? ['', '']];
    lines.push(`| ${left[0]} | ${left[1]} | ${right[0]} | ${right[1]} |`);
  }
  return lines.join('\n');
}

/**
 * The zones as a plain Markdown table, one zone a row, for pasting into minutes or a chat.
 * Its cells are zone names, times and dates Minutes wrote (zones are checked names), so only
 * a `|` would need escaping; none is escaped otherwise, to paste cleanly.
 */
export function zoneListTable(rows: readonly ZoneRow[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [
    line(['Zone', 'Time', 'Date']),
    '|---|---|---|',
    ...rows.map((r) => line([r.reader ? `${r.zone} (you)` : r.zone, r.time, r.shift ? `${r.date} (${r.shift})` : r.date])),
  ].join('\n');
}

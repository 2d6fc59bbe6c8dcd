import { DateTime } from 'luxon';
import { zoneAbbreviation } from '../../time';
import { table } from '../markdown';

export interface ZoneRow {
  readonly place: string;
  readonly time: string;
  readonly date: string;
  /** "+1 day", "−1 day", or "". */
  readonly shift: string;
}

/**
 * A moment in each zone: local time with the zone's abbreviation as people know it
 * (CET/CEST, EST/EDT), weekday and date, and a mark where the date differs from the first zone's.
 */
export function zoneRows(moment: DateTime, zones: readonly string[], readerZone: string | null): ZoneRow[] {
  const reference = moment.setZone(zones[0] ?? 'UTC');
  const row = (zone: string, place: string): ZoneRow => {
    const local = moment.setZone(zone);
    const days = Math.round(DateTime.fromISO(local.toISODate()!).diff(DateTime.fromISO(reference.toISODate()!), 'days').days);
    return {
      place,
      time: `${local.toFormat('HH:mm')} ${zoneAbbreviation(zone, local.toMillis())}`,
      date: local.toFormat('ccc d LLL yyyy'),
      shift: days === 0 ? '' : `${days > 0 ? '+' : '−'}${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'}`,
    };
  };
  const rows = zones.filter((zone) => moment.setZone(zone).isValid).map((zone) => row(zone, zone));
  if (readerZone && moment.setZone(readerZone).isValid) rows.push(row(readerZone, `You (${readerZone})`));
  return rows;
}

export function zoneTable(rows: readonly ZoneRow[]): string {
  return table(
    ['Zone', 'Time', 'Date'],
    rows.map((r) => [r.place, r.time, r.shift ? `${r.date}, ${r.shift}` : r.date]),
  );
}

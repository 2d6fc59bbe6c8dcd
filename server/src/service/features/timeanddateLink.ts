import { DateTime } from 'luxon';

export interface TimeanddateLink {
  readonly kind: 'meeting details' | 'time converter' | 'calendar file';
  /** The wall time the link encodes, as written in it. */
  readonly wall: DateTime | null;
  readonly places: readonly number[];
}

/** What a timeanddate.com meeting, converter or iCal link encodes, or null for other URLs. */
export function readTimeanddateLink(url: string): TimeanddateLink | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!/(^|\.)timeanddate\.com$/.test(parsed.hostname)) return null;
  const kind = parsed.pathname.includes('meetingdetails') ? 'meeting details' : parsed.pathname.includes('converter') ? 'time converter' : parsed.pathname.includes('ics.php') ? 'calendar file' : null;
  if (!kind) return null;
  const q = parsed.searchParams;
  const places = [...q.keys()].filter((k) => /^p\d+$/.test(k)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))).map((k) => Number(q.get(k)));
  let wall: DateTime | null = null;
  const iso = q.get('iso');
  if (iso && /^\d{8}T\d{4,6}$/.test(iso)) {
    wall = DateTime.fromFormat(iso.padEnd(15, '0'), "yyyyMMdd'T'HHmmss", { zone: 'UTC' });
  } else if (q.get('year') && q.get('month') && q.get('day')) {
    wall = DateTime.fromObject(
      { year: Number(q.get('year')), month: Number(q.get('month')), day: Number(q.get('day')), hour: Number(q.get('hour') ?? 0), minute: Number(q.get('min') ?? 0) },
      { zone: 'UTC' },
    );
  }
  return { kind, wall: wall && wall.isValid ? wall : null, places };
}

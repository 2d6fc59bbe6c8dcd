import data from './timeanddatePlaces.json';

interface KnownPlace {
  readonly city: string;
  readonly zone: string;
  /** The entry as the cited table lists it. */
  readonly listed: string;
}

/** timeanddate.com's location ids with their city and zone (see the JSON file for where they come from). */
const KNOWN: ReadonlyMap<number, KnownPlace> = new Map(Object.entries(data.places as Record<string, KnownPlace>).map(([id, place]) => [Number(id), place]));

/**
 * The place a timeanddate.com id (`p1=187`) stands for: the name `.minutes.json` `places`
 * gives it, else the city of the known table; its zone when the city is the known one.
 */
export function timeanddatePlace(id: number, configured: ReadonlyMap<number, string>): { name: string | null; zone: string | null } {
  const known = KNOWN.get(id);
  const name = configured.get(id);
  if (name !== undefined) return { name, zone: known && known.city.toLowerCase() === name.trim().toLowerCase() ? known.zone : null };
  return known ? { name: known.city, zone: known.zone } : { name: null, zone: null };
}

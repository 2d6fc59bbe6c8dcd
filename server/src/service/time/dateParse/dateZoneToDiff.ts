/**
 * Offsets (hours) for zone names Date._parse understands, from its much larger table.
 * Only the reading of names matters for diagnostics here ("CET means +01:00, but
 * Time.parse ignores it"); Time.parse itself never uses this table.
 */
const DATE_ZONE_HOURS: Record<string, number> = {
  utc: 0, ut: 0, gmt: 0, z: 0, wet: 0, west: 1, bst: 1, ist: 5.5, cet: 1, cest: 2, met: 1, mest: 2,
  mez: 1, mesz: 2, eet: 2, eest: 3, msk: 3, est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6,
  pst: -8, pdt: -7, akst: -9, akdt: -8, hst: -10, ast: -4, adt: -3, nst: -3.5, ndt: -2.5, jst: 9,
  kst: 9, hkt: 8, sgt: 8, awst: 8, acst: 9.5, acdt: 10.5, aest: 10, aedt: 11, nzst: 12, nzdt: 13,
  a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, k: 10, l: 11, m: 12,
  n: -1, o: -2, p: -3, q: -4, r: -5, s: -6, t: -7, u: -8, v: -9, w: -10, x: -11, y: -12,
};

/**
 * Date._parse's own reading of a zone (date_zone_to_diff): names, "standard/daylight time"
 * and " dst" suffixes, and numeric forms such as `+02:00`, `+0200`, `utc+2`, `gmt-3.5`.
 * Null when the name is unknown (`europe` from "Europe/Oslo").
 */
export function dateZoneToDiff(zone: string): number | null {
  let name = zone.toLowerCase().replace(/\s+/g, ' ').trim();
  let dst = false;
  if (name.endsWith(' standard time')) name = name.slice(0, -' standard time'.length);
  else if (name.endsWith(' daylight time')) {
    name = name.slice(0, -' daylight time'.length);
    dst = true;
  } else if (name.endsWith(' dst')) {
    name = name.slice(0, -' dst'.length);
    dst = true;
  }
  const hours = DATE_ZONE_HOURS[name];
  if (hours !== undefined) return hours * 3600 + (dst ? 3600 : 0);
  if (name.length > 3 && (name.startsWith('gmt') || name.startsWith('utc'))) name = name.slice(3);
  const sign = name[0];
  if (sign !== '+' && sign !== '-') return null;
  const factor = sign === '-' ? -1 : 1;
  const rest = name.slice(1);
  const lead = /^\d*/.exec(rest)![0];
  const after = rest[lead.length];
  if (after === ':') {
    const [, minutes = '0', seconds = '0'] = /^\d*:(\d*)(?::(\d*))?/.exec(rest) ?? [];
    return factor * (Number(lead || 0) * 3600 + Number(minutes || 0) * 60 + Number(seconds || 0));
  }
  if (after === ',' || after === '.') {
    const fraction = /^[,.](\d*)/.exec(rest.slice(lead.length))![1]!;
    const fractionHours = fraction ? Number(fraction) / 10 ** fraction.length : 0;
    return factor * (Number(lead || 0) + fractionHours) * 3600;
  }
  if (rest.length > 2) {
    // hhmm[ss] (or hmm[ss]) in fixed-width fields.
    const odd = rest.length % 2;
    const hour = Number(rest.slice(0, 2 - odd)) || 0;
    const minute = rest.length >= 3 ? Number(rest.slice(2 - odd, 4 - odd)) || 0 : 0;
    const second = rest.length >= 5 ? Number(rest.slice(4 - odd, 6 - odd)) || 0 : 0;
    return factor * (hour * 3600 + minute * 60 + second);
  }
  return factor * Number(lead || 0) * 3600;
}

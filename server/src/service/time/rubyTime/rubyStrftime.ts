import type { DateTime } from 'luxon';
import { formatOffset } from './rubyTimeView';

/** What a Ruby strftime needs beyond the wall clock that liquidjs's strftime reads. */
export interface StrftimeSubject {
  /** The moment in the zone being shown. */
  moment: DateTime;
  /** `%Z`: "UTC", the build zone's abbreviation, "" for a bare offset, "+00:00" for a Date. */
  zoneName: string;
  offsetSeconds: number;
  /** Decimal digits of the fraction of a second, exact (luxon only keeps milliseconds). */
  fraction: string;
  /** Print the hour conversions literally (the server's own zone skips this wall hour; see liquidDateInput). */
  literalHour?: boolean;
}

const DIRECTIVE = /%([-_0^#:]+)?(\d+)?([EO])?(.)/g;
/** The widest padding rendered (`%1024Y`). */
const MAX_WIDTH = 1024;

/** Ruby's composite conversions, which liquidjs's strftime does not know. */
const COMPOSITES: Record<string, string> = {
  F: '%Y-%m-%d',
  T: '%H:%M:%S',
  X: '%H:%M:%S',
  D: '%m/%d/%y',
  x: '%m/%d/%y',
  R: '%H:%M',
  r: '%I:%M:%S %p',
  c: '%a %b %e %H:%M:%S %Y',
  v: '%e-%^b-%Y',
  '+': '%a %b %e %H:%M:%S %Z %Y',
};

/** Text to appear as is in a strftime format. */
const literal = (text: string): string => text.replace(/%/g, '%%');

function pad(text: string, flags: string, width: string, padChar: ' ' | '0'): string {
  if (flags.includes('-')) return text;
  const char = flags.includes('_') ? ' ' : flags.includes('0') ? '0' : padChar;
  return text.padStart(Number(width) || 0, char);
}

function applyCase(text: string, flags: string): string {
  if (flags.includes('^')) return text.toUpperCase();
  if (flags.includes('#')) return text === text.toUpperCase() ? text.toLowerCase() : text.toUpperCase();
  return text;
}

/**
 * Rewrites a Ruby strftime format so that liquidjs's strftime (which does the common
 * conversions) prints what Ruby prints: `%Z` becomes Ruby's zone name (liquidjs would
 * print an IANA name or an offset), `%z` the Time's own offset, composites (%F %T %D %R %r %c %x %X %v %+) are
 * spelled out (liquidjs prints locale text or nothing for them), %N/%L come from the
 * exact fraction, %s from the instant, %G/%g/%V (ISO week) and %::z are filled in, and
 * %q — a liquidjs extension Ruby does not have — is kept literally.
 */
export function rubyFormatForLiquid(format: string, subject: StrftimeSubject, depth = 0): string {
  return format.replace(DIRECTIVE, (all: string, flags = '', width = '', _modifier: string | undefined, conversion: string) => {
    // Ruby pads to any width; a page never needs more than a line of it, and `%200000000Z`
    // would be 200 MB built before any output limit applies. Refused, with the reason.
    if (width.length > 4 || Number(width) > MAX_WIDTH) throw new RangeError(`strftime width ${width} in "${all.slice(0, 24)}" is wider than Minutes renders (${MAX_WIDTH})`);
    const composite = COMPOSITES[conversion];
    if (composite !== undefined) return depth > 1 ? literal(all) : rubyFormatForLiquid(composite, subject, depth + 1);
    switch (conversion) {
      case 'Z':
        return literal(pad(applyCase(subject.zoneName, flags), flags, width, ' '));
      case 'z':
        return literal(offsetConversion(subject.offsetSeconds, flags));
      case 'N':
      case 'L': {
        const digits = Number(width) || (conversion === 'N' ? 9 : 3);
        return literal(subject.fraction.padEnd(digits, '0').slice(0, digits));
      }
      case 'G':
        return literal(pad(String(subject.moment.weekYear), flags, width || '4', '0'));
      case 'g':
        return literal(pad(String(subject.moment.weekYear % 100), flags, width || '2', '0'));
      case 'V':
        return literal(pad(String(subject.moment.weekNumber), flags, width || '2', '0'));
      case 'q':
        return literal(all);
      case 's':
        return literal(String(Math.floor(subject.moment.toSeconds())));
      case 'H':
      case 'k':
      case 'I':
      case 'l':
      case 'p':
      case 'P':
        return subject.literalHour ? literal(hourConversion(conversion, subject.moment.hour, flags, width)) : all;
      default:
        return all;
    }
  });
}

/** `%z` +0100, `%:z` +01:00, `%::z` +01:00:00. */
function offsetConversion(offsetSeconds: number, flags: string): string {
  if (flags.includes('::')) {
    const seconds = String(Math.abs(offsetSeconds) % 60).padStart(2, '0');
    return `${formatOffset(offsetSeconds, true)}:${seconds}`;
  }
  return formatOffset(offsetSeconds, flags.includes(':'));
}

function hourConversion(conversion: string, hour: number, flags: string, width: string): string {
  const twelve = String(hour % 12 || 12);
  switch (conversion) {
    case 'H':
      return pad(String(hour), flags, width || '2', '0');
    case 'k':
      return pad(String(hour), flags, width || '2', ' ');
    case 'I':
      return pad(twelve, flags, width || '2', '0');
    case 'l':
      return pad(twelve, flags, width || '2', ' ');
    case 'p':
      return applyCase(hour < 12 ? 'AM' : 'PM', flags);
    default:
      return flags.includes('^') ? (hour < 12 ? 'AM' : 'PM') : hour < 12 ? 'am' : 'pm';
  }
}

import { dateTimeOf, formatOffset, utcOffsetSecondsOf } from './rubyTimeView';
import type { BuildSettings, RubyTime } from './rubyValue';

/** The printed pieces of a Time in its own zone: `2024-11-15`, `16:00:00`, `+0100`. */
export function rubyTimeParts(time: RubyTime, settings: BuildSettings): { date: string; clock: string; offset: string } {
  const moment = dateTimeOf(time, settings);
  const year = moment.year < 0 ? `-${String(-moment.year).padStart(4, '0')}` : String(moment.year).padStart(4, '0');
  return {
    date: `${year}-${moment.toFormat('MM-dd')}`,
    clock: moment.toFormat('HH:mm:ss'),
    offset: formatOffset(utcOffsetSecondsOf(time, settings)),
  };
}

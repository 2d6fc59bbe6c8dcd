import { DateTime } from 'luxon';

export interface LiquidDateInput {
  /** The Date to hand to liquidjs's date filters. */
  input: Date;
  /** The display offset to hand with it (liquidjs's sign: minutes west of UTC). */
  timezoneOffset: number;
  /**
   * The wall time falls in a daylight-saving gap of the server process's own zone, so
   * no JavaScript Date has those local fields and liquidjs would print the hour one off.
   */
  hourSkipped: boolean;
}

/**
 * liquidjs's LiquidDate shows an instant at an offset by shifting it and reading the
 * shifted Date's *local* fields, so near a daylight-saving change of the zone the
 * server itself runs in it prints the wrong hour. We hand it instead a Date whose
 * local fields already are the wanted wall clock, together with that Date's own
 * offset, so it shifts nothing. Everything liquidjs would read from the instant or the
 * offset (%s, %z, %Z, %N, %L) is filled in from the true Time beforehand.
 */
export function liquidDateInput(moment: DateTime): LiquidDateInput {
  const wall = {
    year: moment.year, month: moment.month, day: moment.day,
    hour: moment.hour, minute: moment.minute, second: moment.second, millisecond: moment.millisecond,
  };
  const local = DateTime.fromObject(wall, { zone: 'system' });
  const input = local.toJSDate();
  return {
    input,
    timezoneOffset: input.getTimezoneOffset(),
    hourSkipped: local.hour !== wall.hour || local.day !== wall.day,
  };
}

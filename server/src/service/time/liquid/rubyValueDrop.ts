import { Drop } from 'liquidjs';
import { DateTime } from 'luxon';
import { epochMillisOf } from '../rubyTime/rubyTimeView';
import { rubyToS } from '../rubyTime/rubyToS';
import type { BuildSettings, RubyValue } from '../rubyTime/rubyValue';

/**
 * A Ruby Time, Date or Float inside a Liquid scope. Output prints Ruby's to_s; the
 * date filters unwrap the Ruby value itself. Nothing else is reachable from templates:
 * the value lives in private fields.
 */
export class RubyValueDrop extends Drop {
  readonly #value: RubyValue;
  readonly #settings: BuildSettings;

  constructor(value: RubyValue, settings: BuildSettings) {
    super();
    this.#value = value;
    this.#settings = settings;
  }

  static unwrap(candidate: unknown): RubyValue | undefined {
    return candidate instanceof RubyValueDrop ? candidate.#value : undefined;
  }

  override valueOf(): string {
    return rubyToS(this.#value, this.#settings);
  }

  override liquidMethodMissing(): undefined {
    return undefined;
  }

  // Comparisons (`{% if page.meeting_time < site.time %}`) compare instants, as Ruby does for two Times.
  equals(other: unknown): boolean {
    const order = this.#compare(other);
    return order === null ? this.valueOf() === String(other) : order === 0;
  }
  gt(other: unknown): boolean {
    return (this.#compare(other) ?? 0) > 0;
  }
  geq(other: unknown): boolean {
    return (this.#compare(other) ?? -1) >= 0;
  }
  lt(other: unknown): boolean {
    return (this.#compare(other) ?? 0) < 0;
  }
  leq(other: unknown): boolean {
    return (this.#compare(other) ?? 1) <= 0;
  }

  #compare(other: unknown): number | null {
    const mine = sortKey(this.#value);
    const theirs = RubyValueDrop.unwrap(other);
    if (mine === null || theirs === undefined || theirs.kind !== this.#value.kind) return null;
    const key = sortKey(theirs);
    return key === null ? null : Math.sign(mine - key);
  }
}

function sortKey(value: RubyValue): number | null {
  if (value.kind === 'time') return epochMillisOf(value) + Number(`0.${value.fraction.slice(3) || '0'}`);
  if (value.kind === 'date') return DateTime.utc(value.year, value.month, value.day).toMillis();
  if (value.kind === 'float') return value.value;
  return null;
}

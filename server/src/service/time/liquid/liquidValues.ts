import { numberValue } from '../rubyTime/rubyJson';
import type { RubyValue } from '../rubyTime/rubyValue';
import { RubyValueDrop } from './rubyValueDrop';

/**
 * The Ruby value behind something a filter received: our drops, or what a template
 * wrote or computed (strings, numbers, booleans, nil). Arrays and hashes have no
 * date reading: undefined.
 */
export function rubyValueOfLiquid(input: unknown): RubyValue | undefined {
  const wrapped = RubyValueDrop.unwrap(input);
  if (wrapped) return wrapped;
  if (input === null || input === undefined) return { kind: 'nil' };
  if (typeof input === 'string') return { kind: 'string', text: input };
  if (typeof input === 'number') return numberValue(input);
  if (typeof input === 'boolean') return { kind: 'boolean', value: input };
  return undefined;
}

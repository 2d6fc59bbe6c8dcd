import type * as Liquidjs from 'liquidjs';
import { loadChunk } from './chunk';

/**
 * What the CLI's bundle has in place of liquidjs (`--alias:liquidjs=` in `build:cli`). Only
 * hovers render Liquid, so the CLI never loads liquidjs (80 KB of a 613 KB bundle, with
 * node:crypto and node:stream) unless something renders; then it loads dist/cliLiquid.js.
 */
const load = loadChunk<typeof Liquidjs>('cliLiquid.js');

let real: typeof Liquidjs | undefined;
function liquidjs(): typeof Liquidjs {
  if (!real) {
    real = load();
    // The service's drops extend this class as its bundle loads; from now on it stands
    // between them and liquidjs's own Drop, so liquidjs recognises them and they inherit
    // its methods (Drop has no state of its own: its constructor does nothing).
    Object.setPrototypeOf(Drop.prototype, real.Drop.prototype);
    Object.setPrototypeOf(Drop, real.Drop);
  }
  return real;
}

export class Drop {}

export const Liquid = function Liquid(options?: Liquidjs.LiquidOptions) {
  return new (liquidjs().Liquid)(options);
} as unknown as typeof Liquidjs.Liquid;

/** liquidjs's filters, read through to the real object once something asks for one. */
export const filters = new Proxy({} as typeof Liquidjs.filters, {
  get: (_target, key) => Reflect.get(liquidjs().filters, key) as unknown,
  has: (_target, key) => Reflect.has(liquidjs().filters, key),
  ownKeys: () => Reflect.ownKeys(liquidjs().filters),
  getOwnPropertyDescriptor: (_target, key) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(liquidjs().filters, key);
    return descriptor && { ...descriptor, configurable: true };
  },
});

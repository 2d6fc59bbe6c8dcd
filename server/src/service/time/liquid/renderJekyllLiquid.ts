import { Liquid } from 'liquidjs';
import { jekyllDateFilters } from './jekyllDateFilters';
import { JekyllInvalidDateError } from './jekyllTime';
import { buildClockTime } from './liquidToDate';
import type { BuildSettings, RubyValue } from '../rubyTime/rubyValue';
import { RubyValueDrop } from './rubyValueDrop';
import { usableSettings } from '../usableSettings';

/**
 * Bounds for rendering untrusted templates. Text from files must not be able to hang
 * the server or exhaust its memory: liquidjs stops a render that parses too much,
 * runs too long or allocates too much, and we refuse oversized output.
 */
export const RENDER_LIMITS = {
  /** Template characters parsed per render. */
  parseLimit: 200_000,
  /**
   * Milliseconds per render of a template with tags. Only tags (`for`, `tablerow`...) can
   * loop; a template of `{{ }}` outputs alone is bounded by the parse and memory limits, and
   * runs without a clock, so a busy machine cannot make a plain hover fail.
   */
  renderLimitMs: 50,
  /** liquidjs's allocation units (range sizes, string lengths...) per render. */
  memoryLimit: 5_000_000,
  /** Characters of output. */
  outputLimit: 1_000_000,
};

export interface LiquidRenderResult {
  output: string;
  /** The error that would stop Jekyll's build (Jekyll renders with strict errors), or null. */
  error: string | null;
}

function createEngine(settings: BuildSettings, hasTags: boolean): Liquid {
  const engine = new Liquid({
    // In-memory and empty: include/render/layout find nothing and never touch the disk.
    templates: {},
    relativeReference: false,
    ownPropertyOnly: true,
    strictFilters: false,
    strictVariables: false,
    locale: 'en-US',
    timezoneOffset: settings.buildZone,
    cache: false,
    parseLimit: RENDER_LIMITS.parseLimit,
    renderLimit: hasTags ? RENDER_LIMITS.renderLimitMs : Infinity,
    memoryLimit: RENDER_LIMITS.memoryLimit,
  });
  for (const [name, filter] of Object.entries(jekyllDateFilters(settings))) engine.registerFilter(name, filter);
  return engine;
}

/** How a Ruby value sits in a Liquid scope: plain JavaScript where it prints the same, a drop otherwise. */
function liquidValueOf(value: RubyValue, settings: BuildSettings): unknown {
  switch (value.kind) {
    case 'nil':
      return null;
    case 'string':
      return value.text;
    case 'integer':
    case 'boolean':
      return value.value;
    default:
      return new RubyValueDrop(value, settings);
  }
}

function errorMessage(error: unknown): string {
  for (let e: unknown = error; e instanceof Error; e = (e as { originalError?: unknown }).originalError) {
    if (e instanceof JekyllInvalidDateError) return e.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Renders Liquid as Jekyll would for a page, sandboxed: no file system, no
 * includes or layouts, bounded time, output size and memory. Never throws — errors
 * (Jekyll's own message for an invalid date) come back as data.
 */
export function renderJekyllLiquid(
  template: string,
  page: Record<string, RubyValue>,
  given: BuildSettings,
): LiquidRenderResult {
  const settings = usableSettings(given);
  try {
    const engine = createEngine(settings, template.includes('{%'));
    const pageScope: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(page)) pageScope[key] = liquidValueOf(value, settings);
    const scope = { page: pageScope, site: { time: new RubyValueDrop(buildClockTime(settings), settings) } };
    const output = engine.parseAndRenderSync(template, scope);
    if (typeof output !== 'string' || output.length > RENDER_LIMITS.outputLimit) {
      return { output: '', error: 'output size limit exceeded' };
    }
    return { output, error: null };
  } catch (error) {
    return { output: '', error: errorMessage(error) };
  }
}

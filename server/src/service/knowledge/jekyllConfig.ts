import { isMap, type YAMLMap } from 'yaml';
import { isIanaZone } from '../parse/zones';
import { runSteps, type Steps } from '../steps';
import { parseYamlFileSteps } from './yamlFile';
import type { KnowledgeProblem } from './types';

export interface JekyllConfig {
  /** `timezone:` as Jekyll sets TZ for the build; null when absent. */
  readonly timezone: string | null;
  /** `url` + `baseurl`: where the site is published, without a trailing slash; null when `url` is absent. */
  readonly siteUrl?: string | null;
  /** `permalink: pretty` publishes `page/` instead of `page.html`. */
  readonly prettyPermalinks?: boolean;
  readonly problems: readonly KnowledgeProblem[];
}

/** Reads what Minutes needs from `_config.yml`: the build's time zone, and where pages are published. */
export function parseJekyllConfig(text: string, uri: string): JekyllConfig {
  return runSteps(parseJekyllConfigSteps(text, uri));
}

/** `parseJekyllConfig` as work that may stop between steps (see `steps.ts`). */
export function* parseJekyllConfigSteps(text: string, uri: string): Steps<JekyllConfig> {
  const { doc, problems } = yield* parseYamlFileSteps(text, uri, '_config.yml', 'Jekyll will refuse to build the site.');
  if (!isMap(doc.contents)) return { timezone: null, problems };
  const url: unknown = doc.contents.get('url');
  const baseurl: unknown = doc.contents.get('baseurl');
  const site = typeof url === 'string' && /^https?:\/\/[^\s/]+/.test(url) ? `${url.replace(/\/+$/, '')}${typeof baseurl === 'string' && baseurl.trim() ? `/${baseurl.trim().replace(/^\/+|\/+$/g, '')}` : ''}` : null;
  return { ...readTimezone(doc.contents, uri, problems), siteUrl: site, prettyPermalinks: (doc.contents.get('permalink') as unknown) === 'pretty' };
}

function readTimezone(contents: YAMLMap, uri: string, problems: KnowledgeProblem[]): JekyllConfig {
  const doc = { contents };
  const node = doc.contents.get('timezone', true) as { value?: unknown; range?: [number, number, number] } | undefined;
  const value = node?.value;
  // No key, or `timezone:` left empty: Jekyll leaves TZ alone.
  if (!node || value === null || value === '') return { timezone: null, problems };
  if (typeof value !== 'string') {
    // An alias, a list, a map or a number: never expanded here, and no zone Jekyll could use.
    problems.push({
      uri,
      span: { start: node.range?.[0] ?? 0, end: node.range?.[1] ?? 0 },
      message: '`timezone:` must be a zone name such as Europe/Oslo; Jekyll cannot use this value, and Minutes assumes UTC.',
      severity: 'warning',
    });
    return { timezone: null, problems };
  }
  if (!isIanaZone(value) && value !== 'UTC') {
    problems.push({
      uri,
      span: { start: node?.range?.[0] ?? 0, end: node?.range?.[1] ?? 0 },
      message: `\`timezone: ${value}\` is not an IANA zone name (such as Europe/Oslo); Jekyll passes it to TZ and the build runs in UTC or fails.`,
      severity: 'warning',
    });
    return { timezone: null, problems };
  }
  return { timezone: value, problems };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { isScalar, parseDocument, type Scalar } from 'yaml';
import type { BuildSettings } from '../../../server/src/service/time';

/** One real Jekyll 4.3 result for a `meeting_time` value under one build-zone setting. */
export interface OracleRecord {
  id: number;
  value: string | number | null;
  yamlSource: string;
  tz: string;
  yamlType: string;
  rubyClass: string;
  rubyInspect: string;
  outputs: Record<string, string | null>;
  buildError?: string;
  filterErrors?: Record<string, string>;
  dateParse?: Record<string, unknown>;
  dependsOnBuildClock?: boolean;
}

export interface OracleMeta {
  generatedAtUTC: string;
  filters: Record<string, string>;
  tzConfigs: { label: string; envTZ: string | null; configTimezone: string | null }[];
}

/** The shared reference material sits beside the repository (tests run from its root). */
const SHARED = join(process.cwd(), '..', 'shared');

export const oracleMeta: OracleMeta = JSON.parse(readFileSync(join(SHARED, 'jekyll-oracle.meta.json'), 'utf8'));
export const oracleRecords: OracleRecord[] = JSON.parse(readFileSync(join(SHARED, 'jekyll-oracle.json'), 'utf8'));

/** The build settings of a record: its zone setting (unset means UTC, as on GitHub Pages) and the oracle's clock. */
export function settingsFor(record: OracleRecord): BuildSettings {
  const config = oracleMeta.tzConfigs.find((c) => c.label === record.tz);
  if (!config) throw new Error(`unknown tz setting ${record.tz}`);
  return { buildZone: config.envTZ ?? config.configTimezone ?? 'UTC', now: DateTime.fromISO(oracleMeta.generatedAtUTC).toJSDate() };
}

/** The `meeting_time` scalar node of a record's YAML line. */
export function meetingTimeNode(record: OracleRecord): Scalar | null {
  const node = parseDocument(record.yamlSource, { version: '1.1' }).get('meeting_time', true);
  return isScalar(node) ? node : null;
}

import { existsSync, readFileSync } from 'node:fs';
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

/** The Jekyll records are fixtures in the repository (tests run from its root); see their README. */
const ORACLE = join(process.cwd(), 'test', 'fixtures', 'jekyll-oracle');

function readOracle<T>(name: string): T {
  const path = join(ORACLE, name);
  if (!existsSync(path)) throw new Error(`missing test fixture ${path}: the Jekyll 4.3 reference records belong in test/fixtures/jekyll-oracle/ (run the tests from the repository root)`);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export const oracleMeta: OracleMeta = readOracle('jekyll-oracle.meta.json');
export const oracleRecords: OracleRecord[] = readOracle('jekyll-oracle.json');

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

import { DEFAULT_SETTINGS, type MinutesSettings } from '../service';
import { isIanaZone } from '../service/parse/zones';

const LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);

/**
 * Turns whatever the client sent as the `minutes` configuration section into settings,
 * keeping defaults for anything missing or malformed (settings are user input too).
 */
export function normalizeSettings(raw: unknown): MinutesSettings {
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  const section = raw as Record<string, unknown>;
  const severity: Record<string, MinutesSettings['severity'][string]> = {};
  if (section.severity && typeof section.severity === 'object') {
    for (const [code, level] of Object.entries(section.severity as Record<string, unknown>)) {
      if (typeof level === 'string' && LEVELS.has(level)) severity[code] = level as MinutesSettings['severity'][string];
    }
  }
  const zones = Array.isArray(section.hoverTimeZones)
    ? section.hoverTimeZones.filter((zone): zone is string => typeof zone === 'string' && (zone === 'UTC' || isIanaZone(zone)))
    : [];
  const zone = (value: unknown) => (typeof value === 'string' && (value === 'UTC' || isIanaZone(value)) ? value : '');
  return {
    severity,
    hoverTimeZones: zones.length > 0 ? zones : DEFAULT_SETTINGS.hoverTimeZones,
    readerTimeZone: zone(section.readerTimeZone),
    buildTimeZone: zone(section.buildTimeZone),
    problems: section.problems === 'openFiles' ? 'openFiles' : 'workspace',
  };
}

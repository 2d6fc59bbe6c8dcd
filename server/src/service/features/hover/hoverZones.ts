import type { DocumentContext } from '../../documentContext';

/** A hover table longer than this is no longer read; a config listing thousands must not stall the server. */
export const MAX_HOVER_ZONES = 24;

/**
 * The zones a hover lists: the workspace config's, else the user's settings (default: UTC and
 * the group's cities), each once, at most MAX_HOVER_ZONES.
 */
export function hoverZones(context: DocumentContext): readonly string[] {
  const listed = context.knowledge.hoverZones ?? context.settings.hoverTimeZones;
  const zones: string[] = [];
  for (const zone of listed) {
    if (zones.length === MAX_HOVER_ZONES) break;
    if (!zones.includes(zone)) zones.push(zone);
  }
  return zones;
}

/** The reader's own zone: the setting, else this machine's. */
export function readerZone(context: DocumentContext): string {
  return context.settings.readerTimeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

import type { DocumentContext } from '../../documentContext';

/** The zones a hover lists: the workspace config's, else the user's settings (default: UTC and the group's cities). */
export function hoverZones(context: DocumentContext): readonly string[] {
  return context.knowledge.hoverZones ?? context.settings.hoverTimeZones;
}

/** The reader's own zone: the setting, else this machine's. */
export function readerZone(context: DocumentContext): string {
  return context.settings.readerTimeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

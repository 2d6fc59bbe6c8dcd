import type * as IcalGenerator from 'ical-generator';
import { loadChunk } from './chunk';

/**
 * What the CLI's bundle has in place of ical-generator (`--alias:ical-generator=` in
 * `build:cli`): only `minutes ics` writes a calendar, so only it loads dist/cliIcal.js.
 */
const load = loadChunk<typeof IcalGenerator>('cliIcal.js');

export default function ical(...args: Parameters<typeof IcalGenerator.default>): ReturnType<typeof IcalGenerator.default> {
  return load().default(...args);
}

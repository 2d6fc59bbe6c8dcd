// dist/cliIcal.js: ical-generator for the CLI, loaded by ./icalGenerator.ts for `minutes ics`.
export { default } from 'ical-generator';

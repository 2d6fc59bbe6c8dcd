// The CLI's commands with the language service, a bundle of their own (dist/cliMain.js):
// the entry (dist/cli.js) loads it only when a command has work to do, so help and the
// version answer without it.
export { runCli } from './cli';

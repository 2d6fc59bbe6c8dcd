#!/usr/bin/env node
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { requireWithCodeCache } from './node/cli/codeCache';
import type { CliIo } from './node/cli/options';
import { answerWithoutService } from './node/cli/usage';

// A reader that stops early (`minutes check | head`) ends the run quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit();
  throw error;
});
const io: CliIo = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
const answered = answerWithoutService(process.argv.slice(2), io);
if (answered !== null) process.exitCode = answered;
else {
  // A check is a short run, and V8 starts optimising functions early: on two cores that cost a
  // third of a check of the 21 corpus files (370 → 235 ms of CPU). Later rather than never: a
  // site of 800 files is checked no slower (a little faster).
  setFlagsFromString('--interrupt-budget=1000000');
  // Loaded only now: the language service is most of the CLI's code. The command (checked
  // above) names the code cache: each command compiles functions of its own.
  const main = requireWithCodeCache<typeof import('./node/cliMain')>(join(__dirname, 'cliMain.js'), process.argv[2]!);
  void main.exports.runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
      main.save();
    },
    (error: unknown) => {
      process.stderr.write(`minutes: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

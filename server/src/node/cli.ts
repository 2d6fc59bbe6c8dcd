import { runCheck } from './cli/check';
import { runFix } from './cli/fix';
import { PathError, UsageError, type CliIo } from './cli/options';
import { answerWithoutService, COMMAND_USAGE } from './cli/usage';
import { runActions, runIcs } from './cliActions';

export type { CliIo } from './cli/options';

/**
 * Runs the CLI in this process; returns the exit code: 0 no errors, 1 errors found (or more
 * warnings than `--max-warnings`), 2 bad usage or a path that cannot be read.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const answered = answerWithoutService(args, io);
  if (answered !== null) return answered;
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'check':
        return await runCheck(rest, io);
      case 'fix':
        return await runFix(rest, io);
      case 'actions':
        return await runActions(rest, io, COMMAND_USAGE.actions);
      case 'ics':
        return await runIcs(rest, io, COMMAND_USAGE.ics);
      default:
        throw new UsageError(`unknown command ${String(command)}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`minutes: ${error.message}\n${error.command ? `Run "minutes ${error.command} --help" for its options.` : 'Run "minutes --help" for the commands.'}\n`);
      return 2;
    }
    if (error instanceof PathError) {
      io.stderr.write(`minutes: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

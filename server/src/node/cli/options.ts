import { existsSync, statSync } from 'node:fs';
import type { Command } from './usage';

interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Where a command writes and what it runs in (tests and the Action pass their own). */
export interface CliIo {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

/** Bad usage: exit code 2, with the message and where to find the command's help. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command: Command | null = null,
  ) {
    super(message);
  }
}

/** A file or folder that cannot be checked: exit code 2. */
export class PathError extends Error {}

/** Reads a command's arguments; `--name=value` is the same as `--name value`. */
export class OptionReader {
  private at = 0;
  private pending: string | null = null;

  constructor(
    private readonly args: readonly string[],
    private readonly command: Command,
  ) {}

  /** The next argument (an option's name, or a path), or null at the end. */
  next(): string | null {
    if (this.at >= this.args.length) return null;
    const arg = this.args[this.at++]!;
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (equals < 0) return arg;
    this.pending = arg.slice(equals + 1);
    return arg.slice(0, equals);
  }

  /** The value of the option just read. */
  value(option: string): string {
    if (this.pending !== null) {
      const value = this.pending;
      this.pending = null;
      return value;
    }
    const value = this.args[this.at++];
    if (value === undefined) throw new UsageError(`${option} needs a value`, this.command);
    return value;
  }
}

/** Every path must be a file or a folder (a FIFO or a device would be read forever). */
export function checkPaths(paths: readonly string[]): void {
  for (const path of paths) {
    if (!existsSync(path)) throw new PathError(`${path}: no such file or folder`);
    const stat = statSync(path);
    if (!stat.isDirectory() && !stat.isFile()) throw new PathError(`${path}: not a regular file or folder`);
  }
}

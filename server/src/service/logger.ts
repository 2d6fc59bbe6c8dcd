/** Where the service reports its own troubles (the LSP connection's console, or stderr for the CLI). */
export interface Logger {
  error(message: string, error?: unknown): void;
  warn(message: string): void;
  info(message: string): void;
}

export const silentLogger: Logger = { error() {}, warn() {}, info() {} };

/** Formats an unknown thrown value with its stack for a log line. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

#!/usr/bin/env node
import { runCli } from './node/cli';

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`minutes: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);

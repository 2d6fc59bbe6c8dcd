#!/usr/bin/env node
import { runCli } from './node/cli';

process.exitCode = runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });

/**
 * The CLI as CI and a secretary run it: whole processes, from spawn to exit, against a bare
 * `node -e 0` and against markdownlint-cli2 on the same files, each run in turn so that a
 * busy moment of the machine falls on all of them alike.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './measure';

const ROOT = process.cwd();
const RUNS = 9;

export interface ProcessRow {
  what: string;
  value: string;
  target: string;
  met: boolean | null;
}

/** Milliseconds from spawn to exit of one run. */
function wallTime(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, env, stdio: 'ignore' });
  if (result.error) throw result.error;
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export function cliProcessRows(json: Record<string, unknown>): ProcessRow[] {
  const corpus = mkdtempSync(join(tmpdir(), 'minutes-bench-cli-'));
  cpSync(join(ROOT, 'test/fixtures/cpansec-corpus'), corpus, { recursive: true });
  const cli = join(ROOT, 'dist/cli.js');
  const markdownlint = join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  const oneFile = 'meetings/cpansec-minutes-2024-11-27.md';
  const cold = { ...process.env, MINUTES_NO_CODE_CACHE: '1' };
  const cases: Record<string, () => number> = {
    node: () => wallTime(['-e', '0'], corpus),
    version: () => wallTime([cli, '--version'], corpus),
    oneFile: () => wallTime([cli, 'check', oneFile], corpus),
    oneFileCold: () => wallTime([cli, 'check', oneFile], corpus, cold),
    folder: () => wallTime([cli, 'check', 'meetings'], corpus),
    folderCold: () => wallTime([cli, 'check', 'meetings'], corpus, cold),
    markdownlintOneFile: () => wallTime([markdownlint, oneFile], corpus),
    markdownlintFolder: () => wallTime([markdownlint, 'meetings/*.md'], corpus),
  };
  // A first run of each fills the code cache and the disk cache.
  for (const run of Object.values(cases)) run();
  const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, [] as number[]]));
  for (let i = 0; i < RUNS; i++) for (const [name, run] of Object.entries(cases)) samples[name]!.push(run());
  rmSync(corpus, { recursive: true, force: true });
  const m = Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, median(list)])) as Record<keyof typeof cases, number>;
  json['whole process'] = m;

  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const oneRatio = m.oneFile / m.node;
  const folderRatio = m.markdownlintFolder / m.folder;
  return [
    { what: 'whole process: node -e 0 / minutes --version', value: `${ms(m.node)} / ${ms(m.version)}`, target: '', met: null },
    {
      what: 'whole process: minutes check, 1 file',
      value: `${ms(m.oneFile)}, ${oneRatio.toFixed(1)}× node -e 0 (no code cache: ${ms(m.oneFileCold)}; markdownlint-cli2 ${ms(m.markdownlintOneFile)})`,
      target: '≤ 2× node -e 0',
      met: oneRatio <= 2,
    },
    {
      what: 'whole process: minutes check, the 21 corpus files',
      value: `${ms(m.folder)}, markdownlint-cli2 ${ms(m.markdownlintFolder)} (1/${folderRatio.toFixed(1)}; no code cache: ${ms(m.folderCold)})`,
      target: '≤ 1/10 of markdownlint-cli2',
      met: folderRatio >= 10,
    },
  ];
}

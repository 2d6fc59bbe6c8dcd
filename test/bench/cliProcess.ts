/**
 * The CLI as CI and a secretary run it: whole processes, from spawn to exit, against a bare
 * `node -e 0`, against a Node process that does nothing but read the same files (the floor
 * for any checker written for Node), and against markdownlint-cli2 on the same files, each
 * run in turn so that a busy moment of the machine falls on all of them alike.
 *
 * NODE_EXTRA_CA_CERTS makes every Node process parse its certificates as it starts (30 ms
 * here); none of these processes uses TLS, and CI runners do not set it. The rows are timed
 * without it; when it is set, one more row gives the figures with it.
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
function wallTime(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, env, stdio: 'ignore' });
  if (result.error) throw result.error;
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** What any checker in Node does at least: start, read every file, write a line. */
const FLOOR = "const fs=require('node:fs');let n=0;for(const f of fs.readdirSync('meetings'))n+=fs.readFileSync('meetings/'+f,'utf8').length;console.log(n)";

export function cliProcessRows(json: Record<string, unknown>): ProcessRow[] {
  const corpus = mkdtempSync(join(tmpdir(), 'minutes-bench-cli-'));
  cpSync(join(ROOT, 'test/fixtures/cpansec-corpus'), corpus, { recursive: true });
  const cli = join(ROOT, 'dist/cli.js');
  const markdownlint = join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  const oneFile = 'meetings/cpansec-minutes-2024-11-27.md';
  const extraCerts = process.env.NODE_EXTRA_CA_CERTS;
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  const cold = { ...env, MINUTES_NO_CODE_CACHE: '1' };
  const cases: Record<string, () => number> = {
    node: () => wallTime(['-e', '0'], corpus, env),
    version: () => wallTime([cli, '--version'], corpus, env),
    floor: () => wallTime(['-e', FLOOR], corpus, env),
    oneFile: () => wallTime([cli, 'check', oneFile], corpus, env),
    oneFileCold: () => wallTime([cli, 'check', oneFile], corpus, cold),
    folder: () => wallTime([cli, 'check', 'meetings'], corpus, env),
    folderCold: () => wallTime([cli, 'check', 'meetings'], corpus, cold),
    markdownlintOneFile: () => wallTime([markdownlint, oneFile], corpus, env),
    markdownlintFolder: () => wallTime([markdownlint, 'meetings/*.md'], corpus, env),
  };
  if (extraCerts) {
    cases.nodeWithCerts = () => wallTime(['-e', '0'], corpus, process.env);
    cases.oneFileWithCerts = () => wallTime([cli, 'check', oneFile], corpus, process.env);
    cases.folderWithCerts = () => wallTime([cli, 'check', 'meetings'], corpus, process.env);
    cases.markdownlintFolderWithCerts = () => wallTime([markdownlint, 'meetings/*.md'], corpus, process.env);
  }
  // A first run of each fills the code cache and the disk cache.
  for (const run of Object.values(cases)) run();
  const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, [] as number[]]));
  for (let i = 0; i < RUNS; i++) for (const [name, run] of Object.entries(cases)) samples[name]!.push(run());
  rmSync(corpus, { recursive: true, force: true });
  const m = Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, median(list)])) as Record<string, number>;
  json['whole process'] = m;

  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const times = (value: number, base: number) => `${(value / base).toFixed(1)}×`;
  const part = (value: number, base: number) => `1/${(base / value).toFixed(1)}`;
  const oneRatio = m.oneFile! / m.node!;
  const folderRatio = m.markdownlintFolder! / m.folder!;
  const rows: ProcessRow[] = [
    { what: 'whole process: node -e 0 / minutes --version', value: `${ms(m.node!)} / ${ms(m.version!)}`, target: '', met: null },
    {
      what: 'whole process: node reading the 21 corpus files and writing a line (the floor)',
      value: `${ms(m.floor!)}, ${part(m.floor!, m.markdownlintFolder!)} of markdownlint-cli2`,
      target: '',
      met: null,
    },
    {
      what: 'whole process: minutes check, 1 file',
      value: `${ms(m.oneFile!)}, ${times(m.oneFile!, m.node!)} node -e 0 (no code cache: ${ms(m.oneFileCold!)}; markdownlint-cli2 ${ms(m.markdownlintOneFile!)})`,
      target: '≤ 2× node -e 0',
      met: oneRatio <= 2,
    },
    {
      what: 'whole process: minutes check, the 21 corpus files',
      value: `${ms(m.folder!)}, markdownlint-cli2 ${ms(m.markdownlintFolder!)} (${part(m.folder!, m.markdownlintFolder!)}; no code cache: ${ms(m.folderCold!)})`,
      target: '≤ 1/10 of markdownlint-cli2',
      met: folderRatio >= 10,
    },
  ];
  if (extraCerts) {
    rows.push({
      what: 'whole process with NODE_EXTRA_CA_CERTS as set here: node -e 0; minutes check, 1 file / 21 files',
      value: `${ms(m.nodeWithCerts!)}; ${ms(m.oneFileWithCerts!)} (${times(m.oneFileWithCerts!, m.nodeWithCerts!)}) / ${ms(m.folderWithCerts!)} (${part(m.folderWithCerts!, m.markdownlintFolderWithCerts!)} of markdownlint-cli2's ${ms(m.markdownlintFolderWithCerts!)})`,
      target: '',
      met: null,
    });
  }
  return rows;
}

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { ROOT, makeSite, runFolder, tmpFolder, WEEKDAY_FILE } from './support/site';

/**
 * Neovim (Debian's, headless) with its built-in LSP client attached to
 * `minutes-language-server --stdio`: Neovim has no pull diagnostics, so this is also the
 * server's push path. The Lua script writes what Neovim received; these tests read it.
 */
interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_col: number;
  severity: number;
  message: string;
  source: string | null;
  code: string | null;
}
interface NvimResult {
  diagnostics: Record<string, NvimDiagnostic[]>;
  hover: { contents: { kind: string; value: string } | string } | null;
  errors: string[];
}

const NVIM = '/usr/bin/nvim';
const SERVER = join(ROOT, 'dist', 'server.js');

/** `minutes-language-server` as `npm run setup` (npm link) puts it on PATH, if it is this checkout's. */
function serverCommand(): { cmd: string[]; note: string } {
  const found = spawnSync('sh', ['-c', 'command -v minutes-language-server'], { encoding: 'utf8' }).stdout.trim();
  if (found && realpathSync(found) === realpathSync(SERVER)) return { cmd: [found, '--stdio'], note: `server: ${found} --stdio` };
  const why = found ? `${found} is another checkout's (${realpathSync(found)})` : 'minutes-language-server is not on PATH (npm run setup links it)';
  return { cmd: [process.execPath, SERVER, '--stdio'], note: `server: node dist/server.js --stdio, because ${why}` };
}

function runNeovim(dir: string, plan: object): Promise<{ status: number | null; stderr: string }> {
  const env = {
    ...process.env,
    MINUTES_NVIM_PLAN: JSON.stringify(plan),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_STATE_HOME: join(dir, 'state'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    TMPDIR: tmpFolder(dir),
  };
  for (const folder of [env.XDG_CONFIG_HOME, env.XDG_DATA_HOME, env.XDG_STATE_HOME, env.XDG_CACHE_HOME]) mkdirSync(folder, { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(NVIM, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(ROOT, 'test', 'e2e', 'neovim', 'minutes.lua')}`], { env, cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The Lua script has its own deadlines; this one only stops a Neovim that hangs.
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('error', reject);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stderr });
    });
  });
}

describe(`Neovim ${spawnSync(NVIM, ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0] ?? ''} (built-in LSP client) on minutes-language-server --stdio`, () => {
  let site: string;
  let received: NvimResult;
  const handleFile = () => join(site, 'meetings/cpansec-minutes-2024-01-06.md');
  const weekdayFile = () => join(site, WEEKDAY_FILE);

  before(async () => {
    assert.ok(existsSync(NVIM), `${NVIM} is missing: npm run test:e2e installs Debian's neovim`);
    assert.ok(existsSync(SERVER), 'dist/server.js is missing: npm run build');
    const dir = runFolder('neovim');
    site = makeSite(dir);
    const { cmd, note } = serverCommand();
    console.log(`# ${note}`);
    const out = join(dir, 'received.json');
    const plan = {
      cmd,
      root: site,
      out,
      files: [
        { path: handleFile(), expect: "@stigsp is not a member's handle" },
        { path: weekdayFile(), expect: 'is a Wednesday, not a Thursday' },
      ],
      hover: { path: join(site, 'meetings/cpansec-minutes-2024-03-27.md'), line: 3, character: 2 },
    };
    const { status, stderr } = await runNeovim(dir, plan);
    assert.ok(existsSync(out), `Neovim wrote no result (exit ${status}):\n${stderr}`);
    received = JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
    assert.deepEqual(received.errors, [], `Neovim reported:\n${received.errors.join('\n')}\n${stderr}`);
  });

  test('the misspelt handle arrives as a warning with the suggestion, at @stigsp', () => {
    const found = received.diagnostics[handleFile()]!.find((d) => d.message.startsWith("@stigsp is not a member's handle; it is likely a misspelling of @stigtsp"));
    assert.ok(found, JSON.stringify(received.diagnostics[handleFile()], null, 2));
    assert.equal(found.severity, 2, 'vim.diagnostic.severity.WARN');
    assert.equal(found.code, 'unknown-handle');
    assert.deepEqual([found.lnum, found.col, found.end_col], [29, 6, 13]);
  });

  test('the wrong weekday arrives as a warning naming the right day, at "Thursday"', () => {
    const found = received.diagnostics[weekdayFile()]!.find((d) => d.message.startsWith('2024-11-27 is a Wednesday, not a Thursday'));
    assert.ok(found, JSON.stringify(received.diagnostics[weekdayFile()], null, 2));
    assert.equal(found.severity, 2, 'vim.diagnostic.severity.WARN');
    assert.equal(found.code, 'weekday-mismatch');
    assert.equal(found.lnum, 129);
  });

  test('the meeting_time hover: the sentence Jekyll publishes and the zone table, as Markdown', () => {
    assert.ok(received.hover, 'no hover');
    const contents = received.hover.contents;
    assert.ok(typeof contents === 'object' && contents.kind === 'markdown', JSON.stringify(contents));
    assert.ok(contents.value.includes('on Mar 27th, 2024, at 17:00 UTC'), contents.value);
    assert.match(contents.value, /\| Oslo \| 18:00 CET \|/);
    assert.match(contents.value, /\| New York \| 13:00 EDT \|/);
  });
});

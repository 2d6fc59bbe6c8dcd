import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * Loads a CommonJS bundle with V8's code cache kept between runs, in the user's cache folder
 * (`$XDG_CACHE_HOME/minutes`, else `~/.cache/minutes`): compiling the language service's
 * bundle is a fifth of a one-file check. Node 22.1 and later have this built in
 * (`module.enableCompileCache`); Node 20 gets the same from `vm.Script`'s cached data, which
 * V8 checks against the source and its own version and flags before using it.
 * `MINUTES_NO_CODE_CACHE` turns it off (the bench measures both).
 *
 * Returns the module's exports and `save`, to call once the work is done: the cache then
 * holds the functions the run compiled, not just the top level. `variant` keeps one cache per
 * command: a cache written by a first `minutes actions` would lack what `check` runs.
 */
export function requireWithCodeCache<T>(file: string, variant: string): { exports: T; save: () => void } {
  const folder = cacheFolder();
  const builtIn = (Module as unknown as { enableCompileCache?: (directory?: string) => unknown }).enableCompileCache;
  if (!folder || typeof builtIn === 'function') {
    if (folder && builtIn) {
      try {
        builtIn(folder);
      } catch {
        // No cache: only slower.
      }
    }
    return { exports: require(file) as T, save: () => undefined };
  }
  const source = readFileSync(file, 'utf8');
  const { size, mtimeMs } = statSync(file);
  const cacheFile = join(folder, `${basename(file)}-${size}-${Math.trunc(mtimeMs)}-${process.version}-${variant}.v8`);
  const cachedData = readOwnFile(cacheFile);
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  const module = { exports: {} as T };
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    save: () => {
      if (cachedData && !script.cachedDataRejected) return;
      try {
        mkdirSync(folder, { recursive: true, mode: 0o700 });
        const temporary = `${cacheFile}.${process.pid}`;
        writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        renameSync(temporary, cacheFile);
        pruneOldCaches(folder, basename(file));
      } catch {
        // A read-only home: no cache.
      }
    },
  };
}

function cacheFolder(): string | null {
  if (process.env.MINUTES_NO_CODE_CACHE) return null;
  const base = process.env.XDG_CACHE_HOME || (homedir() ? join(homedir(), '.cache') : '');
  return base ? join(base, 'minutes') : null;
}

/** How many caches of one bundle are kept: its commands, for a build or two (a checkout and an installed copy). */
const CACHES_KEPT = 8;

/** Each build of the bundle writes new caches; the oldest beyond CACHES_KEPT go. */
function pruneOldCaches(folder: string, bundle: string): void {
  const caches = readdirSync(folder)
    .filter((name) => name.startsWith(`${bundle}-`) && name.endsWith('.v8'))
    .map((name) => ({ path: join(folder, name), written: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.written - a.written);
  for (const old of caches.slice(CACHES_KEPT)) unlinkSync(old.path);
}

/** A cache file this user wrote and nobody else can change, else nothing. */
function readOwnFile(path: string): Buffer | undefined {
  try {
    const stat = statSync(path);
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return undefined;
    if ((stat.mode & 0o022) !== 0) return undefined;
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

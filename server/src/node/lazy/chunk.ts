import { join } from 'node:path';

/**
 * The CLI's bundle (dist/cliMain.js) leaves out packages that a check never runs; each is a
 * bundle of its own beside it in dist/, built by `build:cli`, and loaded the first time it is
 * used. Only the CLI's bundles are built so: the Action's (dist/action.js) stays one file.
 */
export function loadChunk<T>(name: string): () => T {
  let loaded: T | undefined;
  // A path the bundler cannot follow: the chunk is read at run time, not bundled in.
  return () => (loaded ??= require(join(__dirname, name)) as T);
}

// The web extension (vscode.dev, github.dev, a VS Code server's web-worker extension host):
// dist/browserExtension.js, the client, and dist/browserServer.js, the language server it
// starts in a browser worker. Usage: node scripts/buildWeb.mjs [--analyze] (npm run build:web);
// --analyze lists what the client bundle is made of.
import { analyzeMetafile, build } from 'esbuild';
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const standIns = JSON.parse(readFileSync(join(root, 'client/src/web/standIns.json'), 'utf8'));
// esbuild sees packages by their real path (node_modules may be a link in a worktree).
const languageClient = realpathSync(join(root, 'node_modules/vscode-languageclient')) + sep;
const libraryClient = join(languageClient, 'lib/common/client.js');
const helpersFile = join(root, 'scripts/tsHelpers.mjs');

/** Each helper of scripts/tsHelpers.mjs as a module of the library defines it. */
const helperDefinitions = [...readFileSync(helpersFile, 'utf8').matchAll(/^export var (__\w+) = ([\s\S]*?);\n(?=export var |(?![\s\S]))/gm)].map(
  ([, name, body]) => `var ${name} = (this && this.${name}) || ${body};\n`,
);

/**
 * vscode-languageclient and the packages it brings are CommonJS, which esbuild bundles whole.
 * This leaves out of the web client what it can do without:
 * - the library's features for capabilities the Minutes server never offers, replaced by the
 *   stand-ins of client/src/web/absentFeatures.ts (which say why they are equivalent);
 * - packages the library imports for code the Minutes client never runs, replaced by the
 *   throwing stand-ins of client/src/web/unreachable.ts (which say why they are not reached);
 * - the TypeScript helpers every module of the library defines for itself, shared instead.
 */
const webClientStandIns = {
  name: 'web-client-stand-ins',
  setup(builder) {
    const absentFeatures = new Set(standIns.absentFeatures.map((name) => `./${name}`));
    const unreachablePackages = new Set(standIns.unreachablePackages);
    builder.onResolve({ filter: /^\.\/\w+$/ }, ({ path, importer }) =>
      importer === libraryClient && absentFeatures.has(path) ? { path: join(root, 'client/src/web/absentFeatures.ts') } : undefined,
    );
    builder.onResolve({ filter: /^[\w-]+$/ }, ({ path, importer }) =>
      importer.startsWith(languageClient) && unreachablePackages.has(path) ? { path: join(root, 'client/src/web/unreachable.ts') } : undefined,
    );
    builder.onLoad({ filter: /\.js$/ }, ({ path }) => {
      if (!path.startsWith(languageClient)) return undefined;
      const source = readFileSync(path, 'utf8');
      const contents = helperDefinitions.reduce((text, definition) => text.replace(definition, ''), source);
      return contents === source ? undefined : { contents, loader: 'js' };
    });
  },
};

const common = { bundle: true, platform: 'browser', target: 'es2022', minify: true, outdir: join(root, 'dist'), sourcemap: true, logLevel: 'warning' };
const analyze = process.argv.includes('--analyze');
const [client] = await Promise.all([
  build({
    ...common,
    entryPoints: { browserExtension: join(root, 'client/src/browserExtension.ts') },
    format: 'cjs',
    external: ['vscode'],
    plugins: [webClientStandIns],
    inject: [helpersFile],
    metafile: analyze,
  }),
  build({ ...common, entryPoints: { browserServer: join(root, 'server/src/browser/server.ts') }, format: 'iife' }),
]);
if (analyze) console.log(await analyzeMetafile(client.metafile));

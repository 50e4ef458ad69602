import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Bundles the Electron main process and the preload with esbuild (`npm run build:electron`,
 * or `node electron/launch/build.mjs --out-dir DIR`).
 * main -> dist-electron/main.cjs: Node platform, CommonJS, everything bundled except
 * electron and better-sqlite3 (native, loaded from node_modules). preload ->
 * dist-electron/preload.cjs: a sandboxed preload can only `require('electron')`, so
 * everything else (our shared/ code, zod) is bundled into it.
 */

/** The project root (two folders above this file). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Electron 39's runtimes, for esbuild's syntax lowering. */
const nodeTarget = 'node22';
const chromeTarget = 'chrome140';

/**
 * Builds both bundles into `outDir` (default `<root>/dist-electron`); resolves with the two
 * output paths. Rejects on any esbuild error, including code that reads `import.meta`
 * (empty in a CommonJS bundle, so it would silently break at run time).
 */
export async function buildElectron({ root = projectRoot, outDir = path.join(root, 'dist-electron') } = {}) {
  const main = path.join(outDir, 'main.cjs');
  const preload = path.join(outDir, 'preload.cjs');
  const common = {
    bundle: true,
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    logOverride: { 'empty-import-meta': 'error' },
    absWorkingDir: root,
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(root, 'electron', 'main', 'main.ts')],
      outfile: main,
      platform: 'node',
      target: nodeTarget,
      // ws's optional native speed-ups are looked up inside try/catch at run time; better-sqlite3
      // and Typst's compiler are native modules, loaded from node_modules.
      external: ['electron', 'better-sqlite3', '@myriaddreamin/typst-ts-node-compiler', 'bufferutil', 'utf-8-validate'],
    }),
    build({
      ...common,
      entryPoints: [path.join(root, 'electron', 'preload', 'preload.ts')],
      outfile: preload,
      platform: 'browser',
      target: chromeTarget,
      // Parsed on every page load; mostly zod from the contract's allow-lists.
      minify: true,
      external: ['electron'],
    }),
  ]);
  return { main, preload };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--out-dir');
  const outDir = at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1]) : undefined;
  buildElectron(outDir ? { outDir } : {}).then(
    ({ main, preload }) => console.log(`Built ${path.relative(projectRoot, main)} and ${path.relative(projectRoot, preload)}`),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cleanBuildEnv, runProcess, summarizeError } from './run-process.mjs';

/**
 * The second build of better-sqlite3, for Electron's ABI. node_modules/better-sqlite3 stays
 * built for Node (the tests run under Node); the Electron build goes to
 * `.penholder/electron-native/<electron>-<platform>-<arch>/better_sqlite3.node` and the
 * backend loads it through better-sqlite3's `nativeBinding` option. The work happens in a
 * temporary copy of the package so node_modules is never touched.
 */

/** The binding's file name (matches electron/main/native-binding.ts). */
export const SQLITE_BINDING_FILE = 'better_sqlite3.node';

/** Where Electron's headers come from; PENHOLDER_ELECTRON_HEADERS_URL overrides it. */
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

/** The folder name for one Electron version, platform and arch (matches electron/main/native-binding.ts). */
export function nativeBindingDirName(electronVersion, platform, arch) {
  return `${electronVersion}-${platform}-${arch}`;
}

/** The absolute path the Electron-ABI binding is kept at, under the project's `.penholder/`. */
export function nativeBindingPath(root, electronVersion, platform, arch) {
  return path.join(root, '.penholder', 'electron-native', nativeBindingDirName(electronVersion, platform, arch), SQLITE_BINDING_FILE);
}

/**
 * Returns the path of the Electron-ABI binding, building it first if absent: a prebuilt
 * binary via better-sqlite3's own prebuild-install (`--runtime electron`), else a compile
 * with node-gyp against Electron's headers. Throws an Error listing both failures.
 */
export async function ensureNativeBinding({ root, electronVersion, platform = process.platform, arch = process.arch, env = process.env, log = (line) => process.stderr.write(`${line}\n`) }) {
  const target = nativeBindingPath(root, electronVersion, platform, arch);
  if (existsSync(target)) return target;
  const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
  const work = await mkdtemp(path.join(os.tmpdir(), 'penholder-sqlite-'));
  try {
    const copy = path.join(work, 'better-sqlite3');
    // Everything but build/: the copy must not start from the Node-ABI build.
    await cp(sqliteDir, copy, { recursive: true, filter: (src) => path.relative(sqliteDir, src).split(path.sep)[0] !== 'build' });
    const built = path.join(copy, 'build', 'Release', SQLITE_BINDING_FILE);
    const require = createRequire(path.join(sqliteDir, 'package.json'));
    const buildEnv = cleanBuildEnv(env);
    const failures = [];

    log(`Penholder: fetching better-sqlite3 prebuilt for Electron ${electronVersion} (${platform}-${arch})...`);
    const prebuild = await runProcess(
      process.execPath,
      [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion, '--platform', platform, '--arch', arch],
      { cwd: copy, env: buildEnv, timeoutMs: 10 * 60_000, echo: false },
    );
    if (prebuild.code !== 0 || !existsSync(built)) {
      failures.push(`prebuild-install: ${summarizeError(prebuild.stderrTail) || `exit ${prebuild.code}`}`);
      log('Penholder: no prebuilt binary; compiling better-sqlite3 against Electron headers (a few minutes)...');
      const gyp = await runProcess(
        process.execPath,
        [
          nodeGypBin(env, require, root),
          'rebuild',
          '--release',
          `--target=${electronVersion}`,
          `--arch=${arch}`,
          `--dist-url=${env.PENHOLDER_ELECTRON_HEADERS_URL ?? ELECTRON_HEADERS_URL}`,
          `--devdir=${path.join(root, '.penholder', 'electron-gyp')}`,
        ],
        { cwd: copy, env: buildEnv, timeoutMs: 30 * 60_000, echo: env.PENHOLDER_QUIET_BUILD !== '1' },
      );
      if (gyp.code !== 0 || !existsSync(built)) {
        failures.push(`node-gyp: ${summarizeError(gyp.stderrHead) || `exit ${gyp.code}`}`);
        throw new Error(`Could not build better-sqlite3 for Electron ${electronVersion}.\n  ${failures.join('\n  ')}`);
      }
    }
    if ((await stat(built)).size === 0) throw new Error(`The better-sqlite3 build for Electron is empty (${built}).`);
    await mkdir(path.dirname(target), { recursive: true });
    // Copy then rename, so an interrupted copy never leaves a half file that looks ready.
    await copyFile(built, `${target}.partial`);
    await rename(`${target}.partial`, target);
    return target;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function nodeGypBin(env, require, root) {
  // npm passes its own node-gyp to scripts; otherwise use the one in node_modules.
  if (env.npm_config_node_gyp && existsSync(env.npm_config_node_gyp)) return env.npm_config_node_gyp;
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    return path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  }
}

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runProcess, summarizeError } from './run-process.mjs';

/**
 * Finding, and if needed downloading, the Electron binary for `npm start`. npm 11 does not
 * run electron's postinstall (it is not in package.json `allowScripts`, so `npm ci` never
 * tries to download it); `npm start` runs electron's own install.js instead.
 */

/** The electron package folder: `PENHOLDER_ELECTRON_DIR` if set (tests), else node_modules/electron. */
export function electronPackageDir(root, env = process.env) {
  return env.PENHOLDER_ELECTRON_DIR ? path.resolve(env.PENHOLDER_ELECTRON_DIR) : path.join(root, 'node_modules', 'electron');
}

/** The installed electron package's version, e.g. `39.8.10`. */
export function electronVersion(dir) {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
}

/**
 * The absolute path of the Electron executable, resolved the way electron's index.js does
 * (path.txt under dist/, or ELECTRON_OVERRIDE_DIST_PATH), or null when it is not there.
 */
export function findElectronBinary(dir, env = process.env) {
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (relative === '') return null;
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative) : path.join(dir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

/**
 * Resolves `{ ok: true, binary }` when the binary exists or electron's install.js fetched it,
 * else `{ ok: false, reason }` with the installer's error (no internet, mirror down, timeout).
 * ELECTRON_SKIP_BINARY_DOWNLOAD is removed for this run: the user asked to start Electron.
 */
export async function ensureElectronBinary({ dir, env = process.env, timeoutMs = 15 * 60_000 }) {
  const present = findElectronBinary(dir, env);
  if (present) return { ok: true, binary: present };
  const installer = path.join(dir, 'install.js');
  if (!existsSync(installer)) return { ok: false, reason: `${installer} is missing; is electron installed (npm ci)?` };
  process.stderr.write(`Penholder: downloading Electron ${electronVersion(dir)} (first start only)...\n`);
  const childEnv = { ...env };
  delete childEnv.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const run = await runProcess(process.execPath, [installer], { cwd: dir, env: childEnv, timeoutMs, echo: false });
  const binary = findElectronBinary(dir, env);
  if (run.code === 0 && binary) return { ok: true, binary };
  const why = run.timedOut ? `the download did not finish within ${Math.round(timeoutMs / 1000)} s` : summarizeError(run.stderrHead) || `install.js exited with code ${run.code}`;
  return { ok: false, reason: why };
}

/** The message printed when Electron cannot be had: what happened, why, and what to do instead. */
export function noElectronMessage(version, reason) {
  return [
    `Penholder: Electron ${version} could not be downloaded, so the desktop app cannot start.`,
    `Why: ${reason}`,
    'Electron is fetched from GitHub (or from ELECTRON_MIRROR) on the first `npm start`; check your',
    'internet connection or proxy and run `npm start` again.',
    'Meanwhile `npm run web` runs the same app in your browser, with no download.',
  ].join('\n');
}

import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the Electron-ABI build of better-sqlite3 lives. better-sqlite3 in node_modules is
 * compiled for Node (tests run under Node); Electron needs a second build for its own ABI,
 * which `npm start` prepares in `.penholder/electron-native/<dir>/` and electron-builder
 * ships as an extra resource. The backend loads it through better-sqlite3's `nativeBinding`.
 * The folder naming must match electron/launch/native-module.mjs (a test checks both).
 */

/** The environment variable `npm start` sets to the binding's absolute path. */
export const SQLITE_BINDING_ENV = 'PENHOLDER_SQLITE_BINDING';

/** The binding's file name inside its folder. */
export const SQLITE_BINDING_FILE = 'better_sqlite3.node';

/** The folder name for one Electron version, platform and arch, e.g. `39.8.10-linux-x64`. */
export function nativeBindingDirName(electronVersion: string, platform: string, arch: string): string {
  return `${electronVersion}-${platform}-${arch}`;
}

/** What `locateNativeBinding` needs to know about the running app. */
export type NativeBindingContext = {
  isPackaged: boolean;
  /** `process.resourcesPath` (packaged app resources). */
  resourcesPath: string;
  /** `app.getAppPath()` (the project folder when run by `npm start`). */
  appPath: string;
  env: Readonly<Record<string, string | undefined>>;
  electronVersion: string;
  platform: string;
  arch: string;
  exists?: (file: string) => boolean;
};

/**
 * Returns the absolute path of the Electron-ABI binding: in a packaged app, under
 * `resources/electron-native/`; otherwise the path in `PENHOLDER_SQLITE_BINDING`, else the
 * `.penholder/electron-native/` folder of the project. Throws an Error saying how to fix it
 * when the file does not exist (loading the Node-ABI build would crash with a cryptic
 * NODE_MODULE_VERSION message instead).
 */
export function locateNativeBinding(context: NativeBindingContext): string {
  const exists = context.exists ?? existsSync;
  const dir = nativeBindingDirName(context.electronVersion, context.platform, context.arch);
  const candidate = context.isPackaged
    ? path.join(context.resourcesPath, 'electron-native', dir, SQLITE_BINDING_FILE)
    : (context.env[SQLITE_BINDING_ENV] ?? path.join(context.appPath, '.penholder', 'electron-native', dir, SQLITE_BINDING_FILE));
  if (!exists(candidate)) {
    const fix = context.isPackaged
      ? 'The installation is incomplete; reinstall Penholder.'
      : 'Run `npm start`, which builds it before launching Electron.';
    // internal: a broken build or installation, found before any window or stored interface language exists
    throw new Error(`The SQLite module built for Electron ${context.electronVersion} is missing (${candidate}). ${fix}`);
  }
  return candidate;
}

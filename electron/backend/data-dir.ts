import os from 'node:os';
import path from 'node:path';

/** The inputs that decide the default data directory (the real process's by default). */
export type DataDirEnvironment = {
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  homedir?: string;
};

/**
 * Where Penholder keeps its data when no directory is given: `$PENHOLDER_DATA_DIR` if set,
 * else the platform's user-data folder, the same one Electron's `app.getPath('userData')`
 * uses for an app named "penholder": `%APPDATA%\penholder` on Windows,
 * `~/Library/Application Support/penholder` on macOS, `$XDG_CONFIG_HOME/penholder` or
 * `~/.config/penholder` elsewhere. So the browser shell and the desktop app share documents.
 */
export function defaultDataDir(environment: DataDirEnvironment = {}): string {
  const env = environment.env ?? process.env;
  const platform = environment.platform ?? process.platform;
  const home = environment.homedir ?? os.homedir();
  if (env.PENHOLDER_DATA_DIR) return path.resolve(env.PENHOLDER_DATA_DIR);
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'penholder');
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'penholder');
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), 'penholder');
}

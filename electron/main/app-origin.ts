import path from 'node:path';

/**
 * The app's own origin: the renderer is served from `app://penholder/` by a custom protocol
 * handler confined to the built renderer folder. Pure functions (no Electron) so the path
 * confinement can be tested under Node.
 */

/** The custom scheme the renderer is served from (registered as standard and secure). */
export const APP_SCHEME = 'app';

/** The only host of the app scheme; anything else is not our app. */
export const APP_HOST = 'penholder';

/** The URL the main window loads. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True when `url` is on the app's origin: scheme `app:`, host `penholder`, no port and no
 * credentials. Unparseable URLs are not ours. (WHATWG `origin` is "null" for custom schemes,
 * so the parts are compared instead.)
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Maps an app URL to a file inside `root`, or null when the URL is not ours, is malformed,
 * or would leave `root` (dot segments, encoded separators, backslashes, NUL). `/` maps to
 * `index.html`. The check is lexical: `root` is our own build output, without symlinks.
 */
export function resolveAppFile(root: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (!file.startsWith(base + path.sep)) return null;
  return file;
}

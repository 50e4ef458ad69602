import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin.js';
import { respondFromAppFolder } from './app-files.js';

/**
 * Serving the built renderer on `app://penholder/` through Electron's protocol API: a real
 * origin (so the CSP's 'self' and module scripts work) without exposing `file://`.
 */

/**
 * Registers the app scheme as standard and secure. Must run before `app` is ready; that is
 * Electron's rule for privileged schemes.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/**
 * Serves files under `root` (the built renderer) on the app scheme, each answer carrying
 * the CSP (see `respondFromAppFolder`).
 */
export function serveAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, (request) => respondFromAppFolder(root, request));
}

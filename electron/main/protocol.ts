import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, contentTypeFor, resolveAppFile } from './app-origin.js';
import { SECURITY_HEADERS } from './csp.js';

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
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves files under `root` (the built renderer) for GET and HEAD requests on the app
 * scheme, each with the CSP and nosniff headers. Anything outside `root`, any other host
 * and any missing file is a 404; other methods are a 405.
 */
export function serveAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: SECURITY_HEADERS });
    }
    const file = resolveAppFile(root, request.url);
    if (file === null) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    try {
      const body = await readFile(file);
      const headers = { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) };
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
    } catch {
      return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    }
  });
}

import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin.js';
import { withSecurityHeaders } from './csp.js';

/**
 * Session- and page-level security settings of the shell: no permission is ever granted,
 * every response carries our CSP, pages cannot open windows, navigate away from the app
 * origin or attach webviews.
 */

/**
 * Denies every permission request and check (camera, notifications, clipboard-read, ...)
 * and forces the security headers onto every response the session receives.
 */
export function applySessionPolicy(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
  });
}

/**
 * Applies to one webContents (call it from `app.on('web-contents-created')` so no page
 * escapes it): window.open and target=_blank are denied, navigation and redirects of any
 * frame away from the app origin are cancelled, and `<webview>` cannot be attached.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Lets a window's last typed changes reach the backend before the window goes away.
 *
 * The renderer sends its document updates one at a time (renderer/document/document-session.ts),
 * so when a window is closed right after a burst of typing or a large paste, a few updates can
 * still be waiting in the page. On 'close' the window is held open while the page's
 * `penholderFlush()` (renderer/document/unsaved-guard.ts) drains them, at most `timeoutMs`,
 * then closed for real. If changes remain that the backend could not take (a full disk), the
 * page's `beforeunload` objects and the person is asked whether to close anyway.
 */

/** The part of a BrowserWindow the guard uses (Electron's, or a test double). */
export type GuardedWindow = {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
  isDestroyed(): boolean;
  webContents: {
    executeJavaScript(code: string, userGesture?: boolean): Promise<unknown>;
    on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown;
  };
};

/** Asks the person whether to close although changes are unsaved; true = close. */
export type ConfirmClose = () => boolean;

// Runs in the page: resolves once its sessions flushed; a page without the guard (still
// loading, or an error page) has nothing to flush.
const FLUSH_SCRIPT = "typeof globalThis.penholderFlush === 'function' ? globalThis.penholderFlush().then(() => true) : true";

/** Drains the page's pending document updates; resolves (never rejects) within `timeoutMs`. */
export async function flushWindow(window: GuardedWindow, timeoutMs = 5000): Promise<void> {
  if (window.isDestroyed()) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  try {
    await Promise.race([window.webContents.executeJavaScript(FLUSH_SCRIPT).then(() => undefined), timeout]);
  } catch {
    // A page that crashed or navigated away cannot flush; closing it is all that is left.
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Holds each close of `window` until its page flushed (see the module comment), and asks
 * `confirm` when the page still objects to unloading.
 */
export function guardWindowClose(window: GuardedWindow, confirm: ConfirmClose, timeoutMs = 5000): void {
  let flushed = false;
  let flushing = false;
  window.on('close', (event) => {
    if (flushed) return;
    event.preventDefault();
    if (flushing) return;
    flushing = true;
    void flushWindow(window, timeoutMs).then(() => {
      flushed = true;
      flushing = false;
      if (!window.isDestroyed()) window.close();
    });
  });
  window.webContents.on('will-prevent-unload', (event) => {
    // preventDefault here overrides the page's objection: the window closes.
    if (confirm()) event.preventDefault();
    else flushed = false;
  });
}

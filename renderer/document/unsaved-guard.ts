/**
 * Keeps a window from closing while typed changes are still on their way to the backend.
 *
 * A document session sends its updates one at a time, in order, so the last keystrokes of a
 * burst (or a large paste) can wait in the renderer for a few milliseconds; if the window
 * went away then, they would never reach the store. Every open session registers here:
 * - in the browser shell, leaving the page while changes are unsaved asks first (the
 *   browser's own "Leave site?" prompt, through `beforeunload`);
 * - in Electron, the main process calls `penholderFlush()` on the window before it closes
 *   and waits for it (electron/main/window.ts), so a normal close loses nothing and asks
 *   nothing; the prompt only remains for changes the backend could not take.
 */

/** What the guard needs of an open document session. */
export type Unsaved = {
  /** Whether some local change has not been accepted by the backend yet. */
  unsaved(): boolean;
  /** Resolves once every local change made so far was accepted (or failed). */
  flush(): Promise<void>;
};

const open = new Set<Unsaved>();

/** Registers an open session; the returned function unregisters it (once it is closed). */
export function trackUnsaved(session: Unsaved): () => void {
  open.add(session);
  return () => open.delete(session);
}

/** Whether any open session still has changes the backend has not accepted. */
export function hasUnsavedChanges(): boolean {
  for (const session of open) if (session.unsaved()) return true;
  return false;
}

/** Resolves once every open session has flushed what it had. */
export async function flushAllSessions(): Promise<void> {
  await Promise.all([...open].map((session) => session.flush()));
}

/** The global the Electron main process calls before closing a window. */
export const FLUSH_GLOBAL = 'penholderFlush';

/**
 * Installs the guard on `target` (the window): a `beforeunload` listener that asks before
 * leaving with unsaved changes, and `target.penholderFlush()` for the Electron shell.
 * Returns a function that removes both.
 */
export function installUnsavedGuard(target: Window): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!hasUnsavedChanges()) return;
    event.preventDefault();
    // Older Chromium shows the prompt only when returnValue is set.
    event.returnValue = '';
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  const global = target as unknown as Record<string, unknown>;
  global[FLUSH_GLOBAL] = flushAllSessions;
  return () => {
    target.removeEventListener('beforeunload', onBeforeUnload);
    if (global[FLUSH_GLOBAL] === flushAllSessions) delete global[FLUSH_GLOBAL];
  };
}

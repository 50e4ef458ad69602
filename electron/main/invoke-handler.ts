import { errorShape } from '../../shared/api/api-error.js';
import { dispatch } from '../../shared/api/dispatch.js';
import { msg } from '../../shared/i18n/message.js';
import type { EventName, Handlers } from '../../shared/api/contract.js';
import { isAllowedEvent } from '../../shared/api/bridge.js';
import type { BridgeResult } from '../../shared/api/bridge.js';
import { isAppUrl } from './app-origin.js';

/**
 * The main-process side of the IPC transport, free of Electron imports so it runs under
 * Node in tests: the `penholder:invoke` handler (sender check, then the contract's
 * validating dispatch) and the event forwarder (allow-listed names only).
 */

/** The parts of Electron's IpcMainInvokeEvent the handler reads. */
export type InvokeEvent = {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
};

/** Looks up the handler map of the backend connection owned by a window's webContents id. */
export type HandlersLookup = (webContentsId: number) => Handlers | undefined;

/**
 * True when the call comes from the top frame of one of our windows and that frame shows
 * our app origin: not an iframe, not a page that navigated elsewhere, not another
 * webContents (devtools, a stray window).
 */
export function isTrustedSender(event: InvokeEvent, handlersFor: HandlersLookup): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  if (!isAppUrl(frame.url)) return false;
  return handlersFor(event.sender.id) !== undefined;
}

/**
 * Returns the function to register with `ipcMain.handle('penholder:invoke', ...)`. It never
 * throws: an untrusted sender gets `unauthorized`, an unknown channel or bad argument gets
 * the contract's error (dispatch validates with `parseCall`), a failing handler `internal`
 * (whose original error goes to `onInternalError`, for the log).
 */
export function createInvokeHandler(
  handlersFor: HandlersLookup,
  onInternalError?: (error: unknown, channel: string) => void,
): (event: InvokeEvent, channel: unknown, args: unknown) => Promise<BridgeResult> {
  return async (event, channel, args) => {
    if (!isTrustedSender(event, handlersFor)) {
      return { ok: false, error: errorShape('unauthorized', msg('backend:transport.untrustedFrame')) };
    }
    const handlers = handlersFor(event.sender.id);
    if (handlers === undefined) {
      return { ok: false, error: errorShape('unauthorized', msg('backend:transport.noConnection')) };
    }
    return dispatch(handlers, channel, args, onInternalError);
  };
}

/**
 * Returns the `send` callback for one backend connection: forwards allow-listed events to
 * `post` while `isAlive()` holds, and silently drops anything else (a window that closed,
 * an event name outside the contract).
 */
export function createEventForwarder(
  post: (name: EventName, payload: unknown) => void,
  isAlive: () => boolean,
): (event: string, payload: unknown) => void {
  return (event, payload) => {
    if (!isAllowedEvent(event) || !isAlive()) return;
    post(event, payload);
  };
}

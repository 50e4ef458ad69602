import { isAllowedChannel, isAllowedEvent } from '../../shared/api/bridge.js';
import type { BridgeResult, PenholderBridge } from '../../shared/api/bridge.js';

/**
 * The logic of the preload, free of Electron so it can be tested under Node: it turns a
 * narrow IPC transport into the `window.penholder` bridge and enforces the contract's
 * channel and event allow-lists on the renderer side (main enforces them again).
 */

/**
 * The two IPC operations the bridge needs. The preload implements them with `ipcRenderer`;
 * `subscribe` must call `listener(name, payload)` for every message on the event channel
 * (never with Electron's event object) and return a function that removes it.
 */
export type BridgeTransport = {
  invoke(channel: string, args: unknown): Promise<unknown>;
  subscribe(listener: (name: unknown, payload: unknown) => void): () => void;
};

/**
 * Returns the bridge to expose. `invoke` refuses channels outside the contract without
 * touching IPC (answering `unknown-channel`); `on` throws for events outside the contract
 * and returns an unsubscribe function that is safe to call twice. Listeners receive only
 * the payload, never an Electron object.
 */
export function createBridge(transport: BridgeTransport): PenholderBridge {
  return {
    invoke(channel, args) {
      if (!isAllowedChannel(channel)) {
        const refused: BridgeResult = {
          ok: false,
          // The sandboxed preload cannot bundle the catalogues: the English sentence is the
          // catalogue's backend:api.unknownChannel, written out, and the key travels with it.
          error: {
            code: 'unknown-channel',
            message: `Unknown channel: ${String(channel).slice(0, 100)}`,
            text: { key: 'backend:api.unknownChannel', values: { channel: String(channel).slice(0, 100) } },
          },
        };
        return Promise.resolve(refused);
      }
      return transport.invoke(channel, args) as Promise<BridgeResult>;
    },
    on(event, listener) {
      // internal: the renderer subscribes only to the contract's events; a stray name is a bug
      if (!isAllowedEvent(event)) throw new Error(`Unknown event: ${String(event).slice(0, 100)}`);
      // internal: a listener that is not a function is a programming error
      if (typeof listener !== 'function') throw new Error('listener must be a function');
      let remove: (() => void) | undefined = transport.subscribe((name, payload) => {
        if (name === event) listener(payload);
      });
      return () => {
        remove?.();
        remove = undefined;
      };
    },
  };
}

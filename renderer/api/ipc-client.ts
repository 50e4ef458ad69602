import { ApiError, apiErrorFromShape } from '../../shared/api/contract.js';
import type { ApiClient, Channel, ChannelArgs, ChannelResult, EventName, EventPayloads } from '../../shared/api/contract.js';
import { BRIDGE_GLOBAL, isBridgeResult, isPenholderBridge } from '../../shared/api/bridge.js';
import type { PenholderBridge } from '../../shared/api/bridge.js';
import { msg } from '../../shared/i18n/message.js';

/**
 * Transport 1 (Electron IPC) seen from the renderer: wraps the preload's `window.penholder`
 * into the same `ApiClient` the WebSocket transport gives, so the app cannot tell them apart.
 */

/**
 * Returns an `ApiClient` over `bridge`. A call answered `{ ok: false, error }` rejects with an
 * `ApiError` carrying the same code, message and text (a malformed text is dropped); a transport failure (main crashed, answer
 * malformed) rejects with an `ApiError` of code `internal`. Event payloads are passed through
 * unchanged (main only forwards allow-listed events the backend emitted).
 */
export function connectIpcApi(bridge: PenholderBridge): ApiClient {
  return {
    async invoke<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<ChannelResult<C>> {
      let answer: unknown;
      try {
        answer = await bridge.invoke(channel, args);
      } catch (cause) {
        throw new ApiError('internal', msg('backend:transport.ipcFailed', { channel, reason: describe(cause) }));
      }
      if (!isBridgeResult(answer)) {
        throw new ApiError('internal', msg('backend:transport.ipcMalformed', { channel }));
      }
      if (!answer.ok) throw apiErrorFromShape(answer.error);
      return answer.result as ChannelResult<C>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
      return bridge.on(event, (payload) => listener(payload as EventPayloads[E]));
    },
  };
}

/**
 * Returns the preload's bridge if this page runs inside the Electron shell, else undefined
 * (the browser shell has no `penholder` global). `scope` defaults to `globalThis`.
 */
export function findIpcBridge(scope: object = globalThis): PenholderBridge | undefined {
  const candidate: unknown = (scope as Record<string, unknown>)[BRIDGE_GLOBAL];
  return isPenholderBridge(candidate) ? candidate : undefined;
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

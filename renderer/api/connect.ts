import type { ApiClient } from '../../shared/api/contract.js';
import { BRIDGE_GLOBAL, isPenholderBridge } from '../../shared/api/bridge.js';
import type { PenholderBridge } from '../../shared/api/bridge.js';
import { connectIpcApi } from './ipc-client.js';
import { connectWebSocketApi } from './ws-client.js';
import { t } from '../i18n/index.js';

/** The parts of the page's environment the transport choice depends on (`window` satisfies it). */
export type TransportEnvironment = {
  [BRIDGE_GLOBAL]?: unknown;
  location: { protocol: string; host: string; search: string };
};

/** Which transport to use: the Electron bridge, or the WebSocket of the browser shell. */
export type TransportChoice = { kind: 'ipc'; bridge: PenholderBridge } | { kind: 'websocket'; url: string };

/**
 * Chooses the transport: a `penholder` bridge present (Electron preload) -> IPC; otherwise
 * the WebSocket at `/api` on the page's own host, carrying the `token` of the page URL.
 * Throws an Error meant for people when neither is possible (no bridge and no token).
 */
export function chooseTransport(env: TransportEnvironment): TransportChoice {
  const bridge = env[BRIDGE_GLOBAL];
  if (isPenholderBridge(bridge)) return { kind: 'ipc', bridge };
  const token = new URLSearchParams(env.location.search).get('token');
  if (!token) {
    throw new Error(
      t('common:connect.thisPageWasOpened'),
    );
  }
  const scheme = env.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return { kind: 'websocket', url: `${scheme}//${env.location.host}/api?token=${encodeURIComponent(token)}` };
}

/**
 * Connects the renderer to the backend through the transport `chooseTransport` picks.
 * Rejects (with a message for people) when there is no transport or the connection fails.
 */
export async function connectApi(env: TransportEnvironment): Promise<ApiClient> {
  const choice = chooseTransport(env);
  if (choice.kind === 'ipc') return connectIpcApi(choice.bridge);
  return connectWebSocketApi(choice.url);
}

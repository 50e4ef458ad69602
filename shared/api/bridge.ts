import { channelNames as channels, eventNameList as eventNames } from './names.js';
import type { ApiErrorShape, Channel, EventName } from './contract.js';

/**
 * The Electron IPC transport's vocabulary, shared by main, preload and the renderer's IPC
 * client. Nothing here touches Electron: it is the shape of `window.penholder` and the two
 * raw IPC channel names behind it.
 */

/** The global name under which the preload exposes the bridge (`window.penholder`). */
export const BRIDGE_GLOBAL = 'penholder';

/** The one IPC channel a renderer may invoke; main answers it with a `BridgeResult`. */
export const IPC_INVOKE_CHANNEL = 'penholder:invoke';

/** The one IPC channel main pushes events on, as `(name: EventName, payload)`. */
export const IPC_EVENT_CHANNEL = 'penholder:event';

/**
 * What main answers to one invoke. Errors travel as data, never as thrown Errors: Electron
 * flattens a rejected invoke into a message string and the stable `code` would be lost.
 */
export type BridgeResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorShape };

/**
 * The object the preload exposes as `window.penholder`. `invoke` resolves with a
 * `BridgeResult` (an unknown channel resolves to `{ ok: false, error.code: 'unknown-channel' }`);
 * `on` registers a listener for one allow-listed event and returns its unsubscribe function.
 */
export type PenholderBridge = {
  invoke(channel: Channel, args: unknown): Promise<BridgeResult>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
};

const errorCodes: ReadonlySet<string> = new Set<ApiErrorShape['code']>([
  'invalid-argument',
  'not-found',
  'unknown-channel',
  'unauthorized',
  'cancelled',
  'internal',
]);

/** True when `value` is a well-formed `BridgeResult` (what crosses IPC is untyped data). */
export function isBridgeResult(value: unknown): value is BridgeResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; result?: unknown; error?: unknown };
  if (v.ok === true) return 'result' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && errorCodes.has(e.code) && typeof e.message === 'string';
}

/** True when `value` looks like a `PenholderBridge` (both methods present). */
export function isPenholderBridge(value: unknown): value is PenholderBridge {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { invoke?: unknown; on?: unknown };
  return typeof v.invoke === 'function' && typeof v.on === 'function';
}

/** True when `name` is one of the contract's channels (the preload and main allow-list). */
export function isAllowedChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (channels as readonly string[]).includes(name);
}

/** True when `name` is one of the contract's pushed events (the preload and main allow-list). */
export function isAllowedEvent(name: unknown): name is EventName {
  return typeof name === 'string' && (eventNames as readonly string[]).includes(name);
}

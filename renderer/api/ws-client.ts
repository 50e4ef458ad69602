import { MAX_FRAME_BYTES, encodeWire, parseServerFrame, utf8Length } from '../../shared/api/codec.js';
import { ApiError, apiErrorFromShape, type ApiClient, type EventName } from '../../shared/api/contract.js';
import { msg } from '../../shared/i18n/message.js';
import { t } from '../i18n/index.js';

/** What the client needs of an event from a WebSocket (the DOM's and the `ws` package's both fit). */
export type SocketEvent = { type?: string; data?: unknown; code?: number; reason?: string; message?: string };

/** The part of a WebSocket the client uses; the browser's WebSocket and `ws`'s both provide it. */
export type SocketLike = {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: SocketEvent) => void): void;
};

/** A WebSocket constructor: the browser's global one, or `ws`'s in Node tests. */
export type SocketConstructor = new (url: string) => SocketLike;

/** An API client over WebSocket, with a way to hang up. */
export type WebSocketApiClient = ApiClient & { close(): void };

type Pending = { resolve(value: unknown): void; reject(error: unknown): void };

/**
 * Connects to the backend's WebSocket API at `url` (`ws://host/api?token=...`) and resolves
 * once the connection is open; rejects if the server refuses it (wrong token, wrong origin)
 * or cannot be reached. The client implements the contract's ApiClient: a failed call rejects
 * with an ApiError carrying the server's code, message and text (a malformed text is dropped); when the connection closes, every pending and
 * later call rejects, with a catalogue message too, so a panel that keeps the error says it
 * in the interface's current language. The errors of a connection that never opened are said
 * once, before any language is loaded, and stay plain. Uses the global WebSocket unless
 * `options.WebSocket` is given.
 */
export function connectWebSocketApi(url: string, options: { WebSocket?: SocketConstructor } = {}): Promise<WebSocketApiClient> {
  const Socket = options.WebSocket ?? (globalThis.WebSocket as SocketConstructor | undefined);
  if (!Socket) return Promise.reject(new Error(t('common:wsClient.thisEnvironmentHasNo')));
  const where = url.replace(/\?.*$/, '');
  const socket = new Socket(url);
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let nextId = 1;
  let closedError: ApiError | null = null;

  const failAll = (error: ApiError) => {
    closedError ??= error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  socket.addEventListener('message', (event) => {
    if (typeof event.data !== 'string') return;
    const frame = parseServerFrame(event.data);
    if (!frame) return;
    if (frame.t === 'event') {
      for (const listener of listeners.get(frame.event) ?? []) {
        try {
          (listener as (payload: unknown) => void)(frame.payload);
        } catch (err) {
          console.error(`Penholder: a listener of ${frame.event} failed`, err);
        }
      }
      return;
    }
    const call = frame.id === null ? undefined : pending.get(frame.id);
    if (!call || frame.id === null) return;
    pending.delete(frame.id);
    if (frame.ok) call.resolve(frame.result);
    else call.reject(apiErrorFromShape(frame.error));
  });

  const client: WebSocketApiClient = {
    invoke(channel, args) {
      if (closedError) return Promise.reject(closedError);
      const id = nextId++;
      const text = encodeWire({ t: 'call', id, channel, args });
      const size = utf8Length(text);
      if (size > MAX_FRAME_BYTES) {
        const mb = (n: number) => Math.ceil(n / 1024 / 1024);
        return Promise.reject(new ApiError('invalid-argument', msg('common:wsClient.thisRequestIsToo', { mb: mb(size), mb2: mb(MAX_FRAME_BYTES) })));
      }
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        socket.send(text);
      });
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => void set.delete(listener as (payload: never) => void);
    },
    close() {
      failAll(new ApiError('internal', msg('common:wsClient.theConnectionToPenholder')));
      socket.close(1000, 'client closed');
    },
  };

  return new Promise((resolve, reject) => {
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
      resolve(client);
    });
    socket.addEventListener('error', (event) => {
      if (!opened) reject(new Error(t('common:wsClient.cannotConnectToPenholder', { where, value: event.message ? `: ${event.message}` : '' })));
    });
    socket.addEventListener('close', (event) => {
      if (!opened) return reject(new Error(t('common:wsClient.penholderAtRefusedThe', { where })));
      failAll(closeError(event));
    });
  });
}

/** The error pending calls get when the server ends the connection. */
function closeError(event: SocketEvent): ApiError {
  if (event.code === 1009) {
    return new ApiError('invalid-argument', msg('common:wsClient.penholderRefusedAMessage'));
  }
  const reason = event.reason ? `: ${event.reason}` : '';
  return new ApiError('internal', msg('common:wsClient.theConnectionToPenholder2', { value: event.code ?? 'unknown', reason }));
}


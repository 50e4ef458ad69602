/**
 * Bounds on the host's sockets, below Hocuspocus (which queues every frame a socket sends
 * before it authenticates, without limit, and never closes a socket that has no document
 * connection): a small frame limit and a deadline before authentication, a cap on frames
 * waiting for a document the socket is not admitted to, idle sockets closed, a cap on unsent
 * data per socket and on sockets not yet authenticated. Limits are `HostLimits` fields.
 */
import type { IncomingMessage } from 'node:http';
import * as decoding from 'lib0/decoding';
import type { WebSocket, WebSocketServer } from 'ws';
import type { HostLimits } from './host-limits.js';

type SocketState = { ws: WebSocket; admitted: Set<string>; queued: number; lastHeard: number; deadline: NodeJS.Timeout };

/** The guard over a host's WebSocket server (see `guardSockets`). */
export type SocketGuard = {
  /** Records that the socket of `request` was admitted to `documentName`: its frames may now be as large as an update. */
  admitted(request: IncomingMessage, documentName: string): void;
  /** Stops the guard's timers. */
  stop(): void;
};

// The frame limit of a socket's receiver. ws reads it from a private field for each frame;
// lowering it before authentication stops a 150 MB frame after 64 KiB instead of after the
// server-wide limit. Without the field (another ws), the server-wide limit still holds.
function setFrameLimit(ws: WebSocket, bytes: number): void {
  const receiver = (ws as unknown as { _receiver?: { _maxPayload?: number } })._receiver;
  if (receiver && typeof receiver._maxPayload === 'number') receiver._maxPayload = bytes;
}

/**
 * Guards every socket `wss` accepts from now on with `limits` (see the module comment).
 * The server's own `maxPayload` must be the post-authentication frame limit.
 */
export function guardSockets(wss: WebSocketServer, limits: HostLimits, frameBytes: number): SocketGuard {
  const byRequest = new WeakMap<IncomingMessage, SocketState>();
  const pending = new Set<SocketState>();
  const all = new Set<SocketState>();
  const drop = (s: SocketState) => {
    pending.delete(s);
    s.ws.terminate();
  };

  wss.on('connection', (ws: WebSocket, request: IncomingMessage) => {
    const s: SocketState = { ws, admitted: new Set(), queued: 0, lastHeard: Date.now(), deadline: setTimeout(() => drop(s), limits.authDeadlineMs) };
    s.deadline.unref();
    byRequest.set(request, s);
    all.add(s);
    pending.add(s);
    if (pending.size > limits.pendingSockets) drop(pending.values().next().value!);
    setFrameLimit(ws, limits.preAuthFrameBytes);
    // Before Hocuspocus's own listener, which queues what it cannot handle yet.
    ws.prependListener('message', (data: Buffer) => {
      s.lastHeard = Date.now();
      if (s.admitted.size === 0 && data.length > limits.preAuthFrameBytes) return drop(s);
      if (!s.admitted.has(documentOf(data))) {
        s.queued += data.length;
        if (s.queued > limits.queuedBytes) drop(s);
      }
    });
    ws.on('pong', () => (s.lastHeard = Date.now()));
    ws.once('close', () => {
      clearTimeout(s.deadline);
      pending.delete(s);
      all.delete(s);
    });
  });

  const tick = setInterval(() => {
    const now = Date.now();
    for (const s of all) {
      if (now - s.lastHeard > limits.idleMs || s.ws.bufferedAmount > limits.sendBufferBytes) drop(s);
      else if (now - s.lastHeard > limits.idleMs / 3) s.ws.ping();
    }
  }, Math.max(50, Math.min(5000, limits.idleMs / 6)));
  tick.unref();

  return {
    admitted(request, documentName) {
      const s = byRequest.get(request);
      if (!s) return;
      if (s.admitted.size === 0) {
        clearTimeout(s.deadline);
        pending.delete(s);
        setFrameLimit(s.ws, frameBytes);
      }
      s.admitted.add(documentName);
      // Its queued frames are now handled: what may still wait is for other documents.
      s.queued = 0;
    },
    stop() {
      clearInterval(tick);
      for (const s of all) clearTimeout(s.deadline);
    },
  };
}

// The document a Hocuspocus frame is for ('' when unreadable).
function documentOf(data: Uint8Array): string {
  try {
    return decoding.readVarString(decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
  } catch {
    return '';
  }
}

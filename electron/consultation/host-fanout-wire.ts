/**
 * The bytes of the host's fan-out (host-fanout.ts) and how they reach the sockets: a
 * Hocuspocus frame built once, and the WebSocket frames of a flush written to every socket
 * as one Buffer, the same for every socket.
 */
import type { Connection, Document } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import type { Socket } from 'node:net';
import type WebSocket from 'ws';

/** A Hocuspocus frame (document name, message type, then what `body` writes) as one Buffer. */
export function frame(name: string, type: number, body: (e: encoding.Encoder) => void): Buffer {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, name);
  encoding.writeVarUint(e, type);
  body(e);
  const bytes = encoding.toUint8Array(e);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Sends every payload (a Hocuspocus frame) to every connection of `document`, in order, as
 * Hocuspocus's Connection.send would (a connection whose socket is closing is closed, a
 * failed send closes it), and after them, to a connection `after` lists, its own payloads.
 * Where ws has nothing of its own waiting, a connection's WebSocket frames are written as
 * one Buffer, the shared part built once for every socket: a server's frames are not masked,
 * so they are the same bytes for every connection. Returns how many connections it sent to.
 */
export function sendToAll(document: Document, payloads: Buffer[], after: ReadonlyMap<Connection, Buffer[]> = new Map()): number {
  let wire: Buffer | undefined;
  const framed = new Map<Buffer, Buffer>();
  const wsFrameOnce = (payload: Buffer) => framed.get(payload) ?? framed.set(payload, wsFrame(payload)).get(payload)!;
  let writes = 0;
  for (const { connection } of document.connections.values()) {
    const own = after.get(connection) ?? [];
    if (payloads.length + own.length === 0) continue;
    const ws = connection.webSocket;
    if (ws.readyState === ws.CLOSING || ws.readyState === ws.CLOSED) {
      connection.close();
      continue;
    }
    try {
      const socket = (ws as unknown as { _socket?: Socket })._socket;
      if (socket && !socket.destroyed && ws.readyState === ws.OPEN && senderIdle(ws)) {
        wire ??= Buffer.concat(payloads.map(wsFrameOnce));
        socket.write(own.length === 0 ? wire : Buffer.concat([wire, ...own.map(wsFrameOnce)]));
      } else for (const payload of [...payloads, ...own]) ws.send(payload, closeOnError(connection));
      writes++;
    } catch {
      connection.close();
    }
  }
  return writes;
}

// ws frames and writes a message at once unless it compresses (permessage-deflate, which the
// host does not offer) or is still reading a Blob: then it queues, and a frame written past
// it would jump the queue.
function senderIdle(ws: WebSocket): boolean {
  const inner = ws as unknown as { _extensions?: Record<string, unknown>; _sender?: { _state?: number; _queue?: unknown[] } };
  return !!inner._sender && inner._sender._state === 0 && inner._sender._queue?.length === 0 && Object.keys(inner._extensions ?? {}).length === 0;
}

// An unmasked, final, binary WebSocket frame (RFC 6455 section 5.2) carrying `payload`.
function wsFrame(payload: Buffer): Buffer {
  const n = payload.length;
  const head = n < 126 ? 2 : n < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + n);
  frame[0] = 0x82;
  if (n < 126) frame[1] = n;
  else if (n < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  payload.copy(frame, head);
  return frame;
}

const closers = new WeakMap<Connection, (error?: Error) => void>();
function closeOnError(connection: Connection): (error?: Error) => void {
  let close = closers.get(connection);
  if (!close) closers.set(connection, (close = (error?: Error) => void (error ? connection.close() : 0)));
  return close;
}

/**
 * How a host sends an accepted change or a presence update to every connection of a
 * document, done once per message rather than once per connection (host.ts installs it on
 * each Hocuspocus document as it loads).
 *
 * Hocuspocus 3 copies a change's frame for every connection (`toUint8Array` per send, which
 * ws then wraps in a Buffer again) and encodes a presence update anew for every connection,
 * the JSON of every state in it included: with 200 participants typing, 40,000 copies and
 * wraps a second. Here the frame is encoded once into one Buffer that every socket sends.
 * Server frames are not masked, so the WebSocket frame itself is the same bytes for every
 * socket too: it is built once and written to each socket as it is (ws's own `send` framed it
 * again for each, in two writes).
 * What Hocuspocus does around the send stays as it was: the document's `onUpdate` callback
 * first (its change hooks and store debounce), a connection whose socket is closing is
 * closed, a failed send closes it, and a presence update still records which client ids
 * arrived or left on the sender's connection.
 *
 * Writes to one socket in one turn of the event loop are also held (corked) until the turn
 * ends (setImmediate): when the host is behind and handles several messages in a turn, each
 * socket then gets them in one write, so one TLS record and one system call, instead of one
 * per message. A quiet host handles one message a turn, which goes out at the end of it.
 */
import type { Connection, Document } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import type { Socket } from 'node:net';
import type WebSocket from 'ws';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';

type Listener = (...args: never[]) => void;
// lib0's ObservableV2 (Y.Doc, Awareness) keeps its listeners per event in insertion order.
type Observable = { _observers: Map<string, Set<Listener>> };
type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

// Hocuspocus's message types (sync, awareness) and y-protocols' sync update.
const syncMessage = 0;
const awarenessMessage = 1;
const updateMessage = 2;

/**
 * Replaces the document's own broadcast of changes and presence updates with the
 * encode-once one (see the module comment), in the same place among the listeners.
 * Returns false, changing nothing, when this Hocuspocus does not broadcast as the one this
 * was written for (3.x: bound `handleUpdate` and `handleAwarenessUpdate` listeners), so
 * that a different version falls back to its own, slower but correct, broadcast.
 */
export function broadcastOnce(document: Document): boolean {
  const doc = document as unknown as Observable;
  const awareness = document.awareness as unknown as Observable;
  const theirUpdate = listenerNamed(doc, 'update', 'bound handleUpdate');
  const theirPresence = listenerNamed(awareness, 'update', 'bound handleAwarenessUpdate');
  if (!theirUpdate || !theirPresence) return false;

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    document.callbacks.onUpdate(document, origin as Connection, update);
    sendToAll(document, frame(document.name, syncMessage, (e) => (encoding.writeVarUint(e, updateMessage), encoding.writeVarUint8Array(e, update))));
  };
  const onPresence = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    const sender = origin === null ? undefined : document.connections.get(origin as WebSocket);
    if (sender) {
      for (const id of added) sender.clients.add(id);
      for (const id of removed) sender.clients.delete(id);
    }
    const changed = encodeAwarenessUpdate(document.awareness, [...added, ...updated, ...removed]);
    sendToAll(document, frame(document.name, awarenessMessage, (e) => encoding.writeVarUint8Array(e, changed)));
  };
  replaceListener(doc, 'update', theirUpdate, onUpdate as Listener);
  replaceListener(awareness, 'update', theirPresence, onPresence as Listener);
  return true;
}

// A Hocuspocus frame (document name, message type, body) as one Buffer, which ws sends as it is.
function frame(name: string, type: number, body: (e: encoding.Encoder) => void): Buffer {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, name);
  encoding.writeVarUint(e, type);
  body(e);
  const bytes = encoding.toUint8Array(e);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function listenerNamed(target: Observable, event: string, name: string): Listener | undefined {
  const listeners = target._observers instanceof Map ? target._observers.get(event) : undefined;
  return listeners ? [...listeners].find((f) => f.name === name) : undefined;
}

function replaceListener(target: Observable, event: string, old: Listener, next: Listener): void {
  const listeners = target._observers.get(event)!;
  const order = [...listeners];
  listeners.clear();
  for (const f of order) listeners.add(f === old ? next : f);
}

// As Hocuspocus's Connection.send, with the socket corked for the rest of the turn and,
// where ws has nothing of its own waiting, the whole WebSocket frame written as it is: a
// server's frames are not masked, so the frame is the same bytes for every connection.
function sendToAll(document: Document, payload: Buffer): void {
  let frame: Buffer | undefined;
  for (const { connection } of document.connections.values()) {
    const ws = connection.webSocket;
    if (ws.readyState === ws.CLOSING || ws.readyState === ws.CLOSED) {
      connection.close();
      continue;
    }
    try {
      const socket = holdUntilTurnEnds(ws);
      if (socket && ws.readyState === ws.OPEN && senderIdle(ws)) socket.write((frame ??= wsFrame(payload)));
      else ws.send(payload, closeOnError(connection));
    } catch {
      connection.close();
    }
  }
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

const corked = new Set<Socket>();
function holdUntilTurnEnds(ws: WebSocket): Socket | undefined {
  const socket = (ws as unknown as { _socket?: Socket })._socket;
  if (!socket || socket.destroyed) return undefined;
  if (corked.has(socket)) return socket;
  socket.cork();
  corked.add(socket);
  if (corked.size === 1) setImmediate(releaseAll);
  return socket;
}

function releaseAll(): void {
  for (const socket of corked) if (!socket.destroyed) socket.uncork();
  corked.clear();
}

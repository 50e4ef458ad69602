/**
 * The hand-made client of the host fuzz bench: a raw WebSocket over TLS pinned to the host's
 * certificate, that sends Hocuspocus frames as given (well-formed or not) and waits for the
 * host's first answer to them. An answer is whatever the host says back about them: a
 * refusal (stateless message), a document close, a denied or accepted authentication, a
 * sync reply (to the sync step 1 the runner sends after a case, so that a frame the host
 * silently drops is answered too), or the socket closing.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type WebSocket from 'ws';

/** One frame the host sent, read as far as its kind: message type and first sub-type (-1 when unreadable). */
export type HostFrame = { type: number; sub: number; text: string; bytes: Buffer };

/** A raw connection (see the module comment). */
export type RawConnection = {
  /** Sends bytes as one binary frame (nothing when the socket is no longer open). */
  send(frame: Uint8Array): void;
  /** Resolves with the first frame accepted by `wanted` arriving from now on, 'closed' when the socket closes first, 'timeout' after `ms`. */
  next(wanted: (f: HostFrame) => boolean, ms: number): Promise<HostFrame | 'closed' | 'timeout'>;
  readonly open: boolean;
  close(): void;
};

/** A Hocuspocus frame: the document name, the message type, then what `write` adds. */
export function hpFrame(doc: string, type: number, write: (e: encoding.Encoder) => void = () => {}): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, doc);
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

/** The authentication frame carrying `token`. */
export const authFrame = (doc: string, token: string) => hpFrame(doc, 2, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarString(e, token)));

/** A sync update frame (type 0, sub-type 2) carrying `update` as it is. */
export const updateFrame = (doc: string, update: Uint8Array) => hpFrame(doc, 0, (e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update)));

/** A sync step 1 frame with state vector `sv` (the host answers with what it has beyond it). */
export const syncStep1Frame = (doc: string, sv: Uint8Array) => hpFrame(doc, 0, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, sv)));

/** An awareness frame carrying `payload` (an awareness update, well-formed or not). */
export const awarenessFrame = (doc: string, payload: Uint8Array) => hpFrame(doc, 1, (e) => encoding.writeVarUint8Array(e, payload));

/** True for the frames that answer a client: refusal or other stateless, close, authentication, sync reply or step 2. */
export function isAnswer(f: HostFrame): boolean {
  return f.type === 5 || f.type === 7 || f.type === 2 || f.type === 4 || (f.type === 0 && f.sub === 1);
}

function readFrame(bytes: Buffer): HostFrame {
  const f: HostFrame = { type: -1, sub: -1, text: '', bytes };
  try {
    const d = decoding.createDecoder(bytes);
    decoding.readVarString(d);
    f.type = decoding.readVarUint(d);
    if (f.type === 5 || f.type === 7) f.text = decoding.readVarString(d);
    else if (decoding.hasContent(d)) f.sub = decoding.readVarUint(d);
    if (f.type === 2 && f.sub === 1) f.text = decoding.readVarString(d);
  } catch {
    // an unreadable frame is still a frame
  }
  return f;
}

/** Opens a raw connection to `url` with the pinned socket class; rejects when it cannot open within `ms`. */
export function openRaw(Socket: typeof WebSocket, url: string, ms: number): Promise<RawConnection> {
  const ws = new Socket(url);
  ws.binaryType = 'nodebuffer';
  let closed = false;
  let waiter: ((f: HostFrame | 'closed') => void) | null = null;
  ws.on('message', (data: Buffer) => {
    const w = waiter;
    if (w) w(readFrame(data));
  });
  ws.on('close', () => {
    closed = true;
    waiter?.('closed');
  });
  ws.on('error', () => {
    closed = true;
    waiter?.('closed');
  });
  const conn: RawConnection = {
    send(frame) {
      if (ws.readyState === ws.OPEN) ws.send(frame);
    },
    next(wanted, limit) {
      if (closed) return Promise.resolve('closed');
      return new Promise((resolve) => {
        const timer = setTimeout(() => ((waiter = null), resolve('timeout')), limit);
        waiter = (f) => {
          if (f !== 'closed' && !wanted(f)) return;
          clearTimeout(timer);
          waiter = null;
          resolve(f);
        };
      });
    },
    get open() {
      return !closed && ws.readyState === ws.OPEN;
    },
    close() {
      closed = true;
      ws.terminate();
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (ws.terminate(), reject(new Error(`no TLS connection to ${url} within ${ms} ms`))), ms);
    ws.once('open', () => (clearTimeout(timer), resolve(conn)));
    ws.once('error', (err: Error) => (clearTimeout(timer), reject(err)));
  });
}

/** The state vector of an encoded document state. */
export const stateVectorOf = (state: Uint8Array): Uint8Array => Y.encodeStateVectorFromUpdate(state);

/**
 * A thin listener of the fan-out bench: one simulated delegation that costs its client
 * process little, so the bench measures the server rather than its clients.
 *
 * It speaks the server's wire protocol itself (Hocuspocus's for our host: every frame
 * starts with the document name; y-websocket's for the plain server), over the pinned TLS
 * socket, and reports every marker it finds in a sync frame. Until `goThin()` it is a normal
 * replica: it syncs and applies what arrives, so it has the document to place its proposal
 * in. From then on it applies nothing: its replica
 * keeps only its own edits (typed inside its own bracket, whose neighbours are its own, so
 * the updates it writes are valid at the server whatever else happened), and it finds every
 * other client's edit by scanning each frame for the edit's marker (_fanout-wire.ts).
 *
 * Like the app's provider it announces its presence on connect, renews it every 15 s,
 * and sends back every presence update the server relays (a stock provider re-sends each
 * awareness change it applies, remote ones included): here the frame itself, which is what
 * the provider would encode. It answers a sync step 1 with its state, as a provider does.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as sync from 'y-protocols/sync';
import type WebSocket from 'ws';
import { scanMarkers } from './_fanout-wire.js';

/** What a thin listener is told: where, as whom, and whom to tell what it sees. */
export type ThinOptions = {
  kind: 'penholder' | 'baseline';
  url: string;
  /** The document name (Hocuspocus) or path (y-websocket). */
  name: string;
  /** The provider token (our host only). */
  token?: string;
  /** The presence state it keeps (default {}), as the app's `penholder` field naming the client. */
  presence?: Record<string, unknown>;
  Socket: typeof WebSocket;
  /** A marker found in a sync frame from the server. */
  onMarker(index: number, seq: number): void;
  /** The server refused something (a `penholder.refused` message, a close, a failed authentication). */
  onRefused(reason: string, closed: boolean): void;
};

/** A thin listener (see the module comment). */
export type ThinClient = {
  readonly doc: Y.Doc;
  /** Stops applying what arrives (markers are still reported). */
  goThin(): void;
  close(): void;
};

/** Connects a thin listener (see the module comment). */
export function thinClient(o: ThinOptions): ThinClient {
  const doc = new Y.Doc({ gc: false });
  const hp = o.kind === 'penholder';
  const ws = new o.Socket(hp ? o.url : `${o.url}/${o.name}`);
  ws.binaryType = 'nodebuffer';
  let thin = false;
  // Clock 1 first: peers ignore a state at clock 0 from a client they do not know (y-protocols
  // compares with 0), so a stock provider's presence shows only once the app set its fields.
  let clock = 1;
  const state = JSON.stringify(o.presence ?? {});
  const frame = (type: number, write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    if (hp) encoding.writeVarString(e, o.name);
    encoding.writeVarUint(e, type);
    write(e);
    if (ws.readyState === ws.OPEN) ws.send(encoding.toUint8Array(e));
  };
  const presence = () =>
    frame(1, (e) => {
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, doc.clientID);
      encoding.writeVarUint(inner, clock++);
      encoding.writeVarString(inner, state);
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    });
  const renew = setInterval(presence, 15_000);
  ws.on('open', () => {
    if (hp) frame(2, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarString(e, o.token ?? '')));
    frame(0, (e) => sync.writeSyncStep1(e, doc));
    presence();
  });
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== ws) frame(0, (e) => sync.writeUpdate(e, update));
  });
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(data);
    if (hp) decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    // Hocuspocus answers a sync step 1 as type 4 (sync reply); y-websocket has no such type.
    if (type === 0 || (hp && type === 4)) {
      // Markers are looked for from the start: another process's clients may propose before this one goes thin.
      scanMarkers(data, o.onMarker);
      if (!thin) {
        const reply = encoding.createEncoder();
        if (hp) encoding.writeVarString(reply, o.name);
        encoding.writeVarUint(reply, 0);
        const before = encoding.length(reply);
        sync.readSyncMessage(d, reply, doc, ws);
        if (encoding.length(reply) > before && ws.readyState === ws.OPEN) ws.send(encoding.toUint8Array(reply));
      } else if (decoding.readVarUint(d) === 0) {
        // The server asks for our state (it does so only when we start a sync): answer as a provider would.
        const reply = encoding.createEncoder();
        if (hp) encoding.writeVarString(reply, o.name);
        encoding.writeVarUint(reply, 0);
        sync.writeSyncStep2(reply, doc, decoding.readVarUint8Array(d));
        ws.send(encoding.toUint8Array(reply));
      }
    } else if (type === 1) {
      // Send back what the server relayed, unless it is only our own presence.
      const inner = decoding.createDecoder(decoding.readVarUint8Array(d));
      const n = decoding.readVarUint(inner);
      if (n === 1 && decoding.readVarUint(inner) === doc.clientID) return;
      ws.send(data);
    } else if (hp && type === 2 && decoding.readVarUint(d) === 1) {
      o.onRefused(`authentication failed: ${decoding.readVarString(d)}`, true);
    } else if (hp && type === 5) {
      const message = JSON.parse(decoding.readVarString(d)) as { type?: string; reason?: string };
      if (message.type === 'penholder.refused') o.onRefused(message.reason ?? '?', false);
    } else if (hp && type === 7) {
      o.onRefused(`connection closed (${decoding.hasContent(d) ? decoding.readVarString(d) : ''})`, true);
    }
  });
  ws.on('close', (code: number, reason: Buffer) => {
    if (!closing) o.onRefused(`socket closed (${code} ${reason.toString()})`, true);
  });
  ws.on('error', (err: Error) => {
    if (!closing) o.onRefused(`socket error: ${err.message}`, true);
  });
  let closing = false;
  return {
    doc,
    goThin: () => (thin = true),
    close() {
      closing = true;
      clearInterval(renew);
      ws.close();
    },
  };
}

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { pinnedWebSocket } from '../../../electron/consultation/participant-tls.js';
import { signedTestToken, type Claim } from '../../support/join-keys.js';
import { testHostTls } from '../../support/host-tls.js';
import { encodeAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

/**
 * A hand-made Hocuspocus client for hostile tests: it writes the wire messages itself
 * (lib0 encoding, as the Hocuspocus provider does) so it can send what no stock provider
 * would, and records what the host answers.
 */
export type RawClient = {
  ws: WebSocket;
  /** Authentication answers in order: 'authenticated' or the refusal reason. */
  auth: string[];
  /** Stateless payloads received. */
  stateless: string[];
  /** Resolves when the socket is closed (by either side). */
  closed: Promise<number>;
  isClosed(): boolean;
  send(bytes: Uint8Array): void;
};

/** Opens a raw socket to `url` (wss://, pinned to `fingerprint`, default the test certificate's); resolves once open. */
export async function rawClient(url: string, fingerprint = testHostTls().fingerprint): Promise<RawClient> {
  const Pinned = pinnedWebSocket(fingerprint);
  const ws = new Pinned(url);
  ws.on('error', () => {});
  const auth: string[] = [];
  const stateless: string[] = [];
  let isClosed = false;
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => ((isClosed = true), resolve(code))));
  ws.on('message', (data: Buffer) => {
    try {
      const d = decoding.createDecoder(new Uint8Array(data));
      decoding.readVarString(d);
      const type = decoding.readVarUint(d);
      if (type === 2) {
        const sub = decoding.readVarUint(d);
        auth.push(sub === 2 ? 'authenticated' : decoding.readVarString(d));
      } else if (type === 5) {
        stateless.push(decoding.readVarString(d));
      }
    } catch {
      // not ours to read
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', () => reject(new Error('closed before open')));
  });
  return { ws, auth, stateless, closed, isClosed: () => isClosed, send: (b) => ws.send(b) };
}

const message = (doc: string, type: number, write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, doc);
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
};

/**
 * The authentication message carrying `token` for `doc`: a string as is, a claim object
 * without `v` signed as a version-2 token for `doc` by the test key of its identity.
 */
export const authMessage = (doc: string, token: unknown): Uint8Array =>
  message(doc, 2, (e) => {
    encoding.writeVarUint(e, 0);
    const t = token as Record<string, unknown>;
    encoding.writeVarString(e, typeof token === 'string' ? token : t.v === undefined ? signedTestToken(t as Claim, doc) : JSON.stringify(token));
  });

/** A sync message carrying Yjs `update`. */
export const updateMessage = (doc: string, update: Uint8Array): Uint8Array =>
  message(doc, 0, (e) => {
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });

/** A broadcast-stateless message (Hocuspocus relays it to every connection of the document). */
export const broadcastStatelessMessage = (doc: string, payload: string): Uint8Array => message(doc, 6, (e) => encoding.writeVarString(e, payload));

/** An awareness message with hand-written entries; `trailer` appends raw bytes inside the awareness update. */
export function awarenessMessage(doc: string, entries: { clientId: number; clock: number; state: unknown }[], trailer?: Uint8Array): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length + (trailer ? 1 : 0));
  for (const e of entries) {
    encoding.writeVarUint(inner, e.clientId);
    encoding.writeVarUint(inner, e.clock);
    encoding.writeVarString(inner, JSON.stringify(e.state));
  }
  if (trailer) encoding.writeUint8Array(inner, trailer);
  return message(doc, 1, (e) => encoding.writeVarUint8Array(e, encoding.toUint8Array(inner)));
}

/** An awareness message as a stock client writes it for its own state. */
export function ownAwarenessMessage(doc: string, state: Record<string, unknown>): { bytes: Uint8Array; clientId: number } {
  const ydoc = new Y.Doc();
  const awareness = new Awareness(ydoc);
  awareness.setLocalState(state);
  const bytes = message(doc, 1, (e) => encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [ydoc.clientID])));
  awareness.destroy();
  return { bytes, clientId: ydoc.clientID };
}

/** Authenticates `client` for `doc` with `token` and resolves with the answer. */
export async function authenticate(client: RawClient, doc: string, token: unknown, ms = 10_000): Promise<string> {
  const n = client.auth.length;
  client.send(authMessage(doc, token));
  const start = Date.now();
  while (client.auth.length === n) {
    if (Date.now() - start > ms) throw new Error('no authentication answer');
    await new Promise((r) => setTimeout(r, 10));
  }
  return client.auth[n]!;
}

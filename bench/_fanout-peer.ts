/**
 * The full clients of the fan-out bench (used by its client processes; the thin listeners
 * are _fanout-thin.ts): a stock `@hocuspocus/provider` joining our host as a delegation, a
 * plain y-protocols client of @y/websocket-server, both over the pinned TLS socket and
 * applying everything; and what every client does to the document (find the operative
 * paragraphs, propose a bracket) and how a replica is compared with the server's.
 */
import { createHash } from 'node:crypto';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as sync from 'y-protocols/sync';
import { bracketAttrs } from '../shared/negotiation/bracket-ops.js';
import { prosemirrorFragment, yDocToDoc } from '../shared/ydoc.js';
import { benchIdentity, benchToken, marker, scanMarkers } from './_fanout-wire.js';

/** Where a bench server listens (wss://), and our host's join code and certificate fingerprint. */
export type Started = { url: string; name: string; joinCode?: string; fingerprint?: string };
/** One simulated delegation: its replica, and how to leave. */
export type Client = { doc: Y.Doc; close(): void };
/** What our host refused: updates (its `penholder.refused` messages), connections it closed for it, a few reasons. */
export type Refusals = { count: number; closed: number; reasons: string[] };

/** Calls `onMarker` for every marker in each update a client's replica receives from the server. */
export function watchMarkers(doc: Y.Doc, onMarker: (index: number, seq: number) => void): void {
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'bench-local') scanMarkers(update, onMarker);
  });
}

/**
 * Client i of our host as a full client: a stock provider over the pinned socket `Socket`
 * with client i's token (`benchToken`).
 */
export function hocuspocusClient(s: Started, i: number, refusals: Refusals, Socket: typeof WebSocket): Client {
  const doc = new Y.Doc({ gc: false });
  const { delegation } = benchIdentity(i);
  // A function: each connection of the provider (a reconnect too) signs a fresh token.
  const token = () => benchToken(i, s.name, s.joinCode ?? '', s.fingerprint ?? '');
  const socket = new HocuspocusProviderWebsocket({ url: s.url, WebSocketPolyfill: Socket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: s.name, document: doc, token });
  const note = (reason: string) => {
    if (refusals.reasons.length < 5) refusals.reasons.push(`${delegation}: ${reason}`);
  };
  provider.on('stateless', ({ payload }: { payload: string }) => {
    const message = JSON.parse(payload) as { type?: string; reason?: string };
    if (message.type !== 'penholder.refused') return;
    refusals.count++;
    note(message.reason ?? '?');
  });
  // The host closes a refused sender's connection (4403; the provider reports the close message as 1000 + reason).
  provider.on('close', ({ event }: { event: { code: number; reason: string } }) => {
    if (event.code !== 4403 && !event.reason.startsWith('forbidden')) return;
    refusals.closed++;
    note(`connection closed (${event.code} ${event.reason})`);
  });
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
    refusals.closed++;
    note(`authentication failed: ${reason}`);
  });
  provider.attach();
  return { doc, close: () => (provider.destroy(), socket.destroy()) };
}

/**
 * A client of the plain server, speaking the y-websocket wire protocol (0 = sync, 1 =
 * awareness), enough to sync, send updates and keep a presence as y-websocket's provider
 * and the stock Hocuspocus provider do (an empty state renewed every 15 s by y-protocols'
 * Awareness; every awareness update sent, remote ones included): so the plain server
 * relays the same presence traffic as our host.
 */
export function yWebsocketClient(s: Started, Socket: typeof WebSocket): Client {
  const doc = new Y.Doc({ gc: false });
  const awareness = new Awareness(doc);
  const ws = new Socket(`${s.url}/${s.name}`);
  ws.binaryType = 'arraybuffer';
  const send = (type: number, write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, type);
    write(e);
    if (ws.readyState === ws.OPEN) ws.send(encoding.toUint8Array(e));
  };
  const sendPresence = (clients: number[]) => send(1, (e) => encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, clients)));
  ws.on('open', () => {
    send(0, (e) => sync.writeSyncStep1(e, doc));
    sendPresence([doc.clientID]);
  });
  ws.on('message', (data: ArrayBuffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(d);
    if (type === 1) applyAwarenessUpdate(awareness, decoding.readVarUint8Array(d), ws);
    if (type !== 0) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    sync.readSyncMessage(d, e, doc, ws);
    if (encoding.length(e) > 1 && ws.readyState === ws.OPEN) ws.send(encoding.toUint8Array(e));
  });
  doc.on('update', (u: Uint8Array, origin: unknown) => origin !== ws && send(0, (e) => sync.writeUpdate(e, u)));
  // As y-websocket's provider (and Hocuspocus's) does: every awareness update is sent, remote ones too.
  awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) => sendPresence([...added!, ...updated!, ...removed!]));
  return { doc, close: () => (awareness.destroy(), ws.close()) };
}

/** The paragraph_text of every operative paragraph, in order (empty until the client synced). */
export function operativeTexts(doc: Y.Doc): Y.XmlElement[] {
  const operative = prosemirrorFragment(doc)
    .toArray()
    .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'operative');
  const texts: Y.XmlElement[] = [];
  operative?.toArray().forEach((op) => {
    const first = op instanceof Y.XmlElement ? op.firstChild : null;
    if (first instanceof Y.XmlElement && first.nodeName === 'paragraph_text') texts.push(first);
  });
  return texts;
}

/** The ids of the brackets directly inside operative paragraph texts. */
export function bracketIds(doc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  for (const text of operativeTexts(doc)) {
    for (const n of text.toArray()) if (n instanceof Y.XmlElement && n.nodeName === 'bracket') ids.add(String(n.getAttribute('id')));
  }
  return ids;
}

/**
 * Client i's proposal: a bracket of its delegation alone (attributes from `bracketAttrs`)
 * holding its marker number 0, appended to operative paragraph i mod count, as y-prosemirror
 * writes a bracket node. Returns its id and text (where the client then types).
 */
export function propose(c: Pick<Client, 'doc'>, i: number, delegation: string): { id: string; text: Y.XmlText } {
  const texts = operativeTexts(c.doc);
  const target = texts[i % texts.length]!;
  const attrs = bracketAttrs({ proposedBy: [delegation] });
  const bracket = new Y.XmlElement<Record<string, string | string[] | boolean>>('bracket');
  for (const [key, value] of Object.entries(attrs)) bracket.setAttribute(key, value as string | string[] | boolean);
  const text = new Y.XmlText();
  text.insert(0, marker(i, 0));
  bracket.insert(0, [text]);
  // Yjs types an element's attributes as strings by default; y-prosemirror stores arrays and booleans.
  c.doc.transact(() => target.insert(target.length, [bracket as unknown as Y.XmlElement]), 'bench-local');
  return { id: String(attrs.id), text };
}

/** SHA-256 (hex) of the document a replica shows (its ProseMirror JSON): equal replicas converged. */
export function docHash(doc: Y.Doc): string {
  return createHash('sha256').update(JSON.stringify(yDocToDoc(doc).toJSON())).digest('hex');
}

/**
 * The simulated delegations of the fan-out bench (used by its client processes): a stock
 * `@hocuspocus/provider` client joining our host as a delegation, a plain y-protocols
 * client of @y/websocket-server, and what both do to the document (find the operative
 * paragraphs, propose a bracket).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as sync from 'y-protocols/sync';
import { delegations } from '../seeds/index.js';
import { bracketAttrs } from '../shared/negotiation/bracket-ops.js';
import { prosemirrorFragment } from '../shared/ydoc.js';

/** Where a bench server listens (the join code only for our host). */
export type Started = { url: string; name: string; joinCode?: string };
/** One simulated delegation: its replica, and how to leave. */
export type Client = { doc: Y.Doc; close(): void };
/** What our host refused: updates (its `penholder.refused` messages), connections it closed for it, a few reasons. */
export type Refusals = { count: number; closed: number; reasons: string[] };

/**
 * Client i of our host: a stock provider with the join code, as role 'delegation' with its
 * own code from the delegation list (wrapping around past its end), named "Bench i+1".
 */
export function hocuspocusClient(s: Started, i: number, refusals: Refusals): Client {
  const doc = new Y.Doc({ gc: false });
  const delegation = delegations[i % delegations.length]!.code;
  const token = JSON.stringify({ code: s.joinCode, delegation, name: `Bench ${i + 1}`, role: 'delegation' });
  const socket = new HocuspocusProviderWebsocket({ url: s.url, WebSocketPolyfill: WebSocket });
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
export function yWebsocketClient(s: Started): Client {
  const doc = new Y.Doc({ gc: false });
  const awareness = new Awareness(doc);
  const ws = new WebSocket(`${s.url}/${s.name}`);
  ws.binaryType = 'arraybuffer';
  const send = (type: number, write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, type);
    write(e);
    if (ws.readyState === WebSocket.OPEN) ws.send(encoding.toUint8Array(e));
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
    if (encoding.length(e) > 1 && ws.readyState === WebSocket.OPEN) ws.send(encoding.toUint8Array(e));
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
 * holding one character, appended to operative paragraph i mod count, as y-prosemirror
 * writes a bracket node. Returns its id and text (where the client then types).
 */
export function propose(c: Client, i: number, delegation: string): { id: string; text: Y.XmlText } {
  const texts = operativeTexts(c.doc);
  const target = texts[i % texts.length]!;
  const attrs = bracketAttrs({ proposedBy: [delegation] });
  const bracket = new Y.XmlElement<Record<string, string | string[] | boolean>>('bracket');
  for (const [key, value] of Object.entries(attrs)) bracket.setAttribute(key, value as string | string[] | boolean);
  const text = new Y.XmlText();
  text.insert(0, 'x');
  bracket.insert(0, [text]);
  // Yjs types an element's attributes as strings by default; y-prosemirror stores arrays and booleans.
  c.doc.transact(() => target.insert(target.length, [bracket as unknown as Y.XmlElement]), 'bench-local');
  return { id: String(attrs.id), text };
}

import { Document } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { startHost, type ConsultationHost } from '../../../electron/consultation/host.js';
import { broadcastOnce, fanoutCounts, presenceWindowMs, renewalWindowMs } from '../../../electron/consultation/host-fanout.js';
import { testHostOptions } from '../../support/host-tls.js';
import { connectPeer, editAsEditor, posAfter, storeWithDocument, synced, textOf, waitFor } from './peers.js';
import { authenticate, ownAwarenessMessage, rawClient, updateMessage, type RawClient } from './raw-client.js';

// The host's fan-out (host-fanout.ts): changes and presence updates gathered over a short
// window, encoded once and sent as the same bytes to every connection, one write per socket;
// presence messages that change nothing dropped unread.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function hosted(): Promise<ConsultationHost> {
  const { store, docs } = storeWithDocument('d1');
  const host = await startHost({ ...testHostOptions(), docs, docIds: ['d1'], bind: '127.0.0.1', port: 0 });
  cleanups.push(() => store.close(), () => host.stop());
  return host;
}

type Listener = { client: RawClient; frames: Buffer[] };
async function listener(host: ConsultationHost, delegation: string): Promise<Listener> {
  const client = await rawClient(`wss://127.0.0.1:${host.port}`);
  cleanups.push(() => client.ws.terminate());
  const frames: Buffer[] = [];
  client.ws.on('message', (data: Buffer) => frames.push(data));
  expect(await authenticate(client, 'd1', { code: host.joinCode, delegation, name: `${delegation} person`, role: 'delegation' })).toBe('authenticated');
  return { client, frames };
}

// The frames of a Hocuspocus message type (0 sync, 1 awareness) a listener received.
const ofType = (l: Listener, type: number) =>
  l.frames.filter((f) => {
    const d = decoding.createDecoder(new Uint8Array(f));
    decoding.readVarString(d);
    return decoding.readVarUint(d) === type;
  });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('broadcastOnce', () => {
  it('takes over the broadcast of this Hocuspocus version, once', () => {
    const document = new Document('d');
    // undefined would mean a Hocuspocus whose listeners are not the 3.x ones: the host would fall back to its slower broadcast.
    expect(broadcastOnce(document)).toBeDefined();
    expect(broadcastOnce(document)).toBeUndefined();
    document.destroy();
  });
});

describe('fan-out through a host', () => {
  it('sends every listener the same frame for a change, which carries the change', async () => {
    const host = await hosted();
    const a = await listener(host, 'CAN');
    const b = await listener(host, 'GHA');
    const chair = connectPeer(host.url, 'd1', { code: host.facilitatorCode, delegation: 'MEX', name: 'MEX chair', role: 'facilitator' });
    cleanups.push(() => chair.destroy());
    await synced(chair);
    const sent: Uint8Array[] = [];
    chair.doc.on('update', (u: Uint8Array) => sent.push(u));
    const [syncA, syncB] = [ofType(a, 0).length, ofType(b, 0).length];
    editAsEditor(chair.doc, (state) => state.tr.insertText(' (fan-out)', posAfter(state.doc, 'Encourages')));
    await waitFor(() => ofType(a, 0).length > syncA && ofType(b, 0).length > syncB, 5000, 'the change relayed');
    const [fromA, fromB] = [ofType(a, 0).slice(syncA), ofType(b, 0).slice(syncB)];
    expect(fromA).toHaveLength(1);
    expect(Buffer.compare(fromA[0]!, fromB[0]!)).toBe(0);
    // name, sync (0), update (2), then the update as the editor sent it.
    const d = decoding.createDecoder(new Uint8Array(fromA[0]!));
    expect([decoding.readVarString(d), decoding.readVarUint(d), decoding.readVarUint(d)]).toEqual(['d1', 0, 2]);
    expect(Buffer.from(decoding.readVarUint8Array(d)).equals(Buffer.from(sent[0]!))).toBe(true);
    expect(textOf(host.awareness('d1')!.doc)).toContain('(fan-out)');
  });

  it('frames changes of every length class (7-bit, 16-bit and 64-bit WebSocket lengths) that listeners read whole', async () => {
    const host = await hosted();
    const a = await listener(host, 'CAN');
    const chair = connectPeer(host.url, 'd1', { code: host.facilitatorCode, delegation: 'MEX', name: 'MEX chair', role: 'facilitator' });
    cleanups.push(() => chair.destroy());
    await synced(chair);
    // Each text starts and ends with letters of its own, so the editor's diff cannot shift it along the previous one.
    for (const [length, first, last] of [[3, 'A', 'B'], [300, 'C', 'D'], [70_000, 'E', 'F']] as const) {
      const text = `${first}${'x'.repeat(length - 2)}${last}`;
      const seen = ofType(a, 0).length;
      editAsEditor(chair.doc, (state) => state.tr.insertText(text, posAfter(state.doc, 'Encourages')));
      await waitFor(() => ofType(a, 0).length > seen, 5000, `the change of ${length} characters relayed`);
      expect(ofType(a, 0).slice(seen).some((f) => f.includes(Buffer.from(text)))).toBe(true);
    }
    expect(a.client.isClosed()).toBe(false);
  });

  it('relays a new presence to every listener once, and drops the same message sent back without relaying or closing', async () => {
    const host = await hosted();
    const sender = await listener(host, 'CAN');
    const other = await listener(host, 'GHA');
    const own = ownAwarenessMessage('d1', { penholder: { delegation: 'CAN', name: 'CAN person', role: 'delegation' } });
    sender.client.send(own.bytes);
    await waitFor(() => ofType(other, 1).some((f) => f.includes(Buffer.from('CAN person'))), 3000, 'the presence relayed');
    const relayed = ofType(other, 1).filter((f) => f.includes(Buffer.from('CAN person')));
    expect(relayed).toHaveLength(1);
    expect(Buffer.compare(relayed[0]!, ofType(sender, 1).find((f) => f.includes(Buffer.from('CAN person')))!)).toBe(0);
    // As a stock provider does: the other listener sends back what the host relayed to it.
    const before = ofType(sender, 1).length + ofType(other, 1).length;
    for (let i = 0; i < 5; i++) other.client.send(relayed[0]!);
    sender.client.send(own.bytes);
    await pause(300);
    expect(ofType(sender, 1).length + ofType(other, 1).length).toBe(before);
    expect(sender.client.isClosed() || other.client.isClosed()).toBe(false);
    expect(host.awareness('d1')!.getStates().get(own.clientId)).toEqual({ penholder: { delegation: 'CAN', name: 'CAN person', role: 'delegation' } });
  });
});

// The body (a Yjs update or an awareness update) of a sync-update or awareness frame.
const bodyOf = (f: Buffer) => {
  const d = decoding.createDecoder(new Uint8Array(f));
  decoding.readVarString(d);
  if (decoding.readVarUint(d) === 0) decoding.readVarUint(d);
  return decoding.readVarUint8Array(d);
};
const turnEnd = () => new Promise((r) => setImmediate(r));

describe('changes and presence gathered into one write', () => {
  it('sends a burst of changes as one merged change, one write per socket, that reads as all of them', async () => {
    const host = await hosted();
    const a = await listener(host, 'CAN');
    const b = await listener(host, 'GHA');
    const hostDoc = host.awareness('d1')!.doc;
    const replica = new Y.Doc({ gc: false });
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(hostDoc));
    const before = new Y.Doc({ gc: false });
    Y.applyUpdate(before, Y.encodeStateAsUpdate(hostDoc));
    const updates: Uint8Array[] = [];
    replica.on('update', (u: Uint8Array) => updates.push(u));
    const markers = Array.from({ length: 20 }, (_, k) => `[m${k}]`);
    for (const m of markers) editAsEditor(replica, (state) => state.tr.insertText(m, posAfter(state.doc, 'Encourages')));
    expect(updates).toHaveLength(20);
    await pause(200);
    const [syncA, syncB] = [ofType(a, 0).length, ofType(b, 0).length];
    const counts = { ...fanoutCounts };
    // Twenty changes in one turn of the event loop, as a host that is behind handles them.
    for (const u of updates) host.applyLocal('d1', u);
    await waitFor(() => ofType(a, 0).length > syncA && ofType(b, 0).length > syncB, 5000, 'the burst relayed');
    await pause(200);
    const [fromA, fromB] = [ofType(a, 0).slice(syncA), ofType(b, 0).slice(syncB)];
    expect([fromA.length, fromB.length]).toEqual([1, 1]);
    expect(Buffer.compare(fromA[0]!, fromB[0]!)).toBe(0);
    expect([fanoutCounts.flushes - counts.flushes, fanoutCounts.writes - counts.writes, fanoutCounts.updates - counts.updates]).toEqual([1, 2, 20]);
    Y.applyUpdate(before, bodyOf(fromA[0]!));
    expect(textOf(before)).toBe(textOf(hostDoc));
    for (const m of markers) expect(textOf(before)).toContain(m);
  });

  it('sends a lone change after a quiet spell at the end of the turn it was made in', async () => {
    const host = await hosted();
    await listener(host, 'CAN');
    const hostDoc = host.awareness('d1')!.doc;
    const replica = new Y.Doc({ gc: false });
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(hostDoc));
    const updates: Uint8Array[] = [];
    replica.on('update', (u: Uint8Array) => updates.push(u));
    editAsEditor(replica, (state) => state.tr.insertText(' (lone)', posAfter(state.doc, 'Encourages')));
    await pause(200);
    const { flushes, updates: sent } = fanoutCounts;
    host.applyLocal('d1', updates[0]!);
    // The flush was queued with setImmediate before this one: it has run when this resolves.
    await turnEnd();
    expect(fanoutCounts.updates - sent).toBe(1);
    expect(fanoutCounts.flushes).toBeGreaterThan(flushes);
  });

  it('relays presence updates of one turn in one awareness frame, and the next ones no sooner than the presence window', async () => {
    const host = await hosted();
    const a = await listener(host, 'CAN');
    const awareness = host.awareness('d1')!;
    const peers = Array.from({ length: 4 }, () => new Awareness(new Y.Doc()));
    peers.forEach((p, k) => p.setLocalState({ user: `peer ${k}` }));
    const announce = (p: Awareness) => applyAwarenessUpdate(awareness, encodeAwarenessUpdate(p, [p.clientID]), 'test');
    await pause(presenceWindowMs + 50);
    const seen = ofType(a, 1).length;
    const first = performance.now();
    peers.slice(0, 3).forEach(announce);
    await waitFor(() => ofType(a, 1).length > seen, 5000, 'the presence relayed');
    announce(peers[3]!);
    await waitFor(() => ofType(a, 1).some((f) => f.includes(Buffer.from('peer 3'))), 5000, 'the fourth presence relayed');
    const last = performance.now();
    const frames = ofType(a, 1).slice(seen);
    expect(frames).toHaveLength(2);
    for (const k of [0, 1, 2]) expect(frames[0]!.includes(Buffer.from(`peer ${k}`))).toBe(true);
    expect(frames[0]!.includes(Buffer.from('peer 3'))).toBe(false);
    expect(last - first).toBeGreaterThanOrEqual(presenceWindowMs - 1);
    peers.forEach((p) => p.destroy());
  });

  it('relays a renewal (an unchanged state) at most once per renewal window, unless a changed state goes out, which takes it along', async () => {
    const host = await hosted();
    const a = await listener(host, 'CAN');
    const awareness = host.awareness('d1')!;
    const peers = Array.from({ length: 2 }, () => new Awareness(new Y.Doc()));
    peers.forEach((p, k) => p.setLocalState({ user: `peer ${k}` }));
    const announce = (p: Awareness) => applyAwarenessUpdate(awareness, encodeAwarenessUpdate(p, [p.clientID]), 'test');
    const renew = (p: Awareness) => (p.setLocalState(p.getLocalState()), announce(p));
    const frames = () => ofType(a, 1);
    const next = async (what: string) => {
      const n = frames().length;
      await waitFor(() => frames().length > n, 5000, what);
      return { frame: frames().at(-1)!, at: performance.now() };
    };
    peers.forEach(announce);
    await next('the peers announced');
    await pause(presenceWindowMs + 50);
    // The first renewal after a quiet spell goes out as a presence update does.
    renew(peers[0]!);
    const first = await next('the first renewal');
    expect(first.frame.includes(Buffer.from('peer 0'))).toBe(true);
    // The next one waits; a changed state goes out within the presence window and takes it along.
    renew(peers[1]!);
    await pause(presenceWindowMs + 100);
    expect(frames().at(-1)).toBe(first.frame);
    peers[0]!.setLocalState({ user: 'peer 0 moved' });
    announce(peers[0]!);
    const together = await next('the changed state');
    expect(together.at - first.at).toBeLessThan(renewalWindowMs / 2);
    for (const text of ['peer 0 moved', 'peer 1']) expect(together.frame.includes(Buffer.from(text))).toBe(true);
    // A renewal alone again waits for the renewal window after the last one sent.
    renew(peers[1]!);
    const late = await next('the renewal after the window');
    expect(late.frame.includes(Buffer.from('peer 1'))).toBe(true);
    expect(late.at - together.at).toBeGreaterThanOrEqual(renewalWindowMs - 50);
    peers.forEach((p) => p.destroy());
  });
});

describe('changes the fan-out applies', () => {
  it('acknowledges a stock provider\'s changes, applies them to the host\'s document in order and relays them', async () => {
    const host = await hosted();
    const a = await listener(host, 'CAN');
    const chair = connectPeer(host.url, 'd1', { code: host.facilitatorCode, delegation: 'MEX', name: 'MEX chair', role: 'facilitator' });
    cleanups.push(() => chair.destroy());
    await synced(chair);
    const hostDoc = host.awareness('d1')!.doc;
    const replica = new Y.Doc({ gc: false });
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(hostDoc));
    // Five changes one after the other, each depending on the one before.
    for (let k = 0; k < 5; k++) editAsEditor(chair.doc, (state) => state.tr.insertText(` (step ${k})`, posAfter(state.doc, k === 0 ? 'Encourages' : `(step ${k - 1})`)));
    await waitFor(() => textOf(hostDoc) === textOf(chair.doc) && chair.provider.unsyncedChanges === 0, 5000, 'the changes applied and acknowledged');
    expect(textOf(hostDoc)).toContain('Encourages (step 0) (step 1) (step 2) (step 3) (step 4)');
    // What the listener got, applied to the document as it was, is the host's document.
    await waitFor(() => ofType(a, 0).length > 0, 5000, 'frames at the listener');
    await pause(200);
    for (const f of ofType(a, 0)) {
      const d = decoding.createDecoder(new Uint8Array(f));
      decoding.readVarString(d);
      decoding.readVarUint(d);
      if (decoding.readVarUint(d) !== 0) Y.applyUpdate(replica, decoding.readVarUint8Array(d));
    }
    expect(textOf(replica)).toBe(textOf(hostDoc));
    expect(a.client.isClosed()).toBe(false);
  });

  it('acknowledges each change to its sender with the write that relays it, never before', async () => {
    const host = await hosted();
    const chair = await rawClient(`wss://127.0.0.1:${host.port}`);
    cleanups.push(() => chair.ws.terminate());
    const frames: Buffer[] = [];
    chair.ws.on('message', (data: Buffer) => frames.push(data));
    expect(await authenticate(chair, 'd1', { code: host.facilitatorCode, delegation: 'MEX', name: 'MEX chair', role: 'facilitator' })).toBe('authenticated');
    const replica = new Y.Doc({ gc: false });
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(host.awareness('d1')!.doc));
    const updates: Uint8Array[] = [];
    replica.on('update', (u: Uint8Array) => updates.push(u));
    for (let k = 0; k < 3; k++) editAsEditor(replica, (state) => state.tr.insertText(` [ack ${k}]`, posAfter(state.doc, 'Encourages')));
    await pause(200);
    const seen = frames.length;
    for (const u of updates) chair.send(updateMessage('d1', u));
    const typeOf = (f: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(f));
      decoding.readVarString(d);
      return decoding.readVarUint(d);
    };
    await waitFor(() => frames.slice(seen).filter((f) => typeOf(f) === 8).length >= 3, 5000, 'three acknowledgements');
    await pause(200);
    const after = frames.slice(seen);
    const acks = after.flatMap((f, i) => (typeOf(f) === 8 ? [i] : []));
    expect(acks).toHaveLength(3);
    // Each acknowledgement follows the relayed frame that carries its change (its marker).
    for (let k = 0; k < 3; k++) expect(after.findIndex((f) => typeOf(f) === 0 && f.includes(Buffer.from(`[ack ${k}]`)))).toBeLessThan(acks[k]!);
    expect(textOf(host.awareness('d1')!.doc)).toContain('[ack 2]');
  });
});

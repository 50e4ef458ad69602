import net from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { testHostOptions, testHostTls } from '../../support/host-tls.js';
import { parseJoinLink } from '../../../shared/consultation/join-link.js';
import * as Y from 'yjs';
import { startHost, type ConsultationHost } from '../../../electron/consultation/host.js';
import type { Store } from '../../../electron/store/store.js';
import { proposeInsertion, setParagraphStatus } from '../../../shared/negotiation/index.js';
import { yDocToDoc } from '../../../shared/ydoc.js';
import { retitle } from '../backend/edits.js';
import { connectPeer, editAsEditor, posAfter, storeWithDocument, synced, textOf, waitFor, type Peer } from './peers.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function hosted(throttle?: { freeFailures: number; baseDelayMs: number }): Promise<{ host: ConsultationHost; store: Store }> {
  const { store, docs } = storeWithDocument('d1');
  const host = await startHost({ ...testHostOptions(), docs, docIds: ['d1'], bind: '127.0.0.1', port: 0, throttle });
  cleanups.push(() => store.close(), () => host.stop());
  return { host, store };
}

function peer(host: ConsultationHost, role: string, delegation: string, code?: string): Peer {
  const p = connectPeer(host.url, 'd1', {
    code: code ?? (role === 'facilitator' ? host.facilitatorCode : host.joinCode),
    delegation,
    name: `${delegation} person`,
    role,
  });
  cleanups.push(() => p.destroy());
  return p;
}

const storedDoc = (store: Store) => {
  const ydoc = new Y.Doc({ gc: false });
  for (const u of store.readUpdates('d1')) Y.applyUpdate(ydoc, u.data);
  return ydoc;
};
const storedText = (store: Store) => textOf(storedDoc(store));

describe('hosting a consultation', () => {
  it('serves the stored document to a stock provider with the join code, on 127.0.0.1', async () => {
    const { host, store } = await hosted();
    expect(host.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
    expect(host.fingerprint).toBe(testHostTls().fingerprint);
    expect(parseJoinLink(host.link)).toEqual({ url: host.url, code: host.joinCode, fingerprint: host.fingerprint });
    expect(host.joinCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(host.joinCode).not.toBe(host.facilitatorCode);
    const p = peer(host, 'delegation', 'CAN');
    await synced(p);
    expect(textOf(p.doc)).toBe(storedText(store));
    expect(textOf(p.doc)).toContain('Member States to build cycle lanes');
    await waitFor(() => host.participants().length === 1);
    expect(host.participants()).toEqual([{ delegation: 'CAN', name: 'CAN person', role: 'delegation' }]);
  });

  it('refuses a wrong code, a join code used as facilitator and an unknown delegation, sending no document content', async () => {
    const { host } = await hosted();
    const wrong = peer(host, 'delegation', 'CAN', 'AAAA-BBBB-CCCC-DDDD-EEEE');
    const escalate = peer(host, 'facilitator', 'CAN', host.joinCode);
    const unknown = peer(host, 'delegation', 'XXX');
    await waitFor(() => wrong.failures.length > 0 && escalate.failures.length > 0 && unknown.failures.length > 0);
    // A kind a program can switch on, then a sentence a person can act on.
    expect(wrong.failures[0]).toBe('wrong-code: this code does not open this consultation.');
    expect(escalate.failures[0]).toMatch(/^wrong-code: .*needs the facilitator code/);
    expect(unknown.failures[0]).toMatch(/^bad-token: The delegation "XXX" is not on the delegation list/);
    await new Promise((r) => setTimeout(r, 200));
    for (const p of [wrong, escalate, unknown]) {
      expect(p.doc.share.size === 0 || textOf(p.doc) === '').toBe(true);
      expect(p.provider.isSynced).toBe(false);
    }
    expect(host.participants()).toEqual([]);
  });

  it('delays the answers to repeated wrong codes from an address, never the right code (issue 13)', async () => {
    const { host } = await hosted({ freeFailures: 2, baseDelayMs: 60_000 });
    for (let i = 0; i < 2; i++) {
      const p = peer(host, 'delegation', 'CAN', `WRONG-${i}`);
      await waitFor(() => p.failures.length > 0);
      p.destroy();
    }
    const delayed = peer(host, 'delegation', 'CAN', 'WRONG-2');
    await synced(peer(host, 'delegation', 'CAN'));
    expect(delayed.failures).toEqual([]);
  });

  it('does not count a malformed token as an attempt at the codes', async () => {
    const { host } = await hosted({ freeFailures: 1, baseDelayMs: 60_000 });
    for (const token of ['not json', JSON.stringify({ code: host.joinCode, delegation: 'can', name: 'x', role: 'delegation' })]) {
      const p = connectPeer(host.url, 'd1', token);
      cleanups.push(() => p.destroy());
      await waitFor(() => p.failures.length > 0);
      expect(p.failures[0]).toMatch(/^bad-token: /);
    }
    await synced(peer(host, 'delegation', 'CAN'));
  });

  it('does not accept an observer’s writes', async () => {
    const { host, store } = await hosted();
    const observer = peer(host, 'observer', 'CHE');
    const chair = peer(host, 'facilitator', 'MEX');
    await Promise.all([synced(observer), synced(chair)]);
    const before = store.readUpdates('d1').length;
    Y.applyUpdate(observer.doc, retitle(observer.doc, 'Hijacked title'));
    await new Promise((r) => setTimeout(r, 300));
    expect(textOf(chair.doc)).not.toContain('Hijacked');
    expect(store.readUpdates('d1').length).toBe(before);
    expect(storedText(store)).not.toContain('Hijacked');
    // The observer is told, and stays connected to follow the text.
    await waitFor(() => observer.stateless.length > 0, 3000, 'the observer told');
    expect(JSON.parse(observer.stateless[0]!)).toMatchObject({ type: 'penholder.refused', reason: expect.stringMatching(/read-only/) });
    Y.applyUpdate(chair.doc, retitle(chair.doc, 'Written by the chair'));
    await waitFor(() => textOf(observer.doc).includes('Written by the chair'));
  });

  it('accepts a delegation’s own proposal, logged with its author, and broadcasts it', async () => {
    const { host, store } = await hosted();
    const can = peer(host, 'delegation', 'CAN');
    const chair = peer(host, 'facilitator', 'MEX');
    await Promise.all([synced(can), synced(chair)]);
    editAsEditor(can.doc, (state) => proposeInsertion(state, { delegation: 'CAN', text: ' all', pos: posAfter(state.doc, 'Encourages') }));
    await waitFor(() => textOf(chair.doc).includes('Encourages all Member States'), 3000, 'proposal at the facilitator');
    const last = store.readUpdates('d1').at(-1)!;
    expect(last).toMatchObject({ origin: 'remote', author: 'CAN person', delegation: 'CAN' });
    expect(storedText(store)).toContain('Encourages all Member States');
    expect(can.stateless).toEqual([]);
  });

  it('refuses a delegation’s change to agreed text or to a paragraph status: not applied, not broadcast, not stored, sender told', async () => {
    const { host, store } = await hosted();
    const can = peer(host, 'delegation', 'CAN');
    const chair = peer(host, 'facilitator', 'MEX');
    await Promise.all([synced(can), synced(chair)]);
    const before = store.readUpdates('d1').length;
    // A hand-made change below the editor: the title replaced directly in the Y.Doc.
    Y.applyUpdate(can.doc, retitle(can.doc, 'Hijacked title'));
    await waitFor(() => can.stateless.length > 0, 3000, 'refusal');
    expect(JSON.parse(can.stateless[0]!)).toMatchObject({ type: 'penholder.refused' });
    await new Promise((r) => setTimeout(r, 300));
    expect(textOf(chair.doc)).not.toContain('Hijacked');
    expect(store.readUpdates('d1').length).toBe(before);

    const other = peer(host, 'delegation', 'BRA');
    await synced(other);
    editAsEditor(other.doc, (state) => {
      let pos = -1;
      state.doc.descendants((n, p) => (n.type.name === 'operative_paragraph' && pos < 0 ? ((pos = p), false) : true));
      return setParagraphStatus(state, pos, { state: 'agreed', by: 'BRA', at: '2026-01-01T00:00:00Z' });
    });
    await waitFor(() => other.stateless.length > 0, 3000, 'refusal of a status change');
    expect(store.readUpdates('d1').length).toBe(before);
    expect(JSON.stringify(yDocToDoc(chair.doc).toJSON())).not.toContain('"agreed"');
  });

  it('refuses a delegation’s own proposal inside a paragraph the facilitator agreed', async () => {
    const { host, store } = await hosted();
    const chair = peer(host, 'facilitator', 'MEX');
    await synced(chair);
    const firstOp = (doc: ReturnType<typeof yDocToDoc>) => {
      let pos = -1;
      doc.descendants((n, p) => (n.type.name === 'operative_paragraph' && pos < 0 ? ((pos = p), false) : true));
      return pos;
    };
    editAsEditor(chair.doc, (state) => setParagraphStatus(state, firstOp(state.doc), { state: 'agreed', by: 'MEX', at: '2026-01-01T00:00:00Z' }));
    await waitFor(() => JSON.stringify(yDocToDoc(storedDoc(store)).toJSON()).includes('"agreed"'), 3000, 'the status stored');
    const can = peer(host, 'delegation', 'CAN');
    await synced(can);
    const before = store.readUpdates('d1').length;
    editAsEditor(can.doc, (state) => proposeInsertion(state, { delegation: 'CAN', text: ' SLIPPED IN', pos: posAfter(state.doc, 'Encourages') }));
    await waitFor(() => can.stateless.length > 0, 3000, 'refusal');
    expect(JSON.parse(can.stateless[0]!).reason).toMatch(/"Encourages Member States .*it is agreed/);
    await new Promise((r) => setTimeout(r, 300));
    expect(textOf(chair.doc)).not.toContain('SLIPPED IN');
    expect(store.readUpdates('d1').length).toBe(before);
  });

  it('lets a facilitator change anything, and sends the host’s own changes to every peer', async () => {
    const { host, store } = await hosted();
    const chair = peer(host, 'facilitator', 'MEX');
    const can = peer(host, 'delegation', 'CAN');
    await Promise.all([synced(chair), synced(can)]);
    Y.applyUpdate(chair.doc, retitle(chair.doc, 'Safer streets for everyone'));
    await waitFor(() => textOf(can.doc).includes('Safer streets for everyone'));
    expect(storedText(store)).toContain('Safer streets for everyone');

    const hostReplica = new Y.Doc({ gc: false });
    for (const u of store.readUpdates('d1')) Y.applyUpdate(hostReplica, u.data);
    const update = retitle(hostReplica, 'Typed at the host');
    host.applyLocal('d1', update);
    await waitFor(() => textOf(can.doc).includes('Typed at the host') && textOf(chair.doc).includes('Typed at the host'));
  });
});

// Whether a TCP connection to `host`:`port` is accepted.
const reachable = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

describe('where a host listens', () => {
  it('only on the address asked for: bound to 127.0.0.1 it cannot be reached on another address', async () => {
    const { host } = await hosted();
    expect(await reachable('127.0.0.1', host.port)).toBe(true);
    // Hocuspocus alone listened on every interface whatever the bind; IPv6 loopback is another address.
    expect(await reachable('::1', host.port)).toBe(false);
    const lan = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (lan) expect(await reachable(lan.address, host.port)).toBe(false);
  });

  it('on every interface by default: loopback and the LAN address', async () => {
    const { store, docs } = storeWithDocument('d1');
    const host = await startHost({ ...testHostOptions(), docs, docIds: ['d1'], port: 0 });
    cleanups.push(() => store.close(), () => host.stop());
    expect(await reachable('127.0.0.1', host.port)).toBe(true);
    const lan = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (lan) expect(await reachable(lan.address, host.port)).toBe(true);
  });

  it('refuses a port in use with a sentence, and the first host keeps serving', async () => {
    const { host } = await hosted();
    const { docs, store } = storeWithDocument('d1');
    cleanups.push(() => store.close());
    await expect(startHost({ ...testHostOptions(), docs, docIds: ['d1'], bind: '127.0.0.1', port: host.port })).rejects.toThrow(`port ${host.port} is already in use on 127.0.0.1`);
    await synced(peer(host, 'delegation', 'CAN'));
  });
});

describe('presence at the host', () => {
  it('relays a presence that names its sender and refuses one that claims another delegation or role', async () => {
    const { host } = await hosted();
    const can = peer(host, 'delegation', 'CAN');
    const chair = peer(host, 'facilitator', 'MEX');
    await Promise.all([synced(can), synced(chair)]);
    can.provider.setAwarenessField('penholder', { delegation: 'CAN', name: 'CAN person', role: 'delegation', paragraphId: 'op1' });
    const seen = () => [...chair.provider.awareness!.getStates().values()].map((s) => (s as { penholder?: { delegation: string; role: string } }).penholder).filter(Boolean);
    await waitFor(() => seen().some((p) => p!.delegation === 'CAN'));
    can.provider.setAwarenessField('penholder', { delegation: 'MEX', name: 'CAN person', role: 'facilitator', paragraphId: 'op2' });
    await waitFor(() => can.stateless.length > 0, 3000, 'refusal of a false presence');
    expect(JSON.parse(can.stateless[0]!).reason).toMatch(/Presence must name who you are/);
    await new Promise((r) => setTimeout(r, 200));
    expect(seen().some((p) => p!.delegation === 'MEX' && p!.role === 'facilitator')).toBe(false);
  });

  it("lets a provider relay other participants' presence (a stock provider answers a query with every state it knows)", async () => {
    const { host } = await hosted();
    const can = peer(host, 'delegation', 'CAN');
    const chair = peer(host, 'facilitator', 'MEX');
    await Promise.all([synced(can), synced(chair)]);
    can.provider.setAwarenessField('penholder', { delegation: 'CAN', name: 'CAN person', role: 'delegation', paragraphId: 'op1' });
    chair.provider.setAwarenessField('penholder', { delegation: 'MEX', name: 'MEX person', role: 'facilitator', paragraphId: 'op2' });
    const delegationsSeenBy = (p: Peer) =>
      [...p.provider.awareness!.getStates().values()].map((s) => (s as { penholder?: { delegation: string } }).penholder?.delegation).filter(Boolean).sort();
    await waitFor(() => delegationsSeenBy(can).join() === 'CAN,MEX' && delegationsSeenBy(chair).join() === 'CAN,MEX');
    const late = peer(host, 'observer', 'GHA');
    await synced(late);
    late.provider.setAwarenessField('penholder', { delegation: 'GHA', name: 'GHA person', role: 'observer', paragraphId: '' });
    await waitFor(() => delegationsSeenBy(late).join() === 'CAN,GHA,MEX', 5000, 'the late joiner seeing everyone');
    // Every provider has now sent states it merely relays; nobody may have been refused for it.
    await new Promise((r) => setTimeout(r, 300));
    expect([...can.stateless, ...chair.stateless, ...late.stateless]).toEqual([]);
    expect(delegationsSeenBy(can).join()).toBe('CAN,GHA,MEX');
  });
});

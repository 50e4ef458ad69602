import { afterEach, describe, expect, it } from 'vitest';
import { testHostOptions } from '../../support/host-tls.js';
import { startHost, type ConsultationHost } from '../../../electron/consultation/host.js';
import { connectPeer, storeWithDocument, synced, waitFor, type Peer } from './peers.js';
import { authenticate, awarenessMessage, broadcastStatelessMessage, ownAwarenessMessage, rawClient, type RawClient } from './raw-client.js';

// Issue 13, point 4: presence (awareness) and stateless messages a hand-made client forges.

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
const token = (host: ConsultationHost, role: string, delegation: string) => ({
  code: role === 'facilitator' ? host.facilitatorCode : host.joinCode,
  delegation,
  name: `${delegation} person`,
  role,
});
const peer = async (host: ConsultationHost, role: string, delegation: string): Promise<Peer> => {
  const p = connectPeer(host.url, 'd1', token(host, role, delegation));
  cleanups.push(() => p.destroy());
  await synced(p);
  return p;
};
const raw = async (host: ConsultationHost, role: string, delegation: string): Promise<RawClient> => {
  const c = await rawClient(`wss://127.0.0.1:${host.port}`);
  cleanups.push(() => c.ws.terminate());
  expect(await authenticate(c, 'd1', token(host, role, delegation))).toBe('authenticated');
  return c;
};
type Shown = { delegation?: string; name?: string; role?: string; paragraphId?: string };
const shown = (p: Peer): Shown[] => [...p.provider.awareness!.getStates().values()].map((s) => (s as { penholder?: Shown }).penholder ?? {});
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('forged presence', () => {
  it('refuses a whole presence message whose spoofed entry is followed by a malformed one', async () => {
    const host = await hosted();
    const can = await raw(host, 'delegation', 'CAN');
    const spoof = { clientId: 4242, clock: 1, state: { penholder: { delegation: 'USA', name: 'USA Chair', role: 'facilitator', paragraphId: 'op1' } } };
    can.send(awarenessMessage('d1', [spoof], new Uint8Array([0x85, 0x01, 0x02, 0xff])));
    await waitFor(() => can.stateless.length > 0 || can.isClosed(), 3000, 'a refusal');
    const late = await peer(host, 'observer', 'GHA');
    await pause(300);
    expect(shown(late).some((s) => s.name === 'USA Chair')).toBe(false);
    expect(host.awareness('d1')!.getStates().has(4242)).toBe(false);
  });

  it("refuses a delegation moving or deleting the facilitator's presence", async () => {
    const host = await hosted();
    const chair = await peer(host, 'facilitator', 'MEX');
    chair.provider.setAwarenessField('penholder', { delegation: 'MEX', name: 'MEX person', role: 'facilitator', paragraphId: 'op2' });
    const watcher = await peer(host, 'observer', 'GHA');
    await waitFor(() => shown(watcher).some((s) => s.delegation === 'MEX' && s.paragraphId === 'op2'), 5000, 'the chair seen');
    const id = chair.provider.awareness!.clientID;
    const clock = host.awareness('d1')!.meta.get(id)!.clock;
    const mover = await raw(host, 'delegation', 'CAN');
    mover.send(awarenessMessage('d1', [{ clientId: id, clock: clock + 1, state: { penholder: { delegation: 'MEX', name: 'MEX person', role: 'facilitator', paragraphId: 'moved' } } }]));
    await waitFor(() => mover.stateless.length > 0 || mover.isClosed(), 3000, 'the move refused');
    // A removal of another's presence is dropped whole, the connection kept (a stock
    // provider sends one innocently after its document connection was closed).
    const deleter = await raw(host, 'delegation', 'CAN');
    deleter.send(awarenessMessage('d1', [{ clientId: id, clock: clock + 5, state: null }]));
    await pause(500);
    const chairSeen = shown(watcher).filter((s) => s.delegation === 'MEX');
    expect(chairSeen).toEqual([expect.objectContaining({ paragraphId: 'op2' })]);
  });

  it('still accepts a presence for the sender’s own new client id', async () => {
    const host = await hosted();
    const can = await raw(host, 'delegation', 'CAN');
    const own = ownAwarenessMessage('d1', { penholder: { delegation: 'CAN', name: 'CAN person', role: 'delegation', paragraphId: 'op1' } });
    can.send(own.bytes);
    await waitFor(() => host.awareness('d1')!.getStates().has(own.clientId), 3000, 'the presence applied');
    expect(can.stateless).toEqual([]);
  });

  it('keeps a stock provider whose document connection the host closed, and the others’ presence, when it comes back', async () => {
    const host = await hosted();
    const chair = await peer(host, 'facilitator', 'MEX');
    chair.provider.setAwarenessField('penholder', { delegation: 'MEX', name: 'MEX person', role: 'facilitator', paragraphId: 'op2' });
    const can = await peer(host, 'delegation', 'CAN');
    can.provider.setAwarenessField('penholder', { delegation: 'CAN', name: 'CAN person', role: 'delegation', paragraphId: 'op1' });
    await waitFor(() => shown(can).some((s) => s.delegation === 'MEX'), 5000, 'CAN seeing the chair');
    // A forbidden edit: the host refuses it and closes CAN's document connection; CAN forgets the others' presence.
    can.doc.getMap('junk').set('k', 'v');
    await waitFor(() => can.stateless.length > 0, 5000, 'the refusal');
    await pause(1500);
    expect(shown(chair).filter((s) => s.delegation === 'MEX')).toEqual([expect.objectContaining({ paragraphId: 'op2' })]);
    expect(can.stateless.filter((s) => s.includes('Presence'))).toEqual([]);
  });
});

describe('forged stateless messages', () => {
  it("does not deliver an observer's broadcast penholder.refused to any peer", async () => {
    const host = await hosted();
    const can = await peer(host, 'delegation', 'CAN');
    const chair = await peer(host, 'facilitator', 'MEX');
    const observer = await raw(host, 'observer', 'CHE');
    observer.send(broadcastStatelessMessage('d1', JSON.stringify({ type: 'penholder.refused', reason: 'Forged: your change was refused.' })));
    await pause(600);
    expect([...can.stateless, ...chair.stateless].filter((s) => s.includes('Forged'))).toEqual([]);
  });
});

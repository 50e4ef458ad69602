import { afterEach, describe, expect, it } from 'vitest';
import { testHostOptions } from '../../support/host-tls.js';
import WebSocket from 'ws';
import { startHost, type ConsultationHost } from '../../../electron/consultation/host.js';
import type { HostLimits } from '../../../electron/consultation/host-limits.js';
import { connectPeer, storeWithDocument, synced, waitFor } from './peers.js';
import { authenticate, rawClient, type RawClient } from './raw-client.js';

// Issue 13, point 4: what a socket may cost the host before and after it authenticates.
// Hand-made clients; limits set small so the tests run fast, each just over its limit.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function hosted(limits?: Partial<HostLimits>): Promise<ConsultationHost> {
  const { store, docs } = storeWithDocument('d1');
  const host = await startHost({ ...testHostOptions(), docs, docIds: ['d1'], bind: '127.0.0.1', port: 0, limits });
  cleanups.push(() => store.close(), () => host.stop());
  return host;
}
const raw = async (host: ConsultationHost): Promise<RawClient> => {
  const c = await rawClient(`wss://127.0.0.1:${host.port}`);
  cleanups.push(() => c.ws.terminate());
  return c;
};
// A frame Hocuspocus would queue: a sync message for document d1, padded to `bytes`.
const frame = (bytes: number) => {
  const b = new Uint8Array(bytes);
  b.set([2, 100, 49, 0, 0]);
  return b;
};

describe('before authentication', () => {
  it('closes a socket sending a frame just over the pre-authentication limit', async () => {
    const host = await hosted({ preAuthFrameBytes: 64 * 1024 });
    const c = await raw(host);
    c.send(frame(64 * 1024 + 1));
    await waitFor(() => c.isClosed(), 3000, 'the socket closed');
  });

  it('closes a socket whose small frames waiting for authentication pass the queue cap', async () => {
    const host = await hosted({ queuedBytes: 100_000 });
    const c = await raw(host);
    for (let i = 0; i < 4; i++) c.send(frame(30_000));
    await waitFor(() => c.isClosed(), 3000, 'the socket closed');
  });

  it('closes every socket that does not authenticate before the deadline', async () => {
    const host = await hosted({ authDeadlineMs: 300 });
    const clients = await Promise.all(Array.from({ length: 25 }, () => raw(host)));
    await waitFor(() => clients.every((c) => c.isClosed()), 4000, 'all idle unauthenticated sockets closed');
  });
});

describe('after authentication', () => {
  it('drops a socket that neither sends nor answers pings, and keeps a stock provider that answers them', async () => {
    const host = await hosted({ idleMs: 600 });
    const token = { code: host.joinCode, delegation: 'CAN', name: 'CAN person', role: 'delegation' };
    const stock = connectPeer(host.url, 'd1', token);
    cleanups.push(() => stock.destroy());
    await synced(stock);
    const silent = new WebSocket(`wss://127.0.0.1:${host.port}`, { autoPong: false, rejectUnauthorized: false });
    silent.on('error', () => {});
    cleanups.push(() => silent.terminate());
    await new Promise((r) => silent.once('open', r));
    const c = await raw(host);
    expect(await authenticate(c, 'd1', { ...token, delegation: 'EU', name: 'EU person' })).toBe('authenticated');
    await waitFor(() => host.participants().some((p) => p.delegation === 'EU'), 3000, 'EU connected');
    c.ws.pause(); // reads nothing more, so answers no ping (and sees no close: the host's view is what counts)
    let silentClosed = false;
    silent.once('close', () => (silentClosed = true));
    await waitFor(() => silentClosed && !host.participants().some((p) => p.delegation === 'EU'), 4000, 'both idle sockets closed');
    expect(stock.provider.isSynced).toBe(true);
    expect(host.participants().some((p) => p.delegation === 'CAN')).toBe(true);
  });

  it('closes a socket sending a frame past the update cap plus its margin', async () => {
    const host = await hosted({ maxUpdateBytes: 10_000 });
    const c = await raw(host);
    expect(await authenticate(c, 'd1', { code: host.joinCode, delegation: 'CAN', name: 'CAN person', role: 'delegation' })).toBe('authenticated');
    c.send(frame(10_000 + 64 * 1024 + 1));
    await waitFor(() => c.isClosed(), 3000, 'the socket closed');
  });
});

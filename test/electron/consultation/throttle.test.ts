import { afterEach, describe, expect, it } from 'vitest';
import { testHostOptions } from '../../support/host-tls.js';
import { startHost, type ConsultationHost } from '../../../electron/consultation/host.js';
import type { ThrottleOptions } from '../../../electron/consultation/access.js';
import { storeWithDocument, waitFor } from './peers.js';
import { authMessage, authenticate, rawClient, type RawClient } from './raw-client.js';

// Issue 13, point 4: throttling wrong codes without ever refusing a right one.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function hosted(throttle: ThrottleOptions): Promise<ConsultationHost> {
  const { store, docs } = storeWithDocument('d1');
  const host = await startHost({ ...testHostOptions(), docs, docIds: ['d1'], bind: '127.0.0.1', port: 0, throttle });
  cleanups.push(() => store.close(), () => host.stop());
  return host;
}
const raw = async (host: ConsultationHost): Promise<RawClient> => {
  const c = await rawClient(`wss://127.0.0.1:${host.port}`);
  cleanups.push(() => c.ws.terminate());
  return c;
};
const guess = (code: string, role = 'delegation', name = 'Guesser') => ({ code, delegation: 'CAN', name, role });
const docNames = ['d1', ...Array.from({ length: 9 }, (_, i) => `x${i}`)];

describe('the throttle on codes', () => {
  it('checks all of 200 guesses and answers them one delay apart', async () => {
    const host = await hosted({ freeFailures: 5, baseDelayMs: 1, maxDelayMs: 5 });
    const clients = await Promise.all(Array.from({ length: 20 }, () => raw(host)));
    const start = Date.now();
    for (const c of clients) for (const d of docNames) c.send(authMessage(d, guess('AAAA-BBBB-CCCC-DDDD-EEEE')));
    await waitFor(() => clients.every((c) => c.auth.length === docNames.length), 20_000, '200 answers');
    const answers = clients.flatMap((c) => c.auth);
    expect(answers).toHaveLength(200);
    expect(answers.filter((a) => !a.startsWith('wrong-code:'))).toEqual([]);
    // 195 delayed answers, each at least 1 ms after the previous one.
    expect(Date.now() - start).toBeGreaterThanOrEqual(195);
  });

  it('admits the right code at once from an address whose wrong guesses are being delayed', async () => {
    const host = await hosted({ freeFailures: 2, baseDelayMs: 60_000 });
    const guesser = await raw(host);
    for (const d of docNames.slice(0, 4)) guesser.send(authMessage(d, guess(`WRONG-${d}`)));
    await waitFor(() => guesser.auth.length >= 2, 5000, 'the free answers');
    const started = Date.now();
    const right = await raw(host);
    expect(await authenticate(right, 'd1', guess(host.joinCode, 'delegation', 'CAN person'), 5000)).toBe('authenticated');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(guesser.auth).toHaveLength(2);
  });

  it('does not let a success reset the count of failed facilitator-code guesses', async () => {
    const host = await hosted({ freeFailures: 1, baseDelayMs: 400, maxDelayMs: 400 });
    const a = await raw(host);
    expect(await authenticate(a, 'd1', guess('WRONG-1', 'facilitator'))).toMatch(/^wrong-code:/);
    expect(await authenticate(a, 'x1', guess('WRONG-2', 'facilitator'))).toMatch(/^wrong-code:/);
    const b = await raw(host);
    expect(await authenticate(b, 'd1', guess(host.joinCode, 'delegation', 'Joiner'))).toBe('authenticated');
    const c = await raw(host);
    const start = Date.now();
    // Another claimed name: only the address's count can delay this answer.
    expect(await authenticate(c, 'd1', guess(host.joinCode, 'facilitator', 'Another'))).toMatch(/^wrong-code:/);
    expect(Date.now() - start).toBeGreaterThanOrEqual(350);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { attachColleagues } from '../../../electron/consultation/colleague-participant.js';
import { startHost } from '../../../electron/consultation/host.js';
import { testHostTls } from '../../support/host-tls.js';
import { signedTestToken, testKey } from '../../support/join-keys.js';
import { connectPeer, storeWithDocument, synced, waitFor } from './peers.js';
import { authenticate, rawClient } from './raw-client.js';

// The delegate's side of admitting a colleague (issue 13 point 2), on a stock provider against
// a real host: the host's list reaches it, its answer is taken, and what the host refuses is
// a rejected promise with the host's reason.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe("a delegate's backend", () => {
  it('keeps the list of keys waiting for its delegation, admits one, and is told when the host refuses its answer', async () => {
    const held = storeWithDocument('d1');
    const admit = [{ key: testKey('EU/Ana Pereira/delegation').fingerprint, delegation: 'EU', name: 'Ana Pereira', role: 'delegation' as const }];
    const host = await startHost({ tls: testHostTls(), docs: held.docs, docIds: ['d1'], bind: '127.0.0.1', port: 0, admit });
    cleanups.push(() => host.stop());
    const eu = connectPeer(host.url, 'd1', { code: host.joinCode, delegation: 'EU', name: 'Ana Pereira', role: 'delegation' });
    cleanups.push(() => eu.destroy());
    let changes = 0;
    const side = attachColleagues(eu.provider, () => changes++);
    await synced(eu);
    expect(side.list()).toEqual([]);

    const waiting = async (label: string, name: string) => {
      const c = await rawClient(`wss://127.0.0.1:${host.port}`);
      cleanups.push(() => c.ws.terminate());
      return authenticate(c, 'd1', signedTestToken({ code: host.joinCode, delegation: 'EU', name, role: 'delegation' }, 'd1', label));
    };
    expect(await waiting('EU two', 'Second laptop')).toMatch(/^waiting:/);
    await waitFor(() => side.list().length === 1, 5000, 'the host\'s list');
    expect(side.list()).toMatchObject([{ key: testKey('EU two').fingerprint, name: 'Second laptop', delegation: 'EU' }]);
    expect(changes).toBeGreaterThan(0);

    // A key that is not on the list is refused here, before anything is sent.
    await expect(side.answer(testKey('nobody').fingerprint, 'admit')).rejects.toThrow(/No key [0-9A-F]{8}… waits for your delegation/);
    // Admitted meanwhile by the facilitator: the host refuses the late answer, with its reason.
    const late = side.answer(testKey('EU two').fingerprint, 'admit');
    host.admit(testKey('EU two').fingerprint);
    await expect(late).rejects.toThrow(/The host did not take your answer: not-waiting: /);
    await waitFor(() => side.list().length === 0, 5000, 'the list emptied');

    expect(await waiting('EU three', 'Third laptop')).toMatch(/^waiting:/);
    await waitFor(() => side.list().length === 1, 5000, 'the third key listed');
    await side.answer(testKey('EU three').fingerprint, 'admit');
    expect(host.lobby().admitted.find((e) => e.key === testKey('EU three').fingerprint)).toMatchObject({ admittedBy: { by: 'member', name: 'Ana Pereira', delegation: 'EU' } });
    await waitFor(() => side.list().length === 0, 5000, 'the list emptied again');
  });
});

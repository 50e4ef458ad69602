import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type ConsultationHost } from '../../../electron/consultation/host.js';
import { signJoinToken } from '../../../electron/consultation/join-token.js';
import { openAdmissions } from '../../../electron/store/admissions.js';
import type { Store } from '../../../electron/store/store.js';
import type { LiveDocuments } from '../../../electron/backend/live-documents.js';
import { proposeInsertion } from '../../../shared/negotiation/index.js';
import { otherHostTls, testHostTls } from '../../support/host-tls.js';
import { signedTestToken, testKey } from '../../support/join-keys.js';
import { connectPeer, editAsEditor, posAfter, storeWithDocument, synced, textOf, waitFor } from './peers.js';
import { authenticate, rawClient, type RawClient } from './raw-client.js';

// Issue 13, point 2: the delegation a key speaks for is the host's decision, proven by a
// signature; every test here passed a token the old host accepted on its word.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

type Held = { store: Store; docs: LiveDocuments };

/** A host with the lobby in force (no admitPending), its admissions in the store file. */
async function lobbyHost(held: Held = storeWithDocument('d1'), admit: Parameters<typeof startHost>[0]['admit'] = []): Promise<ConsultationHost & Held> {
  const host = await startHost({ tls: testHostTls(), docs: held.docs, docIds: ['d1'], bind: '127.0.0.1', port: 0, admissions: openAdmissions(held.store.file, 'd1'), admit });
  cleanups.push(() => host.stop());
  return Object.assign(host, held);
}
const raw = async (host: ConsultationHost): Promise<RawClient> => {
  const c = await rawClient(`wss://127.0.0.1:${host.port}`);
  cleanups.push(() => c.ws.terminate());
  return c;
};
const usa = { delegation: 'USA', name: 'USA person', role: 'delegation' as const };

describe('proven identities', () => {
  it('a holder of the join code claiming USA without USA\'s admitted key waits in the lobby and gets nothing', async () => {
    const host = await lobbyHost(undefined, [{ key: testKey('the real USA').fingerprint, delegation: 'USA', role: 'delegation' }]);
    const intruder = await raw(host);
    const answer = await authenticate(intruder, 'd1', signedTestToken({ code: host.joinCode, ...usa }, 'd1', 'an intruder'));
    expect(answer).toMatch(/^waiting: the facilitator \(or USA's admitted delegate\) has not admitted you as USA \(delegation\) yet\. Your key is [0-9A-F]{4}-[0-9A-F]{4}/);
    expect(host.participants()).toEqual([]);
    expect(host.lobby().pending).toMatchObject([{ key: testKey('an intruder').fingerprint, delegation: 'USA', name: 'USA person', role: 'delegation' }]);
    // The real USA key is let in at once.
    const real = await raw(host);
    expect(await authenticate(real, 'd1', signedTestToken({ code: host.joinCode, ...usa }, 'd1', 'the real USA'))).toBe('authenticated');
  });

  it('an admitted CAN key that claims USA in its token is CAN: its USA bracket is refused in CAN\'s name, nothing stored', async () => {
    const held = storeWithDocument('d1');
    const host = await lobbyHost(held, [{ key: testKey('CAN laptop').fingerprint, delegation: 'CAN', name: 'Li', role: 'delegation' }]);
    const liar = connectPeer(host.url, 'd1', signedTestToken({ code: host.joinCode, ...usa }, 'd1', 'CAN laptop'));
    cleanups.push(() => liar.destroy());
    await synced(liar);
    expect(host.participants()).toEqual([{ delegation: 'CAN', name: 'Li', role: 'delegation' }]);
    const before = held.store.readUpdates('d1').length;
    editAsEditor(liar.doc, (state) => proposeInsertion(state, { delegation: 'USA', text: ' AS USA', pos: posAfter(state.doc, 'Encourages') }));
    await waitFor(() => liar.stateless.length > 0, 5000, 'the refusal');
    expect(JSON.parse(liar.stateless[0]!).reason).toMatch(/^As CAN you may only make proposals/);
    expect(held.store.readUpdates('d1').length).toBe(before);
  });

  it('refuses a replayed token, a token made 10 minutes ago, a bad signature and an unsigned (version 1) token', async () => {
    const host = await lobbyHost(undefined, [{ key: testKey('EU laptop').fingerprint, delegation: 'EU', role: 'delegation' }]);
    const eu = { code: host.joinCode, delegation: 'EU', name: 'Ana', role: 'delegation' as const };
    const token = signedTestToken(eu, 'd1', 'EU laptop');
    expect(await authenticate(await raw(host), 'd1', token)).toBe('authenticated');
    expect(await authenticate(await raw(host), 'd1', token)).toMatch(/^replayed: this token was already used/);
    const key = testKey('EU laptop');
    const old = signJoinToken({ ...eu, fingerprint: testHostTls().fingerprint, document: 'd1', key: key.publicKey, sign: key.privateKey, time: Date.now() - 10 * 60_000 });
    expect(await authenticate(await raw(host), 'd1', old)).toMatch(/^bad-time: the token was made 10 minutes behind/);
    // Signed for another host (the certificate a host in between would show) or another document.
    const elsewhere = signJoinToken({ ...eu, fingerprint: 'a'.repeat(64), document: 'd1', key: key.publicKey, sign: key.privateKey });
    expect(await authenticate(await raw(host), 'd1', elsewhere)).toMatch(/^bad-signature:/);
    expect(await authenticate(await raw(host), 'd1', signedTestToken(eu, 'd2', 'EU laptop'))).toMatch(/^bad-signature:/);
    expect(await authenticate(await raw(host), 'd1', JSON.stringify(eu))).toMatch(/^bad-token: The token is not version 2/);
    expect(host.participants()).toHaveLength(1);
  });

  it('a token captured at one host is refused by another host, the same key admitted at both', async () => {
    // Two real hosts with their own certificates, both admitting the EU key (issue 13 point 2:
    // the signature is bound to the host's certificate fingerprint, not to the TLS session).
    const admit = [{ key: testKey('EU laptop').fingerprint, delegation: 'EU', role: 'delegation' as const }];
    const first = await lobbyHost(undefined, admit);
    const heldB = storeWithDocument('d1');
    const second = await startHost({ tls: otherHostTls(), docs: heldB.docs, docIds: ['d1'], bind: '127.0.0.1', port: 0, admissions: openAdmissions(heldB.store.file, 'd1'), admit, codes: { joinCode: first.joinCode, facilitatorCode: first.facilitatorCode } });
    cleanups.push(() => second.stop());
    const eu = { code: first.joinCode, delegation: 'EU', name: 'Ana', role: 'delegation' as const };
    const captured = signedTestToken(eu, 'd1', 'EU laptop', first.fingerprint);
    const atSecond = await rawClient(`wss://127.0.0.1:${second.port}`, second.fingerprint);
    cleanups.push(() => atSecond.ws.terminate());
    expect(await authenticate(atSecond, 'd1', captured)).toMatch(/^bad-signature:/);
    expect(second.participants()).toEqual([]);
    // Signed for the second host, the same key gets in there; the captured one still works where it was made.
    const own = await rawClient(`wss://127.0.0.1:${second.port}`, second.fingerprint);
    cleanups.push(() => own.ws.terminate());
    expect(await authenticate(own, 'd1', signedTestToken(eu, 'd1', 'EU laptop', second.fingerprint))).toBe('authenticated');
    expect(await authenticate(await raw(first), 'd1', captured)).toBe('authenticated');
  });

  it('the facilitator admits from the lobby, the admission survives a restart, and removing the key closes its socket', async () => {
    const held = storeWithDocument('d1');
    const first = await lobbyHost(held);
    const bra = { code: first.joinCode, delegation: 'BRA', name: 'Rafael', role: 'delegation' as const };
    expect(await authenticate(await raw(first), 'd1', signedTestToken(bra, 'd1', 'BRA laptop'))).toMatch(/^waiting:/);
    const [entry] = first.lobby().pending;
    expect(entry).toMatchObject({ key: testKey('BRA laptop').fingerprint, keyShort: testKey('BRA laptop').fingerprint.slice(0, 8).replace(/^(.{4})/, '$1-').toUpperCase() });
    expect(first.admit(entry!.key)).toBe(true);
    expect(first.lobby()).toMatchObject({ pending: [], admitted: [{ delegation: 'BRA', name: 'Rafael', role: 'delegation' }] });
    expect(await authenticate(await raw(first), 'd1', signedTestToken(bra, 'd1', 'BRA laptop'))).toBe('authenticated');
    const codes = { joinCode: first.joinCode, facilitatorCode: first.facilitatorCode };
    await first.stop();

    const again = await startHost({ tls: testHostTls(), docs: held.docs, docIds: ['d1'], bind: '127.0.0.1', port: 0, codes, admissions: openAdmissions(held.store.file, 'd1') });
    cleanups.push(() => again.stop());
    const c = await raw(again);
    expect(await authenticate(c, 'd1', signedTestToken(bra, 'd1', 'BRA laptop'))).toBe('authenticated');
    await waitFor(() => again.participants().length === 1, 3000, 'BRA connected');
    expect(again.removeKey(testKey('BRA laptop').fingerprint)).toBe(true);
    await c.closed;
    await waitFor(() => again.participants().length === 0, 3000, 'BRA gone');
    expect(await authenticate(await raw(again), 'd1', signedTestToken(bra, 'd1', 'BRA laptop'))).toMatch(/^waiting:/);
    // Refused by the facilitator: told once.
    expect(again.refuse(testKey('BRA laptop').fingerprint)).toBe(true);
    expect(await authenticate(await raw(again), 'd1', signedTestToken(bra, 'd1', 'BRA laptop'))).toMatch(/^refused: the facilitator did not admit you/);
  });

  it('a delegation code admits the first key for its delegation (whatever it claims) and makes a second one wait; the facilitator code admits a co-facilitator', async () => {
    const host = await lobbyHost();
    const code = host.delegationCode('GBR');
    expect(host.delegationCode('GBR')).toBe(code);
    const a = await raw(host);
    expect(await authenticate(a, 'd1', signedTestToken({ code, delegation: 'FRA', name: 'Jo', role: 'observer' }, 'd1', 'GBR one'))).toBe('authenticated');
    await waitFor(() => host.participants().length === 1, 3000, 'GBR connected');
    expect(host.participants()).toEqual([{ delegation: 'GBR', name: 'Jo', role: 'delegation' }]);
    expect(await authenticate(await raw(host), 'd1', signedTestToken({ code, delegation: 'GBR', name: 'Sam', role: 'delegation' }, 'd1', 'GBR two'))).toMatch(/^waiting: another key is already admitted for GBR/);
    const chair = await raw(host);
    expect(await authenticate(chair, 'd1', signedTestToken({ code: host.facilitatorCode, delegation: 'MEX', name: 'Co-chair', role: 'facilitator' }, 'd1', 'co-chair'))).toBe('authenticated');
    expect(host.lobby().admitted.map((e) => `${e.delegation}/${e.role}`).sort()).toEqual(['GBR/delegation', 'MEX/facilitator']);
  });

  it('a stock provider waiting in the lobby is let in once admitted, with its own text', async () => {
    const host = await lobbyHost();
    const p = connectPeer(host.url, 'd1', { code: host.joinCode, delegation: 'JPN', name: 'Aiko', role: 'observer' });
    cleanups.push(() => p.destroy());
    await waitFor(() => p.failures.length > 0, 5000, 'waiting');
    expect(p.failures[0]).toMatch(/^waiting:/);
    expect(textOf(p.doc)).toBe('');
    host.admit(host.lobby().pending[0]!.key);
    // Asking again (a stock provider does not retry a refused authentication by itself).
    p.destroy();
    const again = connectPeer(host.url, 'd1', { code: host.joinCode, delegation: 'JPN', name: 'Aiko', role: 'observer' });
    cleanups.push(() => again.destroy());
    await synced(again);
    expect(textOf(again.doc)).toContain('Encourages');
    expect(host.participants()).toEqual([{ delegation: 'JPN', name: 'Aiko', role: 'observer' }]);
  });
});

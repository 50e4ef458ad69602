import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost } from '../../../electron/consultation/host.js';
import { createRecordHost } from '../../../electron/consultation/record-host.js';
import { acceptRevisionFile, attachRecordParticipant } from '../../../electron/consultation/record-participant.js';
import { openInstallationKey } from '../../../electron/identity/installation-key.js';
import { issueRevision } from '../../../electron/store/issue-revision.js';
import { placeUnderSilence } from '../../../electron/store/silence-procedure.js';
import { openStore, type Store } from '../../../electron/store/store.js';
import { issueRevisionFile, jcs, serializeRevisionFile, signObjection, silenceDeadline, verifyRevisionFile, type RecordSigner } from '../../../shared/record/index.js';
import { sampleResolution } from '../../support/edit-stream.js';
import { testHostTls } from '../../support/host-tls.js';
import { testKey } from '../../support/join-keys.js';
import { connectPeer, storeWithDocument, tempDir, waitFor, type Peer } from './peers.js';
import { messageText } from '../../../shared/i18n/message.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** A participant of document d1: its own store (or `store` again, after going offline), a stock provider with the record protocol, errors collected. */
function participant(url: string, code: string, delegation: string, store?: Store): { store: Store; peer: Peer; errors: string[] } {
  const dir = tempDir('penholder-record-late-');
  const own = store ?? openStore({ dataDir: dir });
  if (!store) cleanups.push(() => own.close(), () => fs.rmSync(dir, { recursive: true, force: true }));
  const peer = connectPeer(url, 'd1', { code, delegation, name: `${delegation} person`, role: 'delegation' });
  const errors: string[] = [];
  attachRecordParticipant(own, 'd1', peer.provider, { setError: (m) => errors.push(typeof m === 'string' ? m : messageText(m)), statusChanged: () => undefined });
  cleanups.push(() => peer.destroy());
  return { store: own, peer, errors };
}

const signerOf = (label: string): RecordSigner => {
  const key = testKey(label);
  return { publicKey: key.publicKey, sign: (bytes) => new Uint8Array(crypto.sign(null, bytes, key.privateKey)) };
};

// One revision file per issued revision; the file of Rev.1 grows with its silence records (its chain length `n`).
const heldChain = (store: Store) => store.records.received('d1').at(-1)?.n ?? 0;
const lastFile = (store: Store) => verifyRevisionFile(store.records.received('d1').at(-1)!.file);

describe('silence outcome and late objections through a consultation', () => {
  it("is recorded by the host's own timer, reaches a delegation offline at the deadline on reconnecting, and keeps an objection that arrives late", async () => {
    const { store, docs, dataDir } = storeWithDocument('d1');
    cleanups.push(() => store.close());
    const key = openInstallationKey(dataDir);
    await issueRevision(store, { docId: 'd1', label: 'Rev.1', author: 'Facilitator', delegation: 'NOR', key });
    // Deadline 8 December 2026, 12:00 in Geneva (11:00 UTC); the host's clock is injected.
    let clock = new Date('2026-12-08T10:00:00.000Z');
    await placeUnderSilence(store, { docId: 'd1', deadline: silenceDeadline('2026-12-08', '12:00', 'Europe/Zurich'), key, now: clock });
    // No key given: the host signs with its data folder's installation key, the issuer's.
    const records = createRecordHost({ store, docIds: ['d1'], now: () => clock, recheckMs: 100 });
    const host = await startHost({ docs, docIds: ['d1'], bind: '127.0.0.1', port: 0, tls: testHostTls(), admitPending: () => true, extensions: [records] });
    cleanups.push(() => host.stop());

    const usa = participant(host.url, host.joinCode, 'USA');
    const fra = participant(host.url, host.joinCode, 'FRA');
    for (const p of [usa, fra]) await waitFor(() => heldChain(p.store) === 2, 10_000, 'Rev.1 under silence');
    const placed = (await lastFile(fra.store)).silence!;
    expect(placed.outcome).toBe('pending');

    // FRA objects offline half an hour before the deadline; USA is offline too when the deadline passes.
    fra.peer.destroy();
    const objection = await signObjection(
      { silence: placed.silence, label: 'Rev.1', delegation: 'FRA', name: 'FRA person', paragraphs: ['OP 1'], reason: 'Our capital has not cleared OP 1.', time: '2026-12-08T10:30:00.000Z' },
      signerOf('FRA/FRA person/delegation'),
    );
    fra.store.records.addOutgoing('d1', objection.signature, jcs(objection));
    usa.peer.destroy();
    clock = new Date('2026-12-08T11:00:05.000Z');
    // The host's own timer (no tick called) records the outcome.
    await waitFor(() => store.records.chain('d1').length === 3, 5000, "the host's timer to record the outcome");

    const usaBack = participant(host.url, host.joinCode, 'USA', usa.store);
    await waitFor(() => heldChain(usaBack.store) === 3, 10_000, 'the outcome on reconnecting');
    expect((await lastFile(usaBack.store)).silence).toMatchObject({ outcome: 'agreed', brokenBy: [], late: [] });

    // FRA reconnects at 11:20: its objection is delivered, late; it does not break silence but is recorded in the chain.
    clock = new Date('2026-12-08T11:20:00.000Z');
    const fraBack = participant(host.url, host.joinCode, 'FRA', fra.store);
    await waitFor(() => fraBack.store.records.outgoing('d1')[0]?.state === 'delivered', 10_000, 'the late objection delivered');
    expect(fraBack.store.records.outgoing('d1')[0]).toMatchObject({ arrived: '2026-12-08T11:20:00.000Z' });
    for (const p of [usaBack, fraBack]) await waitFor(() => heldChain(p.store) === 4, 10_000, 'the late record');
    const late = await verifyRevisionFile(usaBack.store.records.received('d1').at(-1)!.file, { key: key.fingerprint, docId: 'd1' });
    expect(late.silence).toMatchObject({ outcome: 'agreed', brokenBy: [], objections: [] });
    expect(late.silence!.late.map((o) => [o.objection.delegation, o.objection.time, o.arrived])).toEqual([['FRA', '2026-12-08T10:30:00.000Z', '2026-12-08T11:20:00.000Z']]);

    // The issuer's key signs a chain of another document: sent under d1, every participant refuses it.
    const other = serializeRevisionFile(await issueRevisionFile({ document: sampleResolution(6, 1).toJSON(), label: 'Rev.1', time: '2026-12-08T11:30:00.000Z', docId: 'd2', signer: key }));
    await expect(acceptRevisionFile(usaBack.store, 'd1', other, key.fingerprint)).rejects.toThrow(/chain broken: record 1 of 1 \(Rev\.1\) is of document d2, the chain of document d1/);
    const message = JSON.stringify({ type: 'penholder.records', docId: 'd1', issuer: { publicKey: key.publicKey, fingerprint: key.fingerprint }, files: [other] });
    for (const p of [usaBack, fraBack]) {
      (p.peer.provider as unknown as { emit(event: string, data: unknown): void }).emit('stateless', { payload: message });
      await waitFor(() => p.errors.length === 1, 5000, 'the refusal');
      expect(p.errors[0]).toMatch(/^The host sent a revision this Penholder refused: chain broken: .* of document d2/);
      expect(heldChain(p.store)).toBe(4);
    }
  }, 60_000);
});

import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost } from '../../../electron/consultation/host.js';
import { createRecordHost, recordsChanged } from '../../../electron/consultation/record-host.js';
import { acceptRevisionFile, attachRecordParticipant, deliverObjections } from '../../../electron/consultation/record-participant.js';
import { openInstallationKey } from '../../../electron/identity/installation-key.js';
import { issueRevision } from '../../../electron/store/issue-revision.js';
import { placeUnderSilence } from '../../../electron/store/silence-procedure.js';
import { openStore, type Store } from '../../../electron/store/store.js';
import {
  RecordError, jcs, serializeRevisionFile, signObjection, signRecord, silenceDeadline, verifyRevisionFile, type RecordSigner, type RevisionFile,
} from '../../../shared/record/index.js';
import { testHostTls } from '../../support/host-tls.js';
import { testKey } from '../../support/join-keys.js';
import { connectPeer, storeWithDocument, tempDir, waitFor, type Peer } from './peers.js';
import { authMessage, rawClient } from './raw-client.js';
import * as encoding from 'lib0/encoding';
import { messageText, type Message } from '../../../shared/i18n/message.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const who = { author: 'Facilitator', delegation: 'NOR' };

/** A participant: its own store and a stock provider with the record protocol attached, errors collected. */
function participant(url: string, code: string, delegation: string, store?: Store): { store: Store; peer: Peer; errors: string[]; texts: Message[] } {
  const dir = tempDir('penholder-record-peer-');
  const own = store ?? openStore({ dataDir: dir });
  if (!store) cleanups.push(() => own.close(), () => fs.rmSync(dir, { recursive: true, force: true }));
  const peer = connectPeer(url, 'd1', { code, delegation, name: `${delegation} person`, role: 'delegation' });
  const errors: string[] = [];
  const texts: Message[] = [];
  const setError = (m: string | Message) => (typeof m === 'string' ? errors.push(m) : (texts.push(m), errors.push(messageText(m))));
  attachRecordParticipant(own, 'd1', peer.provider, { setError, statusChanged: () => undefined });
  cleanups.push(() => peer.destroy());
  return { store: own, peer, errors, texts };
}

const signerOf = (label: string): RecordSigner => {
  const key = testKey(label);
  return { publicKey: key.publicKey, sign: (bytes) => new Uint8Array(crypto.sign(null, bytes, key.privateKey)) };
};

const statelessMessage = (doc: string, payload: string): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, doc);
  encoding.writeVarUint(e, 5);
  encoding.writeVarString(e, payload);
  return encoding.toUint8Array(e);
};

describe('issued revisions through a consultation', () => {
  it('reach every participant verified, a forged one is refused by every peer, and an offline objection breaks silence', async () => {
    const { store, docs, dataDir } = storeWithDocument('d1');
    cleanups.push(() => store.close());
    const key = openInstallationKey(dataDir);
    await issueRevision(store, { docId: 'd1', label: 'Rev.1', ...who, key });
    await issueRevision(store, { docId: 'd1', label: 'Rev.2', ...who, key });
    let clock = new Date('2026-12-08T09:00:00.000Z');
    const records = createRecordHost({ store, docIds: ['d1'], now: () => clock });
    const host = await startHost({ docs, docIds: ['d1'], bind: '127.0.0.1', port: 0, tls: testHostTls(), admitPending: () => true, extensions: [records] });
    cleanups.push(() => host.stop());

    const usa = participant(host.url, host.joinCode, 'USA');
    const fra = participant(host.url, host.joinCode, 'FRA');
    for (const p of [usa, fra]) await waitFor(() => p.store.records.received('d1').length === 2, 10_000, 'the issued revisions');
    const held = usa.store.records.received('d1').at(-1)!;
    expect(held).toMatchObject({ label: 'Rev.2', n: 2 });
    expect(await verifyRevisionFile(held.file, { key: key.fingerprint })).toMatchObject({ label: 'Rev.2', chain: 2, fingerprint: key.fingerprint });

    // A participant forges Rev.3 after the real Rev.2, signed with its own key, and sends it as the host would.
    const real = JSON.parse(held.file) as RevisionFile;
    const forger = signerOf('forger');
    const forgedRecord = await signRecord({ docId: 'd1', label: 'Rev.3', contentHash: real.chain[1]!.contentHash, previous: real.chain[1]!, time: '2026-12-08T09:30:00.000Z' }, forger);
    const forged: RevisionFile = { ...real, chain: [...real.chain, forgedRecord] };
    const forgedText = serializeRevisionFile(forged);
    const asIssuer = JSON.stringify({ type: 'penholder.records', docId: 'd1', issuer: real.issuer, files: [forgedText] });
    const asForger = JSON.stringify({ type: 'penholder.records', docId: 'd1', issuer: { publicKey: forger.publicKey, fingerprint: forgedRecord.fingerprint }, files: [serializeRevisionFile({ ...forged, issuer: { publicKey: forger.publicKey, fingerprint: forgedRecord.fingerprint } })] });
    // Through the host: a participant's stateless message closes its connection and reaches nobody.
    const raw = await rawClient(host.url);
    raw.send(authMessage('d1', { code: host.joinCode, delegation: 'RUS', name: 'RUS person', role: 'delegation' }));
    await waitFor(() => raw.auth.includes('authenticated'), 5000, 'the forger admitted');
    raw.send(statelessMessage('d1', asIssuer));
    await new Promise((r) => setTimeout(r, 500));
    for (const p of [usa, fra]) {
      expect(p.errors).toEqual([]);
      expect(p.peer.stateless.some((s) => s.includes('Rev.3'))).toBe(false);
    }
    // Delivered to each peer as if the host had sent it: refused, reported, not kept.
    for (const p of [usa, fra]) {
      for (const payload of [asIssuer, asForger]) (p.peer.provider as unknown as { emit(event: string, data: unknown): void }).emit('stateless', { payload });
      await waitFor(() => p.errors.length >= 2, 5000, 'the refusals');
      // One names the key that is not the issuer's, the other the issuer the host is not.
      expect(p.errors.every((e) => /^The host sent a revision this Penholder refused: unknown key/.test(e))).toBe(true);
      expect(p.errors.some((e) => e.includes('the host names issuer'))).toBe(true);
      // A French interface reads the same refusal in French, the fingerprints as written.
      const fr = p.texts.map((m) => messageText(m, 'fr'));
      expect(fr.some((e) => e.startsWith('L’hôte a envoyé une révision que ce Penholder a refusée\u00a0: clé inconnue\u00a0: l’hôte désigne l’émetteur '))).toBe(true);
      expect(p.store.records.received('d1').map((r) => r.label)).toEqual(['Rev.1', 'Rev.2']);
    }
    await expect(acceptRevisionFile(usa.store, 'd1', forgedText, key.fingerprint)).rejects.toBeInstanceOf(RecordError);

    // Silence: Rev.2 until 8 December 2026, 12:00 New York time.
    const deadline = silenceDeadline('2026-12-08', '12:00', 'America/New_York');
    await placeUnderSilence(store, { docId: 'd1', deadline, key, now: clock });
    await recordsChanged(store, 'd1');
    for (const p of [usa, fra]) await waitFor(() => p.store.records.received('d1').length === 3, 5000, 'the silence');
    const placed = await verifyRevisionFile(fra.store.records.received('d1').at(-1)!.file);
    expect(placed.silence).toMatchObject({ outcome: 'pending', deadline: { instant: '2026-12-08T17:00:00.000Z' } });

    // FRA goes offline, objects there (kept in its store), and reconnects later.
    fra.peer.destroy();
    const fraKey = signerOf('FRA/FRA person/delegation');
    const objection = await signObjection({ silence: placed.silence!.silence, label: 'Rev.2', delegation: 'FRA', name: 'FRA person', paragraphs: ['OP 2'], reason: 'OP 2 goes beyond the agreed mandate.', time: '2026-12-08T10:00:00.000Z' }, fraKey);
    fra.store.records.addOutgoing('d1', objection.signature, jcs(objection));
    expect(deliverObjections(fra.store, 'd1')).toBe(0);
    clock = new Date('2026-12-08T15:00:00.000Z');
    const back = participant(host.url, host.joinCode, 'FRA', fra.store);
    await waitFor(() => back.store.records.outgoing('d1')[0]?.state === 'delivered', 10_000, 'the objection delivered');
    expect(back.store.records.outgoing('d1')[0]).toMatchObject({ arrived: '2026-12-08T15:00:00.000Z' });

    // The deadline passes: the host records the outcome, every participant receives it.
    clock = new Date('2026-12-08T17:00:00.000Z');
    await records.tick();
    for (const p of [usa, back]) await waitFor(() => p.store.records.received('d1').length === 4, 5000, 'the outcome');
    const outcome = await verifyRevisionFile(usa.store.records.received('d1').at(-1)!.file, { key: key.fingerprint });
    expect(outcome.silence).toMatchObject({ outcome: 'broken', brokenBy: ['FRA'] });
    expect(outcome.silence!.objections[0]).toMatchObject({ arrived: '2026-12-08T15:00:00.000Z', objection: { time: '2026-12-08T10:00:00.000Z', reason: 'OP 2 goes beyond the agreed mandate.' } });
    expect(usa.errors).toHaveLength(2);
  }, 60_000);
});

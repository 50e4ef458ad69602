import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost } from '../../../electron/consultation/host.js';
import { createRecordHost, recordMessages, recordsChanged } from '../../../electron/consultation/record-host.js';
import { attachRecordParticipant, deliverObjections } from '../../../electron/consultation/record-participant.js';
import { openInstallationKey } from '../../../electron/identity/installation-key.js';
import { issueRevision } from '../../../electron/store/issue-revision.js';
import { placeUnderSilence } from '../../../electron/store/silence-procedure.js';
import { openStore } from '../../../electron/store/store.js';
import { messageText, msg, type Message } from '../../../shared/i18n/message.js';
import { jcs, signObjection, silenceDeadline, verifyRevisionFile, type RecordSigner } from '../../../shared/record/index.js';
import { testHostTls } from '../../support/host-tls.js';
import { testKey } from '../../support/join-keys.js';
import { connectPeer, storeWithDocument, tempDir, waitFor } from './peers.js';

// A host's refusal of an objection reaches the participant as English words (the wire, as
// README documents it) and as the same catalogue message, which the participant says and
// keeps in its own interface language.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const signerOf = (label: string): RecordSigner => {
  const key = testKey(label);
  return { publicKey: key.publicKey, sign: (bytes) => new Uint8Array(crypto.sign(null, bytes, key.privateKey)) };
};

describe('a refused objection', () => {
  it('is told and kept as a catalogue message beside the host\'s English words, and a message of another key is not taken', async () => {
    const { store, docs, dataDir } = storeWithDocument('d1');
    cleanups.push(() => store.close());
    const key = openInstallationKey(dataDir);
    await issueRevision(store, { docId: 'd1', label: 'Rev.1', author: 'Facilitator', delegation: 'NOR', key });
    const clock = new Date('2026-12-08T09:00:00.000Z');
    const records = createRecordHost({ store, docIds: ['d1'], now: () => clock });
    const host = await startHost({ docs, docIds: ['d1'], bind: '127.0.0.1', port: 0, tls: testHostTls(), admitPending: () => true, extensions: [records] });
    cleanups.push(() => host.stop());
    await placeUnderSilence(store, { docId: 'd1', deadline: silenceDeadline('2026-12-08', '12:00', 'America/New_York'), key, now: clock });
    await recordsChanged(store, 'd1');

    const dir = tempDir('penholder-record-refusal-');
    const own = openStore({ dataDir: dir });
    cleanups.push(() => own.close(), () => fs.rmSync(dir, { recursive: true, force: true }));
    const peer = connectPeer(host.url, 'd1', { code: host.joinCode, delegation: 'FRA', name: 'FRA person', role: 'delegation' });
    cleanups.push(() => peer.destroy());
    const told: (string | Message)[] = [];
    attachRecordParticipant(own, 'd1', peer.provider, { setError: (m) => told.push(m), statusChanged: () => undefined });
    // Placed before this participant joined: the one revision file it receives carries the silence.
    await waitFor(() => own.records.received('d1').length === 1, 10_000, 'the issued revision');
    const placed = await verifyRevisionFile(own.records.received('d1')[0]!.file);
    expect(placed.silence).toMatchObject({ outcome: 'pending' });

    // Signed for GBR on a laptop the host admitted for FRA: the host refuses it.
    const sign = (delegation: string, time: string) =>
      signObjection({ silence: placed.silence!.silence, label: 'Rev.1', delegation, name: 'FRA person', paragraphs: ['OP 1'], reason: 'Too far.', time }, signerOf('FRA laptop'));
    const objection = await sign('GBR', '2026-12-08T10:00:00.000Z');
    own.records.addOutgoing('d1', objection.signature, jcs(objection));
    expect(deliverObjections(own, 'd1')).toBe(1);
    await waitFor(() => own.records.outgoing('d1')[0]?.state === 'refused', 10_000, 'the objection refused');

    const reason = msg('backend:silence.otherDelegation', { signed: 'GBR', admitted: 'FRA' });
    const [kept] = own.records.outgoing('d1');
    expect(kept!.message).toBe('This objection is signed for GBR, but you are admitted as FRA.');
    expect(kept!.messageText).toEqual(reason);
    const said = told.at(-1) as Message;
    expect(messageText(said)).toBe('The host refused your objection: This objection is signed for GBR, but you are admitted as FRA.');
    expect(messageText(said, 'fr')).toBe(`L’hôte a refusé votre objection\u00a0: ${messageText(reason, 'fr')}`);
    expect(messageText(reason, 'fr')).toContain('Cette objection est signée au nom de GBR');

    // An answer whose message is of another key (a host of another build, or a hostile one) is told and kept in its English words only.
    const second = await sign('FRA', '2026-12-08T10:05:00.000Z');
    own.records.addOutgoing('d1', second.signature, jcs(second));
    const answer = { type: recordMessages.answer, signature: second.signature, refused: 'Refused for a reason of its own.', refusedText: msg('app:welcome.title') };
    (peer.provider as unknown as { emit(event: string, data: unknown): void }).emit('stateless', { payload: JSON.stringify(answer) });
    const other = own.records.outgoing('d1').find((o) => o.signature === second.signature)!;
    expect(other).toMatchObject({ state: 'refused', message: 'Refused for a reason of its own.' });
    expect(other.messageText).toBeUndefined();
    expect(messageText(told.at(-1) as Message, 'fr')).toBe('L’hôte a refusé votre objection\u00a0: Refused for a reason of its own.');
  }, 60_000);
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../electron/store/store.js';
import { issueRevision, revisionFileOf, verifyStoredChain } from '../../../electron/store/issue-revision.js';
import { placeUnderSilence, receiveObjection, settleSilence, silenceState, silenceWordsOf } from '../../../electron/store/silence-procedure.js';
import { openInstallationKey } from '../../../electron/identity/installation-key.js';
import {
  RecordError, recordSigningBytes, serializeRevisionFile, signObjection, silenceDeadline, toHex, verifyRevisionFile, type RecordFailure, type RevisionFile,
} from '../../../shared/record/index.js';
import { encodeYDoc, docToYDoc } from '../../../shared/ydoc.js';
import { sampleResolution } from '../../support/edit-stream.js';
import { newSigner } from '../../shared/record/signers.js';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const meta = { kind: 'resolution', title: 'Silence', symbol: '', body: '' } as const;
const who = { author: 'Facilitator', delegation: 'NOR' };
// The deadline: 8 December 2026, 12:00 in Zurich and Geneva (11:00 UTC).
const deadline = silenceDeadline('2026-12-08', '12:00', 'Europe/Zurich');
const before = new Date('2026-12-08T10:59:00.000Z');
const after = new Date('2026-12-08T11:00:00.000Z');

async function issuedTwice() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-silence-'));
  dirs.push(dir);
  const store = openStore({ dataDir: dir });
  stores.push(store);
  store.createDocument({ id: 'd', meta, update: encodeYDoc(docToYDoc(sampleResolution(6, 2))), origin: 'import', ...who });
  const key = openInstallationKey(dir);
  const rev2 = await issueRevision(store, { docId: 'd', label: 'Rev.1', ...who, key }).then(() => issueRevision(store, { docId: 'd', label: 'Rev.2', ...who, key }));
  return { store, key, rev2 };
}

async function failure(file: RevisionFile): Promise<RecordFailure | 'verified'> {
  try {
    await verifyRevisionFile(serializeRevisionFile(file));
    return 'verified';
  } catch (err) {
    if (err instanceof RecordError) return err.kind;
    throw err;
  }
}

describe('silence procedure in the store', () => {
  it('records "silence broken by" with the objections that arrived by the deadline, signed in the chain', async () => {
    const { store, key, rev2 } = await issuedTwice();
    expect(deadline.instant).toBe('2026-12-08T11:00:00.000Z');
    await placeUnderSilence(store, { docId: 'd', deadline, key, now: new Date('2026-12-07T09:00:00.000Z') });
    await expect(placeUnderSilence(store, { docId: 'd', deadline, key, now: before })).rejects.toThrow(/already under silence/);
    const open = (await silenceState(store, 'd'))!;
    expect(open).toMatchObject({ label: 'Rev.2', outcome: 'pending', objections: [] });

    const usa = newSigner();
    const fra = newSigner();
    const objection = await signObjection({ silence: open.silence, label: 'Rev.2', delegation: 'USA', name: 'A. Smith', paragraphs: ['OP 3'], reason: 'Cannot accept the new OP 3.', time: '2026-12-08T08:00:00.000Z' }, usa);
    expect(await receiveObjection(store, { docId: 'd', objection, from: { delegation: 'USA' }, now: new Date('2026-12-08T10:00:00.000Z') })).toEqual({ arrived: '2026-12-08T10:00:00.000Z', late: false });
    // Sent again on a reconnect: the first arrival stays.
    expect(await receiveObjection(store, { docId: 'd', objection, from: { delegation: 'USA' }, now: before })).toEqual({ arrived: '2026-12-08T10:00:00.000Z', late: false });
    await expect(receiveObjection(store, { docId: 'd', objection, from: { delegation: 'FRA' }, now: before })).rejects.toThrow(/signed for USA, but you are admitted as FRA/);
    const tampered = { ...objection, reason: 'Something else.' };
    await expect(receiveObjection(store, { docId: 'd', objection: tampered, from: { delegation: 'USA' }, now: before })).rejects.toThrow(/signature invalid/);
    const signedLate = await signObjection({ silence: open.silence, label: 'Rev.2', delegation: 'FRA', name: '', paragraphs: [], reason: 'Too late.', time: '2026-12-08T11:00:30.000Z' }, fra);
    await expect(receiveObjection(store, { docId: 'd', objection: signedLate, from: { delegation: 'FRA' }, now: new Date('2026-12-08T11:01:00.000Z') })).rejects.toThrow(/signed after it/);

    expect(await settleSilence(store, { docId: 'd', key, now: before })).toBeNull();
    const outcome = (await settleSilence(store, { docId: 'd', key, now: after }))!;
    expect(outcome).toMatchObject({ event: 'outcome', outcome: 'broken', label: 'Rev.2' });
    expect(await settleSilence(store, { docId: 'd', key, now: after })).toBeNull();
    expect(await silenceState(store, 'd')).toMatchObject({ outcome: 'broken', brokenBy: ['USA'] });
    expect(await verifyStoredChain(store, 'd')).toBe(4);

    const file = await revisionFileOf(store, rev2.revision.id);
    expect(file.chain).toHaveLength(4);
    const verified = await verifyRevisionFile(serializeRevisionFile(file));
    expect(verified).toMatchObject({ label: 'Rev.2', chain: 4, silence: { outcome: 'broken', brokenBy: ['USA'] } });
    expect(verified.silence!.objections[0]!.objection.reason).toBe('Cannot accept the new OP 3.');

    // Dropping the objection, or changing its words, with the outcome re-signed by an intruder, or not.
    const dropped = structuredClone(file);
    const last = dropped.chain[3] as { objections: unknown[]; outcome: string };
    last.objections = [];
    last.outcome = 'agreed';
    expect(await failure(dropped)).toBe('signature-invalid');
    const words = structuredClone(file);
    (words.chain[3] as { objections: { objection: { reason: string } }[] }).objections[0]!.objection.reason = 'We agree.';
    expect(await failure(words)).toBe('signature-invalid');
    const noPlacing = structuredClone(file);
    noPlacing.chain.splice(2, 1);
    expect(await failure(noPlacing)).toBe('chain-broken');
  });

  it('records "agreed under silence procedure" when nobody objects, and a new revision can follow', async () => {
    const { store, key } = await issuedTwice();
    await expect(placeUnderSilence(store, { docId: 'd', deadline, key, now: after })).rejects.toThrow(/has passed/);
    await placeUnderSilence(store, { docId: 'd', deadline, key, now: before });
    expect(await settleSilence(store, { docId: 'd', key, now: new Date('2026-12-09T00:00:00.000Z') })).toMatchObject({ outcome: 'agreed', objections: [] });
    const rev3 = await issueRevision(store, { docId: 'd', label: 'Rev.3', ...who, key });
    expect(rev3.chain).toBe(5);
    expect(await verifyStoredChain(store, 'd')).toBe(5);
    const verified = await verifyRevisionFile(serializeRevisionFile(await revisionFileOf(store, rev3.revision.id)));
    expect(verified).toMatchObject({ label: 'Rev.3', chain: 5, silence: null });
  });

  it('keeps an objection signed before the deadline that arrives after it as late: recorded, shown, not breaking silence', async () => {
    const { store, key, rev2 } = await issuedTwice();
    await placeUnderSilence(store, { docId: 'd', deadline, key, now: before });
    const silence = (await silenceState(store, 'd'))!.silence;
    const fra = newSigner();
    // Signed offline at 10:30 UTC, half an hour before the deadline; the delegation reconnects at 11:20.
    const objection = await signObjection({ silence, label: 'Rev.2', delegation: 'FRA', name: 'J. Dupont', paragraphs: ['OP 2'], reason: 'We were offline.', time: '2026-12-08T10:30:00.000Z' }, fra);
    const outcome = (await settleSilence(store, { docId: 'd', key, now: after }))!;
    expect(outcome).toMatchObject({ event: 'outcome', outcome: 'agreed' });
    // A host that did not issue the chain records nothing in it.
    const stranger = newSigner();
    expect(await receiveObjection(store, { docId: 'd', objection, from: { delegation: 'FRA', key: objection.fingerprint }, now: new Date('2026-12-08T11:20:00.000Z') })).toEqual({ arrived: '2026-12-08T11:20:00.000Z', late: true });
    expect(await settleSilence(store, { docId: 'd', key: stranger, now: new Date('2026-12-08T11:21:00.000Z') })).toBeNull();
    expect(await silenceState(store, 'd')).toMatchObject({ outcome: 'agreed', brokenBy: [], late: [{ arrived: '2026-12-08T11:20:00.000Z' }] });
    const late = (await settleSilence(store, { docId: 'd', key, now: new Date('2026-12-08T11:21:00.000Z') }))!;
    expect(late).toMatchObject({ event: 'late', outcome: null, objections: [{ arrived: '2026-12-08T11:20:00.000Z', objection: { delegation: 'FRA' } }] });
    expect(await settleSilence(store, { docId: 'd', key, now: new Date('2026-12-08T11:22:00.000Z') })).toBeNull();
    // Sent again: the same arrival, nothing new in the chain.
    expect(await receiveObjection(store, { docId: 'd', objection, from: { delegation: 'FRA' }, now: new Date('2026-12-08T11:30:00.000Z') })).toEqual({ arrived: '2026-12-08T11:20:00.000Z', late: true });
    expect(await settleSilence(store, { docId: 'd', key, now: new Date('2026-12-08T11:31:00.000Z') })).toBeNull();
    expect(await verifyStoredChain(store, 'd')).toBe(5);

    const state = (await silenceState(store, 'd'))!;
    expect(state).toMatchObject({ outcome: 'agreed', brokenBy: [], objections: [] });
    expect(state.late.map((o) => [o.objection.delegation, o.objection.time, o.arrived])).toEqual([['FRA', '2026-12-08T10:30:00.000Z', '2026-12-08T11:20:00.000Z']]);
    expect(await silenceWordsOf(store, rev2.revision.id)).toBe(
      'Rev.2: agreed under silence procedure (deadline 2026-12-08 12:00 (Europe/Zurich)); objection by FRA signed 2026-12-08T10:30:00.000Z arrived after the deadline (2026-12-08T11:20:00.000Z), not breaking silence',
    );
    const file = await revisionFileOf(store, rev2.revision.id);
    expect(await verifyRevisionFile(serializeRevisionFile(file))).toMatchObject({ chain: 5, silence: { outcome: 'agreed', late: [{ arrived: '2026-12-08T11:20:00.000Z' }] } });

    // The late record moved into the outcome (silence "broken" by it), or re-signed with an arrival by the deadline: refused.
    const moved = structuredClone(file);
    const lateRecord = moved.chain.pop() as { objections: unknown[] };
    Object.assign(moved.chain[3]!, { objections: lateRecord.objections, outcome: 'broken' });
    expect(await failure(moved)).toBe('signature-invalid');
    const early = structuredClone(file);
    const [entry] = (early.chain[4] as unknown as { objections: { arrived: string }[] }).objections;
    entry!.arrived = '2026-12-08T10:45:00.000Z';
    const { signature: _s, ...unsigned } = early.chain[4]!;
    early.chain[4]!.signature = toHex(await key.sign(recordSigningBytes(unsigned)));
    expect(await failure(early)).toBe('chain-broken');
    // A late record straight after the placing (no outcome): refused.
    const noOutcome = structuredClone(file);
    noOutcome.chain.splice(3, 1);
    expect(await failure(noOutcome)).toBe('chain-broken');
  });
});

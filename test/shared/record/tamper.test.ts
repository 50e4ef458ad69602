import { describe, expect, it } from 'vitest';
import {
  RecordError, contentHash, groupedFingerprint, issueRevisionFile, recordSigningBytes, serializeRevisionFile, signRecord, verifyRevisionFile,
  type ChainRecord, type RecordFailure, type RecordSigner, type RevisionFile, type RevisionRecord,
} from '../../../shared/record/index.js';
import { sampleResolution } from '../../support/edit-stream.js';
import { newSigner, timeAt } from './signers.js';

type Json = { type: string; text?: string; content?: Json[] };

const issuer = newSigner();
const intruder = newSigner();

/** Rev.1, Rev.2, Rev.3 of a 60-OP resolution, each a little longer. */
async function threeRevisions(): Promise<RevisionFile> {
  let previous: string | null = null;
  let file: RevisionFile | null = null;
  for (const [i, label] of ['Rev.1', 'Rev.2', 'Rev.3'].entries()) {
    file = await issueRevisionFile({ document: sampleResolution(60, 12 + i).toJSON(), label, time: timeAt(i), docId: 'draft-l6', previous, signer: issuer });
    previous = serializeRevisionFile(file);
  }
  return file!;
}

const clone = (file: RevisionFile): RevisionFile => JSON.parse(JSON.stringify(file)) as RevisionFile;

async function failure(file: RevisionFile | string, key?: string): Promise<RecordFailure> {
  try {
    await verifyRevisionFile(typeof file === 'string' ? file : serializeRevisionFile(file), { key });
  } catch (err) {
    if (err instanceof RecordError) return err.kind;
    throw err;
  }
  throw new Error('verified');
}

function op5Text(file: RevisionFile): Json {
  const operative = (file.document as Json).content!.find((n) => n.type === 'operative')!;
  return operative.content![4]!.content![0]!.content![1]!;
}

async function resign(record: ChainRecord, previous: ChainRecord | null, signer: RecordSigner, changes: Partial<RevisionRecord> = {}): Promise<RevisionRecord> {
  return signRecord({ docId: changes.docId ?? record.docId, label: record.label, contentHash: changes.contentHash ?? record.contentHash, previous, time: record.time }, signer);
}

describe('revision file tampering', () => {
  it('verifies an untampered file, with and without --key (grouped or plain)', async () => {
    const file = await threeRevisions();
    const verified = await verifyRevisionFile(serializeRevisionFile(file));
    expect(verified).toMatchObject({ label: 'Rev.3', chain: 3, issuer: issuer.publicKey });
    await expect(verifyRevisionFile(serializeRevisionFile(file), { key: verified.fingerprint })).resolves.toMatchObject({ label: 'Rev.3' });
    await expect(verifyRevisionFile(serializeRevisionFile(file), { key: groupedFingerprint(verified.fingerprint) })).resolves.toMatchObject({ chain: 3 });
  });

  it('refuses a word changed in OP 5, with or without the content hash recomputed', async () => {
    const file = clone(await threeRevisions());
    const text = op5Text(file);
    expect(text.text).toContain(' ');
    text.text = text.text!.replace(/ \S+ /, ' shall ');
    expect(await failure(file)).toBe('content-changed');
    file.chain.at(-1)!.contentHash = await contentHash(file.document);
    expect(await failure(file)).toBe('signature-invalid');
  });

  it('refuses a chain with a revision removed (the middle one, the first one)', async () => {
    const file = await threeRevisions();
    const middle = clone(file);
    middle.chain.splice(1, 1);
    expect(await failure(middle)).toBe('chain-broken');
    const first = clone(file);
    first.chain.splice(0, 1);
    expect(await failure(first)).toBe('chain-broken');
    const last = clone(file);
    last.chain.pop();
    expect(await failure(last)).toBe('content-changed');
  });

  it('refuses a record re-signed with another key, and an issuer key swapped', async () => {
    const file = await threeRevisions();
    const middle = clone(file);
    middle.chain[1] = await resign(middle.chain[1]!, middle.chain[0]!, intruder);
    expect(await failure(middle)).toBe('unknown-key');

    // The intruder's signature under the issuer's key and fingerprint.
    const forged = clone(file);
    const intruderRecord = await resign(forged.chain[2]!, forged.chain[1]!, intruder);
    forged.chain[2]!.signature = intruderRecord.signature;
    expect(await failure(forged)).toBe('signature-invalid');

    const swapped = clone(file);
    const intruderFingerprint = intruderRecord.fingerprint;
    swapped.issuer = { publicKey: intruder.publicKey, fingerprint: intruderFingerprint };
    expect(await failure(swapped)).toBe('unknown-key');
    const halfSwapped = clone(file);
    halfSwapped.issuer.publicKey = intruder.publicKey;
    expect(await failure(halfSwapped)).toBe('unknown-key');

    // Every record re-signed by the intruder is a valid chain of another issuer: --key tells.
    const whole = clone(file);
    whole.chain = [];
    for (const record of file.chain) whole.chain.push(await resign(record, whole.chain.at(-1) ?? null, intruder));
    whole.issuer = { publicKey: intruder.publicKey, fingerprint: intruderFingerprint };
    await expect(verifyRevisionFile(serializeRevisionFile(whole))).resolves.toMatchObject({ fingerprint: intruderFingerprint });
    expect(await failure(whole, file.issuer.fingerprint)).toBe('unknown-key');
    expect(await failure(file, intruderFingerprint)).toBe('unknown-key');
  });

  it('refuses a label changed, a record reordered, a format it does not know, and a file re-spaced', async () => {
    const file = await threeRevisions();
    const relabelled = clone(file);
    relabelled.chain[2]!.label = 'Rev.4';
    expect(await failure(relabelled)).toBe('signature-invalid');
    const reordered = clone(file);
    [reordered.chain[0], reordered.chain[1]] = [reordered.chain[1]!, reordered.chain[0]!];
    expect(await failure(reordered)).toBe('chain-broken');
    expect(await failure({ ...clone(file), version: 2 as 1 })).toBe('malformed');
    expect(await failure(JSON.stringify(file, null, 1))).toBe('malformed');
    expect(await failure(serializeRevisionFile(file).replace('\n', '\r\n'))).toBe('malformed');
  });

  it('refuses to issue after a file that does not verify, or of another issuer', async () => {
    const file = clone(await threeRevisions());
    const document = sampleResolution(60, 15).toJSON();
    const good = serializeRevisionFile(file);
    await expect(issueRevisionFile({ document, label: 'Rev.4', time: timeAt(4), previous: good, signer: intruder })).rejects.toThrow(/unknown key: the previous revision \(Rev\.3\)/);
    op5Text(file).text = 'changed';
    await expect(issueRevisionFile({ document, label: 'Rev.4', time: timeAt(4), previous: serializeRevisionFile(file), signer: issuer })).rejects.toThrow(/content changed/);
    const next = await issueRevisionFile({ document, label: 'Rev.4', time: timeAt(4), previous: good, signer: issuer });
    expect(next.chain.slice(0, 3)).toEqual(JSON.parse(good).chain);
    await expect(verifyRevisionFile(serializeRevisionFile(next))).resolves.toMatchObject({ label: 'Rev.4', chain: 4 });
  });

  it('refuses a chain whose records name another document, or none (records older than the field)', async () => {
    const file = await threeRevisions();
    await expect(verifyRevisionFile(serializeRevisionFile(file), { docId: 'draft-l6' })).resolves.toMatchObject({ docId: 'draft-l6', label: 'Rev.3' });
    await expect(verifyRevisionFile(serializeRevisionFile(file), { docId: 'draft-l7' })).rejects.toThrow(/chain broken: record 1 of 3 \(Rev\.1\) is of document draft-l6, the chain of document draft-l7/);
    // The issuer re-signs Rev.3 for another document after the real Rev.2: every signature is good, the chain is not one document's.
    const grafted = clone(file);
    grafted.chain[2] = await resign(grafted.chain[2]!, null, issuer, { docId: 'draft-l7' });
    grafted.chain[2] = { ...grafted.chain[2]!, previousHash: file.chain[2]!.previousHash };
    const { signature: _s, ...unsigned } = grafted.chain[2]!;
    grafted.chain[2]!.signature = [...(await issuer.sign(recordSigningBytes(unsigned)))].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(await failure(grafted)).toBe('chain-broken');
    await expect(verifyRevisionFile(serializeRevisionFile(grafted))).rejects.toThrow(/record 3 of 3 \(Rev\.3\) is of document draft-l7, the chain of document draft-l6/);
    // signRecord refuses to chain after another document's record.
    await expect(resign(file.chain[2]!, file.chain[1]!, issuer, { docId: 'draft-l7' })).rejects.toThrow(/chain broken: the previous record \(Rev\.2\) is of document draft-l6/);
    // A record without the field (as issued before it existed) is refused naming it.
    const old = clone(file);
    for (const record of old.chain) delete (record as Partial<ChainRecord>).docId;
    await expect(verifyRevisionFile(serializeRevisionFile(old))).rejects.toThrow(/not a valid revision file: record 1 of 3: missing field "docId"/);
    // Issuing after a file of another document is refused; the id defaults to the previous file's.
    const document = sampleResolution(60, 15).toJSON();
    await expect(issueRevisionFile({ document, label: 'Rev.4', time: timeAt(4), docId: 'draft-l7', previous: serializeRevisionFile(file), signer: issuer })).rejects.toThrow(/is of document draft-l6, not of draft-l7/);
    expect((await issueRevisionFile({ document, label: 'Rev.4', time: timeAt(4), previous: serializeRevisionFile(file), signer: issuer })).chain[3]!.docId).toBe('draft-l6');
    await expect(issueRevisionFile({ document, label: 'Rev.1', time: timeAt(4), signer: issuer })).rejects.toThrow(/needs the id of its document/);
  });
});

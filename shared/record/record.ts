import { fromHex, jcs, sha256Hex, utf8 } from './canonical.js';
import { msg, type Message, type MessageValue } from '../i18n/message.js';
import { at, RecordError } from './errors.js';
import { keyFingerprint } from './fingerprint.js';
import { checkSilenceLink } from './silence-chain.js';
import { checkDocId, checkSilenceShape, silenceRecordType, type SilenceRecord } from './silence.js';

/** The `type` every revision record carries, so its signature cannot be taken for another message's. */
export const recordType = 'penholder-revision-record';

/**
 * One issued revision in a document's chain. `docId` is the document's id in the issuer's
 * store, signed so a chain cannot be passed off as another document's. Hex fields are lowercase. `contentHash` is the
 * SHA-256 of the canonical document (canonical.ts `contentHash`); `previousHash` the SHA-256
 * of the JCS of the previous record, signature included (null for the first issued
 * revision); `time` an ISO 8601 UTC instant; `publicKey` the issuer's raw Ed25519 key (32
 * bytes) and `fingerprint` its SHA-256; `signature` the Ed25519 signature of the JCS of
 * every other field ({@link recordSigningBytes}).
 */
export type RevisionRecord = {
  type: typeof recordType;
  version: 1;
  docId: string;
  label: string;
  contentHash: string;
  previousHash: string | null;
  time: string;
  fingerprint: string;
  publicKey: string;
  signature: string;
};

/** Any record of a document's chain: an issued revision, or the silence procedure on one (silence.ts). */
export type ChainRecord = RevisionRecord | SilenceRecord;

/** A record before signing. */
export type UnsignedRecord = Omit<RevisionRecord, 'signature'>;

/** Who signs: the raw Ed25519 public key (hex) and a function signing bytes with its private key (64-byte signature). */
export type RecordSigner = { publicKey: string; sign(bytes: Uint8Array): Promise<Uint8Array> | Uint8Array };

/** Longest label accepted ("Rev.2", "L.14/Rev.1"...). */
export const maxLabelLength = 200;

const fields = ['type', 'version', 'docId', 'label', 'contentHash', 'previousHash', 'time', 'fingerprint', 'publicKey', 'signature'] as const;
const hex64 = /^[0-9a-f]{64}$/;
const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The bytes a record's signature covers: the JCS of the record without `signature`. */
export function recordSigningBytes(record: UnsignedRecord | Omit<SilenceRecord, 'signature'> | ChainRecord): Uint8Array {
  const { signature: _signature, ...unsigned } = record as ChainRecord;
  return utf8(jcs(unsigned));
}

/** The hash the next record's `previousHash` must hold: SHA-256 of the JCS of the whole record. */
export async function recordHash(record: ChainRecord): Promise<string> {
  return sha256Hex(jcs(record));
}

/**
 * Signs a new record of document `docId` for `label` and `contentHash`, chained after
 * `previous` (null for the first issued revision), at `time` (an ISO 8601 UTC instant with
 * milliseconds). Throws a `chain-broken` RecordError when `previous` is another document's.
 */
export async function signRecord(
  input: { docId: string; label: string; contentHash: string; previous: ChainRecord | null; time: string },
  signer: RecordSigner,
): Promise<RevisionRecord> {
  if (input.previous && input.previous.docId !== input.docId) {
    throw new RecordError('chain-broken', msg('checks:record.previousOtherDocument', { label: input.previous.label, document: input.previous.docId, docId: input.docId }));
  }
  const unsigned: UnsignedRecord = {
    type: recordType,
    version: 1,
    docId: input.docId,
    label: input.label,
    contentHash: input.contentHash,
    previousHash: input.previous ? await recordHash(input.previous) : null,
    time: input.time,
    fingerprint: await keyFingerprint(signer.publicKey),
    publicKey: signer.publicKey,
  };
  checkRecordShape({ ...unsigned, signature: '0'.repeat(128) }, msg('checks:record.place.newRecord'));
  const signature = await signer.sign(recordSigningBytes(unsigned));
  return { ...unsigned, signature: [...signature].map((b) => b.toString(16).padStart(2, '0')).join('') };
}

/** Throws a `malformed` RecordError unless `value` has exactly a record's fields, each of its type and form. */
export function checkRecordShape(value: unknown, where: MessageValue): asserts value is RevisionRecord {
  const fail = (what: Message): never => {
    throw new RecordError('malformed', at(where, what));
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(shape('notObject'));
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  for (const key of keys) if (!(fields as readonly string[]).includes(key)) fail(shape('unexpectedField', { field: key }));
  for (const key of fields) if (!(key in record)) fail(missingField(key));
  if (record.type !== recordType) fail(shape('typeIsNot', { type: recordType }));
  if (record.version !== 1) fail(shape('versionNot1'));
  checkDocId(record.docId, fail);
  if (typeof record.label !== 'string' || record.label.trim() === '' || record.label.length > maxLabelLength) fail(shape('notName', { field: 'label', max: maxLabelLength }));
  if (typeof record.contentHash !== 'string' || !hex64.test(record.contentHash)) fail(shape('notSha', { field: 'contentHash' }));
  if (record.previousHash !== null && (typeof record.previousHash !== 'string' || !hex64.test(record.previousHash))) fail(shape('notNullOrSha', { field: 'previousHash' }));
  if (typeof record.time !== 'string' || !isoTime.test(record.time) || Number.isNaN(Date.parse(record.time))) fail(shape('notInstant', { field: 'time' }));
  if (typeof record.fingerprint !== 'string' || !hex64.test(record.fingerprint)) fail(shape('notSha', { field: 'fingerprint' }));
  if (typeof record.publicKey !== 'string' || !hex64.test(record.publicKey)) fail(shape('notKey', { field: 'publicKey' }));
  if (typeof record.signature !== 'string' || !/^[0-9a-f]{128}$/.test(record.signature)) fail(shape('notSignature', { field: 'signature' }));
}

/** The message `checks:record.shape.<name>`: what is out of form in a record, an objection or a silence record. */
export function shape(name: string, values: Record<string, MessageValue> = {}): Message {
  return msg(`checks:record.shape.${name}`, values);
}

/** The words for a missing field; a missing `docId` marks a record made before records named their document. */
export function missingField(key: string): Message {
  return key === 'docId' ? shape('missingDocId') : shape('missingField', { field: key });
}

/** True when `signature` (hex) is a valid Ed25519 signature of `bytes` under `publicKey` (hex); false for a key that is not a curve point. */
export async function verifyEd25519(publicKey: string, bytes: Uint8Array, signature: string, cache?: Map<string, CryptoKey>): Promise<boolean> {
  const subtle = globalThis.crypto.subtle;
  let key = cache?.get(publicKey);
  try {
    if (!key) {
      key = await subtle.importKey('raw', fromHex(publicKey) as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify']);
      cache?.set(publicKey, key);
    }
    return await subtle.verify('Ed25519', key, fromHex(signature) as Uint8Array<ArrayBuffer>, bytes as Uint8Array<ArrayBuffer>);
  } catch {
    return false;
  }
}

/**
 * Verifies a chain of records, oldest first, back to the first issued revision: every record
 * well formed, of one document (every `docId` the first record's, and `docId` when given),
 * its fingerprint the hash of its key, its key the issuer's (`issuerKey`, or the first
 * record's), its signature valid, and its `previousHash` the hash of the record before it
 * (null for the first, which must be a revision). Silence records must follow their revision
 * as silence.ts `checkSilenceLink` says (placed, outcome, late). Resolves to the last record;
 * throws a RecordError naming the first record that fails ("record 2 of 5").
 */
export async function verifyChain(records: unknown, issuerKey?: string, docId?: string): Promise<ChainRecord> {
  if (!Array.isArray(records) || records.length === 0) throw new RecordError('malformed', msg('checks:record.chainEmpty'));
  const keys = new Map<string, CryptoKey>();
  const verify = (key: string, bytes: Uint8Array, sig: string) => verifyEd25519(key, bytes, sig, keys);
  let previous: ChainRecord | null = null;
  let placed: { record: SilenceRecord; hash: string } | null = null;
  const issuer = issuerKey ?? (records[0] as { publicKey?: unknown })?.publicKey;
  let document = docId;
  for (let i = 0; i < records.length; i++) {
    const where = msg('checks:record.place.recordOf', { n: i + 1, total: records.length });
    const record: unknown = records[i];
    if ((record as { type?: unknown } | null)?.type === silenceRecordType) checkSilenceShape(record, where);
    else checkRecordShape(record, where);
    document ??= record.docId;
    const named = { where, label: record.label };
    if (record.docId !== document) throw new RecordError('chain-broken', msg('checks:record.otherDocument', { ...named, document: record.docId, chainDocument: document }));
    if ((await keyFingerprint(record.publicKey)) !== record.fingerprint) throw new RecordError('unknown-key', msg('checks:record.fingerprintNotKey', named));
    if (record.publicKey !== issuer) throw new RecordError('unknown-key', msg('checks:record.notIssuer', { ...named, fingerprint: record.fingerprint }));
    if (!(await verify(record.publicKey, recordSigningBytes(record), record.signature))) {
      throw new RecordError('signature-invalid', msg('checks:record.signatureNotIssuer', named));
    }
    const previousHash = previous === null ? null : await recordHash(previous);
    if (previous === null) {
      if (record.previousHash !== null) throw new RecordError('chain-broken', msg('checks:record.pointsAtMissing', named));
    } else if (record.previousHash !== previousHash) {
      throw new RecordError('chain-broken', msg('checks:record.notPointing', { ...named, n: i, previous: previous.label }));
    }
    if (record.type === silenceRecordType) {
      await checkSilenceLink(record, previous, placed, where, verify);
      if (record.event === 'placed') placed = { record, hash: await recordHash(record) };
    } else {
      placed = null;
    }
    previous = record;
  }
  return previous as ChainRecord;
}

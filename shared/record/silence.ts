/**
 * The silence procedure in the record (issue 14 point 5). Placing an issued revision under
 * silence and the outcome at the deadline are records of the document's chain, signed by the
 * issuer like its revisions, so a revision file carries them and `penholder verify` checks
 * them. An objection (breaking silence) is signed by the objecting delegation's installation
 * key, bound to the one silence it breaks (the hash of its `placed` record), and carries the
 * time it was signed; the outcome record lists every objection with the time it reached the
 * host, so anyone can check each objection and the outcome from the file alone. Objections
 * signed before the deadline that reached the host after it are kept in `late` records
 * (silence-chain.ts says why they do not break silence).
 */
import { jcs, toHex, utf8 } from './canonical.js';
import { checkDeadline, type DeadlineError, type SilenceDeadline } from './deadline.js';
import { msg, type Message, type MessageValue } from '../i18n/message.js';
import { at, RecordError } from './errors.js';
import { keyFingerprint } from './fingerprint.js';
import { maxLabelLength, missingField, recordHash, shape, recordSigningBytes, type ChainRecord, type RecordSigner } from './record.js';

/** The `type` of a silence record of the chain. */
export const silenceRecordType = 'penholder-silence-record';
/** The `type` of an objection, so its signature cannot be taken for another message's. */
export const objectionType = 'penholder-silence-objection';

/** A delegation's signed objection: the silence it breaks (`silence`: hash of the `placed` record), the revision's label, who, which paragraphs, why, when signed, its key. */
export type SilenceObjection = {
  type: typeof objectionType;
  version: 1;
  silence: string;
  label: string;
  delegation: string;
  name: string;
  paragraphs: string[];
  reason: string;
  time: string;
  fingerprint: string;
  publicKey: string;
  signature: string;
};

/** An objection as the host received it: `arrived` is the host's clock when it came (ISO 8601 UTC). */
export type ReceivedObjection = { objection: SilenceObjection; arrived: string };

/**
 * A silence record of document `docId`: `placed` (the revision `label`/`contentHash` is under
 * silence until `deadline`; `outcome` null, no objections), `outcome` (at or after the
 * deadline: 'agreed' with no objection, 'broken' with the objections that arrived by the
 * deadline) or `late` (after the outcome: objections signed by the deadline that arrived
 * after it, `outcome` null; they do not break silence). Chained and signed like a revision
 * record (record.ts).
 */
export type SilenceRecord = {
  type: typeof silenceRecordType;
  version: 1;
  docId: string;
  event: 'placed' | 'outcome' | 'late';
  label: string;
  contentHash: string;
  deadline: SilenceDeadline;
  outcome: 'agreed' | 'broken' | null;
  objections: ReceivedObjection[];
  previousHash: string | null;
  time: string;
  fingerprint: string;
  publicKey: string;
  signature: string;
};

/** Longest reason of an objection, in characters. */
export const maxReasonLength = 4000;
/** Most paragraphs an objection names. */
export const maxObjectionParagraphs = 200;

const hex64 = /^[0-9a-f]{64}$/;
const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const objectionFields = ['type', 'version', 'silence', 'label', 'delegation', 'name', 'paragraphs', 'reason', 'time', 'fingerprint', 'publicKey', 'signature'];
const silenceFields = ['type', 'version', 'docId', 'event', 'label', 'contentHash', 'deadline', 'outcome', 'objections', 'previousHash', 'time', 'fingerprint', 'publicKey', 'signature'];

function exactFields(value: unknown, fields: string[], fail: (what: Message) => never): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(shape('notObject'));
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) if (!fields.includes(key)) fail(shape('unexpectedField', { field: key }));
  for (const key of fields) if (!(key in v)) fail(missingField(key));
  return v;
}

/** Longest document id a record names. */
export const maxDocIdLength = 200;

/** Calls `fail` unless `value` is a document id: 1 to 200 characters, none of them a control character. */
export function checkDocId(value: unknown, fail: (what: Message) => never): void {
  // eslint-disable-next-line no-control-regex -- refusing control characters in an id is the point
  if (typeof value !== 'string' || value === '' || value.length > maxDocIdLength || /[\u0000-\u001f\u007f]/.test(value)) fail(shape('notDocId', { max: maxDocIdLength }));
}

function isTime(value: unknown): value is string {
  return typeof value === 'string' && isoTime.test(value) && !Number.isNaN(Date.parse(value));
}

/** Throws a `malformed` RecordError unless `value` is an objection in form (signature not checked). */
export function checkObjectionShape(value: unknown, where: MessageValue): asserts value is SilenceObjection {
  const fail = (what: Message): never => {
    throw new RecordError('malformed', at(where, what));
  };
  const o = exactFields(value, objectionFields, fail);
  if (o.type !== objectionType || o.version !== 1) fail(shape('notVersion1', { type: objectionType }));
  if (typeof o.silence !== 'string' || !hex64.test(o.silence)) fail(shape('notSha', { field: 'silence' }));
  if (typeof o.label !== 'string' || o.label.trim() === '' || o.label.length > maxLabelLength) fail(shape('notName', { field: 'label', max: maxLabelLength }));
  if (typeof o.delegation !== 'string' || o.delegation.trim() === '' || o.delegation.length > 200) fail(shape('notName', { field: 'delegation', max: 200 }));
  if (typeof o.name !== 'string' || o.name.length > 200) fail(shape('tooLong', { field: 'name', max: 200 }));
  if (!Array.isArray(o.paragraphs) || o.paragraphs.length > maxObjectionParagraphs || o.paragraphs.some((p) => typeof p !== 'string' || p.trim() === '' || p.length > 100)) fail(shape('paragraphs', { max: maxObjectionParagraphs }));
  if (typeof o.reason !== 'string' || o.reason.trim() === '' || o.reason.length > maxReasonLength) fail(shape('reason', { max: maxReasonLength }));
  if (!isTime(o.time)) fail(shape('notInstant', { field: 'time' }));
  if (typeof o.fingerprint !== 'string' || !hex64.test(o.fingerprint)) fail(shape('notSha', { field: 'fingerprint' }));
  if (typeof o.publicKey !== 'string' || !hex64.test(o.publicKey)) fail(shape('notKey', { field: 'publicKey' }));
  if (typeof o.signature !== 'string' || !/^[0-9a-f]{128}$/.test(o.signature)) fail(shape('notSignature', { field: 'signature' }));
}

/** Throws a `malformed` RecordError unless `value` is a silence record in form (signatures and chain not checked). */
export function checkSilenceShape(value: unknown, where: MessageValue): asserts value is SilenceRecord {
  const fail = (what: Message): never => {
    throw new RecordError('malformed', at(where, what));
  };
  const r = exactFields(value, silenceFields, fail);
  if (r.type !== silenceRecordType || r.version !== 1) fail(shape('notVersion1', { type: silenceRecordType }));
  checkDocId(r.docId, fail);
  if (r.event !== 'placed' && r.event !== 'outcome' && r.event !== 'late') fail(shape('notEvent'));
  if (typeof r.label !== 'string' || r.label.trim() === '' || r.label.length > maxLabelLength) fail(shape('notName', { field: 'label', max: maxLabelLength }));
  if (typeof r.contentHash !== 'string' || !hex64.test(r.contentHash)) fail(shape('notSha', { field: 'contentHash' }));
  try {
    checkDeadline(r.deadline, where);
  } catch (err) {
    throw new RecordError('malformed', (err as DeadlineError).text);
  }
  if (!Array.isArray(r.objections)) fail(shape('notList', { field: 'objections' }));
  const objections = r.objections as unknown[];
  if (r.event === 'placed' && (r.outcome !== null || objections.length > 0)) fail(shape('placedHasOutcome'));
  if (r.event === 'outcome' && r.outcome !== (objections.length > 0 ? 'broken' : 'agreed')) fail(shape('wrongOutcome', { outcome: objections.length > 0 ? 'broken' : 'agreed', objections: objections.length }));
  if (r.event === 'late' && (r.outcome !== null || objections.length === 0)) fail(shape('lateNoObjection'));
  objections.forEach((entry, i) => {
    const e = exactFields(entry, ['objection', 'arrived'], (what) => fail(shape('objectionN', { n: i + 1, what })));
    checkObjectionShape(e.objection, msg('checks:record.place.objectionOf', { where, n: i + 1 }));
    if (!isTime(e.arrived)) fail(shape('objectionN', { n: i + 1, what: shape('notInstant', { field: 'arrived' }) }));
  });
  if (r.previousHash !== null && (typeof r.previousHash !== 'string' || !hex64.test(r.previousHash))) fail(shape('notNullOrSha', { field: 'previousHash' }));
  if (!isTime(r.time)) fail(shape('notInstant', { field: 'time' }));
  if (typeof r.fingerprint !== 'string' || !hex64.test(r.fingerprint)) fail(shape('notSha', { field: 'fingerprint' }));
  if (typeof r.publicKey !== 'string' || !hex64.test(r.publicKey)) fail(shape('notKey', { field: 'publicKey' }));
  if (typeof r.signature !== 'string' || !/^[0-9a-f]{128}$/.test(r.signature)) fail(shape('notSignature', { field: 'signature' }));
}

/** The bytes an objection's signature covers: the JCS of the objection without `signature`. */
export function objectionSigningBytes(objection: Omit<SilenceObjection, 'signature'> | SilenceObjection): Uint8Array {
  const { signature: _signature, ...unsigned } = objection as SilenceObjection;
  return utf8(jcs(unsigned));
}

/**
 * Signs an objection to the silence whose `placed` record hashes to `silence`, by `signer`
 * (the delegation's installation key), at `time`. Throws a `malformed` RecordError when a
 * field is out of form (no paragraph label may be empty, the reason must say something).
 */
export async function signObjection(
  input: { silence: string; label: string; delegation: string; name: string; paragraphs: string[]; reason: string; time: string },
  signer: RecordSigner,
): Promise<SilenceObjection> {
  const unsigned: Omit<SilenceObjection, 'signature'> = {
    type: objectionType,
    version: 1,
    silence: input.silence,
    label: input.label,
    delegation: input.delegation.trim(),
    name: input.name.trim(),
    paragraphs: input.paragraphs.map((p) => p.trim()),
    reason: input.reason.trim(),
    time: input.time,
    fingerprint: await keyFingerprint(signer.publicKey),
    publicKey: signer.publicKey,
  };
  checkObjectionShape({ ...unsigned, signature: '0'.repeat(128) }, msg('checks:record.place.objection'));
  return { ...unsigned, signature: toHex(await signer.sign(objectionSigningBytes(unsigned))) };
}

/** Verifies an objection's form, fingerprint and signature under its own key; throws a RecordError naming what failed. */
export async function verifyObjection(value: unknown, where: MessageValue, verify: (key: string, bytes: Uint8Array, sig: string) => Promise<boolean>): Promise<SilenceObjection> {
  checkObjectionShape(value, where);
  if ((await keyFingerprint(value.publicKey)) !== value.fingerprint) throw new RecordError('unknown-key', at(where, msg('checks:record.ownFingerprintNotKey')));
  if (!(await verify(value.publicKey, objectionSigningBytes(value), value.signature))) throw new RecordError('signature-invalid', msg('checks:record.objectionSignature', { where, delegation: value.delegation }));
  return value;
}

/**
 * Signs a silence record chained after `previous` (the record of the revision under silence
 * for `placed`, its `placed` record for the outcome, the outcome or a late record for `late`)
 * with the issuer's key, of `previous`'s document. The outcome is 'broken' when there are
 * objections, else 'agreed'; a late record carries the late objections and no outcome.
 * Throws a `malformed` RecordError when out of form.
 */
export async function signSilenceRecord(
  input: { event: 'placed' | 'outcome' | 'late'; previous: ChainRecord; deadline: SilenceDeadline; objections?: ReceivedObjection[]; time: string },
  signer: RecordSigner,
): Promise<SilenceRecord> {
  const objections = input.event === 'placed' ? [] : (input.objections ?? []);
  const unsigned: Omit<SilenceRecord, 'signature'> = {
    type: silenceRecordType,
    version: 1,
    docId: input.previous.docId,
    event: input.event,
    label: input.previous.label,
    contentHash: input.previous.contentHash,
    deadline: input.deadline,
    outcome: input.event === 'outcome' ? (objections.length > 0 ? 'broken' : 'agreed') : null,
    objections,
    previousHash: await recordHash(input.previous),
    time: input.time,
    fingerprint: await keyFingerprint(signer.publicKey),
    publicKey: signer.publicKey,
  };
  checkSilenceShape({ ...unsigned, signature: '0'.repeat(128) }, msg('checks:record.place.newSilence'));
  return { ...unsigned, signature: toHex(await signer.sign(recordSigningBytes(unsigned))) };
}

import { canonicalDocument, jcs, sha256Hex, utf8 } from './canonical.js';
import { causeValue, msg } from '../i18n/message.js';
import { RecordError } from './errors.js';
import { keyFingerprint, parseFingerprint } from './fingerprint.js';
import { signRecord, verifyChain, type ChainRecord, type RecordSigner } from './record.js';
import { silenceOf, type SilenceState } from './silence-chain.js';

/** The `format` of a revision file. */
export const revisionFileFormat = 'penholder-revision';

/**
 * An issued revision as one file: the document (ProseMirror JSON with its negotiation
 * state), the chain of records back to the first issued revision (oldest first, each
 * signed), and the issuer's public key and fingerprint. Written as its JCS plus a newline
 * ({@link serializeRevisionFile}), so a file has exactly one byte form and any change to a
 * byte is seen.
 */
export type RevisionFile = {
  format: typeof revisionFileFormat;
  version: 1;
  issuer: { publicKey: string; fingerprint: string };
  document: unknown;
  chain: ChainRecord[];
};

/**
 * What a verified revision file says: the document id every record signs, the last record's
 * label and content hash, the issuer's key and fingerprint, the chain's length (every record,
 * silence records included), and the silence procedure on the revision when it was placed
 * under silence.
 */
export type VerifiedRevision = {
  docId: string; label: string; hash: string; issuer: string; fingerprint: string; chain: number; time: string; document: unknown; silence: SilenceState | null;
};

/** The bytes of a revision file as written: its JCS and a newline. */
export function serializeRevisionFile(file: RevisionFile): string {
  return `${jcs(file)}\n`;
}

/**
 * Issues `document` as revision `label` of document `docId`, signed by `signer`, after
 * `previous` (a revision file that must verify, be of the same issuer and, when `docId` is
 * given, of that document) or as the first issued revision. `docId` defaults to the previous
 * file's; a first revision needs one. Throws a RecordError when the previous file does not
 * verify or is another issuer's or document's, a RangeError when the document is not valid,
 * the label empty or no document id is known.
 */
export async function issueRevisionFile(input: {
  document: unknown;
  label: string;
  time: string;
  docId?: string;
  previous?: Uint8Array | string | null;
  signer: RecordSigner;
}): Promise<RevisionFile> {
  const canonical = canonicalDocument(input.document);
  let chain: ChainRecord[] = [];
  let docId = input.docId;
  if (input.previous) {
    const before = await verifyRevisionFile(input.previous);
    if (docId !== undefined && before.docId !== docId) throw new RecordError('chain-broken', msg('checks:record.file.previousOtherDocument', { label: before.label, document: before.docId, docId }));
    docId = before.docId;
    const previousFile = JSON.parse(typeof input.previous === 'string' ? input.previous : new TextDecoder().decode(input.previous)) as RevisionFile;
    if (before.issuer !== input.signer.publicKey) {
      throw new RecordError('unknown-key', msg('checks:record.file.previousOtherKey', { label: before.label, fingerprint: before.fingerprint }));
    }
    chain = previousFile.chain;
  }
  // internal: every caller passes the document's id or a previous revision; no file can cause this
  if (docId === undefined) throw new RangeError('a first issued revision needs the id of its document');
  const record = await signRecord(
    { docId, label: input.label, contentHash: await sha256Hex(canonical), previous: chain.at(-1) ?? null, time: input.time },
    input.signer,
  );
  return {
    format: revisionFileFormat,
    version: 1,
    issuer: { publicKey: input.signer.publicKey, fingerprint: record.fingerprint },
    document: JSON.parse(canonical) as unknown,
    chain: [...chain, record],
  };
}

const fileFields = ['format', 'version', 'issuer', 'document', 'chain'];

/**
 * Verifies a revision file offline: UTF-8 JSON in exactly its issued byte form, the issuer's
 * fingerprint that of its key (and, with `key`, the fingerprint asked for, grouped or plain
 * hex), every record of the chain of one document (with `docId`, that one: 'chain-broken'
 * otherwise), signed by the issuer and pointing at the one before it back to the first
 * issued revision, and the document hashing to the last record's content hash. Resolves to
 * what it says; throws a RecordError whose `kind` names what failed.
 */
export async function verifyRevisionFile(bytes: Uint8Array | string, options: { key?: string; docId?: string } = {}): Promise<VerifiedRevision> {
  let text: string;
  try {
    text = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new RecordError('malformed', msg('checks:record.file.notUtf8'));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new RecordError('malformed', msg('checks:record.file.notJson', { reason: (err as Error).message }));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new RecordError('malformed', msg('checks:record.file.notObject'));
  const file = parsed as Record<string, unknown>;
  if (file.format !== revisionFileFormat) throw new RecordError('malformed', msg('checks:record.file.format', { format: revisionFileFormat }));
  if (file.version !== 1) throw new RecordError('malformed', msg('checks:record.file.version', { version: String(JSON.stringify(file.version)) }));
  for (const key of Object.keys(file)) if (!fileFields.includes(key)) throw new RecordError('malformed', msg('checks:record.shape.unexpectedField', { field: key }));
  const issuer = file.issuer as Record<string, unknown> | null;
  if (typeof issuer !== 'object' || issuer === null || Object.keys(issuer).sort().join() !== 'fingerprint,publicKey' || typeof issuer.publicKey !== 'string' || typeof issuer.fingerprint !== 'string') {
    throw new RecordError('malformed', msg('checks:record.file.issuer'));
  }
  let canonicalText: string;
  try {
    canonicalText = serializeRevisionFile(parsed as RevisionFile);
  } catch (err) {
    throw new RecordError('malformed', msg('checks:record.file.unsignable', { reason: (err as Error).message }));
  }
  if (canonicalText !== text) throw new RecordError('malformed', msg('checks:record.file.notCanonical'));
  if (!/^[0-9a-f]{64}$/.test(issuer.publicKey) || (await keyFingerprint(issuer.publicKey)) !== issuer.fingerprint) {
    throw new RecordError('unknown-key', msg('checks:record.file.issuerFingerprint'));
  }
  if (options.key !== undefined) {
    const wanted = parseFingerprint(options.key);
    if (wanted === null) throw new RecordError('unknown-key', msg('checks:record.file.notFingerprint', { key: options.key }));
    if (wanted !== issuer.fingerprint) throw new RecordError('unknown-key', msg('checks:record.file.otherIssuer', { fingerprint: issuer.fingerprint, wanted }));
  }
  const last = await verifyChain(file.chain, issuer.publicKey, options.docId);
  let canonical: string;
  try {
    canonical = canonicalDocument(file.document);
  } catch (err) {
    throw new RecordError('content-changed', msg('checks:record.file.invalidDocument', { reason: causeValue(err) }));
  }
  // The file holds the very bytes that were hashed: a field the schema ignores or a default
  // spelled out would otherwise change the file without changing the hash.
  if (jcs(file.document) !== canonical) throw new RecordError('content-changed', msg('checks:record.file.documentNotCanonical'));
  const hash = await sha256Hex(canonical);
  if (hash !== last.contentHash) throw new RecordError('content-changed', msg('checks:record.file.hashDiffers', { hash, label: last.label, signed: last.contentHash }));
  const chain = file.chain as ChainRecord[];
  return { docId: last.docId, label: last.label, hash, issuer: issuer.publicKey, fingerprint: issuer.fingerprint, chain: chain.length, time: last.time, document: file.document, silence: await silenceOf(chain) };
}

/** UTF-8 bytes of a revision file as written. */
export function revisionFileBytes(file: RevisionFile): Uint8Array {
  return utf8(serializeRevisionFile(file));
}

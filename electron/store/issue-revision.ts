import * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import type { RevisionSummary } from '../../shared/api/contract.js';
import {
  RecordError, canonicalDocument, checkRecordShape, checkSilenceShape, contentHash, jcs, revisionFileFormat, sha256Hex, signRecord, silenceRecordType, verifyChain,
  type ChainRecord, type RecordSigner, type RevisionFile, type RevisionRecord,
} from '../../shared/record/index.js';
import { createYDoc, yDocToDoc } from '../../shared/ydoc.js';
import type { Store } from './store.js';
import { msg } from '../../shared/i18n/message.js';
import { StoreError } from './open-database.js';

/** What issuing made: the named revision, its signed record, and the chain's length with it. */
export type IssuedRevision = { revision: RevisionSummary; record: RevisionRecord; chain: number };

/** The document as it was at revision `revisionId` (which must exist). */
export function documentAtRevision(store: Store, revisionId: string): Node {
  const revision = store.getRevision(revisionId);
  const snapshot = store.readRevisionSnapshot(revisionId);
  if (!revision || !snapshot) throw new StoreError('missing', msg('backend:store.noRevision', { revision: revisionId }));
  const full = createYDoc();
  Y.transact(full, () => {
    for (const u of store.readUpdates(revision.docId)) Y.applyUpdate(full, u.data);
  });
  try {
    return yDocToDoc(Y.createDocFromSnapshot(full, snapshot));
  } finally {
    full.destroy();
  }
}

/**
 * Issues the document's current state as revision `label`: records a named revision
 * (kind 'revision'), signs its record with `key` chained after the document's previous
 * issued record, and stores the record beside it. Throws a RecordError ('unknown-key') when
 * the document's chain was issued by another key, and the store's error when another issue
 * took the same place in the chain meanwhile (the revision then stays, unissued).
 */
export async function issueRevision(
  store: Store,
  input: { docId: string; label: string; author: string; delegation: string; key: RecordSigner; now?: () => Date },
): Promise<IssuedRevision> {
  const head = store.records.head(input.docId);
  const previous = head ? (JSON.parse(head.text) as ChainRecord) : null;
  if (previous && previous.publicKey !== input.key.publicKey) {
    throw new RecordError('unknown-key', msg('backend:store.record.otherKey', { fingerprint: previous.fingerprint }));
  }
  const revision = store.createRevision({ docId: input.docId, kind: 'revision', label: input.label, author: input.author, delegation: input.delegation });
  const hash = await contentHash(documentAtRevision(store, revision.id));
  const time = (input.now ?? (() => new Date()))().toISOString();
  const record = await signRecord({ docId: input.docId, label: input.label, contentHash: hash, previous, time }, input.key);
  const n = (head?.n ?? 0) + 1;
  store.records.append(input.docId, n, revision.id, record);
  return { revision, record, chain: n };
}

/**
 * Verifies the document's stored chain: every row's record in the exact form it was signed
 * (JCS), signed by the chain's issuer, chained in order from the first issued revision, and
 * each revision's content still hashing to its record's content hash with the same label.
 * Resolves to the number of records; throws a RecordError naming the first row that fails.
 */
export async function verifyStoredChain(store: Store, docId: string): Promise<number> {
  const rows = store.records.chain(docId);
  const records: ChainRecord[] = [];
  for (const [i, row] of rows.entries()) {
    const where = msg('backend:store.record.where', { n: i + 1, total: rows.length });
    if (row.n !== i + 1) throw new RecordError('chain-broken', msg('backend:store.record.atPlace', { where, place: row.n }));
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.text);
    } catch {
      throw new RecordError('malformed', msg('backend:store.record.notJson', { where }));
    }
    if ((parsed as { type?: unknown } | null)?.type === silenceRecordType) checkSilenceShape(parsed, where);
    else checkRecordShape(parsed, where);
    if (jcs(parsed) !== row.text) throw new RecordError('malformed', msg('backend:store.record.notSignedForm', { where }));
    records.push(parsed);
  }
  if (records.length === 0) return 0;
  await verifyChain(records);
  for (const [i, row] of rows.entries()) {
    const record = records[i]!;
    const revision = store.getRevision(row.revisionId);
    if (!revision || revision.docId !== docId) throw new RecordError('chain-broken', msg('backend:store.record.namesMissing', { n: i + 1, label: record.label, revision: row.revisionId }));
    if (revision.label !== record.label) throw new RecordError('content-changed', msg('backend:store.record.labelDiffers', { revision: row.revisionId, label: revision.label, recordLabel: record.label }));
    const hash = await contentHash(documentAtRevision(store, row.revisionId));
    if (hash !== record.contentHash) throw new RecordError('content-changed', msg('backend:store.record.hashDiffers', { label: record.label, hash, signed: record.contentHash }));
  }
  return records.length;
}

/**
 * The revision file of issued revision `revisionId` (shared/record `RevisionFile`): its
 * document and the stored chain up to its record and the silence records on it that follow
 * (placed, outcome). Throws when the revision was not issued.
 */
export async function revisionFileOf(store: Store, revisionId: string): Promise<RevisionFile> {
  const place = store.records.placeOf(revisionId);
  if (!place) throw new StoreError('missing', msg('backend:store.notIssued', { revision: revisionId }));
  const rows = store.records.chain(place.docId);
  let end = place.n;
  while (rows[end]?.revisionId === revisionId && (JSON.parse(rows[end]!.text) as ChainRecord).type === silenceRecordType) end++;
  const chain = rows.slice(0, end).map((r) => JSON.parse(r.text) as ChainRecord);
  const canonical = canonicalDocument(documentAtRevision(store, revisionId));
  const last = chain.at(-1)!;
  if ((await sha256Hex(canonical)) !== last.contentHash) throw new RecordError('content-changed', msg('backend:store.record.noLongerHashes', { label: last.label }));
  return { format: revisionFileFormat, version: 1, issuer: { publicKey: last.publicKey, fingerprint: last.fingerprint }, document: JSON.parse(canonical) as unknown, chain };
}

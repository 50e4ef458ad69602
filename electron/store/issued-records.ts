import type Database from 'better-sqlite3';
import { jcs, type RevisionRecord } from '../../shared/record/index.js';

/** One stored record of an issued revision: its place in the document's chain (from 1), its revision, and the record as stored (JCS text). */
export type StoredRecord = { n: number; revisionId: string; text: string };

/**
 * The chain of issued-revision records per document (table `issued_records`, migration 6).
 * Rows are appended, never changed; compaction touches only `updates`, so they survive it.
 * Reading does not verify: see issue-revision.ts `verifyStoredChain`.
 */
export function issuedRecordsOf(db: Database.Database) {
  const q = {
    all: db.prepare('SELECT n, revision_id AS revisionId, record AS text FROM issued_records WHERE doc_id = ? ORDER BY n'),
    head: db.prepare('SELECT n, revision_id AS revisionId, record AS text FROM issued_records WHERE doc_id = ? ORDER BY n DESC LIMIT 1'),
    byRevision: db.prepare('SELECT doc_id AS docId, n FROM issued_records WHERE revision_id = ?'),
    insert: db.prepare('INSERT INTO issued_records (doc_id, n, revision_id, record) VALUES (?, ?, ?, ?)'),
  };
  return {
    /** The document's records, oldest first. */
    chain: (docId: string): StoredRecord[] => q.all.all(docId) as StoredRecord[],
    /** The document's newest record, or undefined when none was issued. */
    head: (docId: string): StoredRecord | undefined => q.head.get(docId) as StoredRecord | undefined,
    /** Where a revision's record sits (document and place), or undefined when the revision was not issued. */
    placeOf: (revisionId: string): { docId: string; n: number } | undefined => q.byRevision.get(revisionId) as { docId: string; n: number } | undefined,
    /**
     * Appends `record` as place `n` of the document's chain, for `revisionId`. Throws (a
     * SQLite constraint error) when place `n` is taken, so two issuers racing cannot both
     * chain after the same record.
     */
    append: (docId: string, n: number, revisionId: string, record: RevisionRecord): void => {
      q.insert.run(docId, n, revisionId, jcs(record));
    },
  };
}

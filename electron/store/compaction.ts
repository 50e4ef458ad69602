import type Database from 'better-sqlite3';
import * as Y from 'yjs';

/**
 * Compaction: a document's oldest log rows merged into one checkpoint row.
 *
 * Rows up to the document's newest revision are replayed into a Y.Doc with gc off and written
 * back with `Y.encodeStateAsUpdate` (lossless: deleted items are kept) into one row of origin 'checkpoint' that keeps the last
 * merged row's `seq` and time, so log positions stay meaningful. Nothing is lost:
 * - every revision opens from its own snapshot over the full document (revisions.ts), not
 *   by replaying a prefix of the log;
 * - who changed what lives in `history` and `client_authors`, written at append time;
 * - rows after the newest revision are never merged, because the next revision reads their
 *   delete sets and clock ranges to build its snapshot increment.
 * The per-row metadata (time, author, origin, index entry) is what makes a long log big;
 * merging 100 small updates usually yields far fewer bytes than their sum. Freed pages go
 * back to the file system via incremental auto-vacuum (set when the file is created).
 */

/**
 * The merged rows as one update. Replaying them into a Doc, rather than `Y.mergeUpdates`,
 * lets Yjs join adjacent items typed by the same client (one struct per keystroke becomes one
 * per run): on a 100k-update log the checkpoint shrinks ~5x and applies ~3x faster on open.
 * Updates whose dependencies are missing stay pending and are carried into the output.
 */
function replayed(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  try {
    doc.transact(() => {
      for (const u of updates) Y.applyUpdate(doc, u);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** Statements and the transaction for compacting one document. */
export function compactionOf(db: Database.Database) {
  const q = {
    upTo: db.prepare('SELECT max(seq) FROM revisions WHERE doc_id = ?').pluck(),
    count: db.prepare("SELECT count(*) FROM updates WHERE doc_id = ? AND seq <= ? AND origin != 'checkpoint'").pluck(),
    rows: db.prepare('SELECT seq, data, created_at FROM updates WHERE doc_id = ? AND seq <= ? ORDER BY seq'),
    remove: db.prepare('DELETE FROM updates WHERE doc_id = ? AND seq <= ?'),
    insert: db.prepare("INSERT INTO updates (seq, doc_id, data, origin, author, delegation, created_at) VALUES (?, ?, ?, 'checkpoint', '', '', ?)"),
  };

  const compact = db.transaction((docId: string, minRows: number): number => {
    const upTo = q.upTo.get(docId) as number | null;
    if (upTo === null) return 0;
    if (Number(q.count.get(docId, upTo)) < Math.max(1, minRows)) return 0;
    const rows = q.rows.all(docId, upTo) as { seq: number; data: Buffer; created_at: string }[];
    const last = rows[rows.length - 1];
    if (rows.length < 2 || !last) return 0;
    const merged = replayed(rows.map((r) => r.data));
    q.remove.run(docId, upTo);
    q.insert.run(last.seq, docId, Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength), last.created_at);
    return rows.length;
  });

  /** Rows of `docId` not yet merged that compaction could merge now (up to its newest revision). */
  const compactable = (docId: string): number => {
    const upTo = q.upTo.get(docId) as number | null;
    return upTo === null ? 0 : Number(q.count.get(docId, upTo));
  };

  return {
    compactable,
    /**
     * Merges `docId`'s rows up to its newest revision into one checkpoint when at least
     * `minRows` of them are not yet merged (default 2). Returns how many rows were merged
     * (0 when nothing was done). One transaction: a crash leaves the log as before or after.
     */
    compactDocument(docId: string, options: { minRows?: number } = {}): number {
      const merged = compact.immediate(docId, options.minRows ?? 2);
      if (merged > 0) db.pragma('incremental_vacuum');
      return merged;
    },
  };
}

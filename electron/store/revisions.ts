import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { RevisionKind, RevisionSummary } from '../../shared/api/contract.js';
import { newId } from '../../shared/ids.js';

/**
 * Revisions as Yjs snapshots over the full document.
 *
 * The live Y.Doc keeps every deleted item (gc off), so any past state is a snapshot: a
 * state vector (which structs existed) plus a delete set (which of them were deleted), and
 * `Y.createDocFromSnapshot(fullDoc, snapshot)` rebuilds it. A revision therefore does not
 * depend on the update log's rows, and compaction may merge the log freely.
 *
 * Deletion in Yjs is monotonic, so a revision's delete set is the union of its predecessors'
 * plus what was deleted since. A revision stores only that increment: the delete sets of the
 * log rows appended after the document's previous revision (each update carries the
 * deletions it made), and the state vector, computed from the same rows' clock ranges
 * (`Y.parseUpdateMeta`) on top of the previous revision's. Both come from the log, so the
 * store needs no live Y.Doc; 1,000 revisions of a long negotiation stay a few bytes each.
 * Reading a revision merges the increments of every revision up to it (`Y.mergeDeleteSets`);
 * so that this does not mean decoding and merging a thousand rows for each revision opened
 * or compared, the store keeps in memory the merged delete set at every
 * `CHECKPOINT_EVERY`-th revision of a document, taken as reads pass them, and a read starts
 * from the nearest one. Revision rows are never changed or deleted and a new one always
 * comes last (`n`), so a checkpoint stays true for the store's lifetime.
 */

/** How many revisions of a document lie between two in-memory delete-set checkpoints. */
export const CHECKPOINT_EVERY = 32;

/** What a new revision records besides the state: its kind, label and who made it. */
export type NewRevision = { docId: string; kind: RevisionKind; label: string; author: string; delegation: string };

type RevisionRow = {
  n: number;
  id: string;
  doc_id: string;
  seq: number;
  kind: RevisionKind;
  label: string;
  author: string;
  delegation: string;
  created_at: string;
  snapshot: Buffer;
};

type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

const columns = 'n, id, doc_id, seq, kind, label, author, delegation, created_at';

/** The revision operations of the store, over an open, migrated database. */
export function revisionsOf(db: Database.Database, now: () => Date) {
  const q = {
    latest: db.prepare(`SELECT ${columns}, snapshot FROM revisions WHERE doc_id = ? ORDER BY n DESC LIMIT 1`),
    rowsAfter: db.prepare('SELECT seq, data FROM updates WHERE doc_id = ? AND seq > ? ORDER BY seq'),
    lastSeq: db.prepare('SELECT coalesce(max(seq), 0) FROM updates WHERE doc_id = ?').pluck(),
    insert: db.prepare(
      'INSERT INTO revisions (id, doc_id, seq, kind, label, author, delegation, created_at, snapshot) ' +
        'VALUES (@id, @doc_id, @seq, @kind, @label, @author, @delegation, @created_at, @snapshot)',
    ),
    list: db.prepare(`SELECT ${columns} FROM revisions WHERE doc_id = ? ORDER BY n DESC`),
    listAll: db.prepare(`SELECT ${columns} FROM revisions ORDER BY doc_id, n DESC`),
    get: db.prepare(`SELECT ${columns}, snapshot FROM revisions WHERE id = ?`),
    between: db.prepare('SELECT n, snapshot FROM revisions WHERE doc_id = ? AND n > ? AND n <= ? ORDER BY n'),
  };
  // Per document: checkpoints[i] is the merged delete set of its first (i + 1) x CHECKPOINT_EVERY revisions, the last of which is n[i].
  const checkpoints = new Map<string, { n: number[]; ds: DeleteSet[] }>();

  // The union of the delete-set increments of a document's revisions up to creation key `n`.
  const deletionsUpTo = (docId: string, n: number): DeleteSet => {
    let chain = checkpoints.get(docId);
    if (!chain) checkpoints.set(docId, (chain = { n: [], ds: [] }));
    let i = chain.n.length - 1;
    while (i >= 0 && chain.n[i]! > n) i--;
    let parts: DeleteSet[] = i >= 0 ? [chain.ds[i]!] : [];
    const extendsChain = i === chain.n.length - 1;
    let count = 0;
    for (const row of q.between.iterate(docId, i >= 0 ? chain.n[i]! : 0, n) as IterableIterator<{ n: number; snapshot: Buffer }>) {
      parts.push(Y.decodeSnapshot(row.snapshot).ds);
      if (extendsChain && ++count === CHECKPOINT_EVERY) {
        const merged = Y.mergeDeleteSets(parts);
        chain.n.push(row.n);
        chain.ds.push(merged);
        parts = [merged];
        count = 0;
      }
    }
    // Merged afresh even from one part, so callers never share the checkpoint's arrays.
    return Y.mergeDeleteSets(parts);
  };

  const create = db.transaction((input: NewRevision): RevisionSummary => {
    const previous = q.latest.get(input.docId) as RevisionRow | undefined;
    const prevSeq = previous?.seq ?? 0;
    const sv = previous ? new Map(Y.decodeSnapshot(previous.snapshot).sv) : new Map<number, number>();
    const deleteSets: ReturnType<typeof Y.createDeleteSet>[] = [];
    let seq = prevSeq;
    for (const row of q.rowsAfter.iterate(input.docId, prevSeq) as IterableIterator<{ seq: number; data: Buffer }>) {
      seq = row.seq;
      for (const [client, clock] of Y.parseUpdateMeta(row.data).to) sv.set(client, Math.max(clock, sv.get(client) ?? 0));
      deleteSets.push(Y.decodeUpdate(row.data).ds);
    }
    if (seq === 0) seq = Number(q.lastSeq.get(input.docId));
    const snapshot = Y.encodeSnapshot(Y.createSnapshot(Y.mergeDeleteSets(deleteSets), sv));
    const row = { id: newId(), doc_id: input.docId, seq, kind: input.kind, label: input.label, author: input.author, delegation: input.delegation, created_at: now().toISOString(), snapshot: Buffer.from(snapshot) };
    q.insert.run(row);
    return toSummary(row);
  });

  return {
    /** Records a revision at the document's current log position (see the module comment). */
    createRevision: (input: NewRevision): RevisionSummary => create.immediate(input),
    /** A document's revisions, newest first (autosave points included). */
    listRevisions: (docId: string): RevisionSummary[] => (q.list.all(docId) as RevisionRow[]).map(toSummary),
    /** Every stored revision, grouped by document, newest first within each. */
    listAllRevisions: (): RevisionSummary[] => (q.listAll.all() as RevisionRow[]).map(toSummary),
    /** One revision by id, or undefined. */
    getRevision: (id: string): RevisionSummary | undefined => {
      const row = q.get.get(id) as RevisionRow | undefined;
      return row ? toSummary(row) : undefined;
    },
    /** The document's newest revision, or undefined if it has none. */
    latestRevision: (docId: string): RevisionSummary | undefined => {
      const row = q.latest.get(docId) as RevisionRow | undefined;
      return row ? toSummary(row) : undefined;
    },
    /**
     * The full Yjs snapshot of a revision (its state vector and every deletion up to it), for
     * `Y.createDocFromSnapshot` on the document's full Y.Doc. Undefined for an unknown id.
     */
    readRevisionSnapshot: (id: string): Y.Snapshot | undefined => {
      const row = q.get.get(id) as RevisionRow | undefined;
      if (!row) return undefined;
      return Y.createSnapshot(deletionsUpTo(row.doc_id, row.n), Y.decodeSnapshot(row.snapshot).sv);
    },
  };
}

/** The summary of a revision row (anything with the row's columns). */
export function toSummary(r: Omit<RevisionRow, 'n' | 'snapshot'>): RevisionSummary {
  return { id: r.id, docId: r.doc_id, kind: r.kind, label: r.label, author: r.author, delegation: r.delegation, createdAt: r.created_at, seq: r.seq };
}

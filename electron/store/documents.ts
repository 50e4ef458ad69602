import type Database from 'better-sqlite3';
import type { DocumentSummary } from '../../shared/api/contract.js';
import type { historyOf } from './history.js';
import type { LoggedUpdate, NewDocument, Store, UpdateOrigin, Author } from './store.js';
import { msg } from '../../shared/i18n/message.js';
import { StoreError } from './open-database.js';

/** A change from a peer waiting to be committed, with the document's summary after it. */
export type QueuedChange = { input: Parameters<Store['appendUpdate']>[0]; summary: DocumentSummary };

type DocumentRow = { id: string; kind: DocumentSummary['kind']; title: string; symbol: string; body: string; created_at: string; updated_at: string };
type UpdateRow = { seq: number; data: Buffer; origin: LoggedUpdate['origin']; author: string; delegation: string; created_at: string };

/**
 * The `documents` table (each document's cached summary) and the `updates` table (its
 * append-only log of Yjs updates); every append also extends the history (history.ts).
 * The writes are transactions for store.ts to run (`.immediate`) and to wrap with its
 * error handling and its queue of changes from peers.
 */
export function documentsOf(db: Database.Database, clock: () => Date, history: ReturnType<typeof historyOf>) {
  const q = prepare(db);
  const append = (input: { docId: string; update: Uint8Array; origin: UpdateOrigin; at: string } & Author) => {
    const author = input.author ?? '';
    const delegation = input.delegation ?? '';
    const { lastInsertRowid } = q.insertUpdate.run({ doc_id: input.docId, data: toBuffer(input.update), origin: input.origin, author, delegation, created_at: input.at });
    history.recordAppend({ docId: input.docId, seq: Number(lastInsertRowid), author, delegation, origin: input.origin, at: input.at, update: input.update });
  };
  const toSummary = (r: DocumentRow): DocumentSummary => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    symbol: r.symbol,
    body: r.body,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
  const getDocument = (id: string) => {
    const row = q.getDocument.get(id) as DocumentRow | undefined;
    return row ? toSummary(row) : undefined;
  };
  const mustGet = (id: string): DocumentSummary => {
    const doc = getDocument(id);
    if (!doc) throw new StoreError('missing', msg('backend:store.noDocument', { id }));
    return doc;
  };

  return {
    /** Every document, most recently updated first. */
    listDocuments: () => (q.listDocuments.all() as DocumentRow[]).map(toSummary),
    /** One document's summary as committed, or undefined. */
    getDocument,
    /** One document's summary as committed; throws if there is no such id. */
    mustGet,
    /** Creates documents with their first updates (a transaction). */
    createDocuments: db.transaction((inputs: readonly NewDocument[]) => {
      const now = clock().toISOString();
      return inputs.map((input) => {
        q.insertDocument.run({ id: input.id, ...input.meta, created_at: now, updated_at: now });
        append({ ...input, docId: input.id, at: now });
        return mustGet(input.id);
      });
    }),
    /** Appends an update and refreshes the document's summary (a transaction); returns the summary. */
    appendUpdate: db.transaction((input: Parameters<Store['appendUpdate']>[0]) => {
      const now = clock().toISOString();
      const current = mustGet(input.docId);
      append({ ...input, at: now });
      const meta = input.meta ?? current;
      q.updateDocument.run({ id: input.docId, kind: meta.kind, title: meta.title, symbol: meta.symbol, body: meta.body, updated_at: now });
      return mustGet(input.docId);
    }),
    /** Appends queued changes from peers with the summaries computed when they were queued (a transaction). */
    appendQueued: db.transaction((queued: readonly QueuedChange[]) => {
      for (const { input, summary } of queued) {
        append({ ...input, at: summary.updatedAt });
        q.updateDocument.run({ id: summary.id, kind: summary.kind, title: summary.title, symbol: summary.symbol, body: summary.body, updated_at: summary.updatedAt });
      }
    }),
    /** A document's update log in order (empty if the id is unknown). */
    readUpdates: (docId: string): LoggedUpdate[] =>
      (q.readUpdates.all(docId) as UpdateRow[]).map((r) => ({
        seq: r.seq,
        data: new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength),
        origin: r.origin,
        author: r.author,
        delegation: r.delegation,
        createdAt: r.created_at,
      })),
    /** The document's last update's seq (0 if none). */
    lastSeq: (docId: string) => Number(q.lastSeq.get(docId)),
  };
}

function prepare(db: Database.Database) {
  return {
    listDocuments: db.prepare('SELECT * FROM documents ORDER BY updated_at DESC, id'),
    getDocument: db.prepare('SELECT * FROM documents WHERE id = ?'),
    insertDocument: db.prepare(
      'INSERT INTO documents (id, kind, title, symbol, body, created_at, updated_at) VALUES (@id, @kind, @title, @symbol, @body, @created_at, @updated_at)',
    ),
    updateDocument: db.prepare(
      'UPDATE documents SET kind = @kind, title = @title, symbol = @symbol, body = @body, updated_at = @updated_at WHERE id = @id',
    ),
    insertUpdate: db.prepare(
      'INSERT INTO updates (doc_id, data, origin, author, delegation, created_at) VALUES (@doc_id, @data, @origin, @author, @delegation, @created_at)',
    ),
    readUpdates: db.prepare('SELECT seq, data, origin, author, delegation, created_at FROM updates WHERE doc_id = ? ORDER BY seq'),
    lastSeq: db.prepare('SELECT coalesce(max(seq), 0) FROM updates WHERE doc_id = ?').pluck(),
  };
}

// better-sqlite3 binds Buffers as BLOBs; a view over the same memory avoids a copy.
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

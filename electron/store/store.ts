import type Database from 'better-sqlite3';
import type { DocumentSummary } from '../../shared/api/contract.js';
import { openDatabase, type StoreLocation } from './open-database.js';

/** Where an update in the log came from. */
export type UpdateOrigin = 'local' | 'remote' | 'import' | 'template';

/** The cached, listable facts about a document (recomputed from its Y.Doc on every change). */
export type DocumentMeta = Pick<DocumentSummary, 'kind' | 'title' | 'symbol' | 'body'>;

/** A document to create: its id, cached summary and first update (its whole initial state). */
export type NewDocument = { id: string; meta: DocumentMeta; update: Uint8Array; origin: UpdateOrigin; author?: string | null };

/** One entry of a document's update log. */
export type LoggedUpdate = { seq: number; data: Uint8Array; origin: UpdateOrigin; author: string | null; createdAt: string };

/**
 * The local store: documents' cached summaries and the append-only log of Yjs updates.
 * Every write returns only after SQLite has committed it with `synchronous = FULL`.
 */
export type Store = {
  /** Absolute path of the database file. */
  readonly file: string;
  /** Every document, most recently updated first. */
  listDocuments(): DocumentSummary[];
  /** One document's summary, or undefined if there is no such id. */
  getDocument(id: string): DocumentSummary | undefined;
  /** Creates a document with its first update in one transaction; throws if the id exists. */
  createDocument(input: NewDocument): DocumentSummary;
  /** Creates several documents in one transaction: all of them or, if one fails, none. */
  createDocuments(inputs: readonly NewDocument[]): DocumentSummary[];
  /**
   * Appends an update to an existing document's log and, in the same transaction, refreshes
   * its cached summary (`meta`, when given) and `updatedAt`. Returns the new summary.
   */
  appendUpdate(input: { docId: string; update: Uint8Array; origin: UpdateOrigin; author?: string | null; meta?: DocumentMeta }): DocumentSummary;
  /** A document's update log in order (empty if the id is unknown). */
  readUpdates(docId: string): LoggedUpdate[];
  /** Closes the database (a WAL checkpoint happens on close). Idempotent. */
  close(): void;
};

type DocumentRow = { id: string; kind: DocumentSummary['kind']; title: string; symbol: string; body: string; created_at: string; updated_at: string };
type UpdateRow = { seq: number; data: Buffer; origin: UpdateOrigin; author: string | null; created_at: string };

/**
 * Opens the store in `dataDir` (see `openDatabase` for the checks and migrations).
 * Throws StoreError with a message for the user when the data cannot be used.
 */
export function openStore(location: StoreLocation): Store {
  const db = openDatabase(location);
  const q = prepare(db);
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
    if (!doc) throw new Error(`No document with id ${id}`);
    return doc;
  };

  const createDocuments = db.transaction((inputs: readonly NewDocument[]) => {
    const now = new Date().toISOString();
    return inputs.map((input) => {
      q.insertDocument.run({ id: input.id, ...input.meta, created_at: now, updated_at: now });
      q.insertUpdate.run({ doc_id: input.id, data: toBuffer(input.update), origin: input.origin, author: input.author ?? null, created_at: now });
      return mustGet(input.id);
    });
  });

  const appendUpdate = db.transaction((input: Parameters<Store['appendUpdate']>[0]) => {
    const now = new Date().toISOString();
    const current = mustGet(input.docId);
    q.insertUpdate.run({ doc_id: input.docId, data: toBuffer(input.update), origin: input.origin, author: input.author ?? null, created_at: now });
    const meta = input.meta ?? current;
    q.updateDocument.run({ id: input.docId, kind: meta.kind, title: meta.title, symbol: meta.symbol, body: meta.body, updated_at: now });
    return mustGet(input.docId);
  });

  return {
    file: db.name,
    listDocuments: () => (q.listDocuments.all() as DocumentRow[]).map(toSummary),
    getDocument,
    createDocument: (input) => createDocuments.immediate([input])[0] as DocumentSummary,
    createDocuments: (inputs) => createDocuments.immediate(inputs),
    appendUpdate: (input) => appendUpdate.immediate(input),
    readUpdates: (docId) =>
      (q.readUpdates.all(docId) as UpdateRow[]).map((r) => ({
        seq: r.seq,
        data: new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength),
        origin: r.origin,
        author: r.author,
        createdAt: r.created_at,
      })),
    close: () => {
      if (db.open) db.close();
    },
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
      'INSERT INTO updates (doc_id, data, origin, author, created_at) VALUES (@doc_id, @data, @origin, @author, @created_at)',
    ),
    readUpdates: db.prepare('SELECT seq, data, origin, author, created_at FROM updates WHERE doc_id = ? ORDER BY seq'),
  };
}

// better-sqlite3 binds Buffers as BLOBs; a view over the same memory avoids a copy.
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

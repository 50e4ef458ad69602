import type Database from 'better-sqlite3';
import type { PrivateNote } from '../../shared/api/contract.js';

/**
 * A delegation's private notes, one per paragraph of a document (`private_notes`). They
 * live only in this table: never in a Y.Doc, never in the update log, never sent to a
 * consultation host, and no export reads them.
 */
export function notesOf(db: Database.Database, now: () => Date) {
  const q = {
    list: db.prepare('SELECT doc_id, paragraph_id, text, updated_at FROM private_notes WHERE doc_id = ? ORDER BY paragraph_id'),
    upsert: db.prepare(
      'INSERT INTO private_notes (doc_id, paragraph_id, text, updated_at) VALUES (@docId, @paragraphId, @text, @at) ' +
        'ON CONFLICT (doc_id, paragraph_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at',
    ),
    remove: db.prepare('DELETE FROM private_notes WHERE doc_id = ? AND paragraph_id = ?'),
  };
  type Row = { doc_id: string; paragraph_id: string; text: string; updated_at: string };
  return {
    /** The document's notes, by paragraph id. */
    listNotes(docId: string): PrivateNote[] {
      return (q.list.all(docId) as Row[]).map((r) => ({ docId: r.doc_id, paragraphId: r.paragraph_id, text: r.text, updatedAt: r.updated_at }));
    },
    /** Saves the note on a paragraph; empty (or blank) text deletes it. Returns the note as stored. */
    setNote(docId: string, paragraphId: string, text: string): PrivateNote {
      const at = now().toISOString();
      if (text.trim() === '') q.remove.run(docId, paragraphId);
      else q.upsert.run({ docId, paragraphId, text, at });
      return { docId, paragraphId, text: text.trim() === '' ? '' : text, updatedAt: at };
    },
  };
}

import type { RevisionSummary } from '../../shared/api/contract.js';
import { openDatabaseReadOnly, StoreError, type StoreLocation } from './open-database.js';
import { toSummary } from './revisions.js';
import { msg } from '../../shared/i18n/message.js';

/** A stored revision as the CLI lists it: the revision and its document's title. */
export type ListedRevision = RevisionSummary & { documentTitle: string };

/**
 * Every stored revision (of one document when `docId` is given), read-only: it takes no
 * writer lock, so it works while a Penholder app is running on the same data folder.
 * Ordered by document title, then newest first. A store from before revisions existed
 * (layout version 1) has none. Throws StoreError when the data cannot be read, and
 * 'missing' for a `docId` the store does not have.
 */
export function listStoredRevisions(location: StoreLocation, docId?: string): ListedRevision[] {
  const db = openDatabaseReadOnly(location);
  try {
    if (docId !== undefined && !db.prepare('SELECT 1 FROM documents WHERE id = ?').get(docId)) {
      throw new StoreError('missing', msg('backend:store.noDocumentIn', { id: docId, dir: location.dataDir }));
    }
    const hasRevisions = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'revisions'").pluck().get();
    if (!hasRevisions) return [];
    const rows = db
      .prepare(
        'SELECT r.id, r.doc_id, r.seq, r.kind, r.label, r.author, r.delegation, r.created_at, d.title AS document_title ' +
          'FROM revisions r JOIN documents d ON d.id = r.doc_id WHERE (@docId IS NULL OR r.doc_id = @docId) ' +
          'ORDER BY d.title, r.doc_id, r.n DESC',
      )
      .all({ docId: docId ?? null }) as (Parameters<typeof toSummary>[0] & { document_title: string })[];
    return rows.map((r) => ({ ...toSummary(r), documentTitle: r.document_title }));
  } finally {
    db.close();
  }
}

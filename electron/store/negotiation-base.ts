import type Database from 'better-sqlite3';

/**
 * Where an earlier version kept which revision each document was "in negotiation" on: one row
 * per document in the `settings` key-value table (key `negotiation-base:<docId>`, value the
 * revision id), per installation. The base now lives in the document's header (see
 * shared/negotiation/negotiation-base.ts), so a consultation's replicas share it; these rows
 * are only read to move such a base into its document once, then cleared
 * (electron/backend/negotiation-base-handlers.ts).
 */
export function negotiationBaseOf(db: Database.Database) {
  const q = {
    get: db.prepare('SELECT value FROM settings WHERE key = ?').pluck(),
    set: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    clear: db.prepare('DELETE FROM settings WHERE key = ?'),
  };
  const key = (docId: string) => `negotiation-base:${docId}`;
  return {
    /** The id of the revision an earlier version kept as `docId`'s base, or undefined. */
    getNegotiationBase(docId: string): string | undefined {
      return q.get.get(key(docId)) as string | undefined;
    },
    /** Keeps `revisionId` as `docId`'s base in the settings (durably), or clears the row with null. */
    setNegotiationBase(docId: string, revisionId: string | null): void {
      if (revisionId === null) q.clear.run(key(docId));
      else q.set.run(key(docId), revisionId);
    },
  };
}

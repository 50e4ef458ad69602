import type Database from 'better-sqlite3';

/**
 * Which revision each document is "in negotiation" on: the base whose paragraph numbers stay
 * fixed (OP 5, OP 5 bis ...) until the facilitator issues a clean text. One row per document
 * in the `settings` key-value table (key `negotiation-base:<docId>`, value the revision id):
 * a per-document preference needs no table of its own, and a base is only ever read by id.
 */
export function negotiationBaseOf(db: Database.Database) {
  const q = {
    get: db.prepare('SELECT value FROM settings WHERE key = ?').pluck(),
    set: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    clear: db.prepare('DELETE FROM settings WHERE key = ?'),
  };
  const key = (docId: string) => `negotiation-base:${docId}`;
  return {
    /** The id of the revision `docId` is in negotiation on, or undefined when it is not in negotiation. */
    getNegotiationBase(docId: string): string | undefined {
      return q.get.get(key(docId)) as string | undefined;
    },
    /** Puts `docId` in negotiation on `revisionId` (durably), or takes it out of negotiation with null. */
    setNegotiationBase(docId: string, revisionId: string | null): void {
      if (revisionId === null) q.clear.run(key(docId));
      else q.set.run(key(docId), revisionId);
    },
  };
}

import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { ClientAuthor, HistoryEntry } from '../../shared/api/contract.js';

/**
 * Who changed what, kept small enough to outlive compaction. Instead of reading authors
 * from per-update rows (which compaction merges away), every append extends `history`
 * (one row per run of consecutive updates by the same author, delegation and origin) and
 * records, once per Yjs client id, which author it belongs to (`client_authors`); the
 * authorship view colours text by the client id of the Yjs items that hold it.
 */

/** The author fields of an appended update, and where it came from. */
export type AppendFacts = { docId: string; seq: number; author: string; delegation: string; origin: string; at: string; update: Uint8Array };

type HistoryRow = {
  id: number;
  author: string;
  delegation: string;
  origin: HistoryEntry['origin'];
  first_at: string;
  last_at: string;
  count: number;
  seq_from: number;
  seq_to: number;
};

/** The history and authorship operations of the store, over an open, migrated database. */
export function historyOf(db: Database.Database) {
  const q = {
    last: db.prepare('SELECT id, author, delegation, origin FROM history WHERE doc_id = ? ORDER BY id DESC LIMIT 1'),
    extend: db.prepare('UPDATE history SET last_at = @at, count = count + 1, seq_to = @seq WHERE id = @id'),
    start: db.prepare(
      'INSERT INTO history (doc_id, author, delegation, origin, first_at, last_at, count, seq_from, seq_to) ' +
        'VALUES (@docId, @author, @delegation, @origin, @at, @at, 1, @seq, @seq)',
    ),
    list: db.prepare('SELECT * FROM history WHERE doc_id = ? ORDER BY id'),
    claim: db.prepare('INSERT OR IGNORE INTO client_authors (doc_id, client_id, author, delegation) VALUES (?, ?, ?, ?)'),
    clients: db.prepare('SELECT client_id, author, delegation FROM client_authors WHERE doc_id = ? ORDER BY client_id'),
  };
  // Client ids already claimed, so the common append (same session again) costs no statement.
  const claimed = new Set<string>();

  return {
    /**
     * Records an appended update in the history and claims its client ids for its author.
     * Must run inside the append's transaction, so the log and its history never disagree.
     */
    recordAppend(facts: AppendFacts): void {
      const last = q.last.get(facts.docId) as Pick<HistoryRow, 'id' | 'author' | 'delegation' | 'origin'> | undefined;
      if (last && last.author === facts.author && last.delegation === facts.delegation && last.origin === facts.origin) {
        q.extend.run({ id: last.id, at: facts.at, seq: facts.seq });
      } else {
        q.start.run(facts);
      }
      for (const client of Y.parseUpdateMeta(facts.update).from.keys()) {
        const key = `${facts.docId}:${client}`;
        if (claimed.has(key)) continue;
        q.claim.run(facts.docId, client, facts.author, facts.delegation);
        claimed.add(key);
      }
    },
    /** Forgets the claimed-ids cache (after a rolled-back transaction it may name unsaved claims). */
    forgetClaims(): void {
      claimed.clear();
    },
    /** A document's history, oldest first. */
    readHistory(docId: string): HistoryEntry[] {
      return (q.list.all(docId) as HistoryRow[]).map((r) => ({
        author: r.author,
        delegation: r.delegation,
        origin: r.origin,
        from: r.first_at,
        to: r.last_at,
        count: r.count,
        seqFrom: r.seq_from,
        seqTo: r.seq_to,
      }));
    },
    /** Which author each Yjs client id of the document belongs to. */
    readClientAuthors(docId: string): ClientAuthor[] {
      return (q.clients.all(docId) as { client_id: number; author: string; delegation: string }[]).map((r) => ({
        clientId: r.client_id,
        author: r.author,
        delegation: r.delegation,
      }));
    },
  };
}

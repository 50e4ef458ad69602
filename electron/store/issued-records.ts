import type Database from 'better-sqlite3';
import { isMessage, type Message } from '../../shared/i18n/message.js';
import { jcs, type ChainRecord } from '../../shared/record/index.js';

/** One stored record of a document's chain: its place (from 1), the revision it concerns, and the record as stored (JCS text). */
export type StoredRecord = { n: number; revisionId: string; text: string };

/** An objection the host received: the silence it breaks (hash of the placed record), its signature, delegation, text as signed and arrival. */
export type StoredObjection = { docId: string; silence: string; signature: string; delegation: string; text: string; arrived: string };

/**
 * An objection this installation signed: 'pending' until the host answers, then 'delivered'
 * (with its arrival) or 'refused' (with the host's words, and `messageText`, the same as a
 * catalogue message, when the host gave one).
 */
export type OutgoingObjection = { signature: string; docId: string; text: string; state: 'pending' | 'delivered' | 'refused'; arrived: string | null; message: string; messageText?: Message };

/** A revision file received from a host and verified: its chain length `n`, label, text and when it came. */
export type ReceivedRevision = { docId: string; n: number; label: string; file: string; received: string };

/**
 * The record tables of a store (migrations 6, 8 and 10): per document the chain of issued
 * revisions and their silence records (`issued_records`, appended, never changed; compaction
 * touches only `updates`, so they survive it), the objections a host received, the
 * objections this installation signed (with, since 10, a refusal's catalogue message in
 * `message_text`), and the revision files it received. Reading does not
 * verify: see issue-revision.ts `verifyStoredChain` and record-receive.ts.
 */
export function issuedRecordsOf(db: Database.Database) {
  const q = {
    all: db.prepare('SELECT n, revision_id AS revisionId, record AS text FROM issued_records WHERE doc_id = ? ORDER BY n'),
    head: db.prepare('SELECT n, revision_id AS revisionId, record AS text FROM issued_records WHERE doc_id = ? ORDER BY n DESC LIMIT 1'),
    byRevision: db.prepare('SELECT doc_id AS docId, n FROM issued_records WHERE revision_id = ? ORDER BY n LIMIT 1'),
    insert: db.prepare('INSERT INTO issued_records (doc_id, n, revision_id, record) VALUES (?, ?, ?, ?)'),
    objections: db.prepare('SELECT doc_id AS docId, silence, signature, delegation, objection AS text, arrived FROM silence_objections WHERE silence = ? ORDER BY arrived, signature'),
    addObjection: db.prepare('INSERT OR IGNORE INTO silence_objections (doc_id, silence, signature, delegation, objection, arrived) VALUES (?, ?, ?, ?, ?, ?)'),
    outgoing: db.prepare('SELECT signature, doc_id AS docId, objection AS text, state, arrived, message, message_text AS messageText FROM outgoing_objections WHERE doc_id = ? ORDER BY rowid'),
    addOutgoing: db.prepare("INSERT OR IGNORE INTO outgoing_objections (signature, doc_id, objection, state) VALUES (?, ?, ?, 'pending')"),
    settleOutgoing: db.prepare("UPDATE outgoing_objections SET state = ?, arrived = ?, message = ?, message_text = ? WHERE signature = ? AND state = 'pending'"),
    received: db.prepare('SELECT doc_id AS docId, n, label, file, received FROM received_revisions WHERE doc_id = ? ORDER BY n'),
    addReceived: db.prepare('INSERT OR IGNORE INTO received_revisions (doc_id, n, label, file, received) VALUES (?, ?, ?, ?, ?)'),
  };
  return {
    /** The document's records, oldest first. */
    chain: (docId: string): StoredRecord[] => q.all.all(docId) as StoredRecord[],
    /** The document's newest record, or undefined when none was issued. */
    head: (docId: string): StoredRecord | undefined => q.head.get(docId) as StoredRecord | undefined,
    /** Where a revision's own record sits (document and place; its silence records follow it), or undefined when the revision was not issued. */
    placeOf: (revisionId: string): { docId: string; n: number } | undefined => q.byRevision.get(revisionId) as { docId: string; n: number } | undefined,
    /**
     * Appends `record` as place `n` of the document's chain, for `revisionId`. Throws (a
     * SQLite constraint error) when place `n` is taken, so two issuers racing cannot both
     * chain after the same record.
     */
    append: (docId: string, n: number, revisionId: string, record: ChainRecord): void => {
      q.insert.run(docId, n, revisionId, jcs(record));
    },
    /** The objections received for the silence whose placed record hashes to `silence`, by arrival. */
    objections: (silence: string): StoredObjection[] => q.objections.all(silence) as StoredObjection[],
    /** Keeps a received objection (its JCS text as signed); false when the same signature was already kept. */
    addObjection: (o: StoredObjection): boolean => q.addObjection.run(o.docId, o.silence, o.signature, o.delegation, o.text, o.arrived).changes > 0,
    /** The objections this installation signed for the document, oldest first. */
    outgoing: (docId: string): OutgoingObjection[] =>
      (q.outgoing.all(docId) as (Omit<OutgoingObjection, 'messageText'> & { messageText: string })[]).map(({ messageText, ...o }) => {
        const text = storedMessage(messageText);
        return text ? { ...o, messageText: text } : o;
      }),
    /** Keeps an objection this installation signed, 'pending' until the host answers. */
    addOutgoing: (docId: string, signature: string, text: string): void => {
      q.addOutgoing.run(signature, docId, text);
    },
    /** The host's answer to a pending objection: delivered (arrival time) or refused (its words, and the same as a catalogue message if given). False when none was pending. */
    settleOutgoing: (signature: string, state: 'delivered' | 'refused', arrived: string | null, message: string, messageText?: Message): boolean =>
      q.settleOutgoing.run(state, arrived, message, messageText ? JSON.stringify(messageText) : '', signature).changes > 0,
    /** The revision files received for the document, by chain length. */
    received: (docId: string): ReceivedRevision[] => q.received.all(docId) as ReceivedRevision[],
    /** Keeps a verified revision file received from the host; false when one of that chain length was already kept. */
    addReceived: (r: ReceivedRevision): boolean => q.addReceived.run(r.docId, r.n, r.label, r.file, r.received).changes > 0,
  };
}

// A message kept as JSON; anything else ('' for none, or a row another build wrote) is no message.
function storedMessage(json: string): Message | undefined {
  try {
    const value = json ? (JSON.parse(json) as unknown) : undefined;
    return isMessage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The record tables as the store hands them out: every read after the store's queue is committed (`after`), every write also through `write`. */
export function wrapRecords(
  records: ReturnType<typeof issuedRecordsOf>,
  after: <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A) => R,
  write: <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A) => R,
): ReturnType<typeof issuedRecordsOf> {
  const writes = new Set(['append', 'addObjection', 'addOutgoing', 'settleOutgoing', 'addReceived']);
  return Object.fromEntries(
    Object.entries(records).map(([name, fn]) => [name, writes.has(name) ? after(write(fn as (...args: unknown[]) => unknown)) : after(fn as (...args: unknown[]) => unknown)]),
  ) as ReturnType<typeof issuedRecordsOf>;
}

import type * as Y from 'yjs';
import type { ClientAuthor, DocumentSummary, HistoryEntry, Preferences, PrivateNote, Profile, RememberedJoin, RevisionSummary } from '../../shared/api/contract.js';
import { compactionOf } from './compaction.js';
import { documentsOf, type QueuedChange } from './documents.js';
import { historyOf } from './history.js';
import { importedFilesOf, type ImportedFile } from './imported-files.js';
import { negotiationBaseOf } from './negotiation-base.js';
import { negotiationIndexOf } from './negotiation-index.js';
import { issuedRecordsOf, wrapRecords } from './issued-records.js';
import { notesOf } from './notes.js';
import { peerQueue } from './peer-queue.js';
import { openDatabase, writeFailure, type StoreLocation } from './open-database.js';
import { revisionsOf, type NewRevision } from './revisions.js';
import { settingsOf, type HostCodes } from './settings.js';

/** Where an update in the log came from ('restore': a revision made current again). */
export type UpdateOrigin = 'local' | 'remote' | 'import' | 'template' | 'restore';

/** Who made a change: the profile's name and delegation at the time ('' when unknown). */
export type Author = { author?: string | null; delegation?: string };

/** The cached, listable facts about a document (recomputed from its Y.Doc on every change). */
export type DocumentMeta = Pick<DocumentSummary, 'kind' | 'title' | 'symbol' | 'body'>;

/** A document to create: its id, cached summary and first update (its whole initial state). */
export type NewDocument = { id: string; meta: DocumentMeta; update: Uint8Array; origin: UpdateOrigin } & Author;

/** One entry of a document's update log; 'checkpoint' rows are compaction's merges (see compaction.ts). */
export type LoggedUpdate = { seq: number; data: Uint8Array; origin: UpdateOrigin | 'checkpoint'; author: string; delegation: string; createdAt: string };

/**
 * The local store: documents' cached summaries, the append-only log of Yjs updates with
 * author and delegation, revisions, history, the profile and last-viewed revisions.
 * Every write returns only after SQLite has committed it with `synchronous = FULL`, except
 * a change from a peer (origin 'remote'): see `appendUpdate`.
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
   * A change from a peer (origin 'remote') is queued and committed with the others that
   * arrived in the same turn of the event loop, in one transaction at its end (setImmediate),
   * so a host relaying many peers' changes does not write one transaction per change while
   * they wait. Every other call of the store commits the queue first, so whatever reads
   * this store sees the change in order; `flush` does it on demand and `close` before closing.
   */
  appendUpdate(input: { docId: string; update: Uint8Array; origin: UpdateOrigin; meta?: DocumentMeta } & Author): DocumentSummary;
  /** A document's update log in order (empty if the id is unknown). */
  readUpdates(docId: string): LoggedUpdate[];
  /** The document's current log position (its last update's seq; 0 if none). */
  lastSeq(docId: string): number;
  /** Records a revision at the document's current log position; see revisions.ts. Throws StoreError 'missing' for a document it does not have. */
  createRevision(input: NewRevision): RevisionSummary;
  /** A document's revisions, newest first (autosave points included). */
  listRevisions(docId: string): RevisionSummary[];
  /** Every revision of every document, grouped by document, newest first within each. */
  listAllRevisions(): RevisionSummary[];
  /** One revision, or undefined. */
  getRevision(id: string): RevisionSummary | undefined;
  /** The document's newest revision, or undefined. */
  latestRevision(docId: string): RevisionSummary | undefined;
  /** A revision's full Yjs snapshot, for `Y.createDocFromSnapshot` on the full document. */
  readRevisionSnapshot(id: string): Y.Snapshot | undefined;
  /** A document's history (runs of updates by one author and origin), oldest first. */
  readHistory(docId: string): HistoryEntry[];
  /** Which author each of the document's Yjs client ids belongs to. */
  readClientAuthors(docId: string): ClientAuthor[];
  /** The local profile ('' name and delegation until set). */
  getProfile(): Profile;
  /** Saves the local profile and returns it as stored (trimmed). */
  setProfile(profile: Profile): Profile;
  /** This installation's interface preferences (see settings.ts). */
  getPreferences(): Preferences;
  /** Saves the interface preferences and returns them as stored. */
  setPreferences(preferences: Preferences): Preferences;
  /** A user-interface setting (see settings.ts), null when never set. */
  getUiSetting(key: string): string | null;
  /** Stores a user-interface setting (null deletes it). */
  setUiSetting(key: string, value: string | null): void;
  /** Records that `user` has seen `docId` as of `revisionId`. */
  markViewed(docId: string, user: Profile, revisionId: string): void;
  /** The revision `user` last viewed of `docId`, or undefined. */
  lastViewed(docId: string, user: Profile): RevisionSummary | undefined;
  /** How many of the document's log rows compaction could merge now. */
  compactable(docId: string): number;
  /** Merges the document's rows up to its newest revision into a checkpoint; see compaction.ts. Returns rows merged. */
  compactDocument(docId: string, options?: { minRows?: number }): number;
  /** The document's private notes (local only; see notes.ts). */
  listNotes(docId: string): PrivateNote[];
  /** The negotiation index of revisions (brackets, groups, statuses; see negotiation-index.ts). */
  readonly negotiation: ReturnType<typeof negotiationIndexOf>;
  /** The signed chain of issued revisions per document (see issued-records.ts, issue-revision.ts). */
  readonly records: ReturnType<typeof issuedRecordsOf>;
  /** The base an earlier version kept for `docId` in the settings (now in the document's header), or undefined; see negotiation-base.ts. */
  getNegotiationBase(docId: string): string | undefined;
  /** Sets (null: clears) that settings row; only the move into the document clears it. */
  setNegotiationBase(docId: string, revisionId: string | null): void;
  /** The consultations joined from this installation, newest first; see settings.ts. */
  joinedConsultations(): RememberedJoin[];
  /** Remembers a successful join of `docId` at `url` (code, identity, role); see settings.ts. */
  rememberJoin(join: Omit<RememberedJoin, 'docIds' | 'joinedAt'> & { docId: string }): void;
  /** The codes this installation last hosted `documents` with (reused by a restarted host); see settings.ts. */
  hostCodes(documents: readonly string[]): HostCodes | undefined;
  /** Keeps the codes of a consultation hosted here. */
  setHostCodes(codes: HostCodes): void;
  /** What a host last imported from `source` (a file's absolute path), or undefined; see imported-files.ts. */
  importedFile(source: string): ImportedFile | undefined;
  /** Records the documents a host imported from `source` and the content's hash. */
  rememberImport(record: Omit<ImportedFile, 'importedAt'>): ImportedFile;
  /** Saves (empty text: deletes) the private note on a paragraph. */
  setNote(docId: string, paragraphId: string, text: string): PrivateNote;
  /** Commits the queued changes from peers now (see `appendUpdate`); throws StoreError if that fails (they stay queued). */
  flush(): void;
  /** Closes the database (a WAL checkpoint happens on close) and releases the writer lock. Idempotent. */
  close(): void;
};

/**
 * Opens the store in `dataDir` (see `openDatabase` for the checks and migrations).
 * Throws StoreError with a message for the user when the data cannot be used, and when a
 * write fails for a reason people can act on (a full disk: 'disk-full'); a failed write
 * changes nothing.
 */
export function openStore(location: StoreLocation): Store {
  const opened = openDatabase(location);
  const { db } = opened;
  const clock = location.now ?? (() => new Date());
  const history = historyOf(db);
  const revisions = revisionsOf(db, clock);
  const settings = settingsOf(db, clock);
  const compaction = compactionOf(db);
  const notes = notesOf(db, clock);
  const negotiation = negotiationIndexOf(db);
  const records = issuedRecordsOf(db);
  const negotiationBase = negotiationBaseOf(db);
  const documents = documentsOf(db, clock, history);
  const { mustGet } = documents;
  const importedFiles = importedFilesOf(db, clock);
  const write = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A): R => {
    try {
      return fn(...args);
    } catch (err) {
      history.forgetClaims();
      throw writeFailure(err, db.name);
    }
  };
  let remoteSync: ReturnType<typeof setTimeout> | null = null;
  const syncRemoteSoon = () => {
    remoteSync ??= setTimeout(() => {
      remoteSync = null;
      if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
    }, 1000);
    remoteSync.unref?.();
  };
  // Changes from peers waiting for the end of the event loop's turn (peer-queue.ts), and
  // each document's summary as they leave it (what getDocument answers meanwhile).
  const queuedSummary = new Map<string, DocumentSummary>();
  const queue = peerQueue<QueuedChange>((items) => {
    // A peer still holds its change and resends it after any loss, so the batch need not wait
    // for an fsync (10 ms here): it commits with synchronous=NORMAL and becomes durable with
    // the next FULL commit or a checkpoint within a second. Our own changes always commit with FULL.
    db.pragma('synchronous = NORMAL');
    try {
      documents.appendQueued.immediate(items);
      queuedSummary.clear();
    } catch (err) {
      history.forgetClaims();
      throw err;
    } finally {
      db.pragma('synchronous = FULL');
      syncRemoteSoon();
    }
  });
  const enqueue = (input: Parameters<Store['appendUpdate']>[0]): DocumentSummary => {
    const current = queuedSummary.get(input.docId) ?? mustGet(input.docId);
    const meta = input.meta ?? current;
    const summary: DocumentSummary = { ...current, kind: meta.kind, title: meta.title, symbol: meta.symbol, body: meta.body, updatedAt: clock().toISOString() };
    queue.push({ input, summary });
    queuedSummary.set(input.docId, summary);
    return summary;
  };
  // Any other use of the store first commits the queue, so it sees the log in order. If that
  // fails (a full disk) the queue stays for the next try, and reads go on without it.
  const after = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A): R => {
    try {
      if (queue.size > 0) queue.flush();
    } catch {
      history.forgetClaims();
    }
    return fn(...args);
  };

  const api: Omit<Store, 'file' | 'getDocument' | 'appendUpdate' | 'flush' | 'close' | 'negotiation' | 'records'> = {
    listDocuments: documents.listDocuments,
    createDocument: write((input) => documents.createDocuments.immediate([input])[0] as DocumentSummary),
    createDocuments: write((inputs) => documents.createDocuments.immediate(inputs)),
    readUpdates: documents.readUpdates,
    lastSeq: documents.lastSeq,
    // A revision of a document the store does not have is 'missing' (not a failed foreign key).
    createRevision: write((input) => (mustGet(input.docId), revisions.createRevision(input))),
    listRevisions: revisions.listRevisions,
    listAllRevisions: revisions.listAllRevisions,
    getRevision: revisions.getRevision,
    latestRevision: revisions.latestRevision,
    readRevisionSnapshot: revisions.readRevisionSnapshot,
    readHistory: history.readHistory,
    readClientAuthors: history.readClientAuthors,
    getProfile: settings.getProfile,
    setProfile: write(settings.setProfile),
    getPreferences: settings.getPreferences,
    setPreferences: write(settings.setPreferences),
    getUiSetting: settings.getUiSetting,
    setUiSetting: write(settings.setUiSetting),
    markViewed: write(settings.markViewed),
    lastViewed: settings.lastViewed,
    joinedConsultations: settings.joinedConsultations,
    rememberJoin: write(settings.rememberJoin),
    hostCodes: settings.hostCodes,
    setHostCodes: write(settings.setHostCodes),
    importedFile: importedFiles.importedFile,
    rememberImport: write(importedFiles.rememberImport),
    compactable: compaction.compactable,
    compactDocument: write(compaction.compactDocument),
    listNotes: notes.listNotes,
    setNote: write(notes.setNote),
    getNegotiationBase: negotiationBase.getNegotiationBase,
    setNegotiationBase: write(negotiationBase.setNegotiationBase),
  };
  const ordered = Object.fromEntries(Object.entries(api).map(([name, fn]) => [name, after(fn as (...args: unknown[]) => unknown)])) as typeof api;
  return {
    ...ordered,
    file: db.name,
    getDocument: (id) => queuedSummary.get(id) ?? documents.getDocument(id),
    appendUpdate: write((input) => (input.origin === 'remote' ? enqueue(input) : after(documents.appendUpdate.immediate)(input))),
    negotiation: { ...negotiation, indexRevision: after(write(negotiation.indexRevision)) },
    records: wrapRecords(records, after, write),
    flush: write(queue.flush),
    close: () => {
      try {
        if (db.open) write(queue.flush)();
      } finally {
        queue.dispose();
        if (remoteSync) clearTimeout(remoteSync);
        remoteSync = null;
        opened.close();
      }
    },
  };
}

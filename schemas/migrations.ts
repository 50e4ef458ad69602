/**
 * The SQL migrations of the local store, as data. The store applies, in one transaction,
 * every migration whose `version` is above the database's `PRAGMA user_version`, then sets
 * `user_version` to the last one. Versions are consecutive from 1 and never edited once
 * released: a change to the layout is a new migration appended at the end.
 */

/** One step of the store's layout. */
export type Migration = {
  /** Consecutive from 1; becomes `PRAGMA user_version` once applied. */
  version: number;
  /** A short name for logs and error messages. */
  name: string;
  /** The statements to run, separated by semicolons. */
  sql: string;
};

/**
 * Every migration, oldest first.
 *
 * Version 1: `documents` caches each document's summary for the document list (the
 * Y.Doc is the truth; the row is rebuilt from it). `updates` is the append-only log of
 * Yjs updates per document; a document's state is its updates applied in `seq` order.
 * `origin` says where an update came from (local, remote, import, template) and `author`
 * who made it, so that later revisions, compaction and authorship can be built on the log.
 * AUTOINCREMENT keeps `seq` monotonic even after rows are deleted, so a revision can name
 * the log position it was taken at and compaction can never make that position ambiguous.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'documents and update log',
    sql: `
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('resolution', 'decision')),
        title TEXT NOT NULL,
        symbol TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_id TEXT NOT NULL REFERENCES documents(id),
        data BLOB NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('local', 'remote', 'import', 'template')),
        author TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX updates_by_doc ON updates (doc_id, seq);
    `,
  },
];

/** The newest layout version this build knows; a database above it was written by a newer Penholder. */
export const latestMigrationVersion: number = migrations.reduce((max, m) => Math.max(max, m.version), 0);

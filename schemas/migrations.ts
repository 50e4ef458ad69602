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
 *
 * Version 2: `updates` is rebuilt (SQLite cannot change a CHECK in place) so that `author`
 * is never null, every row names the author's `delegation`, and `origin` also allows
 * 'restore' (a revision made current again) and 'checkpoint' (compaction's merge of older
 * rows, see electron/store/compaction.ts). `history` aggregates the log: one row per run of
 * consecutive updates by the same author, delegation and origin, extended in the same
 * transaction as each append (the v1 log is aggregated here with a gaps-and-islands query),
 * so it survives compaction. `client_authors` maps each Yjs client id of a document to the
 * author whose update first carried it (authorship outlives compaction); v1 logs carried
 * no authors, so there is nothing to backfill. `revisions` are named or autosave points:
 * `seq` is the log position, `snapshot` a Yjs snapshot whose delete set holds only the
 * deletions since the document's previous revision in creation order `n` (an explicit key,
 * because VACUUM may renumber implicit rowids) (electron/store/revisions.ts).
 * `settings` holds the local profile; `last_viewed` each user's last-viewed revision.
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
  {
    version: 2,
    name: 'authors, revisions, history, profile and last viewed',
    sql: `
      CREATE TABLE updates_v2 (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_id TEXT NOT NULL REFERENCES documents(id),
        data BLOB NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('local', 'remote', 'import', 'template', 'restore', 'checkpoint')),
        author TEXT NOT NULL DEFAULT '',
        delegation TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO updates_v2 (seq, doc_id, data, origin, author, delegation, created_at)
        SELECT seq, doc_id, data, origin, coalesce(author, ''), '', created_at FROM updates ORDER BY seq;
      DROP TABLE updates;
      ALTER TABLE updates_v2 RENAME TO updates;
      CREATE INDEX updates_by_doc ON updates (doc_id, seq);

      CREATE TABLE history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_id TEXT NOT NULL REFERENCES documents(id),
        author TEXT NOT NULL,
        delegation TEXT NOT NULL,
        origin TEXT NOT NULL,
        first_at TEXT NOT NULL,
        last_at TEXT NOT NULL,
        count INTEGER NOT NULL,
        seq_from INTEGER NOT NULL,
        seq_to INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX history_by_doc ON history (doc_id, id);
      INSERT INTO history (doc_id, author, delegation, origin, first_at, last_at, count, seq_from, seq_to)
        SELECT doc_id, author, '', origin, min(created_at), max(created_at), count(*), min(seq), max(seq)
        FROM (
          SELECT seq, doc_id, author, origin, created_at,
            row_number() OVER (PARTITION BY doc_id ORDER BY seq)
              - row_number() OVER (PARTITION BY doc_id, author, origin ORDER BY seq) AS run
          FROM updates
        )
        GROUP BY doc_id, author, origin, run
        ORDER BY min(seq);

      CREATE TABLE client_authors (
        doc_id TEXT NOT NULL REFERENCES documents(id),
        client_id INTEGER NOT NULL,
        author TEXT NOT NULL,
        delegation TEXT NOT NULL,
        PRIMARY KEY (doc_id, client_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE revisions (
        n INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        doc_id TEXT NOT NULL REFERENCES documents(id),
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('autosave', 'zero-draft', 'revision', 'l-document', 'oral-revision', 'final')),
        label TEXT NOT NULL,
        author TEXT NOT NULL,
        delegation TEXT NOT NULL,
        created_at TEXT NOT NULL,
        snapshot BLOB NOT NULL
      ) STRICT;
      CREATE INDEX revisions_by_doc ON revisions (doc_id, seq);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE last_viewed (
        doc_id TEXT NOT NULL REFERENCES documents(id),
        user_name TEXT NOT NULL,
        delegation TEXT NOT NULL,
        revision_id TEXT NOT NULL REFERENCES revisions(id),
        viewed_at TEXT NOT NULL,
        PRIMARY KEY (doc_id, user_name, delegation)
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'private notes',
    // Version 3: `private_notes` holds a delegation's notes per paragraph. They are local by
    // design: no Y.Doc, no update log, nothing a provider or an export reads.
    sql: `
      CREATE TABLE private_notes (
        doc_id TEXT NOT NULL REFERENCES documents(id),
        paragraph_id TEXT NOT NULL,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (doc_id, paragraph_id)
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'negotiation index',
    // Version 4: the brackets, alternative groups and paragraph statuses of every revision
    // (autosave points included), derived from the revision's content so the dashboard's
    // queries need no Y.Doc. `negotiation_indexed` marks a revision as done, brackets or not.
    sql: `
      CREATE TABLE negotiation_indexed (
        revision_id TEXT PRIMARY KEY REFERENCES revisions(id),
        doc_id TEXT NOT NULL REFERENCES documents(id)
      ) STRICT;
      CREATE TABLE negotiation_brackets (
        revision_id TEXT NOT NULL REFERENCES revisions(id),
        bracket_id TEXT NOT NULL,
        ord INTEGER NOT NULL,
        kind TEXT NOT NULL,
        paragraph_id TEXT NOT NULL,
        paragraph_label TEXT NOT NULL,
        text TEXT NOT NULL,
        proposed_by TEXT NOT NULL,
        supported_by TEXT NOT NULL,
        opposed_by TEXT NOT NULL,
        deletion INTEGER NOT NULL,
        depth INTEGER NOT NULL,
        group_id TEXT NOT NULL,
        PRIMARY KEY (revision_id, ord)
      ) STRICT;
      CREATE INDEX negotiation_brackets_by_id ON negotiation_brackets (bracket_id);
      CREATE TABLE negotiation_groups (
        revision_id TEXT NOT NULL REFERENCES revisions(id),
        group_id TEXT NOT NULL,
        paragraph_id TEXT NOT NULL,
        members INTEGER NOT NULL,
        PRIMARY KEY (revision_id, group_id)
      ) STRICT;
      CREATE TABLE negotiation_status (
        revision_id TEXT NOT NULL REFERENCES revisions(id),
        paragraph_id TEXT NOT NULL,
        paragraph_label TEXT NOT NULL,
        text TEXT NOT NULL,
        state TEXT NOT NULL,
        by TEXT NOT NULL,
        at TEXT NOT NULL,
        reservations TEXT NOT NULL,
        linked TEXT NOT NULL,
        PRIMARY KEY (revision_id, paragraph_id)
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'negotiation index format',
    // Version 5: `negotiation_indexed.format` records which `negotiationIndexFormat` wrote a
    // revision's rows. Rows indexed before it existed are format 1 (texts run together); the
    // store re-indexes every revision whose format is not the current one on the next query.
    sql: `
      ALTER TABLE negotiation_indexed ADD COLUMN format INTEGER NOT NULL DEFAULT 1;
    `,
  },
  {
    version: 6,
    name: 'issued revision records',
    // Version 6: the signed, hash-chained record of each issued revision (shared/record/), one
    // row per record in chain order `n` from 1, its JCS text as signed. Only `updates` is ever
    // compacted, so the chain stays whole beside its revisions.
    sql: `
      CREATE TABLE issued_records (
        doc_id TEXT NOT NULL REFERENCES documents(id),
        n INTEGER NOT NULL CHECK (n >= 1),
        revision_id TEXT NOT NULL UNIQUE REFERENCES revisions(id),
        record TEXT NOT NULL,
        PRIMARY KEY (doc_id, n)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 7,
    name: 'consultation admissions',
    // Version 7: the keys a host admitted to a consultation (the set of documents it serves),
    // as which delegation and role, so a restarted host admits them again; and the codes it
    // handed out per delegation (electron/store/admissions.ts).
    sql: `
      CREATE TABLE consultation_admissions (
        consultation TEXT NOT NULL,
        key TEXT NOT NULL,
        delegation TEXT NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        since TEXT NOT NULL,
        PRIMARY KEY (consultation, key)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE consultation_codes (
        consultation TEXT NOT NULL,
        delegation TEXT NOT NULL,
        code TEXT NOT NULL,
        PRIMARY KEY (consultation, delegation)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 8,
    name: 'silence procedure and received revisions',
    // Version 8 (issue 14, points 2 and 5): issued_records without UNIQUE(revision_id), so a
    // revision's silence records (placed, outcome) chain right after its own record; the
    // objections a host received (silence_objections, each as signed, with its arrival); the
    // objections this installation signed and must still deliver (outgoing_objections); and
    // the revision files received from a host and verified (received_revisions).
    sql: `
      CREATE TABLE issued_records_v8 (
        doc_id TEXT NOT NULL REFERENCES documents(id),
        n INTEGER NOT NULL CHECK (n >= 1),
        revision_id TEXT NOT NULL REFERENCES revisions(id),
        record TEXT NOT NULL,
        PRIMARY KEY (doc_id, n)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO issued_records_v8 (doc_id, n, revision_id, record) SELECT doc_id, n, revision_id, record FROM issued_records;
      DROP TABLE issued_records;
      ALTER TABLE issued_records_v8 RENAME TO issued_records;
      CREATE INDEX issued_records_by_revision ON issued_records (revision_id, n);
      CREATE TABLE silence_objections (
        doc_id TEXT NOT NULL,
        silence TEXT NOT NULL,
        signature TEXT NOT NULL,
        delegation TEXT NOT NULL,
        objection TEXT NOT NULL,
        arrived TEXT NOT NULL,
        PRIMARY KEY (silence, signature)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE outgoing_objections (
        signature TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,
        objection TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'refused')),
        arrived TEXT,
        message TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE TABLE received_revisions (
        doc_id TEXT NOT NULL,
        n INTEGER NOT NULL CHECK (n >= 1),
        label TEXT NOT NULL,
        file TEXT NOT NULL,
        received TEXT NOT NULL,
        PRIMARY KEY (doc_id, n)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 9,
    name: 'who admitted a key',
    // Version 9 (issue 13 point 2): who admitted each key of a consultation, as JSON
    // (electron/store/admissions.ts `AdmittedBy`): the facilitator, a member already admitted
    // for the same delegation, a code, or the --admit list. '' for keys admitted before it.
    sql: `
      ALTER TABLE consultation_admissions ADD COLUMN admitted_by TEXT NOT NULL DEFAULT '';
    `,
  },
  {
    version: 10,
    name: 'a refused objection in the catalogue',
    // Version 10: the host's refusal of an objection as a catalogue message (JSON of
    // shared/i18n/message.ts `Message`), so it is said in the interface's language; '' when
    // the host gave only its English words (`message`), as before it.
    sql: `
      ALTER TABLE outgoing_objections ADD COLUMN message_text TEXT NOT NULL DEFAULT '';
    `,
  },
];

/**
 * The format of the negotiation index's rows (electron/store/negotiation-index.ts), recorded
 * per revision. A change to what a row holds for the same content bumps it, so rows written
 * by another build are rebuilt instead of read as if current. 1: a bracket's or paragraph's
 * text ran nested brackets and alternatives together ("importantvaluable") and kept footnote
 * texts. 2: `readableText` ("[important] / [valuable]", no footnote texts).
 */
export const negotiationIndexFormat = 2;

/** The newest layout version this build knows; a database above it was written by a newer Penholder. */
export const latestMigrationVersion: number = migrations.reduce((max, m) => Math.max(max, m.version), 0);

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { messageText, msg, type Message } from '../../shared/i18n/message.js';

/** The file name of the library inside the data directory, beside the store (penholder.sqlite). */
export const LIBRARY_FILE_NAME = 'library.sqlite';

/** Marks the file as Penholder's library in the SQLite header ("PnLb"). */
const APPLICATION_ID = 0x506e4c62;

/**
 * The library's layout version. The library is rebuildable from its sources, so a file of
 * another version is not migrated: an older one is emptied and rebuilt by adding again,
 * a newer one refused.
 */
export const LIBRARY_VERSION = 1;

/** Where the library lives and how to load better-sqlite3's native module. */
export type LibraryLocation = {
  /** The data directory (the store's); created if missing. */
  dataDir: string;
  /** Path of a better-sqlite3 `.node` build to load instead of the default (Electron's ABI). */
  nativeBinding?: string;
  /** Open without writing (the CLI's search): fails when there is no library yet. */
  readonly?: boolean;
};

/** Why the library could not be opened: `text` a sentence for people as a catalogue message, `message` its English. */
export class LibraryError extends Error {
  /** The sentence as a catalogue message. */
  readonly text: Message;

  /** Creates a library error saying `text` to the user. */
  constructor(text: Message, options?: { cause?: unknown }) {
    super(messageText(text), options);
    this.name = 'LibraryError';
    this.text = text;
  }
}

// The word index holds the normalized text (shared/library/normalize.ts), not the text: its
// tokens are then exactly the words queries are made of, in every script (unicode61 alone
// keeps Arabic hamza and Cyrillic breve, and takes a run of Chinese characters for one word).
const schema = `
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL,
  adopted INTEGER NOT NULL,
  added_at TEXT NOT NULL
);
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  source INTEGER NOT NULL REFERENCES sources(id),
  symbol TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  date TEXT NOT NULL,
  day TEXT NOT NULL,
  language TEXT NOT NULL,
  adopted INTEGER NOT NULL
);
CREATE INDEX documents_source ON documents(source);
CREATE TABLE paragraphs (
  id INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents(id),
  label TEXT NOT NULL,
  text TEXT NOT NULL,
  norm TEXT NOT NULL,
  norm_key INTEGER NOT NULL
);
CREATE INDEX paragraphs_document ON paragraphs(document);
CREATE INDEX paragraphs_norm_key ON paragraphs(norm_key, document);
CREATE VIRTUAL TABLE words USING fts5(norm, content='paragraphs', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE trigrams USING fts5(text, content='paragraphs', content_rowid='id', tokenize='trigram remove_diacritics 1', detail='none');
CREATE TRIGGER paragraphs_added AFTER INSERT ON paragraphs BEGIN
  INSERT INTO words(rowid, norm) VALUES (new.id, new.norm);
  INSERT INTO trigrams(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER paragraphs_removed AFTER DELETE ON paragraphs BEGIN
  INSERT INTO words(words, rowid, norm) VALUES ('delete', old.id, old.norm);
  INSERT INTO trigrams(trigrams, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TABLE bands (
  key INTEGER NOT NULL,
  paragraph INTEGER NOT NULL,
  PRIMARY KEY (key, paragraph)
) WITHOUT ROWID;
`;

/**
 * Opens (or creates) `library.sqlite` in the data directory: WAL, so a reader (the CLI)
 * works while the app writes, and `synchronous = NORMAL` (the library is rebuildable; a
 * power cut may lose the last add, never the file's consistency). Its own file, never the
 * store's: the store's writer lock (penholder.lock) does not cover it, and SQLite's own
 * locking serializes two writers (busy timeout 5 s). Throws LibraryError for a file that is
 * not a Penholder library, from a newer version, or damaged; an older layout is dropped and
 * recreated empty (it is rebuilt by adding again).
 */
export function openLibraryDatabase(location: LibraryLocation): Database.Database {
  const dir = path.resolve(location.dataDir);
  const file = path.join(dir, LIBRARY_FILE_NAME);
  const binding = location.nativeBinding ? { nativeBinding: location.nativeBinding } : {};
  if (location.readonly) {
    if (!fs.existsSync(file)) throw new LibraryError(msg('backend:library.none', { dir, file: LIBRARY_FILE_NAME }));
    const db = attempt(file, () => new Database(file, { readonly: true, fileMustExist: true, ...binding }));
    return checked(db, file, false);
  }
  attempt(dir, () => fs.mkdirSync(dir, { recursive: true }));
  const db = attempt(file, () => new Database(file, binding));
  return checked(db, file, true);
}

function checked(db: Database.Database, file: string, writable: boolean): Database.Database {
  try {
    db.pragma('busy_timeout = 5000');
    const version = Number(db.pragma('user_version', { simple: true }));
    const appId = Number(db.pragma('application_id', { simple: true }));
    const tables = Number(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get());
    if ((appId !== 0 && appId !== APPLICATION_ID) || (appId === 0 && tables > 0)) {
      throw new LibraryError(msg('backend:library.notPenholder', { file }));
    }
    if (version > LIBRARY_VERSION) {
      throw new LibraryError(msg('backend:library.newerVersion', { file, version }));
    }
    if (!writable) {
      if (version !== LIBRARY_VERSION) throw new LibraryError(msg('backend:library.olderVersion', { file }));
      return db;
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // The band index takes random inserts; a 64 MB page cache keeps them off the disk.
    db.pragma('cache_size = -65536');
    if (version < LIBRARY_VERSION) {
      db.transaction(() => {
        for (const name of ['bands', 'trigrams', 'words', 'paragraphs', 'documents', 'sources']) db.exec(`DROP TABLE IF EXISTS ${name}`);
        db.exec(schema);
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${LIBRARY_VERSION}`);
      }).immediate();
    }
    return db;
  } catch (err) {
    db.close();
    if (err instanceof LibraryError) throw err;
    throw new LibraryError(msg('backend:library.cannotUse', { file, reason: reason(err) }), { cause: err });
  }
}

function attempt<T>(file: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    throw new LibraryError(msg('backend:library.cannotOpen', { file, reason: reason(err) }), { cause: err });
  }
}

function reason(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\.$/, '');
}

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { latestMigrationVersion, migrations } from '../../schemas/migrations.js';
import { acquireWriterLock, LOCK_FILE_NAME } from './lock.js';
import { messageText, msg, type Message } from '../../shared/i18n/message.js';

/** Why the local store could not be opened or refused a change ('refused': a step the data does not allow now); stable for callers. */
export type StoreErrorCode = 'newer-version' | 'corrupt' | 'not-penholder' | 'not-writable' | 'locked' | 'disk-full' | 'missing' | 'refused';

/**
 * An error opening or using the local store. `text` is a complete sentence for the user as a
 * catalogue message (the interface says it in its language); `message` is its English
 * sentence, which the CLI and logs print as is.
 */
export class StoreError extends Error {
  /** The sentence as a catalogue message. */
  readonly text: Message;

  /** Creates a store error with a stable code and a sentence for people. */
  constructor(
    readonly code: StoreErrorCode,
    text: Message,
    options?: { cause?: unknown },
  ) {
    super(messageText(text), options);
    this.name = 'StoreError';
    this.text = text;
  }
}

/** The file name of the store inside the data directory. */
export const STORE_FILE_NAME = 'penholder.sqlite';

/** Marks the file as Penholder's in the SQLite header ("PnHd"), so other tools can tell. */
const APPLICATION_ID = 0x506e4864;

/** Where the store lives and how to load better-sqlite3's native module. */
export type StoreLocation = {
  /** The data directory; created if missing. */
  dataDir: string;
  /** Path of a better-sqlite3 `.node` build to load instead of the default (Electron's ABI). */
  nativeBinding?: string;
  /** The clock of every stored time (tests inject one); `() => new Date()` by default. */
  now?: () => Date;
  /**
   * An upper bound on the database's size in bytes (SQLite's `max_page_count`); a write that
   * would grow it further fails exactly as on a full disk ('disk-full'). Unbounded by default.
   */
  maxBytes?: number;
};

/** An open store database and the writer lock it holds. */
export type OpenedDatabase = { db: Database.Database; close(): void };

/**
 * Opens (or creates) `penholder.sqlite` in the data directory and brings it to the latest
 * layout. Checks, in order, before anything is written: the directory is writable, the file
 * is an SQLite database, it is not from a newer Penholder, it is Penholder's, and it passes
 * `PRAGMA quick_check`. A refused file is never modified. Then sets WAL, `synchronous = FULL`
 * and a busy timeout, and applies pending migrations in one transaction. Takes the data
 * directory's writer lock first (see lock.ts), released by the returned `close()`.
 * Throws StoreError with a message meant for the user.
 */
export function openDatabase(location: StoreLocation): OpenedDatabase {
  const dir = ensureWritableDir(location.dataDir);
  const file = path.join(dir, STORE_FILE_NAME);
  let lock: ReturnType<typeof acquireWriterLock>;
  try {
    lock = acquireWriterLock(dir);
  } catch (err) {
    if (diskFull(err, dir)) throw fullOnOpen(file, err);
    throw new StoreError('not-writable', msg('backend:store.dirNotWritable', { dir, reason: reason(err) }), { cause: err });
  }
  if (!('release' in lock)) {
    throw new StoreError(
      'locked',
      lock.sameProcess
        ? msg('backend:store.openHere', { file })
        : msg('backend:store.locked', { file, pid: lock.pid, lock: path.join(dir, LOCK_FILE_NAME) }),
    );
  }
  let db: Database.Database;
  try {
    db = new Database(file, location.nativeBinding ? { nativeBinding: location.nativeBinding } : {});
  } catch (err) {
    lock.release();
    if (diskFull(err, dir)) throw fullOnOpen(file, err);
    throw new StoreError('not-writable', msg('backend:store.cannotOpen', { file, reason: reason(err) }), { cause: err });
  }
  try {
    db.pragma('busy_timeout = 5000');
    inspect(db, file);
    const fresh = Number(db.pragma('page_count', { simple: true })) === 0;
    // Incremental auto-vacuum lets compaction hand freed pages back to the file system;
    // it can only be chosen before the first table exists.
    if (fresh) db.pragma('auto_vacuum = INCREMENTAL');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    if (location.maxBytes !== undefined) {
      const pageSize = Number(db.pragma('page_size', { simple: true }));
      db.pragma(`max_page_count = ${Math.max(1, Math.floor(location.maxBytes / pageSize))}`);
    }
    return {
      db,
      close: () => {
        if (db.open) db.close();
        lock.release();
      },
    };
  } catch (err) {
    db.close();
    lock.release();
    if (diskFull(err, dir)) throw fullOnOpen(file, err);
    if (err instanceof StoreError) throw err;
    throw new StoreError('corrupt', msg('backend:store.cannotUse', { file, reason: reason(err) }), { cause: err });
  }
}

/**
 * Opens an existing store read-only, without the writer lock, so it works while a running
 * Penholder writes it (WAL readers never block the writer). Checks the version as
 * `openDatabase` does but migrates nothing: the caller copes with an older layout
 * (`user_version` tells which). Throws StoreError 'missing' when there is no store in `dataDir`.
 */
export function openDatabaseReadOnly(location: StoreLocation): Database.Database {
  const file = path.join(path.resolve(location.dataDir), STORE_FILE_NAME);
  if (!fs.existsSync(file)) throw new StoreError('missing', msg('backend:store.noData', { dir: path.dirname(file), file: STORE_FILE_NAME }));
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(location.nativeBinding ? { nativeBinding: location.nativeBinding } : {}) });
  } catch (err) {
    throw new StoreError('not-writable', msg('backend:store.cannotRead', { file, reason: reason(err) }), { cause: err });
  }
  try {
    db.pragma('busy_timeout = 5000');
    inspect(db, file);
    return db;
  } catch (err) {
    db.close();
    if (diskFull(err, path.dirname(file))) throw fullOnOpen(file, err);
    if (err instanceof StoreError) throw err;
    throw new StoreError('corrupt', msg('backend:store.cannotReadCorrupt', { file, reason: reason(err) }), { cause: err });
  }
}

/**
 * The StoreError for a failed write, when SQLite says why in a way people can act on
 * (SQLITE_FULL: the disk or the database's size limit is full; or an I/O error on a full
 * disk, see `diskFull`); otherwise `err` itself.
 */
export function writeFailure(err: unknown, file: string): unknown {
  if (diskFull(err, path.dirname(file))) {
    return new StoreError(
      'disk-full',
      msg('backend:store.diskFullWrite', { file }),
      { cause: err },
    );
  }
  return err;
}

/** Below this much free space, an I/O error while opening the store is put down to a full disk. */
const LOW_SPACE_BYTES = 1024 * 1024;

// Whether `err` comes from a full disk: the "full" codes of SQLite and of the file system,
// or any other I/O error while the file system holding `dir` is (nearly) full. SQLite
// cannot tell why a file would not grow in every case: its shared-memory index that
// could not be extended is SQLITE_IOERR_SHMSIZE, whatever the cause, and was reported as a
// damaged database ('corrupt') before, which would send people to their backups for nothing.
function diskFull(err: unknown, dir: string): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    const code = String((e as { code?: unknown }).code ?? '');
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return true;
    if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return freeBytes(dir) < LOW_SPACE_BYTES;
  }
  return false;
}

function freeBytes(dir: string): number {
  try {
    const stats = fs.statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return Infinity;
  }
}

function fullOnOpen(file: string, cause: unknown): StoreError {
  return new StoreError(
    'disk-full',
    msg('backend:store.diskFullOpen', { file }),
    { cause },
  );
}

function ensureWritableDir(dataDir: string): string {
  const dir = path.resolve(dataDir);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    if (diskFull(err, path.dirname(dir))) throw fullOnOpen(path.join(dir, STORE_FILE_NAME), err);
    throw new StoreError('not-writable', msg('backend:store.dirNotWritable', { dir, reason: reason(err) }), { cause: err });
  }
  return dir;
}

// Read-only checks: none of these pragmas writes to the file.
function inspect(db: Database.Database, file: string): void {
  let version: number;
  try {
    version = Number(db.pragma('user_version', { simple: true }));
  } catch (err) {
    throw new StoreError('corrupt', msg('backend:store.notReadable', { file, reason: reason(err) }), { cause: err });
  }
  if (version > latestMigrationVersion) {
    throw new StoreError(
      'newer-version',
      msg('backend:store.newerVersion', { file, version, latest: latestMigrationVersion }),
    );
  }
  const appId = Number(db.pragma('application_id', { simple: true }));
  const tables = Number(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get());
  if ((appId !== 0 && appId !== APPLICATION_ID) || (version === 0 && tables > 0)) {
    throw new StoreError('not-penholder', msg('backend:store.notPenholder', { file }));
  }
  const problems = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
  const messages = problems.map((p) => p.quick_check).filter((m) => m !== 'ok');
  if (messages.length > 0) {
    throw new StoreError(
      'corrupt',
      msg('backend:store.damaged', { file, problems: messages.slice(0, 3).join('; ') }),
    );
  }
}

function migrate(db: Database.Database): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${latestMigrationVersion}`);
  }).immediate();
}

function reason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\.$/, '');
}

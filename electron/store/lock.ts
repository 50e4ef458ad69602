import fs from 'node:fs';
import path from 'node:path';

/**
 * The writer lock of a data directory: one Penholder process at a time may write the store.
 *
 * Why a lock file and not SQLite's own locking: SQLite's WAL locks are per transaction, so a
 * second app would happily interleave writes with its own in-memory replicas and each would
 * miss the other's updates; and `locking_mode = EXCLUSIVE` would also shut out readers such as
 * `penholder revisions`. So the writer creates `penholder.lock` holding its pid, atomically
 * (a hard link that fails if the file exists); readers ignore it. A lock whose pid is no longer running (a crash,
 * SIGKILL) is stale and taken over, so a crashed app never locks the user out. Released on close.
 */

/** The lock file's name inside the data directory. */
export const LOCK_FILE_NAME = 'penholder.lock';

/** Who holds the lock when it could not be taken. */
export type LockHolder = { pid: number; sameProcess: boolean };

/** A held lock; `release()` removes the file (idempotent). */
export type WriterLock = { readonly file: string; release(): void };

/**
 * Takes the writer lock of `dir`, or returns the live holder when another store (another
 * process, or another open store in this process) has it.
 */
export function acquireWriterLock(dir: string): WriterLock | LockHolder {
  const file = path.join(dir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    // Written aside and hard-linked into place: the lock appears atomically with its pid.
    const staged = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    try {
      // Inside the try: on a full disk the write fails after creating the file, which must go too.
      fs.writeFileSync(staged, `${process.pid}\n`);
      fs.linkSync(staged, file);
      let released = false;
      return {
        file,
        release: () => {
          if (released) return;
          released = true;
          // Only our own lock is removed: a stale-lock takeover may have replaced it.
          if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(staged, { force: true });
    }
    const pid = readPid(file);
    if (pid !== undefined && isRunning(pid)) return { pid, sameProcess: pid === process.pid };
    // Stale: its process is gone.
    fs.rmSync(file, { force: true });
  }
  const pid = readPid(file) ?? 0;
  return { pid, sameProcess: pid === process.pid };
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

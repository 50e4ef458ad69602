/**
 * The store on a really full disk, for test/electron/store/full-disk.test.ts: run as
 * `node --import tsx full-disk-child.ts DIR` where DIR is a small file system of its own
 * (the test mounts a 2 MB tmpfs there in a private mount namespace). Fills it with a file,
 * tries what a user would, frees it again, and prints one JSON object of what happened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StoreError, STORE_FILE_NAME } from '../../electron/store/open-database.js';
import { listStoredRevisions } from '../../electron/store/read-revisions.js';
import { openStore } from '../../electron/store/store.js';
import { writer } from '../electron/store/updates.js';

const root = process.argv[2];
if (!root) throw new Error('usage: full-disk-child.ts DIR');
const dataDir = path.join(root, 'data');
const filler = path.join(root, 'filler');
const file = path.join(dataDir, STORE_FILE_NAME);
const meta = { kind: 'resolution' as const, title: 'Safer streets', symbol: '', body: 'The General Assembly,' };
const w = writer(7);

/** Writes zeros until the disk is full, then frees `pages` 4 KiB pages of it again. */
function fill(pages = 0): void {
  const fd = fs.openSync(filler, 'a');
  try {
    for (;;) fs.writeSync(fd, Buffer.alloc(4096));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
  if (pages > 0) fs.truncateSync(filler, Math.max(0, fs.statSync(filler).size - pages * 4096));
}

/** What `fn` threw: a StoreError's code and message, or the name and message of anything else. */
function failure(fn: () => unknown): { code: string; message: string } | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof StoreError ? { code: err.code, message: err.message } : { code: `not a StoreError: ${(err as Error).name}`, message: String((err as Error).message) };
  }
}

const store = openStore({ dataDir });
store.createDocument({ id: 'd', meta, update: w.insert('Recalling'), origin: 'template' });
let saved = 1;
for (let i = 0; i < 10; i++, saved++) store.appendUpdate({ docId: 'd', update: w.insert(` clause ${i}`), origin: 'local', author: 'Ana', delegation: 'BRA' });
store.createRevision({ docId: 'd', kind: 'revision', label: 'Rev.1', author: 'Ana', delegation: 'BRA' });
store.close();
const before = fs.readFileSync(file);

// Starting the app when there is room for the lock file but not for SQLite's own files.
fill(1);
const nearlyFull = failure(() => openStore({ dataDir }).close());
const unchanged = fs.readFileSync(file).equals(before);
fs.rmSync(filler);

// Starting it, and listing revisions, when there is no room at all.
fill();
const full = failure(() => openStore({ dataDir }).close());
const list = failure(() => listStoredRevisions({ dataDir }));
const stray = fs.readdirSync(dataDir).filter((f) => f.startsWith('penholder.lock'));
fs.rmSync(filler);

// A change while the app runs and the disk fills up.
const running = openStore({ dataDir });
fill();
const append = failure(() => running.appendUpdate({ docId: 'd', update: w.insert(' and more '.repeat(2000)), origin: 'local', author: 'Ana', delegation: 'BRA' }));
running.close();
fs.rmSync(filler);

const again = openStore({ dataDir });
const updates = again.readUpdates('d').length;
const revisions = again.listRevisions('d').length;
again.close();
console.log(JSON.stringify({ append, nearlyFull, unchanged, full, list, stray, saved, updates, revisions }));

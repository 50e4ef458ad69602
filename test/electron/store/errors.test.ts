import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type DocumentMeta } from '../../../electron/store/store.js';
import { STORE_FILE_NAME, StoreError } from '../../../electron/store/open-database.js';
import { LOCK_FILE_NAME } from '../../../electron/store/lock.js';
import { listStoredRevisions } from '../../../electron/store/read-revisions.js';
import { textOf, writer } from './updates.js';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup.splice(0).reverse()) fn();
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-store-errors-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
};
const meta: DocumentMeta = { kind: 'resolution', title: 'Safer streets', symbol: '', body: 'The General Assembly,' };

function storeError(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StoreError) return err;
    throw err;
  }
  throw new Error('expected a StoreError');
}

describe('store errors', () => {
  it('a second writer in the same process is refused until the first closes', () => {
    const dir = tempDir();
    const first = openStore({ dataDir: dir });
    const err = storeError(() => openStore({ dataDir: dir }));
    expect(err.code).toBe('locked');
    expect(err.message).toContain('already open in this Penholder process');
    first.close();
    openStore({ dataDir: dir }).close();
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it('a lock held by another running process names its pid; once that process is gone the lock is stale and taken over', async () => {
    const dir = tempDir();
    openStore({ dataDir: dir }).close();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    cleanup.push(() => other.kill('SIGKILL'));
    const pid = other.pid!;
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), `${pid}\n`);
    const before = fs.readFileSync(path.join(dir, STORE_FILE_NAME));

    const err = storeError(() => openStore({ dataDir: dir }));
    expect(err.code).toBe('locked');
    expect(err.message).toContain(`is in use by another Penholder (pid ${pid})`);
    expect(fs.readFileSync(path.join(dir, STORE_FILE_NAME)).equals(before)).toBe(true);
    // Readers need no lock: listing revisions works while the other process holds it.
    expect(listStoredRevisions({ dataDir: dir })).toEqual([]);

    const exited = new Promise((resolve) => other.on('exit', resolve));
    other.kill('SIGKILL');
    await exited;
    const store = openStore({ dataDir: dir });
    expect(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8').trim()).toBe(String(process.pid));
    store.close();
  });

  it('a full disk fails the append with a clear disk-full error and loses nothing already saved', () => {
    const dir = tempDir();
    const w = writer();
    const initial = openStore({ dataDir: dir });
    initial.createDocument({ id: 'd', meta, update: w.insert('Recalling'), origin: 'template' });
    initial.close();
    const limit = fs.statSync(path.join(dir, STORE_FILE_NAME)).size + 64 * 1024;
    const store = openStore({ dataDir: dir, maxBytes: limit });
    const saved: Uint8Array[] = [];
    let err: StoreError | undefined;
    for (let i = 0; i < 1000 && !err; i++) {
      const update = w.insert(` clause ${i} `.repeat(40));
      try {
        store.appendUpdate({ docId: 'd', update, origin: 'local', author: 'Ana', delegation: 'CAN' });
        saved.push(update);
      } catch (e) {
        if (!(e instanceof StoreError)) throw e;
        err = e;
      }
    }
    expect(err?.code).toBe('disk-full');
    expect(err?.message).toMatch(/^The disk holding .*penholder\.sqlite is full, so the last change could not be saved\. Everything saved before it is safe/);
    expect(saved.length).toBeGreaterThan(3);
    expect(store.readUpdates('d')).toHaveLength(saved.length + 1);
    expect(store.readHistory('d').at(-1)?.count).toBe(saved.length);
    // Revisions and the profile fail the same way, without leaving anything half-written.
    expect(storeError(() => store.createRevision({ docId: 'd', kind: 'final', label: 'x'.repeat(200_000), author: '', delegation: '' })).code).toBe('disk-full');
    expect(store.listRevisions('d')).toEqual([]);
    store.close();

    const again = openStore({ dataDir: dir });
    const log = again.readUpdates('d');
    expect(log).toHaveLength(saved.length + 1);
    expect(textOf(log.map((u) => u.data))).toBe(textOf([log[0]!.data, ...saved]));
    again.appendUpdate({ docId: 'd', update: w.insert('!'), origin: 'local' });
    again.close();
  });
});

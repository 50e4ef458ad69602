import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type DocumentMeta } from '../../../electron/store/store.js';
import { STORE_FILE_NAME } from '../../../electron/store/open-database.js';
import { writer } from './updates.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-peer-queue-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const meta: DocumentMeta = { kind: 'resolution', title: 'Safer streets', symbol: 'A/1', body: 'The General Assembly,' };
const turn = () => new Promise((r) => setImmediate(r));

// What another connection to the file sees: only committed rows.
function committed(dir: string): { origin: string; author: string; delegation: string }[] {
  const db = new Database(path.join(dir, STORE_FILE_NAME), { readonly: true });
  try {
    return db.prepare('SELECT origin, author, delegation FROM updates WHERE doc_id = ? ORDER BY seq').all('d') as { origin: string; author: string; delegation: string }[];
  } finally {
    db.close();
  }
}

function withDocument(dir: string) {
  const store = openStore({ dataDir: dir });
  const w = writer(1);
  store.createDocument({ id: 'd', meta, update: w.insert('Safer streets'), origin: 'template' });
  return { store, w };
}

describe("the store's queue of changes from peers", () => {
  it('commits the changes of one turn together at its end, each with its author', async () => {
    const dir = tempDir();
    const { store, w } = withDocument(dir);
    const summary = store.appendUpdate({ docId: 'd', update: w.insert(' now'), origin: 'remote', author: 'Jean', delegation: 'EU', meta: { ...meta, title: 'Streets' } });
    store.appendUpdate({ docId: 'd', update: w.insert('!'), origin: 'remote', author: 'Ana', delegation: 'CAN' });
    expect(summary.title).toBe('Streets');
    expect(store.getDocument('d')?.title).toBe('Streets');
    expect(committed(dir)).toHaveLength(1);
    await turn();
    expect(committed(dir).slice(1)).toEqual([
      { origin: 'remote', author: 'Jean', delegation: 'EU' },
      { origin: 'remote', author: 'Ana', delegation: 'CAN' },
    ]);
    expect(store.getDocument('d')?.title).toBe('Streets');
    store.close();
  });

  it('lets every other call of the store see the queued changes, in the order they came', () => {
    const dir = tempDir();
    const { store, w } = withDocument(dir);
    store.appendUpdate({ docId: 'd', update: w.insert(' now'), origin: 'remote', author: 'Jean', delegation: 'EU' });
    store.appendUpdate({ docId: 'd', update: w.insert('!'), origin: 'local', author: 'Ana', delegation: 'CAN' });
    expect(store.readUpdates('d').map((u) => u.author)).toEqual(['', 'Jean', 'Ana']);
    expect(store.readHistory('d').map((h) => h.delegation)).toEqual(['', 'EU', 'CAN']);
    store.close();
  });

  it('commits what is queued when the store closes', () => {
    const dir = tempDir();
    const { store, w } = withDocument(dir);
    store.appendUpdate({ docId: 'd', update: w.insert(' now'), origin: 'remote', author: 'Jean', delegation: 'EU' });
    store.close();
    expect(committed(dir).map((u) => u.author)).toEqual(['', 'Jean']);
  });

  it('refuses a change from a peer to a document that does not exist, at once', () => {
    const { store, w } = withDocument(tempDir());
    expect(() => store.appendUpdate({ docId: 'nope', update: w.insert('a'), origin: 'remote' })).toThrow(/nope/);
    store.close();
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { latestMigrationVersion } from '../../../schemas/migrations.js';
import { openStore, type DocumentMeta } from '../../../electron/store/store.js';
import { STORE_FILE_NAME, StoreError } from '../../../electron/store/open-database.js';
import { writer } from './updates.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const meta: DocumentMeta = { kind: 'resolution', title: 'Safer streets', symbol: 'A/1', body: 'The General Assembly,' };

function refusal(dataDir: string): StoreError {
  try {
    openStore({ dataDir }).close();
  } catch (err) {
    if (err instanceof StoreError) return err;
    throw err;
  }
  throw new Error('openStore accepted the file');
}

describe('openStore', () => {
  it('creates the database in an empty directory at the latest version, in WAL mode', () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const store = openStore({ dataDir: dir });
    expect(store.file).toBe(path.join(dir, STORE_FILE_NAME));
    expect(store.listDocuments()).toEqual([]);
    store.close();
    const db = new Database(path.join(dir, STORE_FILE_NAME), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestMigrationVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['documents', 'updates']));
    db.close();
  });

  it('finds every document and update again after reopening', () => {
    const dir = tempDir();
    const first = openStore({ dataDir: dir });
    const w = writer();
    const [u1, u2] = [w.insert('The General Assembly,'), w.insert(' Recalling')];
    const created = first.createDocument({ id: 'doc1', meta, update: u1, origin: 'template' });
    first.appendUpdate({ docId: 'doc1', update: u2, origin: 'local', author: 'Ana', delegation: 'CAN', meta: { ...meta, title: 'Renamed' } });
    first.createDocument({ id: 'doc2', meta: { ...meta, kind: 'decision' }, update: writer().insert('x'), origin: 'import' });
    first.close();

    const second = openStore({ dataDir: dir });
    expect(second.listDocuments().map((d) => d.id).sort()).toEqual(['doc1', 'doc2']);
    const doc1 = second.getDocument('doc1');
    expect(doc1).toMatchObject({ id: 'doc1', kind: 'resolution', title: 'Renamed', symbol: 'A/1', createdAt: created.createdAt });
    const log = second.readUpdates('doc1');
    expect(log.map((u) => [...u.data])).toEqual([[...u1], [...u2]]);
    expect(log.map((u) => u.origin)).toEqual(['template', 'local']);
    expect(log[1]).toMatchObject({ author: 'Ana', delegation: 'CAN' });
    expect(log[0]!.seq).toBeLessThan(log[1]!.seq);
    expect(second.getDocument('missing')).toBeUndefined();
    expect(second.readUpdates('missing')).toEqual([]);
    second.close();
  });

  it('refuses to append to an unknown document and to create a duplicate id', () => {
    const store = openStore({ dataDir: tempDir() });
    const w = writer();
    expect(() => store.appendUpdate({ docId: 'nope', update: w.insert('a'), origin: 'local' })).toThrow(/nope/);
    store.createDocument({ id: 'd', meta, update: w.insert('b'), origin: 'template' });
    expect(() => store.createDocument({ id: 'd', meta, update: w.insert('c'), origin: 'template' })).toThrow();
    expect(store.readUpdates('d')).toHaveLength(1);
    expect(store.readUpdates('nope')).toEqual([]);
    store.close();
  });

  it('refuses a database written by a newer Penholder and leaves it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, STORE_FILE_NAME);
    const db = new Database(file);
    db.exec('CREATE TABLE future (x)');
    db.pragma(`user_version = ${latestMigrationVersion + 5}`);
    db.close();
    const before = fs.readFileSync(file);

    const err = refusal(dir);
    expect(err.code).toBe('newer-version');
    expect(err.message).toMatch(/written by a newer version of Penholder/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database and leaves it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, STORE_FILE_NAME);
    const garbage = Buffer.from('This is a letter, not a database. '.repeat(200));
    fs.writeFileSync(file, garbage);

    const err = refusal(dir);
    expect(err.code).toBe('corrupt');
    expect(err.message).toContain(file);
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('refuses a damaged database and leaves it untouched', () => {
    const dir = tempDir();
    const store = openStore({ dataDir: dir });
    const w = writer();
    store.createDocument({ id: 'd', meta, update: w.insert('start'), origin: 'template' });
    for (let i = 0; i < 200; i++) store.appendUpdate({ docId: 'd', update: w.insert(String(i).repeat(500).slice(0, 500)), origin: 'local' });
    store.close();
    const file = path.join(dir, STORE_FILE_NAME);
    const damaged = fs.readFileSync(file);
    damaged.fill(0xff, 4096 * 3, 4096 * 3 + 200);
    fs.writeFileSync(file, damaged);

    const err = refusal(dir);
    expect(err.code).toBe('corrupt');
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
  });

  it("refuses another program's SQLite database", () => {
    const dir = tempDir();
    const file = path.join(dir, STORE_FILE_NAME);
    const db = new Database(file);
    db.exec('CREATE TABLE contacts (name TEXT)');
    db.close();
    const before = fs.readFileSync(file);
    expect(refusal(dir).code).toBe('not-penholder');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a data directory that cannot be created', () => {
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, 'x');
    const err = refusal(path.join(blocker, 'data'));
    expect(err.code).toBe('not-writable');
    expect(err.message).toContain('cannot write to its data directory');
  });
});

describe('createDocuments', () => {
  it('creates all documents or none', () => {
    const store = openStore({ dataDir: tempDir() });
    const [a, b, c, d] = [writer().insert('a'), writer().insert('b'), writer().insert('c'), writer().insert('d')];
    const created = store.createDocuments([
      { id: 'a', meta, update: a, origin: 'import' },
      { id: 'b', meta, update: b, origin: 'import' },
    ]);
    expect(created.map((d) => d.id)).toEqual(['a', 'b']);
    expect(() =>
      store.createDocuments([
        { id: 'c', meta, update: c, origin: 'import' },
        { id: 'a', meta, update: d, origin: 'import' },
      ]),
    ).toThrow();
    expect(store.getDocument('c')).toBeUndefined();
    expect(store.readUpdates('a').map((u) => [...u.data])).toEqual([[...a]]);
    expect(store.readHistory('c')).toEqual([]);
    store.close();
  });
});

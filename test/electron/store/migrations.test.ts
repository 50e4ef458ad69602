import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { latestMigrationVersion, migrations } from '../../../schemas/migrations.js';
import { openStore, type DocumentMeta } from '../../../electron/store/store.js';
import { STORE_FILE_NAME } from '../../../electron/store/open-database.js';
import { textOf, writer } from './updates.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-migrate-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const meta: DocumentMeta = { kind: 'resolution', title: 'Safer streets', symbol: 'A/1', body: 'The General Assembly,' };

function tableNames(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  db.close();
  return names;
}

/** A data directory holding a version-1 store built with version 1's own SQL, with two documents' logs. */
function v1Store(): { dir: string; updates: Uint8Array[] } {
  const dir = tempDir();
  const db = new Database(path.join(dir, STORE_FILE_NAME));
  db.pragma('journal_mode = WAL');
  db.exec(migrations.find((m) => m.version === 1)!.sql);
  db.pragma('application_id = 0x506e4864');
  db.pragma('user_version = 1');
  const w = writer(7);
  const updates = [w.insert('Recalling'), w.insert(' its resolution'), w.remove(0, 3), w.insert(' 1/1')];
  const insertDoc = db.prepare("INSERT INTO documents VALUES (?, 'resolution', ?, '', 'The General Assembly,', ?, ?)");
  insertDoc.run('old', 'Old draft', '2026-01-01T10:00:00.000Z', '2026-01-01T10:03:00.000Z');
  insertDoc.run('other', 'Other draft', '2026-01-02T10:00:00.000Z', '2026-01-02T10:00:00.000Z');
  const insert = db.prepare('INSERT INTO updates (doc_id, data, origin, author, created_at) VALUES (?, ?, ?, ?, ?)');
  insert.run('old', updates[0], 'template', null, '2026-01-01T10:00:00.000Z');
  insert.run('other', writer().insert('x'), 'import', null, '2026-01-02T10:00:00.000Z');
  insert.run('old', updates[1], 'local', 'CAN', '2026-01-01T10:01:00.000Z');
  insert.run('old', updates[2], 'local', 'CAN', '2026-01-01T10:02:00.000Z');
  insert.run('old', updates[3], 'remote', null, '2026-01-01T10:03:00.000Z');
  db.close();
  return { dir, updates };
}

describe('migrations', () => {
  it('are consecutive from 1', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(latestMigrationVersion).toBe(migrations.length);
  });

  it('build every table from an empty file, and the store works across a restart', () => {
    const dir = tempDir();
    const store = openStore({ dataDir: dir });
    const w = writer(11);
    store.createDocument({ id: 'd', meta, update: w.insert('Rev one'), origin: 'template' });
    const rev = store.createRevision({ docId: 'd', kind: 'revision', label: 'Rev.1', author: 'Ana', delegation: 'CAN' });
    store.appendUpdate({ docId: 'd', update: w.insert(' and more'), origin: 'local', author: 'Ana', delegation: 'CAN' });
    store.setProfile({ name: 'Ana', delegation: 'CAN' });
    store.markViewed('d', { name: 'Ana', delegation: 'CAN' }, rev.id);
    store.close();
    expect(tableNames(path.join(dir, STORE_FILE_NAME))).toEqual(
      ['client_authors', 'consultation_admissions', 'consultation_codes', 'documents', 'history', 'issued_records', 'last_viewed', 'negotiation_brackets', 'negotiation_groups', 'negotiation_indexed', 'negotiation_status', 'outgoing_objections', 'private_notes', 'received_revisions', 'revisions', 'settings', 'silence_objections', 'updates'],
    );

    const again = openStore({ dataDir: dir });
    expect(again.listRevisions('d')).toEqual([rev]);
    expect(again.getProfile()).toEqual({ name: 'Ana', delegation: 'CAN' });
    expect(again.lastViewed('d', { name: 'Ana', delegation: 'CAN' })).toEqual(rev);
    expect(again.readHistory('d').map((h) => [h.origin, h.author, h.delegation, h.count])).toEqual([
      ['template', '', '', 1],
      ['local', 'Ana', 'CAN', 1],
    ]);
    expect(again.readClientAuthors('d')).toEqual([{ clientId: 11, author: '', delegation: '' }]);
    expect(textOf(again.readUpdates('d').map((u) => u.data))).toBe('Rev one and more');
    again.close();
  });

  it('bring a version-1 file with data to the latest version, keeping every update, and aggregate its history', () => {
    const { dir, updates } = v1Store();
    const store = openStore({ dataDir: dir });
    const log = store.readUpdates('old');
    expect(log.map((u) => [...u.data])).toEqual(updates.map((u) => [...u]));
    expect(log.map((u) => [u.origin, u.author, u.delegation])).toEqual([
      ['template', '', ''],
      ['local', 'CAN', ''],
      ['local', 'CAN', ''],
      ['remote', '', ''],
    ]);
    expect(store.readHistory('old')).toEqual([
      { author: '', delegation: '', origin: 'template', from: '2026-01-01T10:00:00.000Z', to: '2026-01-01T10:00:00.000Z', count: 1, seqFrom: 1, seqTo: 1 },
      { author: 'CAN', delegation: '', origin: 'local', from: '2026-01-01T10:01:00.000Z', to: '2026-01-01T10:02:00.000Z', count: 2, seqFrom: 3, seqTo: 4 },
      { author: '', delegation: '', origin: 'remote', from: '2026-01-01T10:03:00.000Z', to: '2026-01-01T10:03:00.000Z', count: 1, seqFrom: 5, seqTo: 5 },
    ]);
    expect(store.readHistory('other').map((h) => h.origin)).toEqual(['import']);

    // The log keeps counting after the rebuilt table: positions are never reused.
    const appended = store.appendUpdate({ docId: 'old', update: writer(8).insert('!'), origin: 'restore', author: 'Ana', delegation: 'CAN' });
    expect(appended.id).toBe('old');
    expect(store.readUpdates('old').at(-1)?.seq).toBe(6);
    const rev = store.createRevision({ docId: 'old', kind: 'zero-draft', label: 'Zero draft', author: 'Ana', delegation: 'CAN' });
    expect(rev.seq).toBe(6);
    store.close();

    const db = new Database(path.join(dir, STORE_FILE_NAME), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestMigrationVersion);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const again = openStore({ dataDir: dir });
    expect(again.listRevisions('old').map((r) => r.label)).toEqual(['Zero draft']);
    expect(Y.decodeUpdate(again.readUpdates('old')[0]!.data).structs.length).toBeGreaterThan(0);
    again.close();
  });
});

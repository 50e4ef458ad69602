import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../electron/store/store.js';
import { STORE_FILE_NAME } from '../../../electron/store/open-database.js';
import { issueRevision, revisionFileOf, verifyStoredChain } from '../../../electron/store/issue-revision.js';
import { openInstallationKey } from '../../../electron/identity/installation-key.js';
import { RecordError, serializeRevisionFile, verifyRevisionFile, type RecordFailure } from '../../../shared/record/index.js';
import { encodeYDoc, docToYDoc, prosemirrorFragment } from '../../../shared/ydoc.js';
import { sampleResolution, seededRandom } from '../../support/edit-stream.js';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function open(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-records-'))): { store: Store; dir: string } {
  if (!dirs.includes(dir)) dirs.push(dir);
  const store = openStore({ dataDir: dir });
  stores.push(store);
  return { store, dir };
}

const meta = { kind: 'resolution', title: 'Records', symbol: '', body: '' } as const;
const who = { author: 'Facilitator', delegation: 'NOR' };

/** A document with three issued revisions, a typed edit between each. */
async function threeIssued(store: Store, dir: string) {
  const ydoc = docToYDoc(sampleResolution(8, 3));
  store.createDocument({ id: 'd', meta, update: encodeYDoc(ydoc), origin: 'import', ...who });
  const key = openInstallationKey(dir);
  const issued = [];
  for (const label of ['Rev.1', 'Rev.2', 'Rev.3']) {
    const before = Y.encodeStateVector(ydoc);
    const text = prosemirrorFragment(ydoc).toArray()[1] as Y.XmlElement;
    (text.toArray()[0] as Y.XmlText).insert(0, `${label} `);
    store.appendUpdate({ docId: 'd', update: Y.encodeStateAsUpdate(ydoc, before), origin: 'local', ...who });
    issued.push(await issueRevision(store, { docId: 'd', label, ...who, key }));
  }
  return { key, issued };
}

async function failure(run: () => Promise<unknown>): Promise<RecordFailure | 'verified'> {
  try {
    await run();
    return 'verified';
  } catch (err) {
    if (err instanceof RecordError) return err.kind;
    throw err;
  }
}

describe('issued records in the store', () => {
  it('issues signed, chained revisions that survive compaction and reopening, and export as a verifying file', async () => {
    const { store, dir } = open();
    const { key, issued } = await threeIssued(store, dir);
    expect(issued.map((i) => [i.revision.label, i.chain])).toEqual([['Rev.1', 1], ['Rev.2', 2], ['Rev.3', 3]]);
    expect(issued[1]!.record.contentHash).not.toBe(issued[2]!.record.contentHash);
    expect(fs.statSync(key.file).mode & 0o777).toBe(0o600);
    expect(await verifyStoredChain(store, 'd')).toBe(3);

    expect(store.compactDocument('d', { minRows: 1 })).toBeGreaterThan(1);
    store.close();
    const reopened = open(dir).store;
    expect(await verifyStoredChain(reopened, 'd')).toBe(3);
    expect(openInstallationKey(dir).fingerprint).toBe(key.fingerprint);

    const file = await revisionFileOf(reopened, issued[1]!.revision.id);
    const verified = await verifyRevisionFile(serializeRevisionFile(file), { key: key.groupedFingerprint });
    expect(verified).toMatchObject({ label: 'Rev.2', chain: 2, fingerprint: key.fingerprint, hash: issued[1]!.record.contentHash });
  });

  it('refuses to issue after a chain another key began', async () => {
    const { store, dir } = open();
    await threeIssued(store, dir);
    const other = openInstallationKey(fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-other-key-')));
    dirs.push(path.dirname(other.file));
    expect(await failure(() => issueRevision(store, { docId: 'd', label: 'Rev.4', ...who, key: other }))).toBe('unknown-key');
  });

  it('detects every change to the chain rows: random single-byte changes, a row removed, rows swapped, a revision relabelled', async () => {
    const { store, dir } = open();
    await threeIssued(store, dir);
    store.close();
    const db = new Database(path.join(dir, STORE_FILE_NAME));
    const rows = db.prepare('SELECT n, record FROM issued_records ORDER BY n').all() as { n: number; record: string }[];
    const setRecord = db.prepare('UPDATE issued_records SET record = ? WHERE n = ?');
    const verifyNow = async () => {
      const s = open(dir).store;
      try {
        return await failure(() => verifyStoredChain(s, 'd'));
      } finally {
        s.close();
      }
    };
    const rng = seededRandom(6);
    const kinds = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const row = rows[i % rows.length]!;
      const bytes = Buffer.from(row.record);
      const at = rng.int(bytes.length);
      bytes[at] = bytes[at]! ^ (1 + rng.int(127));
      setRecord.run(bytes.toString('latin1'), row.n);
      const kind = await verifyNow();
      expect(kind, `byte ${at} of row ${row.n}`).not.toBe('verified');
      kinds.add(kind);
      setRecord.run(row.record, row.n);
    }
    expect(kinds.size).toBeGreaterThan(1);
    expect(await verifyNow()).toBe('verified');

    db.prepare("UPDATE revisions SET label = 'Rev.9' WHERE id = (SELECT revision_id FROM issued_records WHERE n = 2)").run();
    expect(await verifyNow()).toBe('content-changed');
    db.prepare("UPDATE revisions SET label = 'Rev.2' WHERE id = (SELECT revision_id FROM issued_records WHERE n = 2)").run();
    setRecord.run(rows[2]!.record, 2);
    setRecord.run(rows[1]!.record, 3);
    expect(await verifyNow()).not.toBe('verified');
    setRecord.run(rows[1]!.record, 2);
    setRecord.run(rows[2]!.record, 3);
    db.prepare('DELETE FROM issued_records WHERE n = 2').run();
    expect(await verifyNow()).toBe('chain-broken');
    db.close();
  });
});

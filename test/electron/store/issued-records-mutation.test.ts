import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openInstallationKey } from '../../../electron/identity/installation-key.js';
import { issueRevision, verifyStoredChain } from '../../../electron/store/issue-revision.js';
import { STORE_FILE_NAME } from '../../../electron/store/open-database.js';
import { placeUnderSilence, receiveObjection, settleSilence, silenceState } from '../../../electron/store/silence-procedure.js';
import { openStore, type Store } from '../../../electron/store/store.js';
import { RecordError, signObjection, silenceDeadline, type RecordFailure } from '../../../shared/record/index.js';
import { docToYDoc, encodeYDoc } from '../../../shared/ydoc.js';
import { sampleResolution, seededRandom } from '../../support/edit-stream.js';
import { newSigner } from '../../shared/record/signers.js';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const who = { author: 'Facilitator', delegation: 'NOR' };
const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

async function failure(run: () => Promise<unknown>): Promise<RecordFailure | 'verified'> {
  try {
    await run();
    return 'verified';
  } catch (err) {
    if (err instanceof RecordError) return err.kind;
    throw err;
  }
}

describe('chain rows of a store', () => {
  it('refuse a change to any character of any row: revision records, the placing, an outcome with an objection, a late record', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-rows-'));
    dirs.push(dir);
    const store = openStore({ dataDir: dir });
    stores.push(store);
    store.createDocument({ id: 'd', meta: { kind: 'resolution', title: 'Rows', symbol: '', body: '' }, update: encodeYDoc(docToYDoc(sampleResolution(6, 2))), origin: 'import', ...who });
    const key = openInstallationKey(dir);
    await issueRevision(store, { docId: 'd', label: 'Rev.1', ...who, key });
    await issueRevision(store, { docId: 'd', label: 'Rev.2', ...who, key });
    await placeUnderSilence(store, { docId: 'd', deadline: silenceDeadline('2026-12-08', '12:00', 'Europe/Zurich'), key, now: new Date('2026-12-08T09:00:00.000Z') });
    const silence = (await silenceState(store, 'd'))!.silence;
    const object = (delegation: string, time: string, now: string) =>
      signObjection({ silence, label: 'Rev.2', delegation, name: '', paragraphs: ['OP 1'], reason: 'Not yet.', time }, newSigner()).then((objection) =>
        receiveObjection(store, { docId: 'd', objection, from: { delegation }, now: new Date(now) }));
    await object('USA', '2026-12-08T10:00:00.000Z', '2026-12-08T10:01:00.000Z');
    await settleSilence(store, { docId: 'd', key, now: new Date('2026-12-08T11:00:00.000Z') });
    await object('FRA', '2026-12-08T10:30:00.000Z', '2026-12-08T11:10:00.000Z');
    await settleSilence(store, { docId: 'd', key, now: new Date('2026-12-08T11:11:00.000Z') });
    expect(await verifyStoredChain(store, 'd')).toBe(5);

    // A second connection writes the rows, as any program with the file could; the store reads them afresh.
    const db = new Database(path.join(dir, STORE_FILE_NAME));
    const rows = db.prepare('SELECT n, record FROM issued_records ORDER BY n').all() as { n: number; record: string }[];
    const setRecord = db.prepare('UPDATE issued_records SET record = ? WHERE n = ?');
    const rng = seededRandom(14);
    const missed: string[] = [];
    const kinds = new Map<string, number>();
    let changes = 0;
    for (const row of rows) {
      for (let at = 0; at < row.record.length; at++) {
        let c = row.record[at]!;
        while (c === row.record[at]) c = printable[rng.int(printable.length)]!;
        setRecord.run(row.record.slice(0, at) + c + row.record.slice(at + 1), row.n);
        const kind = await failure(() => verifyStoredChain(store, 'd'));
        if (kind === 'verified') missed.push(`row ${row.n}, character ${at}: ${row.record[at]} -> ${c}`);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        changes++;
      }
      setRecord.run(row.record, row.n);
    }
    db.close();
    expect(missed).toEqual([]);
    expect(changes).toBeGreaterThan(4000);
    for (const kind of ['malformed', 'signature-invalid', 'chain-broken', 'unknown-key']) expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(0);
    expect(await verifyStoredChain(store, 'd')).toBe(5);
  }, 120_000);
});

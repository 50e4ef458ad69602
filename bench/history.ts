/**
 * `npm run bench -- history [--updates N] [--revisions M] [--pairs P] [--bare K] [--seed S] [--keep]`:
 * a 60-operative-paragraph resolution (20 PPs) receives N (100,000) realistic small updates
 * (six delegations taking turns in sessions: typing a keystroke per update, backspacing,
 * deleting word runs, now and then a new OP; test/support/edit-stream.ts) and M (1,000) named
 * revisions, all through the store API (`appendUpdate`, `createRevision`), with compaction
 * as the backend runs it (after a revision, once COMPACT_AFTER rows can be merged). Measures:
 * - open: a fresh store handle, then the document loaded into a Y.Doc (the backend's live
 *   documents) and a ProseMirror doc; `open_store_ms` is opening the store itself (checks);
 * - compare: P random pairs of revisions (and P consecutive pairs), each read as the backend
 *   does (`docAtSnapshot`: the ProseMirror doc at its snapshot over the full, loaded
 *   document) and compared with `compareDocuments`. Before them, WARMUP other random pairs
 *   (their own seed) are compared untimed, as an app that has compared once has its code
 *   compiled; the first of them, cold, is reported as `compare_cold_first_ms`. Nothing of a
 *   revision or a comparison is cached: only the store's delete-set checkpoints (one per 32
 *   revisions, revisions.ts), which the warm-up's reads build as any first read would;
 * - size: the database file (+ WAL) after the store's closing checkpoint / the raw update bytes;
 * - append rate: `appendUpdate` against a bare better-sqlite3 loop inserting the same blobs,
 *   one commit each, same WAL and `synchronous = FULL`, over the first K (10,000) updates,
 *   interleaved insert by insert with the store's appends so both see the same load (every
 *   commit waits for fsync, so a bare loop over all N would add minutes).
 * Goals (issue 4): open < 200 ms, compare p95 < 50 ms, size_ratio <= 1.3, append_ratio >= 0.5.
 * Last line: one JSON object of figures and goal booleans.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { RevisionKind } from '../shared/api/contract.js';
import { COMPACT_AFTER } from '../electron/backend/autosave.js';
import { createLiveDocuments, documentMeta } from '../electron/backend/live-documents.js';
import { docAtSnapshot } from '../electron/backend/revision-content.js';
import { STORE_FILE_NAME } from '../electron/store/open-database.js';
import { openStore, type Store } from '../electron/store/store.js';
import { compareDocuments } from '../shared/compare/index.js';
import { createYDoc, docToYDoc, yDocToDoc } from '../shared/ydoc.js';
import { createEditStream, sampleResolution, seededRandom, type Edit } from '../test/support/edit-stream.js';
import { quantile, round3 } from './_stats.js';

const DOC_ID = 'history-bench';
/** Random pairs compared before the timed ones, so the figures are of compiled code (see the module comment). */
const WARMUP = 5;

/** Runs the bench and prints its figures. */
export async function run(args: string[] = []): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      updates: { type: 'string', default: '100000' },
      revisions: { type: 'string', default: '1000' },
      pairs: { type: 'string', default: '50' },
      bare: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
    },
  });
  const [updates, revisions, pairs, seed] = [values.updates, values.revisions, values.pairs, values.seed].map(Number) as [number, number, number, number];
  const bareCount = Math.min(updates, Number(values.bare));
  if (!(revisions >= 2 && revisions <= updates && pairs > 0)) throw new Error('need --updates >= --revisions >= 2 and --pairs > 0');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-history-bench-'));
  try {
    const log = buildLog(updates, seed);
    const bare = bareInsertLoop(path.join(dir, 'bare.sqlite'));
    const built = logThroughStore(path.join(dir, 'store'), log, revisions, bareCount, bare);
    bare.close();
    const opened = measureOpen(path.join(dir, 'store'));
    const warmup = measureCompare(opened.store, WARMUP, seed + 1000);
    const compared = measureCompare(opened.store, pairs, seed);
    const adjacent = measureCompare(opened.store, pairs, seed, true);
    opened.store.close();

    const oursRate = bareCount / (built.appendMs.slice(0, bareCount).reduce((a, b) => a + b, 0) / 1000);
    const oursAllRate = updates / (built.appendMs.reduce((a, b) => a + b, 0) / 1000);
    const sizeRatio = built.dbBytes / log.rawBytes;
    console.log(`generated ${updates} updates (${log.rawBytes} raw bytes incl. the ${log.initial.length}-byte initial state) in ${Math.round(log.ms)} ms: ${JSON.stringify(log.kinds)}`);
    console.log(`appendUpdate: ${oursAllRate.toFixed(0)}/s over all ${updates}, ${oursRate.toFixed(0)}/s over the first ${bareCount}; bare insert loop ${bare.rate.toFixed(0)}/s over the same ${bareCount} blobs`);
    console.log(`createRevision p50 ${round3(quantile(built.revisionMs, 0.5))} ms p95 ${round3(quantile(built.revisionMs, 0.95))} ms; ${built.compactions} compactions, p50 ${round3(quantile(built.compactMs, 0.5))} ms max ${round3(Math.max(0, ...built.compactMs))} ms; log rows left ${built.rowsLeft}`);
    console.log(`database ${built.dbBytes} bytes (file ${built.fileBytes} + wal ${built.walBytes}) for ${log.rawBytes} raw update bytes: ratio ${sizeRatio.toFixed(3)}; table bytes ${JSON.stringify(built.tableBytes)}`);
    console.log(`open: store ${round3(opened.storeMs)} ms, document ${round3(opened.docMs)} ms p50 of ${opened.samples.length} fresh handles (first ${round3(opened.samples[0] ?? 0)} ms); breakdown ${JSON.stringify(opened.breakdown)}`);
    console.log(`compare warm-up: ${WARMUP} other random pairs, untimed for the figures: first (cold code, cold store) ${round3(warmup.total[0] ?? 0)} ms, then ${warmup.total.slice(1).map(round3).join(', ')} ms`);
    console.log(`compare ${pairs} random revision pairs: p50 ${round3(quantile(compared.total, 0.5))} ms p95 ${round3(quantile(compared.total, 0.95))} ms; per pair p50 ${JSON.stringify(compared.parts)}`);
    console.log(`compare ${pairs} consecutive revision pairs: p50 ${round3(quantile(adjacent.total, 0.5))} ms p95 ${round3(quantile(adjacent.total, 0.95))} ms; per pair p50 ${JSON.stringify(adjacent.parts)}`);
    const figures = {
      open_ms: round3(opened.docMs),
      open_store_ms: round3(opened.storeMs),
      compare_p50_ms: round3(quantile(compared.total, 0.5)),
      compare_p95_ms: round3(quantile(compared.total, 0.95)),
      compare_cold_first_ms: round3(warmup.total[0] ?? 0),
      compare_warmup_pairs: WARMUP,
      compare_adjacent_p50_ms: round3(quantile(adjacent.total, 0.5)),
      compare_adjacent_p95_ms: round3(quantile(adjacent.total, 0.95)),
      open_cpu_ms: round3(opened.docCpuMs),
      compare_cpu_p50_ms: round3(quantile(compared.cpuTotal, 0.5)),
      compare_cpu_p95_ms: round3(quantile(compared.cpuTotal, 0.95)),
      load_average: round3(os.loadavg()[0] ?? 0),
      size_ratio: round3(sizeRatio),
      append_ratio: round3(oursRate / bare.rate),
      append_per_s: Math.round(oursAllRate),
      bare_per_s: Math.round(bare.rate),
      updates,
      revisions: built.revisionMs.length,
      raw_bytes: log.rawBytes,
      db_bytes: built.dbBytes,
    };
    console.log(JSON.stringify({
      ...figures,
      open_goal_met: figures.open_ms < 200,
      compare_goal_met: figures.compare_p95_ms < 50,
      size_goal_met: figures.size_ratio <= 1.3,
      append_goal_met: figures.append_ratio >= 0.5,
    }));
  } finally {
    if (values.keep) console.log(`data kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Log = { initial: Uint8Array; node: ReturnType<typeof sampleResolution>; edits: Edit[]; rawBytes: number; ms: number; kinds: Record<string, number> };

function buildLog(updates: number, seed: number): Log {
  const start = performance.now();
  const node = sampleResolution(60, 20, seed);
  const initial = Y.encodeStateAsUpdate(docToYDoc(node));
  const stream = createEditStream(initial, seed);
  const edits = Array.from({ length: updates }, () => stream.next());
  const kinds: Record<string, number> = {};
  for (const e of edits) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
  const rawBytes = edits.reduce((n, e) => n + e.update.length, initial.length);
  return { initial, node, edits, rawBytes, ms: performance.now() - start, kinds };
}

// Named kinds in the order a negotiation goes through them.
function revisionKind(i: number, total: number): { kind: RevisionKind; label: string } {
  if (i === 0) return { kind: 'zero-draft', label: 'Zero draft' };
  if (i === total - 1) return { kind: 'final', label: 'Final text' };
  if (i % 50 === 0) return { kind: 'l-document', label: `A/C.3/80/L.${i / 50}` };
  if (i % 7 === 0) return { kind: 'oral-revision', label: `Oral revision ${i}` };
  return { kind: 'revision', label: `Rev.${i}` };
}

function logThroughStore(dataDir: string, log: Log, revisions: number, bareCount: number, bare: ReturnType<typeof bareInsertLoop>) {
  const store = openStore({ dataDir });
  store.createDocument({ id: DOC_ID, meta: documentMeta(log.node), update: log.initial, origin: 'import', author: 'Ana Pereira', delegation: 'BRA' });
  const appendMs: number[] = [];
  const revisionMs: number[] = [];
  const compactMs: number[] = [];
  const every = log.edits.length / revisions;
  let made = 0;
  log.edits.forEach((edit, i) => {
    if ((i + 1) % 10000 === 0) console.log(`logged ${i + 1} updates, ${made} revisions, ${compactMs.length} compactions`);
    const t = performance.now();
    store.appendUpdate({ docId: DOC_ID, update: edit.update, origin: 'local', author: edit.author.name, delegation: edit.author.delegation });
    appendMs.push(performance.now() - t);
    // Interleaved, so that both loops see the same disk and the same machine load.
    if (i < bareCount) bare.insert(edit.update);
    if (made < revisions && i + 1 >= Math.round((made + 1) * every)) {
      const r = performance.now();
      store.createRevision({ docId: DOC_ID, ...revisionKind(made, revisions), author: edit.author.name, delegation: edit.author.delegation });
      revisionMs.push(performance.now() - r);
      made += 1;
      if (store.compactable(DOC_ID) >= COMPACT_AFTER) {
        const c = performance.now();
        store.compactDocument(DOC_ID);
        compactMs.push(performance.now() - c);
      }
    }
  });
  const rowsLeft = store.readUpdates(DOC_ID).length;
  store.close();
  const file = path.join(dataDir, STORE_FILE_NAME);
  const fileBytes = fs.statSync(file).size;
  const walBytes = fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0;
  return { appendMs, revisionMs, compactMs, compactions: compactMs.length, rowsLeft, fileBytes, walBytes, dbBytes: fileBytes + walBytes, tableBytes: tableBytes(file) };
}

// Where the bytes are, per table and index (SQLite's dbstat virtual table, when compiled in).
function tableBytes(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all() as { name: string; bytes: number }[];
    return Object.fromEntries(rows.map((r) => [r.name, r.bytes]));
  } catch {
    return {};
  } finally {
    db.close();
  }
}

/** The baseline: a bare better-sqlite3 table of blobs, one commit per insert, WAL and `synchronous = FULL` like the store. */
function bareInsertLoop(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE log (seq INTEGER PRIMARY KEY, data BLOB NOT NULL)');
  const statement = db.prepare('INSERT INTO log (data) VALUES (?)');
  let ms = 0;
  let count = 0;
  return {
    insert(update: Uint8Array) {
      const start = performance.now();
      statement.run(Buffer.from(update.buffer, update.byteOffset, update.byteLength));
      ms += performance.now() - start;
      count += 1;
    },
    get rate() {
      return count / (ms / 1000);
    },
    close: () => db.close(),
  };
}

function measureOpen(dataDir: string) {
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  const storeSamples: number[] = [];
  let store: Store | undefined;
  for (let i = 0; i < 5; i++) {
    store?.close();
    const t0 = performance.now();
    store = openStore({ dataDir });
    const t1 = performance.now();
    const cpu = process.cpuUsage();
    const doc = createLiveDocuments(store).hold(DOC_ID, {});
    yDocToDoc(doc.ydoc);
    samples.push(performance.now() - t1);
    cpuSamples.push(cpuMs(cpu));
    storeSamples.push(t1 - t0);
  }
  const s = store as Store;
  // The same steps one by one, to see which one costs what.
  const t0 = performance.now();
  const rows = s.readUpdates(DOC_ID);
  const t1 = performance.now();
  const ydoc = createYDoc();
  ydoc.transact(() => rows.forEach((r) => Y.applyUpdate(ydoc, r.data)));
  const t2 = performance.now();
  yDocToDoc(ydoc);
  const t3 = performance.now();
  const breakdown = { rows: rows.length, bytes: rows.reduce((n, r) => n + r.data.length, 0), read_ms: round3(t1 - t0), ydoc_ms: round3(t2 - t1), prosemirror_ms: round3(t3 - t2) };
  return { store: s, samples, docMs: quantile(samples, 0.5), docCpuMs: quantile(cpuSamples, 0.5), storeMs: quantile(storeSamples, 0.5), breakdown, ydoc };
}

/**
 * Times `pairs` comparisons of revision pairs: random ones (`adjacent` false: any two of
 * the document's revisions) or consecutive ones (a revision and the one before it, the
 * usual "what changed in Rev.N").
 */
function measureCompare(store: Store, pairs: number, seed: number, adjacent = false) {
  const revisions = store.listRevisions(DOC_ID);
  const full = createLiveDocuments(store).hold(DOC_ID, {}).ydoc;
  const rng = seededRandom(seed + 17);
  const total: number[] = [];
  const cpuTotal: number[] = [];
  const parts = { snapshot: [] as number[], prosemirror: [] as number[], compare: [] as number[] };
  const load = (id: string) => {
    const a = performance.now();
    const snapshot = store.readRevisionSnapshot(id);
    if (!snapshot) throw new Error(`revision ${id} has no snapshot`);
    const b = performance.now();
    const node = docAtSnapshot(full, snapshot);
    parts.snapshot.push(b - a);
    parts.prosemirror.push(performance.now() - b);
    return node;
  };
  for (let i = 0; i < pairs; i++) {
    const at = rng.int(revisions.length - 1);
    const [x, y] = (adjacent ? [revisions[at + 1], revisions[at]] : [rng.pick(revisions), rng.pick(revisions)]).sort((p, q) => p!.seq - q!.seq);
    const start = performance.now();
    const cpu = process.cpuUsage();
    const older = load(x!.id);
    const newer = load(y!.id);
    const c = performance.now();
    compareDocuments(older, newer);
    parts.compare.push(performance.now() - c);
    total.push(performance.now() - start);
    cpuTotal.push(cpuMs(cpu));
  }
  const p50 = (xs: number[]) => round3(quantile(xs, 0.5));
  return { total, cpuTotal, parts: { read_snapshot_ms: p50(parts.snapshot), doc_at_snapshot_ms: p50(parts.prosemirror), compare_ms: p50(parts.compare) } };
}

// CPU time of this process since `since`: on a machine shared with other work, wall-clock
// figures include waiting for a core; this shows what the code itself costs.
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import * as Y from 'yjs';
import { createLiveDocuments } from '../../electron/backend/live-documents.js';
import { STORE_FILE_NAME, StoreError } from '../../electron/store/open-database.js';
import { openStore, type Store } from '../../electron/store/store.js';
import { yDocToDoc } from '../../shared/ydoc.js';
import { seededRandom } from './edit-stream.js';

/**
 * The crash-safety harness of issue 4: a writer process (durability-writer.ts) edits a real
 * store file and is killed with SIGKILL at a random moment; then the file is reopened and
 * checked (integrity, the document loads and is schema-valid, everything the writer
 * reported as saved is there, every reported revision opens), and a new writer carries on
 * on the same file. Used by the CI test and by `npm run bench -- durability`.
 */

/** What the writer reported as saved in one cycle, and how the cycle ended. */
export type CycleReport = {
  cycle: number;
  lane: number;
  /** 'after-ready': killed while editing; 'startup': killed while starting or opening the store. */
  moment: 'after-ready' | 'startup';
  /** Saves the writer had reported when the kill was armed (0 for start-up kills). */
  afterSaves: number;
  delayMs: number;
  updates: number;
  revisions: number;
  compactions: number;
  /** Reported updates or revisions missing after the reopen (0 when all is well). */
  lost: number;
  integrityFailure: boolean;
  /** Why the reopened document could not be used, if it could not. */
  loadFailure?: string;
  writerMs: number;
  verifyMs: number;
};

/** The totals of a run; `kills`, `lost` and `integrity_failures` are the bench's contract. */
export type DurabilityResult = {
  kills: number;
  lost: number;
  integrity_failures: number;
  load_failures: number;
  updates_saved: number;
  revisions_saved: number;
  compactions: number;
  startup_kills: number;
  wall_ms: number;
};

/** How to run the harness. */
export type DurabilityOptions = {
  /** The data directory the writers share (one store file for the whole run). */
  dataDir: string;
  kills: number;
  /**
   * An editing kill is armed once the writer has reported a random number of saves, up to
   * this many (default 12), so every kill hits work whatever the machine's load; it then
   * lands after a further random delay of up to `maxDelayMs` (default 40), somewhere in
   * the next few saves (inside a commit, between commits, in a revision or a compaction).
   */
  maxSavesBeforeKill?: number;
  maxDelayMs?: number;
  /** Share of kills aimed at the writer's start-up instead (opening, WAL recovery, first load). */
  startupShare?: number;
  revisionEvery?: number;
  /** The writer compacts after a revision once this many log rows can be merged. */
  compactMinRows?: number;
  seed?: number;
  /** Writers run side by side, each on its own file (default 1). */
  lanes?: number;
  /** The bundled writer (see bundleWriter); bundled on the fly when missing. */
  writer?: string;
  onCycle?(report: CycleReport): void;
};

const here = path.dirname(fileURLToPath(import.meta.url));
/** The id of the document the writers edit. */
export const DOC_ID = 'durable';

/**
 * Bundles the writer into one ES module next to node_modules (so its one external,
 * better-sqlite3, resolves): starting it costs about a quarter of a tsx start-up, which is
 * what makes 50 kill cycles fit in a CI minute. Returns the bundle's path.
 */
export async function bundleWriter(): Promise<string> {
  const outfile = path.join(here, '../../node_modules/.cache/penholder-durability', `writer-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(here, 'durability-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * Runs `kills` kill-and-reopen cycles (see the module comment). With `lanes` > 1 the kills
 * are shared among that many writers on their own store files (`lane-N` under `dataDir`),
 * run side by side: each lane still reopens one file after every kill.
 */
export async function runKillCycles(options: DurabilityOptions): Promise<DurabilityResult> {
  const started = performance.now();
  const writer = options.writer ?? (await bundleWriter());
  const totals: DurabilityResult = { kills: 0, lost: 0, integrity_failures: 0, load_failures: 0, updates_saved: 0, revisions_saved: 0, compactions: 0, startup_kills: 0, wall_ms: 0 };
  const lanes = Math.max(1, Math.min(options.lanes ?? 1, options.kills));
  let next = 1;
  const lane = async (n: number) => {
    const dataDir = lanes === 1 ? options.dataDir : path.join(options.dataDir, `lane-${n}`);
    const seed = (options.seed ?? 7) + n * 1000003;
    const rng = seededRandom(seed);
    const ledger = createLedger();
    while (next <= options.kills) {
      const cycle = next++;
      const startup = rng.next() < (options.startupShare ?? 0.15);
      const afterSaves = startup ? 0 : rng.int((options.maxSavesBeforeKill ?? 12) + 1);
      const delayMs = Math.round(rng.next() * (startup ? 400 : (options.maxDelayMs ?? 40)));
      const args = ['--data-dir', dataDir, '--doc', DOC_ID, '--seed', String(seed + cycle * 7919), '--revision-every', String(options.revisionEvery ?? 25), '--compact-min-rows', String(options.compactMinRows ?? 20)];
      const t0 = performance.now();
      const lines = await killWriter(writer, args, startup ? undefined : afterSaves, delayMs);
      const t1 = performance.now();
      const saved = ledger.record(lines);
      const check = verifyStore(dataDir, ledger, saved);
      const report: CycleReport = { cycle, lane: n, moment: startup ? 'startup' : 'after-ready', afterSaves, delayMs, ...saved.counts, ...check, writerMs: Math.round(t1 - t0), verifyMs: Math.round(performance.now() - t1) };
      totals.kills += 1;
      totals.lost += report.lost;
      totals.integrity_failures += report.integrityFailure ? 1 : 0;
      totals.load_failures += report.loadFailure ? 1 : 0;
      totals.updates_saved += report.updates;
      totals.revisions_saved += report.revisions;
      totals.compactions += report.compactions;
      totals.startup_kills += startup ? 1 : 0;
      options.onCycle?.(report);
    }
  };
  await Promise.all(Array.from({ length: lanes }, (_, i) => lane(i + 1)));
  totals.wall_ms = Math.round(performance.now() - started);
  return totals;
}

/**
 * Starts the writer and SIGKILLs it `delayMs` after it reported `afterSaves` saves since
 * its `ready` line (or, with `afterSaves` undefined, `delayMs` after its start). Resolves
 * with every line it printed once it is gone. A writer that ends by itself before the kill
 * is an error (it should never run out of work or fail).
 */
function killWriter(writer: string, args: string[], afterSaves: number | undefined, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    const kill = () => {
      killed = true;
      child.kill('SIGKILL');
    };
    let timer = afterSaves === undefined ? setTimeout(kill, delayMs) : undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (timer || afterSaves === undefined) return;
      const ready = out.search(/(^|\n)ready \d+\n/);
      if (ready >= 0 && (out.slice(ready).match(/\nsaved /g)?.length ?? 0) >= afterSaves) timer = setTimeout(kill, delayMs);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    // 'close' comes after 'exit' and after stdout has been read to its end.
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (!killed || signal !== 'SIGKILL') {
        reject(new Error(`The writer ended by itself (code ${code}, signal ${signal}) instead of being killed:\n${err || out.slice(-2000)}`));
        return;
      }
      // A line cut off by the kill was never completely reported: it does not count.
      const lines = out.split('\n');
      lines.pop();
      resolve(lines);
    });
    child.on('error', reject);
  });
}

/** What one cycle's writer reported as saved. */
export type Saved = { counts: { updates: number; revisions: number; compactions: number }; revisions: { id: string; seq: number; before: Uint8Array }[] };

/** Everything any writer of one store file reported as saved so far, kept as merged Yjs updates to check cheaply. */
export function createLedger() {
  let documentCreated = false;
  let maxSeq = 0;
  let everything: Uint8Array | undefined;
  const revisionIds = new Map<string, number>();
  return {
    get documentCreated() {
      return documentCreated;
    },
    get maxSeq() {
      return maxSeq;
    },
    get everything() {
      return everything;
    },
    revisionIds,
    /** Takes in a cycle's lines; returns what this cycle saved. */
    record(lines: string[]): Saved {
      const saved: Saved = { counts: { updates: 0, revisions: 0, compactions: 0 }, revisions: [] };
      const pending: Uint8Array[] = everything ? [everything] : [];
      for (const line of lines) {
        const [, , a, b] = line.split(' ');
        if (line.startsWith('saved document')) documentCreated = true;
        else if (line.startsWith('saved update ')) {
          maxSeq = Math.max(maxSeq, Number(a));
          pending.push(new Uint8Array(Buffer.from(b ?? '', 'base64')));
          saved.counts.updates += 1;
        } else if (line.startsWith('saved revision ')) {
          // Everything reported before the revision must be in it.
          everything = pending.length > 0 ? Y.mergeUpdates(pending.splice(0)) : everything;
          if (everything) pending.push(everything);
          revisionIds.set(String(a), Number(b));
          saved.revisions.push({ id: String(a), seq: Number(b), before: everything ?? new Uint8Array() });
          saved.counts.revisions += 1;
        } else if (line.startsWith('compacted ')) saved.counts.compactions += 1;
      }
      if (pending.length > 0) everything = Y.mergeUpdates(pending);
      return saved;
    },
  };
}

/** See createLedger. */
export type Ledger = ReturnType<typeof createLedger>;

/**
 * Reopens the store in `dataDir` after a kill and checks it against the ledger: the
 * integrity check passes, the store opens, the document loads and is schema-valid, it holds
 * every update ever reported, every reported revision is listed at its seq, and each one
 * reported in `saved` opens (schema-valid) and holds everything reported before it.
 */
export function verifyStore(dataDir: string, ledger: Ledger, saved: Saved): Pick<CycleReport, 'lost' | 'integrityFailure' | 'loadFailure'> {
  const file = path.join(dataDir, STORE_FILE_NAME);
  if (!fs.existsSync(file)) return { lost: ledger.documentCreated ? 1 : 0, integrityFailure: false };
  const raw = new Database(file);
  const integrity = raw.pragma('integrity_check', { simple: true });
  raw.close();
  if (integrity !== 'ok') return { lost: 0, integrityFailure: true, loadFailure: `integrity_check: ${String(integrity)}` };

  let store: Store;
  try {
    store = openStore({ dataDir });
  } catch (err) {
    // A store that refuses to open after a crash is the failure this harness exists to catch.
    return { lost: 0, integrityFailure: err instanceof StoreError && err.code === 'corrupt', loadFailure: message(err) };
  }
  try {
    if (!ledger.documentCreated) return { lost: 0, integrityFailure: false };
    if (!store.getDocument(DOC_ID)) return { lost: 1, integrityFailure: false, loadFailure: 'the document is missing' };
    let lost = store.lastSeq(DOC_ID) < ledger.maxSeq ? 1 : 0;
    const listed = new Set(store.listRevisions(DOC_ID).map((r) => `${r.id}@${r.seq}`));
    for (const [id, seq] of ledger.revisionIds) if (!listed.has(`${id}@${seq}`)) lost += 1;
    const docs = createLiveDocuments(store);
    return docs.use(DOC_ID, (doc) => {
      yDocToDoc(doc.ydoc);
      const now = Y.snapshot(doc.ydoc);
      if (ledger.everything && !Y.snapshotContainsUpdate(now, ledger.everything)) lost += 1;
      for (const revision of saved.revisions) {
        const snapshot = store.readRevisionSnapshot(revision.id);
        if (!snapshot || !Y.snapshotContainsUpdate(snapshot, revision.before)) {
          lost += 1;
          continue;
        }
        const state = Y.createDocFromSnapshot(doc.ydoc, snapshot);
        yDocToDoc(state);
        state.destroy();
      }
      return { lost, integrityFailure: false };
    });
  } catch (err) {
    return { lost: 0, integrityFailure: false, loadFailure: message(err) };
  } finally {
    store.close();
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Where our host's time per update goes, for the fan-out bench (FANOUT_TRACE=1): wraps the
 * store and live documents the host is given, and listens on the host's own Hocuspocus
 * document, to time each accepted update from the start of `LiveDocuments.apply` (called
 * synchronously from the message event, so this is when the host started on it):
 * - `check`: decoding, applying to the replica, schema validation and the role check;
 * - `store`: appending it to the update log (SQLite);
 * - `broadcast`: from the end of `apply` until the host's fan-out applied it to
 *   Hocuspocus's document, with the others gathered meanwhile, right before sending them
 *   (host-fanout.ts): the window the update waited, and the flush's transaction.
 * Also the event loop's delay (how long a ready message waited for the host), as p50/p99/max
 * in milliseconds, and `fanout`: since the previous report, the host's flushes (host-fanout.ts),
 * the changes and presence ids they carried per flush, socket writes per second,
 * milliseconds per flush, and how long a flush's first change waited in the queue (mean,
 * and the longest since the process started).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type * as Y from 'yjs';
import { fanoutCounts } from '../electron/consultation/host-fanout.js';
import type { LiveDocuments } from '../electron/backend/live-documents.js';
import type { Store } from '../electron/store/store.js';
import { quantile, round3 } from './_stats.js';

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** A tracer: the store and live documents to give the host, `watch` for its document, `report` for the figures. */
export function traceHost(store: Store, makeDocs: (store: Store) => LiveDocuments) {
  const check: number[] = [];
  const stored: number[] = [];
  const broadcast: number[] = [];
  let storeMs = 0;
  let applied: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const tracedStore: Store = {
    ...store,
    appendUpdate(input) {
      const start = now();
      try {
        return store.appendUpdate(input);
      } finally {
        storeMs = now() - start;
      }
    },
  };
  const docs = makeDocs(tracedStore);
  const tracedDocs: LiveDocuments = {
    ...docs,
    apply(...args) {
      const start = now();
      storeMs = 0;
      const result = docs.apply(...args);
      const end = now();
      applied.push(end);
      check.push(end - start - storeMs);
      stored.push(storeMs);
      return result;
    },
  };
  let counted = { ...fanoutCounts, at: now() };
  const fanout = () => {
    const was = counted;
    counted = { ...fanoutCounts, at: now() };
    const flushes = Math.max(1, counted.flushes - was.flushes);
    return {
      flushes: counted.flushes - was.flushes,
      updatesPerFlush: round3((counted.updates - was.updates) / flushes),
      presencePerFlush: round3((counted.presence - was.presence) / flushes),
      writesPerSecond: Math.round(((counted.writes - was.writes) * 1000) / (counted.at - was.at)),
      msPerFlush: round3((counted.flushMs - was.flushMs) / flushes),
      waitMs: round3((counted.waitMs - was.waitMs) / Math.max(1, counted.changeFlushes - was.changeFlushes)),
      waitMaxMs: round3(counted.waitMaxMs),
    };
  };
  const stats = (list: number[]) => ({ n: list.length, p50: round3(quantile(list, 0.5)), p99: round3(quantile(list, 0.99)), max: round3(quantile(list, 1)) });
  return {
    docs: tracedDocs,
    watch(doc: Y.Doc) {
      doc.on('update', () => {
        const at = now();
        for (const end of applied) broadcast.push(at - end);
        applied = [];
      });
    },
    report: () => ({
      check: stats(check),
      store: stats(stored),
      broadcast: stats(broadcast),
      loopDelay: { p50: round3(loop.percentile(50) / 1e6), p99: round3(loop.percentile(99) / 1e6), max: round3(loop.max / 1e6) },
      fanout: fanout(),
    }),
  };
}

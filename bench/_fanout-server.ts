/**
 * The server side of the fan-out bench, run in its own process so its memory is its own:
 * `penholder` (our host: Hocuspocus over a store holding a 60-OP resolution, every client's
 * key pre-admitted as its delegation, every update role-checked, validated and logged) or `baseline` (a plain @y/websocket-server behind an
 * https server, which the bench's first client seeds with the same kind of resolution).
 * Both serve TLS with the certificate the bench sends first (`Start`), so both pay the same
 * encryption. Replies `Started` (`{ url, name, joinCode?, fingerprint? }`); answers `'cpu'` with
 * `{ rss, cpuMs, loop }` (its resident set size in bytes, the CPU time it has used so far and
 * its event loop's utilisation so far, `performance.eventLoopUtilization()`;
 * with FANOUT_TRACE=1 also where our host's time per update went, _fanout-trace.ts) and
 * `'hash'` with `{ hash }`, docHash of the document it serves.
 * FANOUT_PROFILE=DIR writes a CPU profile of the timed period alone (from the first `'cpu'`
 * to the second, which the bench asks right before and after it) to DIR/<kind>.cpuprofile.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { docs as baselineDocs, setupWSConnection } from '@y/websocket-server/utils';
import { docToYDoc } from '../shared/ydoc.js';
import { createLiveDocuments, documentMeta } from '../electron/backend/live-documents.js';
import { startHost } from '../electron/consultation/host.js';
import { openStore } from '../electron/store/store.js';
import { sampleResolution } from '../test/support/edit-stream.js';
import { docHash, type Started } from './_fanout-peer.js';
import { traceHost } from './_fanout-trace.js';
import { benchAdmissions, type BenchTls } from './_fanout-wire.js';

/** The first message the bench sends a server process: the certificate to serve and how many clients will join. */
export type Start = { type: 'start'; tls: BenchTls; clients: number };

const kind = process.argv[2];
const send = (m: unknown) => process.send?.(m);
// A normal exit on SIGTERM, so a --cpu-prof profile gets written.
process.on('SIGTERM', () => process.exit(0));
// The bench died without stopping us: do not outlive it.
process.on('disconnect', () => process.exit(0));
let trace: (() => object) | undefined;
let served: (() => Y.Doc) | undefined;
process.on('message', (m: Start | 'cpu' | 'hash') => {
  if (m === 'cpu') {
    profileTimedPeriod();
    const cpu = process.cpuUsage();
    send({ type: 'cpu', rss: process.memoryUsage().rss, cpuMs: (cpu.user + cpu.system) / 1000, loop: performance.eventLoopUtilization(), trace: trace?.() });
  } else if (m === 'hash') {
    send({ type: 'hash', hash: served ? docHash(served()) : null });
  } else if (m.type === 'start') {
    start(m).then(send, (err: Error) => send({ type: 'error', message: err.stack ?? err.message }));
  }
});

// The first call starts the profiler, the second writes the profile (FANOUT_PROFILE only).
let profiler: Session | null = null;
function profileTimedPeriod(): void {
  const dir = process.env.FANOUT_PROFILE;
  if (!dir) return;
  if (!profiler) {
    profiler = new Session();
    profiler.connect();
    profiler.post('Profiler.enable', () => profiler!.post('Profiler.start'));
    return;
  }
  profiler.post('Profiler.stop', (err, result) => {
    if (!err) fs.writeFileSync(path.join(dir, `${kind}.cpuprofile`), JSON.stringify(result.profile));
  });
}

async function start({ tls, clients }: Start): Promise<Started & { type: 'started' }> {
  if (kind === 'penholder') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-fanout-'));
    process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const store = openStore({ dataDir });
    const node = sampleResolution(60, 12);
    store.createDocument({ id: 'bench', meta: documentMeta(node), update: Y.encodeStateAsUpdate(docToYDoc(node)), origin: 'template' });
    const traced = process.env.FANOUT_TRACE ? traceHost(store, (s) => createLiveDocuments(s)) : undefined;
    const docs = traced?.docs ?? createLiveDocuments(store);
    const host = await startHost({ docs, docIds: ['bench'], bind: '127.0.0.1', port: 0, tls: { key: tls.key, cert: tls.cert }, admit: benchAdmissions(clients) });
    const doc = host.awareness('bench')!.doc;
    served = () => doc;
    if (traced) {
      traced.watch(doc);
      trace = traced.report;
    }
    return { type: 'started', url: host.url, name: 'bench', joinCode: host.joinCode, fingerprint: host.fingerprint };
  }
  const server = https.createServer({ key: tls.key, cert: tls.cert });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (conn, req) => setupWSConnection(conn, req, { docName: 'bench', gc: false }));
  served = () => baselineDocs.get('bench')!;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { type: 'started', url: `wss://127.0.0.1:${port}`, name: 'bench' };
}

/**
 * The server side of the fan-out bench, run in its own process so its memory is its own:
 * `penholder` (our host: Hocuspocus over a store holding a 60-OP resolution, every update
 * role-checked, validated and logged) or `baseline` (a plain @y/websocket-server, which the
 * bench's first client seeds with the same kind of resolution). Sends `{ url, name,
 * joinCode? }` to the parent, answers `'cpu'` with `{ rss, cpuMs }`: its resident set size in
 * bytes and the CPU time it has used so far (and, with FANOUT_TRACE=1, where our host's time
 * per update went: see _fanout-trace.ts).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { setupWSConnection } from '@y/websocket-server/utils';
import { docToYDoc } from '../shared/ydoc.js';
import { createLiveDocuments, documentMeta } from '../electron/backend/live-documents.js';
import { startHost } from '../electron/consultation/host.js';
import { openStore } from '../electron/store/store.js';
import { sampleResolution } from '../test/support/edit-stream.js';
import { traceHost } from './_fanout-trace.js';

const kind = process.argv[2];
const send = (m: unknown) => process.send?.(m);
// A normal exit on SIGTERM, so a --cpu-prof profile gets written.
process.on('SIGTERM', () => process.exit(0));
// The bench died without stopping us: do not outlive it.
process.on('disconnect', () => process.exit(0));
let trace: (() => object) | undefined;
process.on('message', (m) => {
  const cpu = process.cpuUsage();
  if (m === 'cpu') send({ type: 'cpu', rss: process.memoryUsage().rss, cpuMs: (cpu.user + cpu.system) / 1000, trace: trace?.() });
});

if (kind === 'penholder') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-fanout-'));
  process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const store = openStore({ dataDir });
  const node = sampleResolution(60, 12);
  store.createDocument({ id: 'bench', meta: documentMeta(node), update: Y.encodeStateAsUpdate(docToYDoc(node)), origin: 'template' });
  const traced = process.env.FANOUT_TRACE ? traceHost(store, (s) => createLiveDocuments(s)) : undefined;
  const host = await startHost({ docs: traced?.docs ?? createLiveDocuments(store), docIds: ['bench'], bind: '127.0.0.1', port: 0 });
  if (traced) {
    traced.watch(host.awareness('bench')!.doc);
    trace = traced.report;
  }
  send({ url: host.url, name: 'bench', joinCode: host.joinCode });
} else {
  const server = http.createServer();
  const wss = new WebSocketServer({ server });
  wss.on('connection', (conn, req) => setupWSConnection(conn, req, { docName: 'bench', gc: false }));
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    send({ url: `ws://127.0.0.1:${port}`, name: 'bench' });
  });
}

/**
 * The server side of the fan-out bench, run in its own process so its memory is its own:
 * `penholder` (our host: Hocuspocus over a store, every update validated and logged) or
 * `baseline` (a plain @y/websocket-server). Sends `{ url, name, token? }` to the parent,
 * answers `'rss'` with its resident set size in bytes.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Node } from 'prosemirror-model';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { setupWSConnection } from '@y/websocket-server/utils';
import { resolutionSchema } from '../schemas/resolution-schema.js';
import { findTemplate } from '../seeds/index.js';
import { withFreshIds } from '../shared/ids.js';
import { docToYDoc } from '../shared/ydoc.js';
import { createLiveDocuments, documentMeta } from '../electron/backend/live-documents.js';
import { startHost } from '../electron/consultation/host.js';
import { openStore } from '../electron/store/store.js';

const kind = process.argv[2];
const send = (m: unknown) => process.send?.(m);
// A normal exit on SIGTERM, so a --cpu-prof profile gets written.
process.on('SIGTERM', () => process.exit(0));
process.on('message', (m) => {
  if (m === 'rss') send({ rss: process.memoryUsage().rss });
});

if (kind === 'penholder') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-fanout-'));
  const store = openStore({ dataDir });
  const node = Node.fromJSON(resolutionSchema, withFreshIds(findTemplate('general-assembly-resolution')!.doc));
  store.createDocument({ id: 'bench', meta: documentMeta(node), update: Y.encodeStateAsUpdate(docToYDoc(node)), origin: 'template' });
  const host = await startHost({ docs: createLiveDocuments(store), docIds: ['bench'], bind: '127.0.0.1', port: 0 });
  send({ url: host.url, name: 'bench', token: JSON.stringify({ code: host.facilitatorCode, delegation: 'MEX', name: 'Bench', role: 'facilitator' }) });
} else {
  const server = http.createServer();
  const wss = new WebSocketServer({ server });
  wss.on('connection', (conn, req) => setupWSConnection(conn, req, { docName: 'bench', gc: false }));
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    send({ url: `ws://127.0.0.1:${port}`, name: 'bench' });
  });
}

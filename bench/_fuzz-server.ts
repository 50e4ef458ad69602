/**
 * The live host of the fuzz bench, in its own process so that a crash is seen as its exit:
 * a real store in a temporary data folder holding a 12-OP resolution, and our host on
 * 127.0.0.1 (port 0) serving it over TLS with the certificate the runner sends, every fuzz
 * identity's key pre-admitted. Messages: `{ type: 'start', tls }` -> `{ type: 'started', url,
 * name, joinCode, fingerprint }`; `'state'` -> `FuzzState`; `'seq'` -> `{ type: 'seq', seq }` (the store's last update number, cheap). Exits when the runner goes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { contentHash } from '../shared/record/canonical.js';
import { docToYDoc, yDocToDoc } from '../shared/ydoc.js';
import { createLiveDocuments, documentMeta } from '../electron/backend/live-documents.js';
import { startHost } from '../electron/consultation/host.js';
import { openStore } from '../electron/store/store.js';
import { sampleResolution } from '../test/support/edit-stream.js';
import { fuzzAdmissions } from './_fuzz-identities.js';

/**
 * What the host holds: the content hash (shared/record canonical form) of its Hocuspocus
 * document and of the document rebuilt from the store's update log, the Hocuspocus
 * document's state vector (hex), the store's last update number, the host's memory, and
 * every presence state it holds (client id -> JSON).
 */
export type FuzzState = { type: 'state'; hostHash: string; stateVector: string; storeHash: string; storeSeq: number; rssMb: number; presence: Record<string, string> };

const send = (m: unknown) => process.send?.(m);
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
let state: (() => Promise<FuzzState>) | undefined;

let seq: (() => number) | undefined;

process.on('message', (m: { type: 'start'; tls: { key: string; cert: string } } | 'state' | 'seq') => {
  if (m === 'seq') send({ type: 'seq', seq: seq!() });
  else if (m === 'state') state!().then(send, (err: Error) => send({ type: 'error', message: err.message }));
  else if (m.type === 'start') start(m.tls).then(send, (err: Error) => send({ type: 'error', message: err.stack ?? err.message }));
});

async function start(tls: { key: string; cert: string }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-fuzz-'));
  process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const store = openStore({ dataDir });
  const node = sampleResolution(12, 4);
  store.createDocument({ id: 'fuzz', meta: documentMeta(node), update: Y.encodeStateAsUpdate(docToYDoc(node)), origin: 'template' });
  const host = await startHost({ docs: createLiveDocuments(store), docIds: ['fuzz'], bind: '127.0.0.1', port: 0, tls, admit: fuzzAdmissions() });
  const awareness = host.awareness('fuzz')!;
  const doc = awareness.doc;
  seq = () => store.lastSeq('fuzz');
  state = async () => {
    const logged = new Y.Doc({ gc: false });
    for (const u of store.readUpdates('fuzz')) Y.applyUpdate(logged, u.data);
    return {
      type: 'state',
      hostHash: await contentHash(yDocToDoc(doc)),
      stateVector: Buffer.from(Y.encodeStateVector(doc)).toString('hex'),
      storeHash: await contentHash(yDocToDoc(logged)),
      storeSeq: store.lastSeq('fuzz'),
      rssMb: Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10,
      presence: Object.fromEntries([...awareness.getStates()].map(([id, s]) => [String(id), JSON.stringify(s)])),
    } satisfies FuzzState;
  };
  return { type: 'started', url: host.url, name: 'fuzz', joinCode: host.joinCode, fingerprint: host.fingerprint };
}

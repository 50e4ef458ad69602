/**
 * The writer of the crash-safety harness (see durability-harness.ts), run as its own
 * process and killed with SIGKILL at a random moment. It opens the store in `--data-dir`,
 * creates the document if it is missing, then edits it through the backend's live
 * documents (validated Yjs updates, logged durably) like several delegations typing, and
 * now and then names a revision and compacts the log. Each line it prints on stdout is
 * printed only AFTER the store call it reports has returned:
 *   `saved document ID`, `ready MS` (ms since the process started), `saved update SEQ BASE64`, `saved revision ID SEQ`,
 *   `compacted ROWS`, `done`.
 * Arguments: --data-dir D --doc ID --seed N [--revision-every K] [--max-updates M] [--compact-min-rows R].
 */
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { createLiveDocuments, documentMeta } from '../../electron/backend/live-documents.js';
import { openStore } from '../../electron/store/store.js';
import { docToYDoc } from '../../shared/ydoc.js';
import { createEditStream, sampleResolution } from './edit-stream.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    doc: { type: 'string', default: 'durable' },
    seed: { type: 'string', default: '1' },
    'revision-every': { type: 'string', default: '25' },
    'max-updates': { type: 'string', default: '100000' },
    'compact-min-rows': { type: 'string', default: '20' },
  },
});
const dataDir = values['data-dir'];
if (!dataDir) throw new Error('durability-writer: --data-dir is required');
const docId = values.doc;
const seed = Number(values.seed);
const revisionEvery = Number(values['revision-every']);
const maxUpdates = Number(values['max-updates']);
const compactMinRows = Number(values['compact-min-rows']);

// process.stdout on a pipe is synchronous on Linux: once write() returns the line is in the
// kernel's pipe buffer and survives the SIGKILL that may follow.
const say = (line: string) => process.stdout.write(`${line}\n`);

const store = openStore({ dataDir });
const docs = createLiveDocuments(store);
if (!store.getDocument(docId)) {
  const node = sampleResolution(12, 6, seed);
  store.createDocument({ id: docId, meta: documentMeta(node), update: Y.encodeStateAsUpdate(docToYDoc(node)), origin: 'template' });
  say(`saved document ${docId}`);
}
const live = docs.hold(docId, {});
const stream = createEditStream(Y.encodeStateAsUpdate(live.ydoc), seed);
say(`ready ${Math.round(performance.now())}`);

let revisions = store.listRevisions(docId).length;
for (let i = 1; i <= maxUpdates; i++) {
  const edit = stream.next();
  const author = { author: edit.author.name, delegation: edit.author.delegation };
  docs.apply(docId, edit.update, 'local', author);
  say(`saved update ${store.lastSeq(docId)} ${Buffer.from(edit.update).toString('base64')}`);
  if (i % revisionEvery === 0) {
    revisions += 1;
    const revision = store.createRevision({ docId, kind: 'revision', label: `Rev.${revisions}`, author: edit.author.name, delegation: edit.author.delegation });
    say(`saved revision ${revision.id} ${revision.seq}`);
    // Small batches, so that kills also land inside compaction's delete-and-insert transaction.
    const merged = store.compactDocument(docId, { minRows: compactMinRows });
    if (merged > 0) say(`compacted ${merged}`);
  }
}
store.close();
say('done');

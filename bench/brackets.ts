/**
 * `npm run bench -- brackets [--revisions N] [--brackets B] [--keep]`: a resolution with B
 * (300) brackets (operative paragraphs with a single bracket, a nested pair and an
 * alternative group of two, imported from compilation text) receives N (60) rounds of
 * one small edit then one revision, through the store API. Per round, in the same run:
 * - revision: `createRevision` alone (the store's work without the index);
 * - index: reading the revision's content as the backend does (`docAtSnapshot` on the
 *   live document) plus `indexRevision` (collect brackets and statuses, replace the rows,
 *   one transaction); `index_write` is the `indexRevision` part alone.
 * Last line: one JSON object of figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { createLiveDocuments, documentMeta } from '../electron/backend/live-documents.js';
import { docAtSnapshot } from '../electron/backend/revision-content.js';
import { openStore } from '../electron/store/store.js';
import { importText } from '../shared/import/index.js';
import { countBrackets } from '../shared/negotiation/model.js';
import { docToYDoc, encodeYDoc, prosemirrorFragment } from '../shared/ydoc.js';
import { quantile, round3 } from './_stats.js';

const DOC_ID = 'brackets-bench';

/** Compilation text with `brackets` brackets, five per operative paragraph (a group of two, a nested pair, a single). */
function compilationText(brackets: number): string {
  const lines = ['Brackets bench', '', 'The General Assembly,', '', 'Recalling its previous resolutions,', ''];
  const paragraphs = Math.ceil(brackets / 5);
  for (let i = 1; i <= paragraphs; i++) {
    lines.push(`${i}. [Decides][Resolves (USA)] to [[further] strengthen (EU, CAN)] the work of the committee on item ${i} [and to report thereon (G77)];`, '');
  }
  return lines.join('\n');
}

/** Runs the bench and prints its figures. */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { revisions: { type: 'string' }, brackets: { type: 'string' }, keep: { type: 'boolean' } } });
  const rounds = Number(values.revisions ?? 60);
  const wanted = Number(values.brackets ?? 300);
  const [node] = importText(compilationText(wanted)).documents;
  if (!node) throw new Error('the bench text did not import');
  const counts = countBrackets(node);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-brackets-bench-'));
  const store = openStore({ dataDir: dir });
  try {
    store.createDocument({ id: DOC_ID, meta: documentMeta(node), update: encodeYDoc(docToYDoc(node)), origin: 'import' });
    const docs = createLiveDocuments(store);
    const owner = {};
    docs.hold(DOC_ID, owner);
    const writer = new Y.Doc();
    Y.applyUpdate(writer, docs.use(DOC_ID, (d) => Y.encodeStateAsUpdate(d.ydoc)));
    const revision: number[] = [];
    const index: number[] = [];
    const indexWrite: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const update = typeInTitle(writer, i);
      docs.apply(DOC_ID, update, 'local', { author: 'Bench', delegation: 'CHAIR' });
      let t = performance.now();
      const rev = store.createRevision({ docId: DOC_ID, kind: 'revision', label: `Rev.${i + 1}`, author: 'Bench', delegation: 'CHAIR' });
      revision.push(performance.now() - t);
      t = performance.now();
      const snapshot = store.readRevisionSnapshot(rev.id)!;
      const content = docs.use(DOC_ID, (d) => docAtSnapshot(d.ydoc, snapshot));
      const w = performance.now();
      const indexed = store.negotiation.indexRevision(rev.id, content);
      const end = performance.now();
      index.push(end - t);
      indexWrite.push(end - w);
      if (indexed !== counts.brackets) throw new Error(`indexed ${indexed} brackets, expected ${counts.brackets}`);
    }
    docs.release(DOC_ID, owner);
    const figures = {
      brackets: counts.brackets,
      alternative_groups: counts.alternativeGroups,
      max_depth: counts.maxBracketDepth,
      revisions: rounds,
      index_p50_ms: round3(quantile(index, 0.5)),
      index_p95_ms: round3(quantile(index, 0.95)),
      index_write_p50_ms: round3(quantile(indexWrite, 0.5)),
      index_write_p95_ms: round3(quantile(indexWrite, 0.95)),
      revision_p50_ms: round3(quantile(revision, 0.5)),
      revision_p95_ms: round3(quantile(revision, 0.95)),
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    store.close();
    if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

// One keystroke in the title, as a renderer would send it.
function typeInTitle(ydoc: Y.Doc, i: number): Uint8Array {
  const title = prosemirrorFragment(ydoc).toArray().find((e): e is Y.XmlElement => e instanceof Y.XmlElement && e.nodeName === 'title');
  const text = title?.toArray().find((t): t is Y.XmlText => t instanceof Y.XmlText);
  if (!text) throw new Error('the bench document has no title text');
  let update: Uint8Array | undefined;
  const capture = (u: Uint8Array) => (update = u);
  ydoc.on('update', capture);
  text.insert(text.length, String(i % 10));
  ydoc.off('update', capture);
  return update!;
}

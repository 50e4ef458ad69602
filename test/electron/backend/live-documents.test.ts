import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Node } from 'prosemirror-model';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { createLiveDocuments, documentMeta } from '../../../electron/backend/live-documents.js';
import { openStore, type Store } from '../../../electron/store/store.js';
import { docToYDoc } from '../../../shared/ydoc.js';
import { replicaOf, retitle, unknownNodeUpdate } from './edits.js';

const fixture = JSON.parse(fs.readFileSync(new URL('../../fixtures/backend-resolution.json', import.meta.url), 'utf8'));
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function storeWithDocument(): { store: Store; state: Uint8Array } {
  const store = openStore({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-live-')) });
  stores.push(store);
  const node = Node.fromJSON(resolutionSchema, fixture);
  const state = Y.encodeStateAsUpdate(docToYDoc(node));
  store.createDocument({ id: 'd1', meta: documentMeta(node), update: state, origin: 'template' });
  return { store, state };
}

describe('live documents', () => {
  it('summarizes a document for the list', () => {
    expect(documentMeta(Node.fromJSON(resolutionSchema, fixture))).toEqual({
      kind: 'resolution',
      title: 'Safer streets for cyclists',
      body: 'The General Assembly,',
      symbol: 'E/CN.15/2099/L.1',
    });
  });

  it('keeps a document in memory while someone holds it, and only then', () => {
    const { store } = storeWithDocument();
    const docs = createLiveDocuments(store);
    const [a, b] = [{}, {}];
    const held = docs.hold('d1', a);
    expect(docs.hold('d1', b)).toBe(held);
    docs.release('d1', a);
    expect(docs.loadedIds()).toEqual(['d1']);
    docs.releaseAll(b);
    expect(docs.loadedIds()).toEqual([]);
    expect(() => docs.hold('missing', a)).toThrow(/no document with id missing/);
  });

  it('applies an update to a document nobody holds without keeping it loaded', () => {
    const { store, state } = storeWithDocument();
    const docs = createLiveDocuments(store);
    const { summary, metaChanged } = docs.apply('d1', retitle(replicaOf(state), 'Bicycles'), 'local', { author: 'Ana', delegation: 'CAN' });
    expect(summary.title).toBe('Bicycles');
    expect(metaChanged).toBe(true);
    expect(docs.loadedIds()).toEqual([]);
    expect(store.readUpdates('d1').map((u) => [u.origin, u.author, u.delegation])).toEqual([['template', '', ''], ['local', 'Ana', 'CAN']]);
  });

  it('rebuilds a held replica from the log after refusing an update', () => {
    const { store, state } = storeWithDocument();
    const docs = createLiveDocuments(store);
    const held = docs.hold('d1', {});
    expect(() => docs.apply('d1', unknownNodeUpdate(replicaOf(state)), 'local')).toThrow(/invalid/);
    expect(Y.encodeStateAsUpdate(held.ydoc)).toEqual(Y.encodeStateAsUpdate(replicaOf(state)));
    expect(held.ydoc.getXmlFragment('prosemirror').length).toBe(5);
    expect(docs.apply('d1', retitle(replicaOf(state), 'Still fine'), 'local').metaChanged).toBe(true);
    expect(store.readUpdates('d1')).toHaveLength(2);
  });
});

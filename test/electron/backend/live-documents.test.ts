import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Node } from 'prosemirror-model';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { createLiveDocuments, documentMeta } from '../../../electron/backend/live-documents.js';
import { openStore, type Store } from '../../../electron/store/store.js';
import { docToYDoc, yDocToDoc } from '../../../shared/ydoc.js';
import { captureUpdate, replicaOf, retitle, unknownNodeUpdate } from './edits.js';

// The text element of the first preambular paragraph: preamble > preambular_paragraph > paragraph_text.
function firstParagraphText(fragment: Y.XmlFragment): Y.XmlElement {
  const preamble = fragment.get(3) as Y.XmlElement;
  const paragraph = preamble.get(0) as Y.XmlElement;
  const text = paragraph.get(0) as Y.XmlElement;
  if (text.nodeName !== 'paragraph_text') throw new Error(`expected paragraph_text, got ${text.nodeName}`);
  return text;
}

// Types `word` at the end of that paragraph's text, before its footnote.
function appendText(fragment: Y.XmlFragment, word: string): void {
  const text = firstParagraphText(fragment).get(0) as Y.XmlText;
  text.insert(text.length, word);
}

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

  it('checks an edit deep inside one paragraph against the schema, refusing a node the paragraph may not hold', () => {
    const { store, state } = storeWithDocument();
    const docs = createLiveDocuments(store);
    const held = docs.hold('d1', {});
    const replica = replicaOf(state);
    // A valid edit first, so the refusal below is judged against a patched copy.
    const typed = captureUpdate(replica, (f) => appendText(f, ' Deeply'));
    expect(docs.apply('d1', typed, 'remote').metaChanged).toBe(false);
    const before = Y.encodeStateAsUpdate(held.ydoc);
    const invalid = captureUpdate(replica, (f) => firstParagraphText(f).insert(1, [new Y.XmlElement('operative_paragraph')]));
    expect(() => docs.apply('d1', invalid, 'remote')).toThrow(/invalid/);
    expect(Y.encodeStateAsUpdate(held.ydoc)).toEqual(before);
    expect(store.readUpdates('d1')).toHaveLength(2);
    const fromLog = replicaOf(Y.mergeUpdates(store.readUpdates('d1').map((u) => u.data)));
    expect(JSON.stringify(yDocToDoc(fromLog).toJSON())).toContain(' Deeply');
  });

  it('keeps the summary right across edits of single paragraphs and of the title', () => {
    const { store, state } = storeWithDocument();
    const docs = createLiveDocuments(store);
    const held = docs.hold('d1', {});
    const replica = replicaOf(state);
    for (const word of ['one ', 'two ']) {
      const update = captureUpdate(replica, (f) => appendText(f, word));
      expect(docs.apply('d1', update, 'remote').summary.title).toBe('Safer streets for cyclists');
    }
    const { summary, metaChanged } = docs.apply('d1', retitle(replica, 'Bicycles'), 'remote');
    expect([summary.title, metaChanged]).toEqual(['Bicycles', true]);
    expect(yDocToDoc(held.ydoc).toJSON()).toEqual(yDocToDoc(replica).toJSON());
    expect(store.getDocument('d1')?.title).toBe('Bicycles');
  });
});

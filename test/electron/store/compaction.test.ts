import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../electron/store/store.js';
import { writer } from './updates.js';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function open(): Store {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-compaction-'));
  dirs.push(dir);
  const store = openStore({ dataDir: dir });
  stores.push(store);
  return store;
}

const meta = { kind: 'resolution', title: 'Keystrokes', symbol: '', body: '' } as const;
const ana = { author: 'Ana', delegation: 'CAN' };

/** The text "t" of the document at a revision: its snapshot over the full log. */
function textAt(store: Store, revisionId: string): string {
  const full = new Y.Doc({ gc: false });
  for (const u of store.readUpdates('d')) Y.applyUpdate(full, u.data);
  return Y.createDocFromSnapshot(full, store.readRevisionSnapshot(revisionId)!).getText('t').toString();
}

describe('compaction', () => {
  it('joins keystrokes into runs: the checkpoint is far smaller than the merged rows, and holds exactly them', () => {
    const store = open();
    const w = writer(7);
    const other = writer(8);
    store.createDocument({ id: 'd', meta, update: w.insert('Calls upon'), origin: 'template' });
    const rows: Uint8Array[] = [];
    const type = (text: string) => {
      for (const ch of text) rows.push(w.insert(ch));
    };
    type(' all States to act without delay');
    rows.push(w.remove(4, 6));
    const theirs = (Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(w.doc)), other.insert('Strongly ', 0));
    Y.applyUpdate(w.doc, theirs);
    rows.push(theirs);
    for (const u of rows) store.appendUpdate({ docId: 'd', update: u, origin: 'local', ...ana });
    const rev = { id: store.createRevision({ docId: 'd', kind: 'revision', label: 'Rev.1', ...ana }).id, text: w.text() };
    const tail = w.insert(' and report');
    store.appendUpdate({ docId: 'd', update: tail, origin: 'local', ...ana });
    const sumOfRows = store.readUpdates('d').slice(0, -1).reduce((n, u) => n + u.data.byteLength, 0);
    const mergedSize = Y.mergeUpdates(store.readUpdates('d').slice(0, -1).map((u) => u.data)).byteLength;

    expect(store.compactDocument('d')).toBe(rows.length + 1);
    const [checkpoint, last] = store.readUpdates('d');
    expect(checkpoint!.origin).toBe('checkpoint');
    expect(checkpoint!.data.byteLength).toBeLessThan(mergedSize / 2);
    expect(checkpoint!.data.byteLength).toBeLessThan(sumOfRows / 4);
    // Exactly the merged rows: the text at the revision, nothing of the tail.
    const alone = new Y.Doc({ gc: false });
    Y.applyUpdate(alone, checkpoint!.data);
    expect(alone.getText('t').toString()).toBe(rev.text);
    expect([...last!.data]).toEqual([...tail]);
    expect(textAt(store, rev.id)).toBe(rev.text);
  });
});

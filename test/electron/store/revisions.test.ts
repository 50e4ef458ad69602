import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type DocumentMeta, type Store } from '../../../electron/store/store.js';
import { STORE_FILE_NAME } from '../../../electron/store/open-database.js';
import { CHECKPOINT_EVERY } from '../../../electron/store/revisions.js';
import { writer, type Writer } from './updates.js';

const dirs: string[] = [];
const stores: Store[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-revisions-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const meta: DocumentMeta = { kind: 'resolution', title: 'Safer streets', symbol: '', body: 'The General Assembly,' };
const ana = { author: 'Ana', delegation: 'CAN' };

function open(dir: string, now?: () => Date): Store {
  const store = openStore({ dataDir: dir, ...(now ? { now } : {}) });
  stores.push(store);
  return store;
}

/** The text "t" of the document as it was at a revision: its snapshot over the full log. */
function textAt(store: Store, docId: string, revisionId: string): string {
  const full = new Y.Doc({ gc: false });
  for (const u of store.readUpdates(docId)) Y.applyUpdate(full, u.data);
  const snapshot = store.readRevisionSnapshot(revisionId);
  if (!snapshot) throw new Error(`no revision ${revisionId}`);
  return Y.createDocFromSnapshot(full, snapshot).getText('t').toString();
}

/** A document edited by two writers with insertions and deletions, a revision after each step. */
function negotiated(store: Store): { w: Writer; revisions: { id: string; text: string }[] } {
  const w = writer(1);
  const other = writer(2);
  store.createDocument({ id: 'd', meta, update: w.insert('Calls upon States to act'), origin: 'template' });
  const revisions: { id: string; text: string }[] = [];
  const mark = (label: string) => {
    revisions.push({ id: store.createRevision({ docId: 'd', kind: 'revision', label, ...ana }).id, text: w.text() });
  };
  mark('Rev.1');
  for (let round = 0; round < 6; round++) {
    const inserted = w.insert(` [round ${round}]`);
    Y.applyUpdate(other.doc, inserted);
    store.appendUpdate({ docId: 'd', update: inserted, origin: 'local', ...ana });
    const removed = w.remove(round, 2);
    Y.applyUpdate(other.doc, removed);
    store.appendUpdate({ docId: 'd', update: removed, origin: 'local', ...ana });
    Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(w.doc));
    const theirs = other.insert(` (EU ${round})`, 0);
    Y.applyUpdate(w.doc, theirs);
    store.appendUpdate({ docId: 'd', update: theirs, origin: 'remote', author: 'Jean', delegation: 'EU' });
    if (round % 2 === 1) mark(`Rev.${revisions.length + 1}`);
  }
  return { w, revisions };
}

describe('revisions in the store', () => {
  it('record the log position, kind, label, author and time, newest first', () => {
    const store = open(tempDir(), () => new Date('2026-11-14T09:30:00.000Z'));
    const w = writer();
    store.createDocument({ id: 'd', meta, update: w.insert('Zero'), origin: 'template' });
    const zero = store.createRevision({ docId: 'd', kind: 'zero-draft', label: 'Zero draft', ...ana });
    store.appendUpdate({ docId: 'd', update: w.insert(' one'), origin: 'local', ...ana });
    const rev1 = store.createRevision({ docId: 'd', kind: 'revision', label: 'Rev.1', author: 'Jean', delegation: 'EU' });
    expect(zero).toMatchObject({ docId: 'd', kind: 'zero-draft', label: 'Zero draft', author: 'Ana', delegation: 'CAN', createdAt: '2026-11-14T09:30:00.000Z', seq: 1 });
    expect(rev1.seq).toBe(store.lastSeq('d'));
    expect(rev1.seq).toBeGreaterThan(zero.seq);
    expect(store.listRevisions('d')).toEqual([rev1, zero]);
    expect(store.latestRevision('d')).toEqual(rev1);
    expect(store.getRevision(zero.id)).toEqual(zero);
    expect(store.getRevision('nope')).toBeUndefined();
    expect(store.listRevisions('other')).toEqual([]);
    expect(() => store.createRevision({ docId: 'missing', kind: 'final', label: '', ...ana })).toThrow();
  });

  it('each open as the text it had, with insertions and deletions by two delegations', () => {
    const store = open(tempDir());
    const { revisions } = negotiated(store);
    expect(new Set(revisions.map((r) => r.text)).size).toBe(revisions.length);
    for (const r of revisions) expect(textAt(store, 'd', r.id)).toBe(r.text);
  });

  it('each open as the text it had when read in any order, across the in-memory checkpoints, with two documents interleaved', () => {
    const dir = tempDir();
    const store = open(dir);
    const writers = { a: writer(1), b: writer(2) };
    for (const id of ['a', 'b'] as const) store.createDocument({ id, meta, update: writers[id].insert(`${id}:`), origin: 'template' });
    const revisions: { docId: 'a' | 'b'; id: string; text: string }[] = [];
    const count = 3 * CHECKPOINT_EVERY + 5;
    for (let i = 0; i < count; i++) {
      for (const docId of ['a', 'b'] as const) {
        const w = writers[docId];
        store.appendUpdate({ docId, update: w.insert(` w${i}`), origin: 'local', ...ana });
        // Every third step deletes, so each revision's delete set differs from the one before.
        if (i % 3 === 2) store.appendUpdate({ docId, update: w.remove(2 + (i % 5), 3), origin: 'local', ...ana });
        if (docId === 'a' || i % 2 === 0) revisions.push({ docId, id: store.createRevision({ docId, kind: 'revision', label: `Rev.${i}`, ...ana }).id, text: w.text() });
      }
    }
    // A late revision first (checkpoints up to it), then early and middle ones, then the rest backwards.
    const order = [revisions.length - 1, 0, 7, Math.floor(revisions.length / 2), ...revisions.map((_, i) => revisions.length - 1 - i)];
    for (const i of order) expect(textAt(store, revisions[i]!.docId, revisions[i]!.id)).toBe(revisions[i]!.text);
    // Revisions made after the checkpoints were taken open too.
    const late = { docId: 'a' as const, id: store.createRevision({ docId: 'a', kind: 'final', label: 'Final', ...ana }).id, text: writers.a.text() };
    store.appendUpdate({ docId: 'a', update: writers.a.remove(0, 4), origin: 'local', ...ana });
    const later = { docId: 'a' as const, id: store.createRevision({ docId: 'a', kind: 'final', label: 'Final 2', ...ana }).id, text: writers.a.text() };
    for (const r of [later, late, revisions[5]!]) expect(textAt(store, r.docId, r.id)).toBe(r.text);
  });

  it('keep the history as runs per author and origin, and who each client id is', () => {
    const store = open(tempDir());
    negotiated(store);
    const runs = store.readHistory('d');
    expect(runs[0]).toMatchObject({ origin: 'template', count: 1, author: '' });
    expect(runs.slice(1).map((r) => `${r.origin}:${r.delegation}:${r.count}`)).toEqual(
      Array.from({ length: 6 }, () => ['local:CAN:2', 'remote:EU:1']).flat(),
    );
    expect(runs.reduce((n, r) => n + r.count, 0)).toBe(store.readUpdates('d').length);
    expect(store.readClientAuthors('d')).toEqual([
      { clientId: 1, author: '', delegation: '' },
      { clientId: 2, author: 'Jean', delegation: 'EU' },
    ]);
  });

  it('compaction merges the log into a checkpoint and keeps every revision, the history and the authors', () => {
    const dir = tempDir();
    const store = open(dir);
    const { w, revisions } = negotiated(store);
    // Padding makes the log long enough for the file's size to show the compaction.
    for (let i = 0; i < 300; i++) store.appendUpdate({ docId: 'd', update: w.insert(i % 2 ? 'a' : 'b'), origin: 'local', ...ana });
    for (let i = 0; i < 300; i++) store.appendUpdate({ docId: 'd', update: w.remove(w.text().length - 1, 1), origin: 'local', ...ana });
    const last = { id: store.createRevision({ docId: 'd', kind: 'final', label: 'Final', ...ana }).id, text: w.text() };
    const tail = w.insert(' (tail)');
    store.appendUpdate({ docId: 'd', update: tail, origin: 'local', ...ana });
    const history = store.readHistory('d');
    const authors = store.readClientAuthors('d');
    const rowsBefore = store.readUpdates('d').length;
    store.close();
    const bytesBefore = fs.statSync(path.join(dir, STORE_FILE_NAME)).size;

    const again = open(dir);
    expect(again.compactable('d')).toBe(rowsBefore - 1);
    expect(again.compactDocument('d', { minRows: rowsBefore })).toBe(0);
    expect(again.compactDocument('d')).toBe(rowsBefore - 1);
    const log = again.readUpdates('d');
    expect(log.map((u) => u.origin)).toEqual(['checkpoint', 'local']);
    expect([...log[1]!.data]).toEqual([...tail]);
    expect(log[0]!.seq).toBe(again.getRevision(last.id)!.seq);
    for (const r of [...revisions, last]) expect(textAt(again, 'd', r.id)).toBe(r.text);
    expect(again.readHistory('d')).toEqual(history);
    expect(again.readClientAuthors('d')).toEqual(authors);
    expect(again.compactDocument('d')).toBe(0);
    again.close();
    expect(fs.statSync(path.join(dir, STORE_FILE_NAME)).size).toBeLessThan(bytesBefore);

    // A later revision, after the checkpoint, still builds on the earlier ones.
    const third = open(dir);
    const next = third.createRevision({ docId: 'd', kind: 'revision', label: 'After', ...ana });
    expect(textAt(third, 'd', next.id)).toBe(`${last.text} (tail)`);
    expect(textAt(third, 'd', revisions[0]!.id)).toBe(revisions[0]!.text);
  });

  it('keep the profile and each user’s last-viewed revision', () => {
    const dir = tempDir();
    const store = open(dir);
    expect(store.getProfile()).toEqual({ name: '', delegation: '' });
    expect(store.setProfile({ name: '  Ana Pereira ', delegation: 'CAN ' })).toEqual({ name: 'Ana Pereira', delegation: 'CAN' });
    store.createDocument({ id: 'd', meta, update: writer().insert('x'), origin: 'template' });
    const rev = store.createRevision({ docId: 'd', kind: 'autosave', label: '', ...ana });
    const ana2 = { name: 'Ana Pereira', delegation: 'CAN' };
    expect(store.lastViewed('d', ana2)).toBeUndefined();
    store.markViewed('d', ana2, rev.id);
    expect(store.lastViewed('d', ana2)).toEqual(rev);
    expect(store.lastViewed('d', { name: 'Jean', delegation: 'EU' })).toBeUndefined();
    expect(() => store.markViewed('d', ana2, 'no-such-revision')).toThrow();
    store.close();
    const again = open(dir);
    expect(again.getProfile()).toEqual(ana2);
    expect(again.lastViewed('d', ana2)).toEqual(rev);
  });
});

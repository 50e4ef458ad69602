import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../electron/backend/index.js';
import { AUTOSAVE_PAUSE_MS, COMPACT_AFTER } from '../../../electron/backend/autosave.js';
import { openStore } from '../../../electron/store/store.js';
import type { EventName, EventPayloads, Handlers } from '../../../shared/api/contract.js';
import { yDocToDoc } from '../../../shared/ydoc.js';
import { replicaOf, retitle, titleOf } from './edits.js';
import { errorOf } from './error-of.js';

type Received = { event: EventName; payload: EventPayloads[EventName] }[];

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-revisions-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A clock tests move by hand. */
function manualClock(start = '2026-11-14T09:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

async function start(dataDir: string, now?: () => Date): Promise<Backend> {
  const backend = await openBackend({ dataDir, ...(now ? { now } : {}) });
  cleanup.push(() => backend.close());
  return backend;
}

function connect(backend: Backend): { handlers: Handlers; received: Received; close(): void } {
  const received: Received = [];
  const conn = backend.connect((event, payload) => received.push({ event, payload }));
  return { ...conn, received };
}


/** The ProseMirror JSON of an encoded Yjs state. */
const contentOf = (state: Uint8Array) => yDocToDoc(replicaOf(state)).toJSON();

/** A renderer session on one document: its replica, and an edit that sends the update. */
async function session(handlers: Handlers, id: string) {
  const replica = replicaOf((await handlers['documents.open']({ id })).state);
  return {
    replica,
    retitle: async (text: string) => {
      await handlers['documents.applyUpdate']({ id, update: retitle(replica, text) });
    },
  };
}

describe('revisions through the backend', () => {
  it('keeps the profile across a restart and records it as the author of changes, in history and client ids', async () => {
    const dir = tempDir();
    const backend = await start(dir);
    const { handlers } = connect(backend);
    expect(await handlers['profile.get']({})).toEqual({ name: '', delegation: '' });
    expect(await handlers['profile.set']({ name: 'Ana Pereira', delegation: 'CAN' })).toEqual({ name: 'Ana Pereira', delegation: 'CAN' });
    const { id } = await handlers['documents.createFromTemplate']({ templateId: 'blank-resolution' });
    const s = await session(handlers, id);
    await s.retitle('Safer streets');
    await s.retitle('Safer streets for all');
    await backend.close();

    const again = connect(await start(dir));
    expect(await again.handlers['profile.get']({})).toEqual({ name: 'Ana Pereira', delegation: 'CAN' });
    const history = await again.handlers['history.list']({ docId: id });
    expect(history.map((h) => [h.origin, h.author, h.delegation, h.count])).toEqual([
      ['template', 'Ana Pereira', 'CAN', 1],
      ['local', 'Ana Pereira', 'CAN', 2],
    ]);
    const authors = await again.handlers['history.authors']({ docId: id });
    expect(authors).toContainEqual({ clientId: s.replica.clientID, author: 'Ana Pereira', delegation: 'CAN' });
    expect(await errorOf(again.handlers['history.list']({ docId: 'nope' }))).toMatchObject({ code: 'not-found' });
  });

  it('creates, lists and opens revisions; restores one as a new change and every revision still opens', async () => {
    const backend = await start(tempDir());
    const a = connect(backend);
    const b = connect(backend);
    await a.handlers['profile.set']({ name: 'Ana', delegation: 'CAN' });
    const { id } = await a.handlers['documents.createFromTemplate']({ templateId: 'blank-resolution', title: 'Zero' });
    await a.handlers['documents.subscribe']({ id });
    await b.handlers['documents.subscribe']({ id });
    const zero = await a.handlers['revisions.create']({ docId: id, kind: 'zero-draft', label: 'Zero draft' });
    const s = await session(a.handlers, id);
    await s.retitle('Rev one title');
    const rev1 = await a.handlers['revisions.create']({ docId: id, kind: 'revision', label: 'Rev.1' });
    await s.retitle('Current title');
    expect(rev1).toMatchObject({ docId: id, kind: 'revision', label: 'Rev.1', author: 'Ana', delegation: 'CAN' });
    expect(await a.handlers['revisions.list']({ docId: id })).toEqual([rev1, zero]);

    const opened = await a.handlers['revisions.open']({ docId: id, revisionId: rev1.id });
    expect(opened.revision).toEqual(rev1);
    expect(titleOf(replicaOf(opened.state))).toBe('Rev one title');
    expect(titleOf(replicaOf((await a.handlers['revisions.open']({ docId: id, revisionId: zero.id })).state))).toBe('Zero');

    const logBefore = (await a.handlers['history.list']({ docId: id })).reduce((n, h) => n + h.count, 0);
    for (const r of [a, b]) r.received.length = 0;
    const { summary } = await a.handlers['revisions.restore']({ docId: id, revisionId: rev1.id });
    expect(summary.title).toBe('Rev one title');
    const now = (await a.handlers['documents.open']({ id })).state;
    expect(contentOf(now)).toEqual(contentOf(opened.state));
    const history = await a.handlers['history.list']({ docId: id });
    expect(history.reduce((n, h) => n + h.count, 0)).toBe(logBefore + 1);
    expect(history.at(-1)).toMatchObject({ origin: 'restore', author: 'Ana', count: 1 });
    // Both windows, the caller's included, receive the restoring change and the new revision list.
    for (const r of [a, b]) {
      expect(r.received.map((e) => e.event)).toEqual(expect.arrayContaining(['document.update', 'revisions.changed', 'documents.changed']));
      const update = r.received.find((e) => e.event === 'document.update')!.payload as EventPayloads['document.update'];
      Y.applyUpdate(s.replica, update.update);
    }
    expect(titleOf(s.replica)).toBe('Rev one title');
    // The state before the restore was kept as an autosave point; every revision still opens as it was.
    const list = await a.handlers['revisions.list']({ docId: id });
    expect(list.map((r) => r.kind)).toEqual(['autosave', 'revision', 'zero-draft']);
    const before = await a.handlers['revisions.open']({ docId: id, revisionId: list[0]!.id });
    expect(titleOf(replicaOf(before.state))).toBe('Current title');
    expect(titleOf(replicaOf((await a.handlers['revisions.open']({ docId: id, revisionId: zero.id })).state))).toBe('Zero');

    expect(await errorOf(a.handlers['revisions.open']({ docId: id, revisionId: 'nope' }))).toMatchObject({ code: 'not-found' });
    const other = await a.handlers['documents.createFromTemplate']({ templateId: 'blank-resolution' });
    expect(await errorOf(a.handlers['revisions.restore']({ docId: other.id, revisionId: rev1.id }))).toMatchObject({ code: 'not-found' });
  });

  it('starts a new document from a revision, with fresh paragraph ids and its own log', async () => {
    const backend = await start(tempDir());
    const { handlers } = connect(backend);
    const { id } = await handlers['documents.createFromTemplate']({ templateId: 'blank-resolution' });
    const s = await session(handlers, id);
    await s.retitle('Original wording');
    const rev = await handlers['revisions.create']({ docId: id, kind: 'l-document', label: 'A/C.3/80/L.12' });
    await s.retitle('Later wording');
    const copy = await handlers['revisions.newDocument']({ docId: id, revisionId: rev.id, title: 'Copy of L.12' });
    expect(copy.id).not.toBe(id);
    expect(copy.title).toBe('Copy of L.12');
    expect((await handlers['documents.list']({})).map((d) => d.id)).toContain(copy.id);
    const original = contentOf((await handlers['revisions.open']({ docId: id, revisionId: rev.id })).state);
    const created = contentOf((await handlers['documents.open']({ id: copy.id })).state);
    const ids = (n: { attrs?: Record<string, unknown>; content?: unknown[] }): string[] => [
      ...(typeof n.attrs?.id === 'string' && n.attrs.id ? [n.attrs.id] : []),
      ...((n.content ?? []) as (typeof n)[]).flatMap(ids),
    ];
    expect(ids(created).length).toBe(ids(original).length);
    expect(ids(created).some((x) => ids(original).includes(x))).toBe(false);
    expect(await handlers['revisions.list']({ docId: copy.id })).toEqual([]);
    expect((await handlers['history.list']({ docId: copy.id })).map((h) => h.origin)).toEqual(['restore']);
    const keepTitle = await handlers['revisions.newDocument']({ docId: id, revisionId: rev.id });
    expect(keepTitle.title).toBe('Original wording');
  });

  it('remembers what this user last viewed and says when the document moved on', async () => {
    const backend = await start(tempDir());
    const { handlers, received } = connect(backend);
    await handlers['profile.set']({ name: 'Ana', delegation: 'CAN' });
    const { id } = await handlers['documents.createFromTemplate']({ templateId: 'blank-resolution' });
    await handlers['documents.subscribe']({ id });
    expect(await handlers['revisions.lastViewed']({ docId: id })).toEqual({ revision: null, changedSince: false });
    const seen = await handlers['revisions.markViewed']({ docId: id });
    expect(seen.kind).toBe('autosave');
    expect(received.map((e) => e.event)).toContain('revisions.changed');
    expect(await handlers['revisions.lastViewed']({ docId: id })).toEqual({ revision: seen, changedSince: false });
    expect(await handlers['revisions.markViewed']({ docId: id })).toEqual(seen);

    await (await session(handlers, id)).retitle('Changed meanwhile');
    expect(await handlers['revisions.lastViewed']({ docId: id })).toEqual({ revision: seen, changedSince: true });
    const named = await handlers['revisions.create']({ docId: id, kind: 'revision', label: 'Rev.1' });
    expect(await handlers['revisions.markViewed']({ docId: id })).toEqual(named);

    // Another user of the same installation has their own last-viewed revision.
    await handlers['profile.set']({ name: 'Jean', delegation: 'EU' });
    expect((await handlers['revisions.lastViewed']({ docId: id })).revision).toBeNull();
    await handlers['profile.set']({ name: 'Ana', delegation: 'CAN' });
    expect((await handlers['revisions.lastViewed']({ docId: id })).revision).toEqual(named);
  });

  it('makes autosave points after a pause in editing and when a document is closed with changes', async () => {
    const clock = manualClock();
    const dir = tempDir();
    const backend = await start(dir, clock.now);
    const a = connect(backend);
    const { id } = await a.handlers['documents.createFromTemplate']({ templateId: 'blank-resolution' });
    await a.handlers['documents.subscribe']({ id });
    const s = await session(a.handlers, id);
    await s.retitle('one');
    clock.advance(AUTOSAVE_PAUSE_MS - 1000);
    await s.retitle('two');
    expect(await a.handlers['revisions.list']({ docId: id })).toEqual([]);

    clock.advance(AUTOSAVE_PAUSE_MS);
    await s.retitle('three');
    const [pause] = await a.handlers['revisions.list']({ docId: id });
    expect(pause).toMatchObject({ kind: 'autosave', label: '', createdAt: clock.now().toISOString() });
    expect(titleOf(replicaOf((await a.handlers['revisions.open']({ docId: id, revisionId: pause!.id })).state))).toBe('two');

    // Closing the window (the connection) with changes since the point makes another point.
    a.close();
    await backend.close();
    const store = openStore({ dataDir: dir });
    const list = store.listRevisions(id);
    expect(list.map((r) => r.kind)).toEqual(['autosave', 'autosave']);
    expect(list[0]!.seq).toBe(store.lastSeq(id));
    store.close();

    // Closing again without changes makes none.
    const again = await start(dir, clock.now);
    const c = connect(again);
    await c.handlers['documents.subscribe']({ id });
    c.close();
    expect(await connect(again).handlers['revisions.list']({ docId: id })).toHaveLength(2);
  });

  it('compacts the log automatically when a document closes with enough mergeable rows; revisions, history and authors survive', async () => {
    const dir = tempDir();
    const backend = await start(dir);
    const a = connect(backend);
    await a.handlers['profile.set']({ name: 'Ana', delegation: 'CAN' });
    const { id } = await a.handlers['documents.createFromTemplate']({ templateId: 'blank-resolution' });
    await a.handlers['documents.subscribe']({ id });
    const s = await session(a.handlers, id);
    const named: { id: string; title: string }[] = [];
    for (let i = 0; i <= COMPACT_AFTER; i++) {
      await s.retitle(`Title ${i}`);
      if (i % 50 === 0) named.push({ id: (await a.handlers['revisions.create']({ docId: id, kind: 'revision', label: `Rev.${i}` })).id, title: `Title ${i}` });
    }
    const history = await a.handlers['history.list']({ docId: id });
    const authors = await a.handlers['history.authors']({ docId: id });
    a.close();
    await backend.close();

    const store = openStore({ dataDir: dir });
    expect(store.readUpdates(id).map((u) => u.origin)).toEqual(['checkpoint']);
    store.close();
    const b = connect(await start(dir));
    expect(titleOf(replicaOf((await b.handlers['documents.open']({ id })).state))).toBe(`Title ${COMPACT_AFTER}`);
    for (const r of named) expect(titleOf(replicaOf((await b.handlers['revisions.open']({ docId: id, revisionId: r.id })).state))).toBe(r.title);
    expect(await b.handlers['history.list']({ docId: id })).toEqual(history);
    expect(await b.handlers['history.authors']({ docId: id })).toEqual(authors);
  });
});

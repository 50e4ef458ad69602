import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../electron/backend/index.js';
import { openStore } from '../../../electron/store/store.js';
import type { EventName, EventPayloads, Handlers } from '../../../shared/api/contract.js';
import { dispatch } from '../../../shared/api/dispatch.js';
import { yDocToDoc } from '../../../shared/ydoc.js';
import { deleteTitleUpdate, replicaOf, retitle, titleOf, unknownNodeUpdate } from './edits.js';
import { errorOf } from './error-of.js';

type Received = { event: EventName; payload: EventPayloads[EventName] }[];

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-backend-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string): Promise<Backend> {
  const backend = await openBackend({ dataDir });
  cleanup.push(() => backend.close());
  return backend;
}

function connect(backend: Backend): { handlers: Handlers; received: Received; close(): void } {
  const received: Received = [];
  const conn = backend.connect((event, payload) => received.push({ event, payload }));
  return { ...conn, received };
}


describe('the backend service', () => {
  it('lists the seed templates', async () => {
    const { handlers } = connect(await start(tempDir()));
    const list = await handlers['templates.list']({});
    expect(list.map((t) => t.id)).toContain('general-assembly-resolution');
    expect(list.find((t) => t.id === 'decision')).toMatchObject({ kind: 'decision' });
  });

  it('creates from a template, applies an update, and a new backend on the same data sees it', async () => {
    const dir = tempDir();
    const first = await start(dir);
    const a = connect(first);
    const created = await a.handlers['documents.createFromTemplate']({ templateId: 'general-assembly-resolution', title: 'Clean water' });
    expect(created).toMatchObject({ kind: 'resolution', title: 'Clean water' });
    expect(a.received).toEqual([{ event: 'documents.changed', payload: { ids: [created.id] } }]);

    const opened = await a.handlers['documents.open']({ id: created.id });
    const replica = replicaOf(opened.state);
    expect(titleOf(replica)).toBe('Clean water');
    await a.handlers['documents.applyUpdate']({ id: created.id, update: retitle(replica, 'Clean water for all') });
    expect((await a.handlers['documents.list']({}))[0]).toMatchObject({ id: created.id, title: 'Clean water for all' });
    await first.close();

    const second = connect(await start(dir));
    const reopened = await second.handlers['documents.open']({ id: created.id });
    expect(titleOf(replicaOf(reopened.state))).toBe('Clean water for all');
    expect(reopened.summary.title).toBe('Clean water for all');
    expect(yDocToDoc(replicaOf(reopened.state)).child(0).type.name).toBe('header');
  });

  it('gives every document made from a template fresh paragraph ids', async () => {
    const { handlers } = connect(await start(tempDir()));
    const ids = async () => {
      const { id } = await handlers['documents.createFromTemplate']({ templateId: 'ecosoc-resolution' });
      const doc = yDocToDoc(replicaOf((await handlers['documents.open']({ id })).state));
      const found: string[] = [];
      doc.descendants((n) => void (typeof n.attrs.id === 'string' && n.attrs.id && found.push(n.attrs.id)));
      return found;
    };
    const [one, two] = [await ids(), await ids()];
    expect(one.length).toBeGreaterThan(3);
    expect(one.some((id) => id.startsWith('tpl-'))).toBe(false);
    expect(one.filter((id) => two.includes(id))).toEqual([]);
  });

  it('rejects invalid updates, stores none of them, and keeps serving the document', async () => {
    const dir = tempDir();
    const backend = await start(dir);
    const a = connect(backend);
    const b = connect(backend);
    const { id } = await a.handlers['documents.createFromTemplate']({ templateId: 'decision', title: 'Dates' });
    await b.handlers['documents.subscribe']({ id });
    const before = (await a.handlers['documents.open']({ id })).state;
    b.received.length = 0;

    const bad = [Uint8Array.of(1, 2, 3, 250, 7), unknownNodeUpdate(replicaOf(before)), deleteTitleUpdate(replicaOf(before))];
    for (const update of bad) {
      const err = await errorOf(a.handlers['documents.applyUpdate']({ id, update }));
      expect(err.code).toBe('invalid-argument');
    }
    const orphan = replicaOf(before);
    retitle(orphan, 'skipped');
    const err = await errorOf(a.handlers['documents.applyUpdate']({ id, update: retitle(orphan, 'depends on the skipped one') }));
    expect(err).toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(/depends on changes/) });

    expect(b.received).toEqual([]);
    expect((await a.handlers['documents.open']({ id })).state).toEqual(before);
    await a.handlers['documents.applyUpdate']({ id, update: retitle(replicaOf(before), 'Dates, agreed') });
    expect(b.received.map((e) => e.event)).toEqual(['document.update', 'documents.changed']);
    await backend.close();

    const store = openStore({ dataDir: dir });
    expect(store.readUpdates(id).map((u) => u.origin)).toEqual(['template', 'local']);
    store.close();
  });

  it('sends an update to the other subscribed connections only', async () => {
    const backend = await start(tempDir());
    const [a, b, c] = [connect(backend), connect(backend), connect(backend)];
    const { id } = await a.handlers['documents.createFromTemplate']({ templateId: 'blank-resolution' });
    await a.handlers['documents.subscribe']({ id });
    await b.handlers['documents.subscribe']({ id });
    const state = (await a.handlers['documents.open']({ id })).state;
    for (const r of [a, b, c]) r.received.length = 0;

    const update = retitle(replicaOf(state), 'Shared title');
    await a.handlers['documents.applyUpdate']({ id, update });
    const updatesTo = (r: { received: Received }) => r.received.filter((e) => e.event === 'document.update');
    expect(updatesTo(a)).toEqual([]);
    expect(updatesTo(b)).toEqual([{ event: 'document.update', payload: { id, update } }]);
    expect(updatesTo(c)).toEqual([]);
    expect(c.received).toEqual([{ event: 'documents.changed', payload: { ids: [id] } }]);

    const replicaB = replicaOf(state);
    Y.applyUpdate(replicaB, (updatesTo(b)[0]!.payload as { update: Uint8Array }).update);
    expect(titleOf(replicaB)).toBe('Shared title');

    await b.handlers['documents.unsubscribe']({ id });
    b.close();
    await a.handlers['documents.applyUpdate']({ id, update: retitle(replicaB, 'Again') });
    expect(updatesTo(b)).toHaveLength(1);
  });

  it('imports a text as one stored document per resolution or decision', async () => {
    const backend = await start(tempDir());
    const { handlers, received } = connect(backend);
    const text = fs.readFileSync(new URL('../../fixtures/backend-import.txt', import.meta.url), 'utf8');
    const { documents } = await handlers['documents.importText']({ text, fileName: 'report.txt' });
    expect(documents.map((d) => [d.kind, d.title])).toEqual([
      ['resolution', 'Safer streets for cyclists'],
      ['decision', 'Dates of the next session'],
    ]);
    expect(received).toEqual([{ event: 'documents.changed', payload: { ids: documents.map((d) => d.id) } }]);
    const opened = await handlers['documents.open']({ id: documents[1]!.id });
    expect(yDocToDoc(replicaOf(opened.state)).textContent).toContain('Approves the provisional agenda');
    expect((await handlers['documents.list']({})).map((d) => d.id).sort()).toEqual(documents.map((d) => d.id).sort());
  });

  it("turns the importer's refusal into invalid-argument and stores nothing", async () => {
    const { handlers } = connect(await start(tempDir()));
    const err = await errorOf(handlers['documents.importText']({ text: 'Just a shopping list.', fileName: 'list.txt' }));
    expect(err.code).toBe('invalid-argument');
    expect(err.message).toMatch(/^list\.txt: no resolution or decision found/);
    expect(await handlers['documents.list']({})).toEqual([]);
  });

  it('answers unknown ids and templates with not-found', async () => {
    const { handlers } = connect(await start(tempDir()));
    for (const call of [
      handlers['documents.open']({ id: 'nope' }),
      handlers['documents.subscribe']({ id: 'nope' }),
      handlers['documents.applyUpdate']({ id: 'nope', update: Uint8Array.of(0, 0) }),
      handlers['documents.createFromTemplate']({ templateId: 'nope' }),
    ]) {
      expect((await errorOf(call)).code).toBe('not-found');
    }
  });

  it('validates arguments at the boundary through dispatch', async () => {
    const { handlers } = connect(await start(tempDir()));
    const result = await dispatch(handlers, 'documents.open', { id: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('refuses calls once closed', async () => {
    const backend = await start(tempDir());
    const { handlers } = connect(backend);
    await backend.close();
    expect((await errorOf(handlers['documents.list']({}))).code).toBe('internal');
    expect(() => backend.connect(() => undefined)).toThrow(/shutting down/);
  });
});

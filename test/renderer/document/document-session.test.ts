import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { openBackend, type Backend } from '../../../electron/backend/index.js';
import { ApiError } from '../../../shared/api/contract.js';
import type { ApiClient, EventName, EventPayloads } from '../../../shared/api/contract.js';
import { dispatch } from '../../../shared/api/dispatch.js';
import { prosemirrorFragment, yDocFromUpdates, yDocToDoc } from '../../../shared/ydoc.js';
import { openDocumentSession, REMOTE } from '../../../renderer/document/document-session.js';
import { hasUnsavedChanges, installUnsavedGuard } from '../../../renderer/document/unsaved-guard.js';

// An in-process transport over the real backend: the same validation (`dispatch`) and the
// same per-connection events as both real transports, without a socket.
type Client = ApiClient & { calls: string[]; events: { event: EventName; payload: unknown }[] };

function connect(backend: Backend): Client {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const events: Client['events'] = [];
  const conn = backend.connect((event, payload) => {
    events.push({ event, payload });
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });
  const calls: string[] = [];
  return {
    calls,
    events,
    async invoke(channel, args) {
      calls.push(channel);
      const answer = await dispatch(conn.handlers, channel, args);
      if (!answer.ok) throw new ApiError(answer.error.code, answer.error.message);
      return answer.result as never;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = (payload: unknown) => listener(payload as EventPayloads[E]);
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}

// Types into the title the way y-prosemirror would: a local (non-REMOTE) Yjs transaction.
function typeIntoTitle(ydoc: Y.Doc, text: string): void {
  const title = prosemirrorFragment(ydoc).get(1) as Y.XmlElement;
  ydoc.transact(() => (title.get(0) as Y.XmlText).insert(0, text));
}

const titleOf = (ydoc: Y.Doc) => yDocToDoc(ydoc).child(1).textContent;

let dir: string;
let backend: Backend;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'penholder-session-'));
  backend = await openBackend({ dataDir: dir });
});

afterEach(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('openDocumentSession', () => {
  it('loads the backend state, pushes local edits and receives other renderers’ edits', async () => {
    const alice = connect(backend);
    const bob = connect(backend);
    const created = await alice.invoke('documents.createFromTemplate', { templateId: 'general-assembly-resolution', title: 'Access to justice' });
    const a = await openDocumentSession(alice, created.id);
    const b = await openDocumentSession(bob, created.id);
    expect(a.summary.title).toBe('Access to justice');
    expect(titleOf(a.ydoc)).toBe('Access to justice');

    typeIntoTitle(a.ydoc, 'Equal ');
    await a.flush();
    expect(titleOf(b.ydoc)).toBe('Equal Access to justice');

    const reopened = await bob.invoke('documents.open', { id: created.id });
    expect(titleOf(yDocFromUpdates([reopened.state]))).toBe('Equal Access to justice');
    await a.close();
    await b.close();
  });

  it('never sends an update that came from the backend back to it', async () => {
    const alice = connect(backend);
    const bob = connect(backend);
    const { id } = await alice.invoke('documents.createFromTemplate', { templateId: 'general-assembly-resolution' });
    const a = await openDocumentSession(alice, id);
    const b = await openDocumentSession(bob, id);
    typeIntoTitle(a.ydoc, 'x');
    await a.flush();
    await b.flush();
    expect(bob.calls.filter((c) => c === 'documents.applyUpdate')).toEqual([]);
    expect(alice.calls.filter((c) => c === 'documents.applyUpdate')).toEqual(['documents.applyUpdate']);
    await a.close();
    await b.close();
  });

  it('sends the edits of one frame as one update once the frame is past, and at once on flush', async () => {
    const alice = connect(backend);
    const bob = connect(backend);
    const { id } = await alice.invoke('documents.createFromTemplate', { templateId: 'general-assembly-resolution', title: 'T' });
    const a = await openDocumentSession(alice, id);
    const b = await openDocumentSession(bob, id);
    const pushes = () => alice.calls.filter((c) => c === 'documents.applyUpdate').length;
    typeIntoTitle(a.ydoc, 'c');
    typeIntoTitle(a.ydoc, 'b');
    typeIntoTitle(a.ydoc, 'a');
    // Nothing is sent while the keystrokes' frame is being produced, but the session knows it has unsaved edits.
    expect(pushes()).toBe(0);
    expect(a.unsaved()).toBe(true);
    // No flush: the batch leaves by itself (here, with no animation frames, after the fallback delay).
    await vi.waitFor(() => expect(titleOf(b.ydoc)).toBe('abcT'), { timeout: 2000 });
    expect(pushes()).toBe(1);
    typeIntoTitle(a.ydoc, '1');
    await a.flush();
    expect(titleOf(b.ydoc)).toBe('1abcT');
    expect(pushes()).toBe(2);
    expect(a.unsaved()).toBe(false);
    await a.close();
    await b.close();
  });

  it('reports saving then saved, and an error when the backend refuses an update', async () => {
    const alice = connect(backend);
    const { id } = await alice.invoke('documents.createFromTemplate', { templateId: 'general-assembly-resolution' });
    const statuses: string[] = [];
    const errors: string[] = [];
    const a = await openDocumentSession(alice, id, { onStatus: (s) => statuses.push(s), onError: (e) => errors.push(e.message) });
    typeIntoTitle(a.ydoc, 'ok ');
    await a.flush();
    expect(statuses).toEqual(['saving', 'saved']);
    // A change that breaks the schema (a second title element) must be refused by the backend.
    a.ydoc.transact(() => prosemirrorFragment(a.ydoc).insert(0, [new Y.XmlElement('title')]));
    await a.flush();
    expect(statuses.at(-1)).toBe('error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Your change could not be saved: /);
    await a.close();
  });

  it('stops following the document on close, but only when the last session of it closes', async () => {
    const alice = connect(backend);
    const bob = connect(backend);
    const { id } = await alice.invoke('documents.createFromTemplate', { templateId: 'general-assembly-resolution' });
    const first = await openDocumentSession(bob, id);
    const second = await openDocumentSession(bob, id);
    await first.close();
    const a = await openDocumentSession(alice, id);
    typeIntoTitle(a.ydoc, 'one ');
    await a.flush();
    expect(titleOf(second.ydoc).startsWith('one ')).toBe(true);

    await second.close();
    const received = bob.events.filter((e) => e.event === 'document.update').length;
    typeIntoTitle(a.ydoc, 'two ');
    await a.flush();
    expect(bob.events.filter((e) => e.event === 'document.update').length).toBe(received);
    expect(bob.calls.filter((c) => c === 'documents.subscribe' || c === 'documents.unsubscribe')).toEqual([
      'documents.subscribe',
      'documents.unsubscribe',
    ]);
    await a.close();
  });

  it('rejects with the API error for an unknown document and leaves nothing subscribed', async () => {
    const alice = connect(backend);
    await expect(openDocumentSession(alice, 'no-such-document')).rejects.toMatchObject({ code: 'not-found' });
    expect(alice.calls.at(-1)).toBe('documents.unsubscribe');
  });

  it('applies incoming updates with the REMOTE origin', async () => {
    const alice = connect(backend);
    const bob = connect(backend);
    const { id } = await alice.invoke('documents.createFromTemplate', { templateId: 'general-assembly-resolution' });
    const a = await openDocumentSession(alice, id);
    const b = await openDocumentSession(bob, id);
    const origins: unknown[] = [];
    b.ydoc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    typeIntoTitle(a.ydoc, 'y');
    await a.flush();
    expect(origins).toEqual([REMOTE]);
    await a.close();
    await b.close();
  });

  it('keeps changes the backend could not take for a passing reason and sends them again until it takes them', async () => {
    const alice = connect(backend);
    const { id } = await alice.invoke('documents.createFromTemplate', { templateId: 'general-assembly-resolution', title: 'Access to justice' });
    // The connection drops for the first two sends (a plain Error, as a broken transport gives).
    let drops = 2;
    const flaky: ApiClient = {
      on: alice.on,
      invoke: ((channel: string, args: unknown) => {
        if (channel === 'documents.applyUpdate' && drops-- > 0) return Promise.reject(new Error('connection lost'));
        return alice.invoke(channel as never, args as never);
      }) as ApiClient['invoke'],
    };
    const statuses: string[] = [];
    const errors: string[] = [];
    const a = await openDocumentSession(flaky, id, { onStatus: (s) => statuses.push(s), onError: (e) => errors.push(e.message) });
    typeIntoTitle(a.ydoc, 'Equal ');
    typeIntoTitle(a.ydoc, 'and fair ');
    await a.flush();
    expect(statuses.at(-1)).toBe('error');
    expect(errors[0]).toMatch(/could not be saved yet \(Penholder keeps it and tries again\): connection lost/);
    await vi.waitFor(() => expect(statuses.at(-1)).toBe('saved'), { timeout: 10_000 });
    const stored = await alice.invoke('documents.open', { id });
    expect(titleOf(yDocFromUpdates([stored.state]))).toBe('and fair Equal Access to justice');
    await a.close();
  });

  it('on a full disk says so, loses nothing saved before, and saves the change once there is room', async () => {
    const alice = connect(backend);
    const { id } = await alice.invoke('documents.createFromTemplate', { templateId: 'general-assembly-resolution', title: 'Access to justice' });
    await backend.close();
    backend = await openBackend({ dataDir: dir, maxBytes: 2_000_000 });
    // The renderer's connection, which goes to the backend started again once the user made room.
    let target = connect(backend);
    const client: ApiClient = {
      on: (event, listener) => target.on(event, listener),
      invoke: ((channel: string, args: unknown) => target.invoke(channel as never, args as never)) as ApiClient['invoke'],
    };
    const statuses: string[] = [];
    const errors: string[] = [];
    const a = await openDocumentSession(client, id, { onStatus: (s) => statuses.push(s), onError: (e) => errors.push(e.message) });
    typeIntoTitle(a.ydoc, 'Kept ');
    await a.flush();
    expect(statuses.at(-1)).toBe('saved');
    const long = 'x'.repeat(3_000_000);
    typeIntoTitle(a.ydoc, long);
    typeIntoTitle(a.ydoc, 'Then ');
    await a.flush();
    expect(statuses.at(-1)).toBe('error');
    expect(errors.join('\n')).toMatch(/full/i);
    const stored = await client.invoke('documents.open', { id });
    expect(titleOf(yDocFromUpdates([stored.state]))).toBe('Kept Access to justice');

    await backend.close();
    backend = await openBackend({ dataDir: dir });
    target = connect(backend);
    await vi.waitFor(() => expect(statuses.at(-1)).toBe('saved'), { timeout: 15_000 });
    const after = await client.invoke('documents.open', { id });
    expect(titleOf(yDocFromUpdates([after.state]))).toBe(`Then ${long}Kept Access to justice`);
    await a.close();
  });
});

// A page's beforeunload event; its returnValue is writable as in a browser.
class BeforeUnload extends Event {
  override returnValue = true;
  constructor() {
    super('beforeunload', { cancelable: true });
  }
}

describe('the unsaved-changes guard', () => {
  it('objects to leaving while an update is on its way, and no longer once the page flushed', async () => {
    const alice = connect(backend);
    const { id } = await alice.invoke('documents.createFromTemplate', { templateId: 'general-assembly-resolution' });
    const page = new EventTarget() as unknown as Window & { penholderFlush(): Promise<void> };
    const uninstall = installUnsavedGuard(page);
    const a = await openDocumentSession(alice, id);
    expect(hasUnsavedChanges()).toBe(false);

    typeIntoTitle(a.ydoc, 'Last words ');
    typeIntoTitle(a.ydoc, 'typed ');
    expect(a.unsaved()).toBe(true);
    const early = new BeforeUnload();
    page.dispatchEvent(early);
    expect(early.defaultPrevented).toBe(true);

    await page.penholderFlush();
    expect(hasUnsavedChanges()).toBe(false);
    const late = new BeforeUnload();
    page.dispatchEvent(late);
    expect(late.defaultPrevented).toBe(false);
    const stored = await alice.invoke('documents.open', { id });
    expect(titleOf(yDocFromUpdates([stored.state]))).toMatch(/^typed Last words /);

    await a.close();
    uninstall();
    expect('penholderFlush' in page).toBe(false);
  });
});

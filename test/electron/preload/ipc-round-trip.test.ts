import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../electron/backend/index.js';
import { createEventForwarder, createInvokeHandler } from '../../../electron/main/invoke-handler.js';
import { createBridge } from '../../../electron/preload/create-bridge.js';
import { connectIpcApi } from '../../../renderer/api/ipc-client.js';
import { ApiError, type ApiClient } from '../../../shared/api/contract.js';
import { messageText } from '../../../shared/i18n/message.js';

// Transport 1 end to end without Electron: renderer client -> preload bridge -> main's
// invoke handler -> real backend, and back. Every crossing goes through structuredClone,
// which is what Electron's IPC does to arguments, results and event payloads.

const windowId = 3;
let dataDir = '';
let backend: Backend;
let client: ApiClient;
let closeConnection: () => void;

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'penholder-roundtrip-'));
  backend = await openBackend({ dataDir });
  const rendererListeners = new Set<(name: unknown, payload: unknown) => void>();
  const send = createEventForwarder(
    (name, payload) => {
      const [n, p] = structuredClone([name, payload]);
      for (const l of rendererListeners) l(n, p);
    },
    () => true,
  );
  const connection = backend.connect(send);
  closeConnection = connection.close;
  const handle = createInvokeHandler((id) => (id === windowId ? connection.handlers : undefined));
  const frame = { url: 'app://penholder/index.html', parent: null };
  const bridge = createBridge({
    invoke: async (channel, args) => {
      const [c, a] = structuredClone([channel, args]);
      return structuredClone(await handle({ sender: { id: windowId }, senderFrame: frame }, c, a));
    },
    subscribe: (listener) => {
      rendererListeners.add(listener);
      return () => rendererListeners.delete(listener);
    },
  });
  client = connectIpcApi(bridge);
});

afterEach(async () => {
  closeConnection();
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the IPC transport', () => {
  it('creates a document from a template and pushes the list change', async () => {
    const changes: string[][] = [];
    const off = client.on('documents.changed', ({ ids }) => changes.push(ids));
    const [template] = await client.invoke('templates.list', {});
    expect(template).toBeDefined();
    const created = await client.invoke('documents.createFromTemplate', { templateId: template?.id ?? '', title: 'Access to justice' });
    expect(created.title).toBe('Access to justice');
    expect(await client.invoke('documents.list', {})).toEqual([created]);
    expect(changes).toEqual([[created.id]]);
    off();
  });

  it('carries Yjs state as bytes across the clone boundary', async () => {
    const [template] = await client.invoke('templates.list', {});
    const created = await client.invoke('documents.createFromTemplate', { templateId: template?.id ?? '' });
    const opened = await client.invoke('documents.open', { id: created.id });
    expect(opened.state).toBeInstanceOf(Uint8Array);
    expect(opened.state.byteLength).toBeGreaterThan(0);
    expect(opened.summary.id).toBe(created.id);
  });

  it('turns error answers into ApiErrors with the same code', async () => {
    const failure = client.invoke('documents.open', { id: 'no-such-document' });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ code: 'not-found' });
    await expect(client.invoke('documents.open', {} as { id: string })).rejects.toMatchObject({ code: 'invalid-argument' });
  });

  it('carries the catalogue message of a refusal across the clone boundary, for a French interface', async () => {
    const err: unknown = await client.invoke('documents.open', {} as { id: string }).catch((e: unknown) => e);
    if (!(err instanceof ApiError) || !err.text) throw new Error('expected an ApiError with a text');
    expect(err.text.key).toBe('backend:api.invalidArgument');
    expect(err.message).toMatch(/^Invalid argument for documents\.open: id/);
    expect(messageText(err.text, 'fr')).toMatch(/^Argument non valide pour documents\.open\u00a0: id/);
  });
});

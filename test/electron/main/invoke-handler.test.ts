import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../electron/backend/index.js';
import { createEventForwarder, createInvokeHandler, type InvokeEvent } from '../../../electron/main/invoke-handler.js';
import type { Handlers } from '../../../shared/api/contract.js';

// The main-process IPC handler over the real backend (a real SQLite file in a temp dir);
// only Electron's event object is written by hand, with the fields main reads.

let dataDir = '';
let backend: Backend;
let handlers: Handlers;
let closeConnection: () => void;
const windowId = 7;

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'penholder-ipc-'));
  backend = await openBackend({ dataDir });
  ({ handlers, close: closeConnection } = backend.connect(() => undefined));
});

afterEach(async () => {
  closeConnection();
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const fromWindow = (overrides: Partial<InvokeEvent> = {}): InvokeEvent => ({
  sender: { id: windowId },
  senderFrame: { url: 'app://penholder/index.html', parent: null },
  ...overrides,
});

describe('createInvokeHandler', () => {
  const invoke = (event: InvokeEvent, channel: unknown, args: unknown) =>
    createInvokeHandler((id) => (id === windowId ? handlers : undefined))(event, channel, args);

  it('runs a contract call from our window through the backend', async () => {
    const answer = await invoke(fromWindow(), 'documents.list', {});
    expect(answer).toEqual({ ok: true, result: [] });
  });

  it('refuses frames that are not our window top frame on the app origin', async () => {
    const untrusted: InvokeEvent[] = [
      fromWindow({ senderFrame: null }),
      fromWindow({ senderFrame: { url: 'app://penholder/index.html', parent: {} } }),
      fromWindow({ senderFrame: { url: 'https://evil.example/', parent: null } }),
      fromWindow({ senderFrame: { url: 'file:///tmp/x.html', parent: null } }),
      fromWindow({ sender: { id: windowId + 1 } }),
    ];
    for (const event of untrusted) {
      const answer = await invoke(event, 'documents.list', {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('answers bad calls with the contract error codes and never throws', async () => {
    await expect(invoke(fromWindow(), 'shell.exec', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    await expect(invoke(fromWindow(), 'toString', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    await expect(invoke(fromWindow(), 'documents.open', { id: 42 })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await expect(invoke(fromWindow(), 'documents.list', { extra: true })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('createEventForwarder', () => {
  it('forwards contract events while the window lives and drops the rest', () => {
    const posted: unknown[][] = [];
    let alive = true;
    const send = createEventForwarder((name, payload) => posted.push([name, payload]), () => alive);
    send('documents.changed', { ids: ['a'] });
    send('shell.openExternal', { url: 'https://evil.example' });
    alive = false;
    send('documents.changed', { ids: ['b'] });
    expect(posted).toEqual([['documents.changed', { ids: ['a'] }]]);
  });
});

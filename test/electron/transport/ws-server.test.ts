import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../electron/backend/index.js';
import { attachWebSocketApi, newLaunchToken, type WebSocketApi } from '../../../electron/transport/ws-server.js';
import { connectWebSocketApi, type WebSocketApiClient } from '../../../renderer/api/ws-client.js';
import { ApiError, type EventPayloads } from '../../../shared/api/contract.js';
import { messageText } from '../../../shared/i18n/message.js';
import { replicaOf, retitle, titleOf } from '../backend/edits.js';

let dataDir: string;
let backend: Backend;
let server: http.Server;
let api: WebSocketApi;
let token: string;
let port: number;
const clients: WebSocketApiClient[] = [];

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-ws-'));
  backend = await openBackend({ dataDir });
  server = http.createServer((_req, res) => res.end('page'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  token = newLaunchToken();
  api = attachWebSocketApi({ server, backend, token, maxPayload: 256 * 1024 });
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await api.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await backend.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const apiUrl = (t = token) => `ws://127.0.0.1:${port}/api?token=${t}`;

async function client(): Promise<WebSocketApiClient> {
  const c = await connectWebSocketApi(apiUrl(), { WebSocket: NodeWebSocket });
  clients.push(c);
  return c;
}

/** The HTTP status a raw upgrade attempt gets, or 101 when it is accepted. */
function upgradeStatus(url: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new NodeWebSocket(url, origin ? { origin } : {});
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('error', (err) => (err.message.startsWith('Unexpected server response') ? undefined : reject(err)));
  });
}

/** Opens a raw socket and resolves with the next text message after sending `data`. */
function rawExchange(data: string | Buffer): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const ws = new NodeWebSocket(apiUrl());
    ws.on('open', () => ws.send(data));
    ws.on('message', (msg) => {
      resolve(JSON.parse(msg.toString()));
      ws.close();
    });
    ws.on('error', reject);
  });
}

function nextEvent<E extends keyof EventPayloads>(c: WebSocketApiClient, event: E): Promise<EventPayloads[E]> {
  return new Promise((resolve) => {
    const off = c.on(event, (payload) => {
      off();
      resolve(payload);
    });
  });
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('the WebSocket transport', () => {
  it('refuses a wrong or missing token with 401 and a foreign origin with 403', async () => {
    await expect(connectWebSocketApi(apiUrl('0'.repeat(64)), { WebSocket: NodeWebSocket })).rejects.toThrow(/Cannot connect|refused/);
    expect(await upgradeStatus(apiUrl(newLaunchToken()))).toBe(401);
    expect(await upgradeStatus(`ws://127.0.0.1:${port}/api`)).toBe(401);
    expect(await upgradeStatus(apiUrl(), 'http://evil.example')).toBe(403);
    expect(await upgradeStatus(apiUrl(), `http://localhost:${port + 1}`)).toBe(403);
    expect(await upgradeStatus(apiUrl(), `http://127.0.0.1:${port}`)).toBe(101);
    expect(await upgradeStatus(apiUrl())).toBe(101);
    expect(await upgradeStatus(`ws://127.0.0.1:${port}/other?token=${token}`)).toBe(404);
  });

  it('carries every channel of the contract', async () => {
    const c = await client();
    const templates = await c.invoke('templates.list', {});
    expect(templates.length).toBeGreaterThan(0);
    expect(await c.invoke('documents.list', {})).toEqual([]);

    const changed = nextEvent(c, 'documents.changed');
    const created = await c.invoke('documents.createFromTemplate', { templateId: templates[0]!.id, title: 'Over the wire' });
    expect((await changed).ids).toEqual([created.id]);
    const text = fs.readFileSync(new URL('../../fixtures/backend-import.txt', import.meta.url), 'utf8');
    const imported = await c.invoke('documents.importText', { text });
    expect(imported.documents).toHaveLength(2);

    const opened = await c.invoke('documents.open', { id: created.id });
    expect(opened.state).toBeInstanceOf(Uint8Array);
    const replica = replicaOf(opened.state);
    expect(titleOf(replica)).toBe('Over the wire');
    expect(await c.invoke('documents.subscribe', { id: created.id })).toEqual({ ok: true });
    expect(await c.invoke('documents.applyUpdate', { id: created.id, update: retitle(replica, 'Renamed') })).toEqual({ ok: true });
    expect(await c.invoke('documents.unsubscribe', { id: created.id })).toEqual({ ok: true });
    const list = await c.invoke('documents.list', {});
    expect(list.map((d) => d.title).sort()).toEqual(['Dates of the next session', 'Renamed', 'Safer streets for cyclists']);
  });

  it('delivers an update from one client to the other as an event', async () => {
    const [a, b] = [await client(), await client()];
    const { id } = await a.invoke('documents.createFromTemplate', { templateId: 'general-assembly-resolution', title: 'Draft' });
    const state = (await b.invoke('documents.open', { id })).state;
    await b.invoke('documents.subscribe', { id });
    await a.invoke('documents.subscribe', { id });

    const arrived = nextEvent(b, 'document.update');
    let echoed = false;
    a.on('document.update', () => (echoed = true));
    const update = retitle(replicaOf(state), 'Agreed title');
    await a.invoke('documents.applyUpdate', { id, update });
    const event = await arrived;
    expect(event.id).toBe(id);
    expect(event.update).toEqual(update);
    const replicaB = replicaOf(state);
    Y.applyUpdate(replicaB, event.update);
    expect(titleOf(replicaB)).toBe('Agreed title');
    await a.invoke('documents.list', {});
    expect(echoed).toBe(false);
  });

  it('answers bad calls with stable error codes', async () => {
    const c = await client();
    const invalid = await rejection(c.invoke('documents.open', { id: '' }));
    expect(invalid.code).toBe('invalid-argument');
    const extra = await rejection(c.invoke('documents.list', { everything: true } as unknown as Record<string, never>));
    expect(extra.code).toBe('invalid-argument');
    expect((await rejection(c.invoke('documents.open', { id: 'missing' }))).code).toBe('not-found');
    const unknown = await rejection(c.invoke('documents.destroy' as 'documents.list', {}));
    expect(unknown.code).toBe('unknown-channel');
    const update = await rejection(c.invoke('documents.applyUpdate', { id: 'x', update: [1, 2] as unknown as Uint8Array<ArrayBuffer> }));
    expect(update.code).toBe('invalid-argument');
  });

  it('carries the catalogue message of a refusal, so a French interface says it in French', async () => {
    const c = await client();
    const invalid = await rejection(c.invoke('documents.open', { id: '' }));
    expect(invalid.text?.key).toBe('backend:api.invalidArgument');
    expect(invalid.message).toMatch(/^Invalid argument for documents\.open: id/);
    expect(messageText(invalid.text ?? { key: 'none' }, 'fr')).toMatch(/^Argument non valide pour documents\.open\u00a0: id/);
    expect(await rawExchange('not json')).toMatchObject({ error: { text: { key: 'backend:transport.frameNotJson' } } });
  });

  it('drops a malformed text from the wire and keeps the English message', async () => {
    const texts: unknown[] = [{ key: 'backend:api.unknownChannel', values: { channel: 'x' } }, { key: 42 }, { key: 'k', values: { v: null } }, 'k'];
    const fake = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => fake.once('listening', () => resolve()));
    fake.on('connection', (ws) =>
      ws.on('message', (data: Buffer) => {
        const { id } = JSON.parse(data.toString()) as { id: number };
        ws.send(JSON.stringify({ t: 'result', id, ok: false, error: { code: 'not-found', message: 'Unknown channel: x', text: texts[id - 1] } }));
      }),
    );
    try {
      const c = await connectWebSocketApi(`ws://127.0.0.1:${(fake.address() as { port: number }).port}/api`, { WebSocket: NodeWebSocket });
      clients.push(c);
      const answers = [];
      for (let i = 0; i < texts.length; i++) answers.push(await rejection(c.invoke('documents.list', {})));
      expect(answers.map((a) => [a.message, a.text])).toEqual([['Unknown channel: x', texts[0]], ...texts.slice(1).map(() => ['Unknown channel: x', undefined])]);
    } finally {
      for (const ws of fake.clients) ws.terminate();
      await new Promise<void>((resolve) => fake.close(() => resolve()));
    }
  });

  it('answers malformed frames and survives them', async () => {
    expect(await rawExchange('not json')).toMatchObject({ t: 'result', id: null, ok: false, error: { code: 'invalid-argument' } });
    expect(await rawExchange('{"t":"call","id":5}')).toMatchObject({ t: 'result', id: 5, ok: false, error: { code: 'invalid-argument' } });
    expect(await rawExchange(Buffer.from([1, 2, 3]))).toMatchObject({ ok: false, error: { message: /binary/ } });
    const c = await client();
    expect(await c.invoke('documents.list', {})).toEqual([]);
  });

  it('closes only the connection that sends an oversize frame', async () => {
    const [big, other] = [await client(), await client()];
    const err = await rejection(big.invoke('documents.importText', { text: 'x'.repeat(300 * 1024) }));
    expect(err.code).toBe('invalid-argument');
    expect(err.message).toMatch(/too large/);
    // Said again in the interface's language wherever it is shown, not frozen in English.
    expect(messageText(err.text ?? { key: 'none' }, 'fr')).toBe('Penholder a refusé un message trop volumineux et fermé la connexion.');
    expect((await rejection(big.invoke('documents.list', {}))).message).toMatch(/too large/);
    expect(await other.invoke('documents.list', {})).toEqual([]);
    expect(api.connectionCount()).toBe(1);
  });

  it('refuses to send a frame larger than the protocol allows', async () => {
    const c = await client();
    const err = await rejection(c.invoke('documents.importText', { text: '€'.repeat(22_500_000) }));
    expect(err).toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(/too large to send/) });
    expect(messageText(err.text ?? { key: 'none' }, 'fr')).toMatch(/^Cette demande est trop volumineuse pour être envoyée \(\d+\sMo\s;\sla limite est de \d+\sMo\)\.$/);
    expect(await c.invoke('documents.list', {})).toEqual([]);
  });

  it('fails pending and later calls once the connection ends', async () => {
    const c = await client();
    c.close();
    const closed = await rejection(c.invoke('documents.list', {}));
    expect(closed.message).toMatch(/closed/);
    expect(messageText(closed.text ?? { key: 'none' }, 'fr')).toBe('La connexion à Penholder a été fermée par cette fenêtre.');
    const d = await client();
    await api.close();
    expect((await rejection(d.invoke('documents.list', {}))).message).toMatch(/closed|shutting down/);
  });
});

import { WebSocketStatus } from '@hocuspocus/provider';
import https from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { pinnedConnection } from '../../../electron/consultation/participant-tls.js';
import { signedTestToken } from '../../support/join-keys.js';
import { testHostOptions, testHostTls } from '../../support/host-tls.js';
import * as Y from 'yjs';
import { openBackend, type Backend } from '../../../electron/backend/index.js';
import { documentMeta } from '../../../electron/backend/live-documents.js';
import { startHost, type ConsultationHost } from '../../../electron/consultation/host.js';
import type { EventName, EventPayloads, Handlers } from '../../../shared/api/contract.js';
import { yDocToDoc } from '../../../shared/ydoc.js';
import { apiErrorFromShape } from '../../../shared/api/api-error.js';
import { toErrorShape } from '../../../shared/api/dispatch.js';
import { messageText } from '../../../shared/i18n/message.js';
import { replicaOf, retitle, titleOf } from '../backend/edits.js';
import { connectPeer, storeWithDocument, synced, tempDir, waitFor } from './peers.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

type Participant = { backend: Backend; handlers: Handlers; received: { event: EventName; payload: EventPayloads[EventName] }[]; dataDir: string };

/** A participant's backend over `dataDir` (a fresh one unless given: the same folder is a laptop that restarted). */
async function participant(dataDir = tempDir()): Promise<Participant> {
  const backend = await openBackend({ dataDir });
  let closed = false;
  cleanup.push(() => (closed ? undefined : backend.close()));
  const received: Participant['received'] = [];
  const { handlers } = backend.connect((event, payload) => received.push({ event, payload }));
  const close = backend.close.bind(backend);
  backend.close = async () => ((closed = true), close());
  return { backend, handlers, received, dataDir };
}

/** A host store with two documents, d1 (the fixture's title) and d2 'Oceans and seas'. */
function twoDocumentStore() {
  const held = storeWithDocument('d1');
  const ydoc = replicaOf(Y.encodeStateAsUpdate(held.docs.use('d1', (live) => live.ydoc)));
  Y.applyUpdate(ydoc, retitle(ydoc, 'Oceans and seas'));
  held.store.createDocument({ id: 'd2', meta: documentMeta(yDocToDoc(ydoc)), update: Y.encodeStateAsUpdate(ydoc), origin: 'import' });
  cleanup.push(() => held.store.close());
  return held;
}

async function serve(held: ReturnType<typeof twoDocumentStore>, options: { port?: number; codes?: { joinCode: string; facilitatorCode: string } } = {}): Promise<ConsultationHost> {
  const host = await startHost({ ...testHostOptions(), docs: held.docs, docIds: ['d1', 'd2'], bind: '127.0.0.1', port: options.port ?? 0, codes: options.codes });
  cleanup.push(() => host.stop());
  return host;
}

const as = (url: string, code: string, role: 'delegation' | 'facilitator' = 'delegation') => ({ url, fingerprint: testHostTls().fingerprint, code, delegation: 'CAN', name: 'Li', role });
const titleIn = async (p: Participant, id: string) => titleOf(replicaOf((await p.handlers['documents.open']({ id })).state));

describe('joining a host that serves several documents', () => {
  it('lists the documents by title only to an accepted code, and joins the one picked, then another', async () => {
    const held = twoDocumentStore();
    const host = await serve(held);
    const fixtureTitle = held.store.getDocument('d1')!.title;
    const http = `${host.url.replace(/^wss/, 'https')}/penholder/documents`;
    const fetch = (url: string, init: { method?: string; body?: string } = {}) =>
      new Promise<{ status: number; text: () => Promise<string> }>((resolve, reject) => {
        const req = https.request(url, { method: init.method ?? 'GET', createConnection: pinnedConnection(testHostTls().fingerprint) as never });
        req.on('error', reject);
        req.on('response', (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: async () => text }));
        });
        req.end(init.body);
      });

    // Nothing about the documents for a wrong code, a bad token or a plain GET.
    for (const res of [
      await fetch(http),
      await fetch(http, { method: 'POST', body: signedTestToken({ code: 'AAAA-BBBB-CCCC-DDDD-EEEE', delegation: 'CAN', name: 'Li', role: 'delegation' }, '') }),
      await fetch(http, { method: 'POST', body: 'not json' }),
    ]) {
      const text = await res.text();
      expect(res.status).toBe(401);
      for (const secret of ['d1', 'd2', 'Oceans', fixtureTitle]) expect(text).not.toContain(secret);
    }
    const can = await participant();
    await expect(can.handlers['consultation.documents'](as(host.url, 'WRONG'))).rejects.toMatchObject({
      code: 'unauthorized',
      message: 'The host refused to let you in: this code does not open this consultation.',
    });
    expect(await can.handlers['documents.list']({})).toEqual([]);

    const listed = await can.handlers['consultation.documents'](as(host.url, host.joinCode));
    expect(listed).toEqual({
      reachable: true,
      documents: [
        { id: 'd1', title: fixtureTitle, symbol: expect.any(String), held: false },
        { id: 'd2', title: 'Oceans and seas', symbol: expect.any(String), held: false },
      ],
    });

    expect(await can.handlers['consultation.join']({ ...as(host.url, host.joinCode), docId: 'd2' })).toEqual({ docId: 'd2' });
    expect(await titleIn(can, 'd2')).toBe('Oceans and seas');
    expect(await can.handlers['documents.list']({})).toMatchObject([{ id: 'd2' }]);
    await can.handlers['consultation.leave']({});
    expect(await can.handlers['consultation.join']({ ...as(host.url, host.joinCode), docId: 'd1' })).toEqual({ docId: 'd1' });
    expect(await titleIn(can, 'd1')).toBe(fixtureTitle);
    expect((await can.handlers['consultation.documents'](as(host.url, host.joinCode))).documents.map((d) => d.held)).toEqual([true, true]);
    expect(await can.handlers['consultation.recent']({})).toMatchObject([{ url: host.url, code: host.joinCode, delegation: 'CAN', role: 'delegation', docIds: ['d1', 'd2'] }]);
  });
});

describe('rejoining while the host is down', () => {
  it('opens the copy from the own store, works offline (changes and private notes), reconnects and converges when the host is back', { timeout: 30_000 }, async () => {
    const held = twoDocumentStore();
    const first = await serve(held);
    const codes = { joinCode: first.joinCode, facilitatorCode: first.facilitatorCode };
    const dataDir = tempDir();
    const before = await participant(dataDir);
    // A facilitator, so the title is theirs to change (a delegation's title change is refused).
    const chair = (url: string) => as(url, first.facilitatorCode, 'facilitator');
    await before.handlers['consultation.join']({ ...chair(first.url), docId: 'd2' });
    // The laptop restarts, and the host goes down meanwhile.
    await before.backend.close();
    await first.stop();

    const after = await participant(dataDir);
    const [remembered] = await after.handlers['consultation.recent']({});
    expect(remembered).toMatchObject({ url: first.url, code: first.facilitatorCode, role: 'facilitator', docIds: ['d2'] });
    expect(await after.handlers['consultation.documents'](chair(first.url))).toEqual({
      reachable: false,
      documents: [{ id: 'd2', title: 'Oceans and seas', symbol: expect.any(String), held: true }],
    });
    // The dialog's join (no document named) opens the copy held from that address, offline.
    expect(await after.handlers['consultation.join'](chair(first.url))).toEqual({ docId: 'd2' });
    expect(await after.handlers['consultation.status']({})).toMatchObject({ state: 'reconnecting', docId: 'd2', role: 'facilitator', lastError: '' });

    const replica = replicaOf((await after.handlers['documents.open']({ id: 'd2' })).state);
    await after.handlers['documents.subscribe']({ id: 'd2' });
    await after.handlers['documents.applyUpdate']({ id: 'd2', update: retitle(replica, 'Oceans, seas and coasts') });
    await after.handlers['notes.set']({ docId: 'd2', paragraphId: 'p', text: 'red line' });
    await waitFor(async () => (await after.handlers['consultation.status']({})).unsyncedChanges > 0, 5000, 'the offline change counted as unsynced');

    // The host comes back on the same address with the same store and codes.
    const again = await serve(held, { port: first.port, codes });
    await waitFor(async () => (await after.handlers['consultation.status']({})).state === 'connected', 20_000, 'reconnection');
    await waitFor(() => held.docs.use('d2', (live) => titleOf(live.ydoc)) === 'Oceans, seas and coasts', 5000, 'the offline change at the host');
    const atHost = replicaOf(Y.encodeStateAsUpdate(held.docs.use('d2', (live) => live.ydoc)));
    const change = retitle(atHost, 'Oceans');
    held.docs.apply('d2', change, 'local');
    again.applyLocal('d2', change);
    await waitFor(async () => (await titleIn(after, 'd2')) === 'Oceans', 5000, 'the host’s change at the participant');
    expect(await after.handlers['notes.list']({ docId: 'd2' })).toMatchObject([{ text: 'red line' }]);
    expect(held.store.listNotes('d2')).toEqual([]);
  });

  it('a host back with other codes: the refusal stays on screen with the document, and joining again with the new code converges', { timeout: 30_000 }, async () => {
    const held = twoDocumentStore();
    const first = await serve(held);
    const can = await participant();
    await can.handlers['consultation.join']({ ...as(first.url, first.facilitatorCode, 'facilitator'), docId: 'd2' });
    await first.stop();
    const renewed = await serve(held, { port: first.port });
    await waitFor(async () => (await can.handlers['consultation.status']({})).state === 'offline', 20_000, 'the refusal');
    expect(await can.handlers['consultation.status']({})).toMatchObject({
      docId: 'd2',
      role: 'facilitator',
      lastError: 'The host refused to let you in: this code does not open this consultation.',
    });
    await can.handlers['consultation.leave']({});
    await can.handlers['consultation.join']({ ...as(first.url, renewed.facilitatorCode, 'facilitator'), docId: 'd2' });
    await waitFor(async () => (await can.handlers['consultation.status']({})).state === 'connected', 20_000, 'the new join');
    expect((await can.handlers['consultation.status']({})).lastError).toBe('');
  });

  it('a stopped host cuts every participant’s socket, so nobody goes on talking to it', async () => {
    const held = twoDocumentStore();
    const host = await serve(held);
    const peer = connectPeer(host.url, 'd1', { code: host.joinCode, delegation: 'CAN', name: 'Li', role: 'delegation' });
    cleanup.push(() => peer.destroy());
    await synced(peer);
    await host.stop();
    // It stayed 'connected' (to a host that had stopped) before.
    await waitFor(() => peer.socket.status !== WebSocketStatus.Connected, 2000, 'the socket to close');
  });

  it('hosting the same document again from the app keeps its codes; another document or newCodes gets fresh ones', async () => {
    const facilitator = await participant();
    const [a, b] = [
      await facilitator.handlers['documents.createFromTemplate']({ templateId: 'general-assembly-resolution', title: 'A' }),
      await facilitator.handlers['documents.createFromTemplate']({ templateId: 'general-assembly-resolution', title: 'B' }),
    ];
    const host = async (docId: string, newCodes?: boolean) => {
      const { joinCode, facilitatorCode } = await facilitator.handlers['consultation.host']({ docId, bind: '127.0.0.1', port: 0, ...(newCodes ? { newCodes } : {}) });
      await facilitator.handlers['consultation.stopHosting']({});
      return `${joinCode} ${facilitatorCode}`;
    };
    const first = await host(a.id);
    expect(await host(a.id)).toBe(first);
    const other = await host(b.id);
    expect(other).not.toBe(first);
    expect(await host(b.id, true)).not.toBe(other);
  });

  it('a refused code and a certificate that is not the pinned one reach a French interface in French, the English message unchanged', { timeout: 30_000 }, async () => {
    const host = await serve(twoDocumentStore());
    const can = await participant();
    // What the renderer receives: the error shape a transport carries, read back as an ApiError.
    const received = async (call: Promise<unknown>) => {
      const err = await call.then(
        () => expect.fail('not refused'),
        (e: unknown) => e,
      );
      const back = apiErrorFromShape(JSON.parse(JSON.stringify(toErrorShape(err))) as Parameters<typeof apiErrorFromShape>[0]);
      expect(back.text && messageText(back.text)).toBe(back.message);
      return { code: back.code, en: back.message, fr: back.text && messageText(back.text, 'fr') };
    };
    expect(await received(can.handlers['consultation.documents'](as(host.url, 'WRONG')))).toEqual({
      code: 'unauthorized',
      en: 'The host refused to let you in: this code does not open this consultation.',
      fr: 'L’hôte a refusé de vous laisser entrer\u00a0: ce code n’ouvre pas cette consultation.',
    });
    const other = { ...as(host.url, host.joinCode), fingerprint: 'ab'.repeat(32) };
    const frCertificate = /^Le certificat de l’hôte n’est pas celui du lien de participation \(ABAB-ABAB… attendu, [0-9A-F]{4}-[0-9A-F]{4}… reçu\)\u00a0: quelqu’un s’est peut-être interposé\.$/;
    for (const call of [can.handlers['consultation.documents'](other), can.handlers['consultation.join']({ ...other, docId: 'd1' })]) {
      const said = await received(call);
      expect(said.code).toBe('unauthorized');
      expect(said.en).toMatch(/^The host's certificate is not the one in the join link \(expected ABAB-ABAB…, got [0-9A-F]{4}-[0-9A-F]{4}…\): someone may be in between\.$/);
      expect(said.fr).toMatch(frCertificate);
    }
    // The status line keeps the last error, with its message for the interface language.
    const status = await can.handlers['consultation.status']({});
    expect(status.lastError).toMatch(/^The host's certificate is not the one in the join link/);
    expect(status.lastErrorText && messageText(status.lastErrorText, 'fr')).toMatch(frCertificate);
  });

  it('says the host does not answer when nothing was joined there before', async () => {
    const can = await participant();
    await expect(can.handlers['consultation.documents'](as('wss://127.0.0.1:9', 'ABCD'))).rejects.toThrow(/No answer from wss:\/\/127\.0\.0\.1:9/);
    await expect(can.handlers['consultation.join'](as('wss://127.0.0.1:9', 'ABCD'))).rejects.toThrow(/Cannot reach a Penholder host/);
    expect(await can.handlers['consultation.status']({})).toMatchObject({ state: 'offline', docId: null });
  });
});

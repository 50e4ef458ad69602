import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { admitEveryone } from '../../support/consultation-admit.js';
import { openBackend, type Backend } from '../../../electron/backend/index.js';
import type { EventName, EventPayloads, Handlers } from '../../../shared/api/contract.js';
import { replicaOf, retitle, titleOf } from '../backend/edits.js';
import { tempDir, waitFor } from './peers.js';

type Received = { event: EventName; payload: EventPayloads[EventName] }[];
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function backend(): Promise<{ backend: Backend; handlers: Handlers; received: Received; dataDir: string }> {
  const dataDir = tempDir();
  const b = await openBackend({ dataDir });
  cleanup.push(() => b.close());
  const received: Received = [];
  const { handlers } = b.connect((event, payload) => received.push({ event, payload }));
  return { backend: b, handlers, received, dataDir };
}

/** Every frame any WebSocket in this process sends (host and peers all run here), as bytes. */
function captureFrames(): Buffer[] {
  const frames: Buffer[] = [];
  const original = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, data: unknown, ...rest: unknown[]) {
    frames.push(Buffer.from(typeof data === 'string' ? data : (data as Uint8Array)));
    return (original as (...a: unknown[]) => void).call(this, data, ...rest);
  } as typeof original;
  cleanup.push(() => (WebSocket.prototype.send = original));
  return frames;
}

const dbBytes = (dataDir: string) =>
  Buffer.concat(fs.readdirSync(dataDir).filter((f) => f.includes('sqlite')).map((f) => fs.readFileSync(path.join(dataDir, f))));

describe('joining a consultation from a backend', () => {
  it('replicates into the participant’s own store, both ways, with status, presence, and private notes that never leave', async () => {
    const frames = captureFrames();
    const host = await backend();
    const { id } = await host.handlers['documents.createFromTemplate']({ templateId: 'general-assembly-resolution', title: 'Clean water' });
    await host.handlers['documents.subscribe']({ id });
    const hosted = await host.handlers['consultation.host']({ docId: id, bind: '127.0.0.1', port: 0 });
    cleanup.push(admitEveryone(host.handlers));
    expect(hosted.documents).toEqual([id]);
    expect(await host.handlers['consultation.status']({})).toMatchObject({ state: 'hosting', docId: id, joinCode: hosted.joinCode });

    const mex = await backend();
    const joined = await mex.handlers['consultation.join']({ url: hosted.url, fingerprint: hosted.fingerprint, code: hosted.facilitatorCode, delegation: 'MEX', name: 'Ana', role: 'facilitator' });
    expect(joined.docId).toBe(id);
    await waitFor(() => mex.received.some((r) => r.event === 'consultation.status' && (r.payload as { state: string }).state === 'connected'));
    const opened = await mex.handlers['documents.open']({ id });
    await mex.handlers['documents.subscribe']({ id });
    const replica = replicaOf(opened.state);
    expect(titleOf(replica)).toBe('Clean water');

    // A canary in a private note: it must never travel or reach another store.
    const canary = 'RED-LINE-CANARY-7f3a9';
    const paragraphId = 'any-paragraph';
    await mex.handlers['notes.set']({ docId: id, paragraphId, text: `Instructions: ${canary}` });
    expect(await mex.handlers['notes.list']({ docId: id })).toMatchObject([{ paragraphId, text: `Instructions: ${canary}` }]);

    await mex.handlers['documents.applyUpdate']({ id, update: retitle(replica, 'Clean water for all') });
    await waitFor(() => host.received.some((r) => r.event === 'document.update'), 5000, 'the participant’s edit at the host');
    const atHost = replicaOf((await host.handlers['documents.open']({ id })).state);
    expect(titleOf(atHost)).toBe('Clean water for all');

    await host.handlers['documents.applyUpdate']({ id, update: retitle(atHost, 'Clean water and sanitation') });
    await waitFor(() => mex.received.some((r) => r.event === 'document.update'), 5000, 'the host’s edit at the participant');
    expect(titleOf(replicaOf((await mex.handlers['documents.open']({ id })).state))).toBe('Clean water and sanitation');

    await mex.handlers['presence.set']({ docId: id, paragraphId: 'p-1', anchor: new Uint8Array([1, 2]), head: new Uint8Array([1, 2]) });
    await waitFor(() =>
      host.received.some((r) => r.event === 'presence.changed' && (r.payload as EventPayloads['presence.changed']).presences.some((p) => p.paragraphId === 'p-1')),
    );
    const presence = host.received.filter((r) => r.event === 'presence.changed').at(-1)!.payload as EventPayloads['presence.changed'];
    expect(presence.presences[0]).toMatchObject({ delegation: 'MEX', name: 'Ana', role: 'facilitator', paragraphId: 'p-1', head: new Uint8Array([1, 2]) });
    await waitFor(async () => (await host.handlers['consultation.status']({})).participants.length === 1);

    const observer = await backend();
    await observer.handlers['consultation.join']({ url: hosted.url, fingerprint: hosted.fingerprint, code: hosted.joinCode, delegation: 'CHE', name: 'Eva', role: 'observer' });
    expect(titleOf(replicaOf((await observer.handlers['documents.open']({ id })).state))).toBe('Clean water and sanitation');

    await mex.handlers['consultation.leave']({});
    await host.handlers['consultation.stopHosting']({});
    await observer.handlers['consultation.leave']({});
    await host.backend.close();
    await observer.backend.close();
    expect(frames.length).toBeGreaterThan(10);
    for (const frame of frames) expect(frame.includes(canary)).toBe(false);
    expect(dbBytes(host.dataDir).includes(canary)).toBe(false);
    expect(dbBytes(observer.dataDir).includes(canary)).toBe(false);
    await mex.backend.close();
    expect(dbBytes(mex.dataDir).includes(canary)).toBe(true);
  });

  it('refuses a wrong code with an unauthorized error and stays offline', async () => {
    const host = await backend();
    const { id } = await host.handlers['documents.createFromTemplate']({ templateId: 'general-assembly-resolution' });
    const hosted = await host.handlers['consultation.host']({ docId: id, bind: '127.0.0.1', port: 0 });
    cleanup.push(admitEveryone(host.handlers));
    const can = await backend();
    await expect(can.handlers['consultation.join']({ url: hosted.url, fingerprint: hosted.fingerprint, code: 'WRONG', delegation: 'CAN', name: 'Li', role: 'delegation' })).rejects.toMatchObject({
      code: 'unauthorized',
      message: 'The host refused to let you in: this code does not open this consultation.',
    });
    expect(await can.handlers['consultation.status']({})).toMatchObject({ state: 'offline', docId: null });
    expect(await can.handlers['documents.list']({})).toEqual([]);
  });

  it('rejoining a document it already holds: a refused code is an error, an unreachable host means working offline', async () => {
    const host = await backend();
    const { id } = await host.handlers['documents.createFromTemplate']({ templateId: 'general-assembly-resolution' });
    const hosted = await host.handlers['consultation.host']({ docId: id, bind: '127.0.0.1', port: 0 });
    cleanup.push(admitEveryone(host.handlers));
    const can = await backend();
    const as = (code: string) => can.handlers['consultation.join']({ url: hosted.url, fingerprint: hosted.fingerprint, code, delegation: 'CAN', name: 'Li', role: 'delegation' });
    expect(await as(hosted.joinCode)).toEqual({ docId: id });
    await can.handlers['consultation.leave']({});
    // It returned at once before, and the refusal that came after only closed the consultation unseen.
    await expect(as(`${hosted.joinCode}X`)).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/refused to let you in/) });
    expect(await can.handlers['consultation.status']({})).toMatchObject({ state: 'offline', docId: null });
    expect(await as(hosted.joinCode)).toEqual({ docId: id });
    // The refusal of the attempt before is not shown as this consultation's error.
    expect(await can.handlers['consultation.status']({})).toMatchObject({ docId: id, lastError: '' });
    await can.handlers['consultation.leave']({});
    await host.handlers['consultation.stopHosting']({});
    expect(await can.handlers['consultation.join']({ url: hosted.url, fingerprint: hosted.fingerprint, docId: id, code: hosted.joinCode, delegation: 'CAN', name: 'Li', role: 'delegation' })).toEqual({ docId: id });
    expect(await can.handlers['consultation.status']({})).toMatchObject({ docId: id, state: expect.stringMatching(/connecting|reconnecting/) });
  });
});

import fs from 'node:fs';
import https from 'node:https';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend/index.js';
import { normalizeCode } from '../../../electron/consultation/access.js';
import { otherHostTls, testHostTls } from '../../support/host-tls.js';
import { admitEveryone } from '../../support/consultation-admit.js';
import { recordingProxy } from '../../support/recording-proxy.js';
import { replicaOf, retitle, titleOf } from '../backend/edits.js';
import { tempDir, waitFor } from './peers.js';

// Issue 13, point 1: what travels on the wire. Before, everything was ws:// in clear.

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function backend() {
  const dataDir = tempDir();
  const b = await openBackend({ dataDir });
  cleanup.push(() => b.close());
  const received: { event: string; payload: unknown }[] = [];
  const { handlers } = b.connect((event, payload) => received.push({ event, payload }));
  return { handlers, received, dataDir };
}

/** A TLS server with `cert` that records every byte of application data it receives (a host in between). */
async function inBetween(cert: { key: string; cert: string }) {
  const received: Buffer[] = [];
  let handshakes = 0;
  const server = tls.createServer({ key: cert.key, cert: cert.cert }, (socket) => {
    socket.on('data', (d: Buffer) => received.push(d));
    socket.on('error', () => undefined);
  });
  // Every participant that knocked (a TCP connection, then the TLS handshake it refused).
  server.on('connection', () => handshakes++);
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise((resolve) => server.close(resolve)));
  return { port: (server.address() as { port: number }).port, received, handshakes: () => handshakes };
}

describe('the transport', () => {
  it('refuses a host whose certificate is not the pinned one, before sending it a byte of application data', async () => {
    const mitm = await inBetween(otherHostTls());
    const can = await backend();
    const args = { url: `wss://127.0.0.1:${mitm.port}`, fingerprint: testHostTls().fingerprint, code: 'ABCD-EFGH-JKMN-PQRS-TVWX', delegation: 'CAN', name: 'Li', role: 'delegation' as const };
    const expected = /^The host's certificate is not the one in the join link \(expected [0-9A-F]{4}-[0-9A-F]{4}…, got [0-9A-F]{4}-[0-9A-F]{4}…\): someone may be in between\.$/;
    await expect(can.handlers['consultation.documents'](args)).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringMatching(expected) });
    await expect(can.handlers['consultation.join']({ ...args, docId: 'd1' })).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringMatching(expected) });
    expect(mitm.handshakes()).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 200));
    // Not one byte of HTTP, upgrade or token reached it.
    expect(Buffer.concat(mitm.received).length).toBe(0);
  });

  it('a whole session captured on the wire holds neither the codes, nor the tokens, nor any document text', async () => {
    const host = await backend();
    const { id } = await host.handlers['documents.createFromTemplate']({ templateId: 'general-assembly-resolution', title: 'Clean water' });
    const hosted = await host.handlers['consultation.host']({ docId: id, bind: '127.0.0.1', port: 0 });
    cleanup.push(admitEveryone(host.handlers));
    const proxy = await recordingProxy(Number(new URL(hosted.url).port));
    cleanup.push(() => proxy.stop());
    const url = `wss://127.0.0.1:${proxy.port}`;

    const can = await backend();
    const who = { url, fingerprint: hosted.fingerprint, code: hosted.joinCode, delegation: 'CAN', name: 'Li Wei', role: 'delegation' as const };
    const listed = await can.handlers['consultation.documents'](who);
    expect(listed.documents.map((d) => d.title)).toEqual(['Clean water']);
    await can.handlers['consultation.join']({ ...who, docId: id });
    const chair = await backend();
    await chair.handlers['consultation.join']({ ...who, code: hosted.facilitatorCode, delegation: 'MEX', name: 'Ana Pereira', role: 'facilitator', docId: id });
    const replica = replicaOf((await chair.handlers['documents.open']({ id })).state);
    await chair.handlers['documents.applyUpdate']({ id, update: retitle(replica, 'Sanitation canary Qz7') });
    await waitFor(async () => titleOf(replicaOf((await can.handlers['documents.open']({ id })).state)) === 'Sanitation canary Qz7', 10_000, 'the edit at CAN');

    const wire = proxy.bytes();
    expect(wire.length).toBeGreaterThan(5000);
    const secrets = [
      hosted.joinCode, normalizeCode(hosted.joinCode), hosted.facilitatorCode, normalizeCode(hosted.facilitatorCode),
      '"v":2', '"sig"', 'penholder-join', 'Li Wei', 'Ana Pereira', 'Clean water', 'Sanitation canary Qz7', 'General Assembly', '/penholder/documents', 'Upgrade',
    ];
    for (const secret of secrets) {
      expect(wire.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
      expect(wire.includes(Buffer.from(secret, 'utf16le')), secret).toBe(false);
    }
    // The keys' signatures (in the tokens) travel only inside TLS: the participants' installation keys never do.
    const keyFile = fs.readFileSync(`${can.dataDir}/installation-key.pem`, 'utf8');
    expect(wire.includes(Buffer.from(keyFile.split('\n')[1]!.slice(0, 32), 'utf8'))).toBe(false);
  });

  it('the host answers nothing without TLS: a plain HTTP request or WebSocket upgrade is not served', async () => {
    const host = await backend();
    const { id } = await host.handlers['documents.createFromTemplate']({ templateId: 'general-assembly-resolution', title: 'Plain' });
    const hosted = await host.handlers['consultation.host']({ docId: id, bind: '127.0.0.1', port: 0 });
    const port = Number(new URL(hosted.url).port);
    const plain = await fetch(`http://127.0.0.1:${port}/penholder/documents`, { method: 'POST', body: '{}' }).then(() => 'answered', () => 'refused');
    expect(plain).toBe('refused');
    // Over TLS, but trusting no certificate (a browser without the pin): refused by the client's own check.
    const unpinned = await new Promise<string>((resolve) => {
      const req = https.request(`https://127.0.0.1:${port}/penholder/documents`, { method: 'POST' }, () => resolve('answered'));
      req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
      req.end('{}');
    });
    expect(unpinned).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });
});

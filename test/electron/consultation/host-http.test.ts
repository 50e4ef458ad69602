import { createHash } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { pinnedPost } from '../../../electron/consultation/participant-tls.js';
import { startHost, type ConsultationHost } from '../../../electron/consultation/host.js';
import { refusalReason } from '../../../electron/consultation/refusal-reasons.js';
import { testHostTls } from '../../support/host-tls.js';
import { signedTestToken, testKey } from '../../support/join-keys.js';
import { storeWithDocument } from './peers.js';

// An over-long request for the document list is answered, not cut off: the client, still
// sending, reads the 401 and its reason; the host keeps none of what it drops, closes the
// connection when the client ends or a few seconds after its answer, and goes on serving.
// Over a raw TLS connection (pinned to the test certificate) that keeps sending after the
// host's answer and end, as a hostile client may.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** The memory this process holds after full collections: heap and buffers (external memory is counted down a collection late). */
const held = () => {
  for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function hosted(): Promise<ConsultationHost> {
  const { store, docs } = storeWithDocument('d1');
  cleanups.push(() => store.close());
  const admit = [{ key: testKey('USA laptop').fingerprint, delegation: 'USA', name: 'Sam', role: 'delegation' as const }];
  const host = await startHost({ tls: testHostTls(), docs, docIds: ['d1'], bind: '127.0.0.1', port: 0, admit });
  cleanups.push(() => host.stop());
  return host;
}

type Answer = { status: number; head: string; body: string; at: number };
type Exchange = {
  /** Sends `bytes` of body in chunks of `chunk` bytes, `gapMs` apart; stops early when the connection closes. Resolves with the bytes sent. */
  send(bytes: number, chunk: number, gapMs: number): Promise<number>;
  /** The host's answer: resolves once its whole body arrived, rejects when the connection closes before. */
  answer: Promise<Answer>;
  /** Resolves with the time the connection closed. */
  closed: Promise<number>;
  socket: tls.TLSSocket;
};

/** A chunked HTTP body (Node's server sends the host's answers so) once all of it arrived, else null. */
function dechunked(text: string): string | null {
  let body = '';
  for (let at = 0; ; ) {
    const line = text.indexOf('\r\n', at);
    if (line < 0) return null;
    const size = parseInt(text.slice(at, line), 16);
    if (size === 0) return body;
    if (text.length < line + 2 + size + 2) return null;
    body += text.slice(line + 2, line + 2 + size);
    at = line + 2 + size + 2;
  }
}

/** A pinned TLS connection to `host` that has sent the head of a POST of `length` body bytes to the document list. */
async function post(host: ConsultationHost, length: number): Promise<Exchange> {
  // Half-open: a client that goes on sending after the host's end, as a hostile one would.
  const socket = tls.connect({ socket: net.connect({ host: '127.0.0.1', port: host.port, allowHalfOpen: true }), rejectUnauthorized: false });
  cleanups.push(() => socket.destroy());
  socket.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate(false).raw;
      const pinned = createHash('sha256').update(raw).digest('hex') === testHostTls().fingerprint;
      if (pinned) resolve();
      else reject(new Error('not the test host'));
    });
  });
  let received = '';
  let isClosed = false;
  const closed = new Promise<number>((resolve) => socket.once('close', () => ((isClosed = true), resolve(Date.now()))));
  const answer = new Promise<Answer>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = received.slice(0, end);
      const body = dechunked(received.slice(end + 4));
      if (body !== null) resolve({ status: Number(head.split(' ')[1]), head, body: Buffer.from(body, 'latin1').toString('utf8'), at: Date.now() });
    });
    const cut = () => reject(new Error(`ended before an answer (received ${JSON.stringify(received.slice(0, 200))})`));
    socket.once('end', cut);
    void closed.then(cut);
  });
  answer.catch(() => {});
  socket.write(`POST /penholder/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`);
  const send = async (bytes: number, chunk: number, gapMs: number) => {
    const piece = Buffer.alloc(chunk, 'x');
    let sent = 0;
    while (sent < bytes && !isClosed) {
      const part = piece.subarray(0, Math.min(chunk, bytes - sent));
      // A write to a socket the host reset may never call back: the close ends it too.
      const ok = await Promise.race([new Promise<boolean>((resolve) => socket.write(part, (err) => resolve(!err))), closed.then(() => false)]);
      if (!ok) break;
      sent += part.length;
      if (gapMs) await pause(gapMs);
    }
    return sent;
  };
  return { send, answer, closed, socket };
}

const tooLong = { reason: refusalReason('requestTooLong') };

describe('a request for the document list past 10,000 characters', () => {
  it('of 20 KB gets the 401 “request too long”, and the host serves the next request', async () => {
    const host = await hosted();
    const client = await post(host, 20_000);
    const sending = client.send(20_000, 20_000, 0);
    const answer = await client.answer;
    expect(await sending).toBe(20_000);
    expect(answer.status).toBe(401);
    expect(answer.head).toMatch(/\r\nconnection: close/i);
    expect(JSON.parse(answer.body)).toEqual(tooLong);
    expect(tooLong.reason).toBe('bad-token: the request is too long.');
    client.socket.end();
    await client.closed;

    const token = signedTestToken({ code: host.joinCode, delegation: 'USA', name: 'Sam', role: 'delegation' }, '', 'USA laptop');
    const listed = await pinnedPost(`https://127.0.0.1:${host.port}/penholder/documents`, token, testHostTls().fingerprint, 5000);
    expect(listed.status).toBe(200);
    expect((JSON.parse(listed.text) as { documents: { id: string }[] }).documents.map((d) => d.id)).toEqual(['d1']);
  });

  it('of 5 MB sent in a stream gets its answer while sending, and the host keeps none of it', async () => {
    const host = await hosted();
    // Announced longer than sent, so the request is still open when the memory is measured.
    const client = await post(host, 6_000_000);
    const before = held();
    // 64 KB every 5 ms: the answer comes after the first 10,000 characters, the rest is sent on.
    const sending = client.send(5_000_000, 64 * 1024, 5);
    const answer = await client.answer;
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual(tooLong);
    expect(await sending).toBe(5_000_000);
    await pause(200);
    // Buffered as text the body would hold 5 MB here, with the connection still open.
    expect(held() - before).toBeLessThan(2_000_000);
    // The client ends its side: the host closes the connection then, long before its deadline.
    const ended = Date.now();
    client.socket.end();
    expect((await client.closed) - ended).toBeLessThan(2000);

    const again = await post(host, 20_000);
    await again.send(20_000, 20_000, 0);
    expect((await again.answer).status).toBe(401);
  });

  it('from a client that never stops sending, is closed a few seconds after the answer', async () => {
    const host = await hosted();
    const client = await post(host, 1_000_000_000);
    const sending = client.send(1_000_000_000, 16 * 1024, 20);
    const answer = await client.answer;
    expect(JSON.parse(answer.body)).toEqual(tooLong);
    const closedAt = await client.closed;
    expect(closedAt - answer.at).toBeGreaterThan(3000);
    expect(closedAt - answer.at).toBeLessThan(8000);
    expect(await sending).toBeLessThan(1_000_000_000);
  }, 15_000);
});

/**
 * The host's HTTPS side (host.ts): the TLS server in place of Hocuspocus's plain one,
 * starting it on the address asked for, the sentences for a failed start, and the document
 * list (`POST /penholder/documents`).
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createServer as createHttpsServer } from 'node:https';
import { networkInterfaces } from 'node:os';
import type { Server as HocuspocusServer } from '@hocuspocus/server';
import { msg, type Message } from '../../shared/i18n/message.js';
import { refusalReason } from './refusal-reasons.js';

// A TLS handshake must end within this time; a socket that opens and says nothing is dropped
// here, before the WebSocket guard (socket-guard.ts) sees it.
const handshakeTimeoutMs = 10_000;

// How long the host goes on reading (and dropping) an over-long request after its answer,
// for the client to read the answer, before it closes the connection (lingerAfterReply).
const lingerMs = 5_000;

/**
 * Makes Hocuspocus's `server` serve HTTPS and wss:// only, with `tls` (PEM key and
 * certificate): its plain HTTP server is replaced, before it listens, by an HTTPS server
 * carrying the same request and upgrade handlers (Hocuspocus 3 builds the plain one in its
 * constructor and offers no option for TLS; it reads `httpServer` when listening and stopping).
 */
export function useTls(server: HocuspocusServer, tls: { key: string; cert: string }): void {
  const plain = server.httpServer;
  const secure = createHttpsServer({ key: tls.key, cert: tls.cert, minVersion: 'TLSv1.2', handshakeTimeout: handshakeTimeoutMs });
  for (const listener of plain.listeners('request')) secure.on('request', listener as (...args: unknown[]) => void);
  for (const listener of plain.listeners('upgrade')) secure.on('upgrade', listener as (...args: unknown[]) => void);
  // A peer that is not a TLS client gets its socket closed, never an unhandled error.
  secure.on('tlsClientError', (_err, socket) => socket.destroy());
  (server as unknown as { httpServer: HttpServer }).httpServer = secure as unknown as HttpServer;
}

/**
 * Answers `POST /penholder/documents`: `authorize(body, address)` must resolve (it rejects
 * with `{ reason }`), then `list()` is sent as `{ documents }`; a refusal gets 401 with the
 * reason and nothing about any document. A body past 10,000 characters gets its 401 too
 * (`Connection: close`), however much more its sender sends: the rest is read and dropped,
 * and the connection ends once the sender stops or after a few seconds (`lingerAfterReply`).
 */
export async function serveDocumentList(
  request: IncomingMessage,
  response: ServerResponse,
  authorize: (body: string, address: string) => Promise<void>,
  list: () => unknown[],
): Promise<void> {
  const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
  try {
    if (request.method !== 'POST') throw { reason: refusalReason('postTheToken') };
    await authorize(await readBody(request, 10_000), request.socket.remoteAddress ?? '?');
    reply(200, { documents: list() });
  } catch (err) {
    const refusal = err as { reason?: string; tooLong?: boolean };
    if (refusal.tooLong) lingerAfterReply(request.socket);
    reply(401, { reason: refusal.reason ?? refusalReason('unreadableRequest') }, refusal.tooLong ? { Connection: 'close' } : {});
  }
}

/**
 * Starts the host's HTTP server (which carries the WebSocket upgrades) on `host`:`port`;
 * rejects with the listen error. Hocuspocus 3.4's Server#listen hands its address to
 * http.Server#listen as `address`, which Node ignores (it reads `host`): the host listened on
 * every interface whatever --bind said, and a port in use was an unhandled 'error' event
 * that killed the process.
 */
export function listen(http: HttpServer, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    http.once('error', reject);
    // Every interface: no host, so Node listens on IPv6 and IPv4 where it can (as before).
    http.listen(host === '0.0.0.0' ? { port } : { host, port }, () => {
      http.off('error', reject);
      resolve();
    });
  });
}

/**
 * The body of an HTTP request as text; rejects with `{ reason }` when cut off, and past `max`
 * characters with `{ reason, tooLong: true }` at once: nothing more is kept, and the rest of
 * the body is read and dropped (the request flows with no listener) so that the caller can
 * still answer on the connection.
 */
export function readBody(request: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    const take = (chunk: string) => {
      body += chunk;
      if (body.length <= max) return;
      body = '';
      request.off('data', take);
      request.resume();
      reject({ reason: refusalReason('requestTooLong'), tooLong: true });
    };
    request.on('data', take);
    request.on('end', () => resolve(body));
    request.on('error', () => reject({ reason: refusalReason('requestCutOff') }));
  });
}

/**
 * Makes the `Connection: close` reply about to be written on `socket` reach its client while
 * the client is still sending: the socket is half-closed once the reply is written (the reply,
 * then the end of the host's side), what still comes is read and dropped, and the socket is
 * closed when the client ends its side or after `lingerMs`, whichever comes first.
 */
function lingerAfterReply(socket: Socket): void {
  // Node closes a `Connection: close` reply's socket with destroySoon, as soon as the reply
  // is written; closing a socket with bytes still unread (the client is still sending) sends
  // a TCP reset, and a client that gets the reset before it has read the reply loses it. An
  // end sends the reply and then a FIN, and the server's sockets are half-open: reading goes
  // on until the client's end (the socket then closes itself) or the deadline.
  socket.destroySoon = () => void socket.end();
  const deadline = setTimeout(() => socket.destroy(), lingerMs);
  deadline.unref();
  socket.once('close', () => clearTimeout(deadline));
}

/** Why the host could not listen, as a sentence that says what to do. */
export function listenError(err: unknown, bind: string, port: number): Message {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return msg('checks:consultation.listen.inUse', { port, bind });
  if (code === 'EADDRNOTAVAIL') return msg('checks:consultation.listen.notHere', { bind });
  if (code === 'EACCES') return msg('checks:consultation.listen.rights', { port });
  return msg('checks:consultation.listen.other', { bind, port: String(port), reason: (err as Error).message });
}

/**
 * The address participants dial for a host bound to `bind`: the bind address itself (an IPv6
 * one in brackets), or for a wildcard bind the machine's first external IPv4 address
 * (127.0.0.1 when it has none).
 */
export function publicAddress(bind: string): string {
  if (bind !== '0.0.0.0' && bind !== '::') return bind.includes(':') ? `[${bind}]` : bind;
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) if (info.family === 'IPv4' && !info.internal) return info.address;
  }
  return '127.0.0.1';
}

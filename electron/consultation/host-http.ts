/**
 * The host's HTTPS side (host.ts): the TLS server in place of Hocuspocus's plain one,
 * starting it on the address asked for, the sentences for a failed start, and the document
 * list (`POST /penholder/documents`).
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { networkInterfaces } from 'node:os';
import type { Server as HocuspocusServer } from '@hocuspocus/server';
import { msg, type Message } from '../../shared/i18n/message.js';
import { refusalReason } from './refusal-reasons.js';

// A TLS handshake must end within this time; a socket that opens and says nothing is dropped
// here, before the WebSocket guard (socket-guard.ts) sees it.
const handshakeTimeoutMs = 10_000;

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
 * reason and nothing about any document.
 */
export async function serveDocumentList(
  request: IncomingMessage,
  response: ServerResponse,
  authorize: (body: string, address: string) => Promise<void>,
  list: () => unknown[],
): Promise<void> {
  const reply = (status: number, body: unknown) => {
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  try {
    if (request.method !== 'POST') throw { reason: refusalReason('postTheToken') };
    await authorize(await readBody(request, 10_000), request.socket.remoteAddress ?? '?');
    reply(200, { documents: list() });
  } catch (err) {
    reply(401, { reason: (err as { reason?: string }).reason ?? refusalReason('unreadableRequest') });
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

/** The body of an HTTP request as text; rejects with `{ reason }` past `max` characters or when cut off. */
export function readBody(request: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > max) {
        reject({ reason: refusalReason('requestTooLong') });
        request.destroy();
      }
    });
    request.on('end', () => resolve(body));
    request.on('error', () => reject({ reason: refusalReason('requestCutOff') }));
  });
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

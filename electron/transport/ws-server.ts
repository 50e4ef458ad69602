import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { MAX_FRAME_BYTES, encodeWire, parseCallFrame, type ResultFrame } from '../../shared/api/codec.js';
import { errorShape } from '../../shared/api/api-error.js';
import { dispatch } from '../../shared/api/dispatch.js';
import { msg } from '../../shared/i18n/message.js';
import type { Backend } from '../backend/backend.js';

/** How to attach the WebSocket API to an http server. */
export type WebSocketApiOptions = {
  /** The http server whose upgrades on `path` become API connections. */
  server: Server;
  /** The backend; each WebSocket is one `connect()`ion. */
  backend: Pick<Backend, 'connect'>;
  /** The per-launch secret every connection must present as `?token=`. */
  token: string;
  /** The URL path of the API; `/api` by default. */
  path?: string;
  /** Host names the server's own pages are served under; loopback names by default. */
  hosts?: string[];
  /**
   * Upgrades outside `path` for which this returns true are left to the server's other
   * 'upgrade' listeners (e.g. Vite's dev socket); every other one is refused with 404.
   */
  passThrough?: (req: IncomingMessage) => boolean;
  /** Largest accepted frame in bytes; MAX_FRAME_BYTES (64 MB) by default. */
  maxPayload?: number;
  /** Sees unexpected handler failures (the client only gets their message). */
  onInternalError?: (error: unknown, channel: string) => void;
};

/** A running WebSocket API. */
export type WebSocketApi = {
  /** Open API connections. */
  connectionCount(): number;
  /** Closes every connection (code 1001) and stops accepting new ones. */
  close(): Promise<void>;
};

/** A fresh per-launch secret: 32 random bytes as 64 lower-case hex characters. */
export function newLaunchToken(): string {
  return randomBytes(32).toString('hex');
}

/**
 * True when `given` equals the launch token. Both sides are hashed first so that the
 * constant-time comparison also hides the expected length; a missing token never matches.
 */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || expected.length === 0) return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given));
}

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * Serves the API contract over WebSocket (transport 2) on `server` at `path`. An upgrade is
 * accepted only with the right `token` query parameter (else 401) and with no Origin header
 * (Node clients) or the server's own origin (else 403), before any data flows. Frames are
 * JSON text (shared/api/codec.ts): `{ t: "call", id, channel, args }` is answered with
 * `{ t: "result", id, ok, result | error }`; events go out as `{ t: "event", event, payload }`.
 * Malformed frames get an error result; a frame over `maxPayload` closes that connection
 * with 1009. Nothing a client sends can crash the server.
 */
export function attachWebSocketApi(options: WebSocketApiOptions): WebSocketApi {
  const apiPath = options.path ?? '/api';
  const hosts = options.hosts ?? LOOPBACK_HOSTS;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? MAX_FRAME_BYTES });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== apiPath) {
      if (!options.passThrough?.(req)) refuse(socket, 404, 'Not Found');
      return;
    }
    if (!tokenMatches(options.token, url.searchParams.get('token'))) return refuse(socket, 401, 'Unauthorized');
    if (!originAllowed(req.headers.origin, options.server, hosts)) return refuse(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws, options));
  };
  options.server.on('upgrade', onUpgrade);

  return {
    connectionCount: () => wss.clients.size,
    close: async () => {
      options.server.off('upgrade', onUpgrade);
      await Promise.all([...wss.clients].map((ws) => closeClient(ws)));
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function serve(ws: WebSocket, options: WebSocketApiOptions): void {
  let connection: ReturnType<Backend['connect']>;
  try {
    connection = options.backend.connect((event, payload) => {
      if (ws.readyState === ws.OPEN) ws.send(encodeWire({ t: 'event', event, payload }));
    });
  } catch {
    ws.close(1013, 'Penholder is not accepting connections');
    return;
  }
  const reply = (frame: ResultFrame) => {
    if (ws.readyState !== ws.OPEN) return;
    try {
      ws.send(encodeWire(frame));
    } catch (err) {
      ws.send(encodeWire({ t: 'result', id: frame.id, ok: false, error: errorShape('internal', msg('backend:transport.cannotEncode', { reason: String(err) })) }));
    }
  };
  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) {
      return reply({ t: 'result', id: null, ok: false, error: errorShape('invalid-argument', msg('backend:transport.frameBinary')) });
    }
    const frame = parseCallFrame(rawText(data));
    if (!('t' in frame)) return reply({ t: 'result', id: frame.id, ok: false, error: frame.error });
    void dispatch(connection.handlers, frame.channel, frame.args, options.onInternalError).then((result) =>
      reply({ t: 'result', id: frame.id, ...result }),
    );
  });
  ws.on('close', () => connection.close());
  // ws reports protocol violations (oversize frames, bad UTF-8) here and closes the socket itself.
  ws.on('error', () => undefined);
}

function originAllowed(origin: string | undefined, server: Server, hosts: string[]): boolean {
  if (origin === undefined) return true;
  const address = server.address();
  if (address === null || typeof address === 'string') return false;
  return hosts.some((host) => origin === `http://${host}:${address.port}`);
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`);
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function closeClient(ws: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    if (ws.readyState === ws.CLOSED) return resolve();
    // A peer that never answers the close handshake is cut off rather than waited for.
    const timer = setTimeout(() => ws.terminate(), 1000);
    timer.unref();
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    ws.close(1001, 'Penholder is shutting down');
  });
}

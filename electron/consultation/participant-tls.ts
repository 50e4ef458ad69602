/**
 * The participant's side of the pinned transport (issue 13, point 1): every connection to a
 * host, the WebSocket of the provider and the document list's HTTPS request, trusts exactly
 * the certificate whose SHA-256 fingerprint came in the join link. No CA, no name check, no
 * prompt. The socket is handed to ws or https only after the TLS handshake ended and the
 * peer's certificate matched: before that, not one byte of application data (HTTP request,
 * upgrade, token) is written, so a host in between learns nothing but that someone knocked.
 */
import { createHash } from 'node:crypto';
import type { ClientRequestArgs } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type Socket } from 'node:net';
import tls from 'node:tls';
import WebSocket from 'ws';
import { messageText, msg, type Message } from '../../shared/i18n/message.js';

/** The message for a certificate that is not the pinned one, naming both fingerprints' first groups. */
export function wrongCertificateText(expected: string, got: string): Message {
  const short = (fp: string) => `${fp.slice(0, 4)}-${fp.slice(4, 8)}`.toUpperCase();
  return msg('checks:consultation.wrongCertificate', { expected: short(expected), got: short(got) });
}

/** The English sentence for a certificate that is not the pinned one (contract13). */
export function wrongCertificateMessage(expected: string, got: string): string {
  return messageText(wrongCertificateText(expected, got));
}

/** An Error for a certificate other than the pinned one (`code` 'ERR_PINNED_CERTIFICATE'); `text` says it in any interface language. */
export class PinnedCertificateError extends Error {
  readonly code = 'ERR_PINNED_CERTIFICATE';
  /** The sentence as a catalogue message. */
  readonly text: Message;
  /** Creates the error from its message; `message` is its English. */
  constructor(text: Message) {
    super(messageText(text));
    this.text = text;
  }
}

type Connect = (options: ClientRequestArgs, done: (err: Error | null, socket?: Socket) => void) => undefined;

/**
 * A `createConnection` for Node's http(s) and ws that opens TLS to the request's host and
 * port, waits for the handshake, and calls back with the socket only when the peer's
 * certificate has SHA-256 `fingerprint` (64 lowercase hex); otherwise destroys the socket and
 * calls back with a PinnedCertificateError.
 */
export function pinnedConnection(fingerprint: string): Connect {
  return (options, done) => {
    const host = String(options.hostname ?? options.host ?? 'localhost').replace(/^\[|\]$/g, '');
    const socket = tls.connect({
      host,
      port: Number(options.port ?? 443),
      // The handshake is checked below, by fingerprint; a self-signed certificate has no CA.
      rejectUnauthorized: false,
      ...(isIP(host) ? {} : { servername: host }),
    });
    let settled = false;
    const finish = (err: Error | null) => {
      if (settled) return;
      settled = true;
      socket.off('error', finish);
      if (err) {
        socket.destroy();
        done(err);
      } else done(null, socket);
    };
    socket.once('error', finish);
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate(false)?.raw;
      const got = raw ? createHash('sha256').update(raw).digest('hex') : '';
      finish(got === fingerprint ? null : new PinnedCertificateError(wrongCertificateText(fingerprint, got || '0'.repeat(64))));
    });
    return undefined;
  };
}

/**
 * A ws WebSocket class whose connections are pinned to `fingerprint` (for
 * HocuspocusProviderWebsocket's `WebSocketPolyfill`); `onWrongCertificate` hears of each
 * connection refused for its certificate (the provider itself only sees a closed socket).
 */
export function pinnedWebSocket(fingerprint: string, onWrongCertificate?: (err: PinnedCertificateError) => void): typeof WebSocket {
  const createConnection = pinnedConnection(fingerprint);
  return class PinnedWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[] | WebSocket.ClientOptions, options?: WebSocket.ClientOptions) {
      const opts = (typeof protocols === 'object' && !Array.isArray(protocols) ? protocols : options) ?? {};
      const list = typeof protocols === 'object' && !Array.isArray(protocols) ? undefined : protocols;
      super(address, list, { ...opts, createConnection: createConnection as unknown as WebSocket.ClientOptions['createConnection'] });
      this.on('error', (err) => {
        if (err instanceof PinnedCertificateError) onWrongCertificate?.(err);
      });
    }
  } as typeof WebSocket;
}

/**
 * POSTs `body` to the https `url`, pinned to `fingerprint`; resolves with the status and the
 * body text (at most 1 MB), rejects with a PinnedCertificateError for another certificate or
 * the network error, or after `timeoutMs`.
 */
export function pinnedPost(url: string, body: string, fingerprint: string, timeoutMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      createConnection: pinnedConnection(fingerprint) as unknown as ClientRequestArgs['createConnection'],
      timeout: timeoutMs,
    });
    // internal: pinnedPost's caller answers any failure but a certificate one as 'unreachable'
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        // internal: pinnedPost's caller answers any failure but a certificate one as 'unreachable'
        if (text.length > 1_000_000) req.destroy(new Error('the answer is too long'));
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.end(body);
  });
}

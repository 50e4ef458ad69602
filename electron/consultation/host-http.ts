/**
 * The host's plain HTTP side (host.ts): starting its server on the address asked for, the
 * sentences for a failed start, and reading a request body (the document listing).
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';

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
        reject({ reason: 'bad-token: the request is too long.' });
        request.destroy();
      }
    });
    request.on('end', () => resolve(body));
    request.on('error', () => reject({ reason: 'bad-token: the request was cut off.' }));
  });
}

/** Why the host could not listen, as a sentence that says what to do. */
export function listenError(err: unknown, bind: string, port: number): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `port ${port} is already in use on ${bind}; choose another port (0: any free port).`;
  if (code === 'EADDRNOTAVAIL') return `${bind} is not an address of this machine; use 0.0.0.0 for every interface or 127.0.0.1 for this machine only.`;
  if (code === 'EACCES') return `port ${port} needs special rights on this system; choose a port above 1023 (0: any free port).`;
  return `cannot listen on ${bind}:${port}: ${(err as Error).message}`;
}

import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { contentTypeOf } from '../files/content-types.js';


/** An http request listener. */
export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Serves a prebuilt single-page app from `root` (e.g. dist/renderer): files by path, and
 * `index.html` for any path without a file extension (client-side routes). Only GET and
 * HEAD; nothing outside `root` is ever read (`..`, encoded or not, and symlinks out of it
 * are refused with 404). Throws at once if `root` has no index.html.
 */
export function serveStaticApp(root: string): RequestListener {
  const base = fs.realpathSync(path.resolve(root));
  const index = path.join(base, 'index.html');
  // internal: a developer's step missing (npm run web), printed on the console, never in the interface
  if (!fs.existsSync(index)) throw new Error(`${base} has no index.html; build the renderer first (npm run build:renderer).`);

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(res, 400, 'Bad Request');
    }
    if (pathname.includes('\0')) return send(res, 400, 'Bad Request');
    const file = resolveInside(base, pathname) ?? (path.extname(pathname) === '' ? index : undefined);
    if (!file) return send(res, 404, 'Not Found');
    const type = contentTypeOf(file);
    const stat = fs.statSync(file);
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': stat.size,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': file === index ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}

// The real path of a regular file below `base`, or undefined (missing, a directory, or outside).
function resolveInside(base: string, pathname: string): string | undefined {
  const candidate = path.resolve(base, `.${path.posix.normalize(`/${pathname}`)}`);
  let real: string;
  try {
    real = fs.realpathSync(candidate);
  } catch {
    return undefined;
  }
  const rel = path.relative(base, real);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return fs.statSync(real).isFile() ? real : undefined;
}

function send(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

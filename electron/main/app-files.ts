import { readFile } from 'node:fs/promises';
import { contentTypeOf } from '../files/content-types.js';
import { resolveAppFile } from './app-origin.js';
import { SECURITY_HEADERS } from './csp.js';

/**
 * Answers one request on the app scheme from the built renderer folder, with Fetch API
 * Request/Response objects as Electron's `protocol.handle` uses them. Free of Electron so
 * it runs in tests against a real folder.
 */

/**
 * Serves the file under `root` that the request's URL names, for GET and HEAD only, with
 * the CSP and nosniff headers on every answer. Not our origin, outside `root` or missing:
 * 404; any other method: 405. Never rejects.
 */
export async function respondFromAppFolder(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { ...SECURITY_HEADERS, Allow: 'GET, HEAD' } });
  }
  const notFound = () => new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
  const file = resolveAppFile(root, request.url);
  if (file === null) return notFound();
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return notFound();
  }
  const headers = { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file) };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}

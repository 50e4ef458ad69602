import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { WebSocket as NodeWebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../electron/backend/index.js';
import { startWebShell, type WebShell } from '../../../electron/web/web-shell.js';
import { connectWebSocketApi } from '../../../renderer/api/ws-client.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function tempDir(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-web-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(options: Partial<Parameters<typeof startWebShell>[0]>): Promise<WebShell> {
  const shell = await startWebShell({ dataDir: tempDir(), ...options });
  cleanup.push(() => shell.close());
  return shell;
}

/** A raw GET (or other method) that keeps the path exactly as written. */
function request(port: number, pathname: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The HTTP status an upgrade attempt gets (101 when accepted), optionally with a subprotocol. */
function upgradeStatus(url: string, protocol?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new NodeWebSocket(url, protocol ? [protocol] : []);
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('upgrade', () => resolve(101));
    ws.on('open', () => ws.close());
    ws.on('error', (err) => (/Unexpected server response|closed before/.test(err.message) ? undefined : reject(err)));
  });
}

const page = '<!doctype html><title>tiny</title><div id="tiny-root"></div><script type="module" src="./app.js"></script>';

describe('the browser shell', () => {
  it('serves a prebuilt renderer and the API at /api behind the launch token', async () => {
    const outside = tempDir({ 'secret.txt': 'do not serve' });
    const staticDir = path.join(outside, 'app');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), page);
    fs.writeFileSync(path.join(staticDir, 'app.js'), 'export const ready = true;');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(staticDir, 'link.txt'));
    const shell = await start({ staticDir });
    expect(shell.url).toBe(`http://127.0.0.1:${shell.port}/?token=${shell.token}`);
    expect(shell.token).toMatch(/^[0-9a-f]{64}$/);

    const home = await fetch(shell.url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('tiny-root');
    expect(await request(shell.port, '/app.js')).toMatchObject({ status: 200, type: expect.stringMatching(/javascript/), body: 'export const ready = true;' });
    expect((await request(shell.port, '/documents/abc')).body).toContain('tiny-root');
    expect((await request(shell.port, '/missing.js')).status).toBe(404);
    expect((await request(shell.port, '/%2e%2e/secret.txt')).status).toBe(404);
    expect((await request(shell.port, '/../secret.txt')).status).toBe(404);
    expect((await request(shell.port, '/link.txt')).status).toBe(404);
    expect((await request(shell.port, '/', 'POST')).status).toBe(405);

    const api = await connectWebSocketApi(`ws://127.0.0.1:${shell.port}/api?token=${shell.token}`, { WebSocket: NodeWebSocket });
    expect((await api.invoke('templates.list', {})).length).toBeGreaterThan(0);
    api.close();
    await expect(connectWebSocketApi(`ws://127.0.0.1:${shell.port}/api?token=nope`, { WebSocket: NodeWebSocket })).rejects.toThrow();
  });

  it('serves a page through Vite in middleware mode', async () => {
    const root = tempDir({ 'index.html': page.replace('./app.js', './main.ts'), 'main.ts': 'const answer: number = 42;\nexport { answer };\n' });
    const shell = await start({ viteConfigFile: false, viteRoot: root });
    const home = await request(shell.port, '/');
    expect(home.body).toContain('tiny-root');
    const script = await request(shell.port, '/main.ts');
    expect(script.type).toMatch(/javascript/);
    expect(script.body).toContain('const answer = 42');
    // Vite's own page socket shares the origin; anything else that is not /api is refused.
    expect(await upgradeStatus(`ws://127.0.0.1:${shell.port}/`, 'vite-ping')).toBe(101);
    expect(await upgradeStatus(`ws://127.0.0.1:${shell.port}/elsewhere?token=${shell.token}`)).toBe(404);
  });

  it("serves the repository's renderer by default", async () => {
    const shell = await start({});
    const home = await request(shell.port, '/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('<div id="root"></div>');
  });

  it('stops serving on close and frees the port', async () => {
    const shell = await startWebShell({ dataDir: tempDir(), staticDir: tempDir({ 'index.html': page }) });
    await shell.close();
    await shell.close();
    await expect(request(shell.port, '/')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('reports a busy port and data it cannot use, leaving nothing running', async () => {
    const first = await start({ staticDir: tempDir({ 'index.html': page }) });
    await expect(startWebShell({ dataDir: tempDir(), port: first.port, staticDir: tempDir({ 'index.html': page }) })).rejects.toThrow(
      `Penholder cannot listen on 127.0.0.1:${first.port}: the port is already in use.`,
    );
    const newer = tempDir();
    const db = new Database(path.join(newer, 'penholder.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    await expect(startWebShell({ dataDir: newer, staticDir: tempDir({ 'index.html': page }) })).rejects.toBeInstanceOf(StoreError);
  });
});

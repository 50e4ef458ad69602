import http, { type IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { openBackend } from '../backend/index.js';
import { attachWebSocketApi, newLaunchToken, type WebSocketApi } from '../transport/ws-server.js';
import { serveStaticApp, type RequestListener } from './static-files.js';

/** Options of the browser shell. */
export type WebShellOptions = {
  /** Where the backend keeps its data. */
  dataDir: string;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; 127.0.0.1 by default. */
  host?: string;
  /** Serve this prebuilt renderer (e.g. dist/renderer) instead of running Vite. */
  staticDir?: string;
  /** Vite config for the renderer; the repository's renderer/vite.config.ts by default, `false` for none. */
  viteConfigFile?: string | false;
  /** Overrides the Vite root (with `viteConfigFile: false`, a folder holding an index.html). */
  viteRoot?: string;
  /** better-sqlite3 native module to load instead of the default. */
  nativeBinding?: string;
};

/** A running browser shell. */
export type WebShell = {
  /** The address to open, carrying the per-launch token: `http://127.0.0.1:PORT/?token=TOKEN`. */
  url: string;
  /** The per-launch secret the page passes to `/api`. */
  token: string;
  /** The port actually bound. */
  port: number;
  /** Stops serving, closes every API connection, then the backend. Idempotent. */
  close(): Promise<void>;
};

/** The renderer's Vite config in this checkout. */
export const RENDERER_VITE_CONFIG = fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url));

/**
 * Starts the browser shell: the backend on `dataDir`, an http server on host:port that
 * serves the renderer (Vite in middleware mode, or `staticDir`), and the WebSocket API at
 * `/api` guarded by a fresh per-launch token. Rejects with the backend's StoreError or a
 * listen error (with a message for people) and leaves nothing running in that case.
 */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const host = options.host ?? '127.0.0.1';
  const token = newLaunchToken();
  const backend = await openBackend({ dataDir: options.dataDir, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  const stops: (() => Promise<void>)[] = [() => backend.close()];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };
  try {
    const server = http.createServer();
    stops.push(() => closeServer(server));
    const renderer = await rendererHandler(options, server, stops);
    server.on('request', renderer.handle);
    const port = await listen(server, options.port ?? 0, host);
    const api: WebSocketApi = attachWebSocketApi({
      server,
      backend,
      token,
      passThrough: renderer.passThrough,
      hosts: [...new Set([urlHost(host), '127.0.0.1', 'localhost', '[::1]'])],
      onInternalError: (err, channel) => console.error(`penholder: ${channel} failed:`, err),
    });
    stops.push(() => api.close());
    let closing: Promise<void> | undefined;
    return { url: `http://${urlHost(host)}:${port}/?token=${token}`, token, port, close: () => (closing ??= stopAll()) };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

type Renderer = { handle: RequestListener; passThrough?: (req: IncomingMessage) => boolean };

async function rendererHandler(options: WebShellOptions, server: http.Server, stops: (() => Promise<void>)[]): Promise<Renderer> {
  if (options.staticDir) return { handle: serveStaticApp(options.staticDir) };
  // Loaded only here: Vite is a development dependency, absent from a packaged app.
  const { createServer } = await import('vite');
  const configFile = options.viteConfigFile ?? RENDERER_VITE_CONFIG;
  const vite = await createServer({
    configFile,
    ...(options.viteRoot ? { root: options.viteRoot } : {}),
    // Vite's client script always opens its socket (CSS modules import it even without
    // HMR); giving it our server keeps it on this origin instead of a second port.
    server: { middlewareMode: true, hmr: false, ws: { server } },
    appType: 'spa',
    logLevel: 'warn',
  });
  stops.push(() => vite.close());
  return {
    handle: (req, res) =>
      vite.middlewares(req, res, () => {
        res.statusCode = 404;
        res.end('Not Found');
      }),
    passThrough: (req) => ['vite-hmr', 'vite-ping'].includes(String(req.headers['sec-websocket-protocol'])),
  };
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      const why = err.code === 'EADDRINUSE' ? 'is already in use' : err.code === 'EACCES' ? 'is not allowed' : `failed (${err.message})`;
      // internal: the browser shell's start-up failure, printed on the console before any page exists
      reject(new Error(`Penholder cannot listen on ${host}:${port}: the port ${why}.`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

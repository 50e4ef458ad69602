/**
 * `npm run bench -- fanout [--clients N] [--seconds S]`: N simulated delegations (200) on one
 * document, each making one small edit per second for S seconds (60), against our host
 * (Hocuspocus over the store, stock providers) and, in the same run, a plain
 * @y/websocket-server with y-protocols clients. Latency = edit sent until seen by every
 * other client (all clients run in this process, one clock). Each server runs in its own
 * process, so host memory is the server's alone. The clients are facilitators: a
 * delegation's update costs the role check on top (a copy of the document per update).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as sync from 'y-protocols/sync';
import { Node } from 'prosemirror-model';
import { resolutionSchema } from '../schemas/resolution-schema.js';
import { findTemplate } from '../seeds/index.js';
import { withFreshIds } from '../shared/ids.js';
import { docToYDoc, prosemirrorFragment } from '../shared/ydoc.js';
import { quantile, round3 } from './_stats.js';

type Started = { url: string; name: string; token?: string };
type Client = { doc: Y.Doc; close(): void };

function startServer(kind: 'penholder' | 'baseline') {
  // FANOUT_SERVER_ARGS passes node flags to the server processes, e.g. '--cpu-prof' to profile them.
  const extra = (process.env.FANOUT_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  const child = fork(fileURLToPath(new URL('./_fanout-server.ts', import.meta.url)), [kind], { execArgv: ['--import', 'tsx', ...extra] });
  const started = new Promise<Started>((resolve) => child.once('message', (m) => resolve(m as Started)));
  const rss = () =>
    new Promise<number>((resolve) => {
      child.once('message', (m) => resolve((m as { rss: number }).rss));
      child.send('rss');
    });
  return { started, rss, stop: () => child.kill('SIGTERM') };
}

function hocuspocusClient(s: Started): Client {
  const doc = new Y.Doc({ gc: false });
  const socket = new HocuspocusProviderWebsocket({ url: s.url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: s.name, document: doc, token: s.token ?? '' });
  provider.attach();
  return { doc, close: () => (provider.destroy(), socket.destroy()) };
}

// The y-websocket wire protocol (message type 0 = sync), enough for a plain client.
function yWebsocketClient(s: Started): Client {
  const doc = new Y.Doc({ gc: false });
  const ws = new WebSocket(`${s.url}/${s.name}`);
  ws.binaryType = 'arraybuffer';
  const sendSync = (write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    write(e);
    if (ws.readyState === WebSocket.OPEN) ws.send(encoding.toUint8Array(e));
  };
  ws.on('open', () => sendSync((e) => sync.writeSyncStep1(e, doc)));
  ws.on('message', (data: ArrayBuffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) !== 0) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    sync.readSyncMessage(d, e, doc, ws);
    if (encoding.length(e) > 1 && ws.readyState === WebSocket.OPEN) ws.send(encoding.toUint8Array(e));
  });
  doc.on('update', (u: Uint8Array, origin: unknown) => origin !== ws && sendSync((e) => sync.writeUpdate(e, u)));
  return { doc, close: () => ws.close() };
}

async function measure(kind: 'penholder' | 'baseline', clients: number, seconds: number) {
  const server = startServer(kind);
  const started = await server.started;
  const make = kind === 'penholder' ? hocuspocusClient : yWebsocketClient;
  const sentAt = new Map<string, number>();
  const seenBy = new Map<string, number>();
  const latencies: number[] = [];
  const all: Client[] = [];
  if (kind === 'baseline') {
    const seed = docToYDoc(Node.fromJSON(resolutionSchema, withFreshIds(findTemplate('general-assembly-resolution')!.doc)));
    const first = make(started);
    Y.applyUpdate(first.doc, Y.encodeStateAsUpdate(seed));
    all.push(first);
  }
  while (all.length < clients) {
    all.push(make(started));
    if (all.length % 20 === 0) await new Promise((r) => setTimeout(r, 50));
  }
  const textOf = (doc: Y.Doc): Y.XmlText | undefined => {
    let found: Y.XmlText | undefined;
    const walk = (el: Y.XmlElement | Y.XmlFragment) =>
      el.toArray().forEach((c) => {
        if (!found && c instanceof Y.XmlText && el instanceof Y.XmlElement && el.nodeName === 'paragraph_text') found = c;
        else if (!found && c instanceof Y.XmlElement) walk(c);
      });
    walk(prosemirrorFragment(doc));
    return found;
  };
  const deadline = Date.now() + 30_000;
  while (all.some((c) => !textOf(c.doc))) {
    if (Date.now() > deadline) throw new Error(`${kind}: clients did not sync within 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  all.forEach((c) =>
    c.doc.getMap('bench').observe((event) => {
      const now = performance.now();
      for (const key of event.keysChanged) {
        if (event.transaction.local) continue;
        const n = (seenBy.get(key) ?? 0) + 1;
        seenBy.set(key, n);
        if (n === clients - 1) latencies.push(now - (sentAt.get(key) ?? now));
      }
    }),
  );
  const timers = all.map((c, i) => {
    let seq = 0;
    const edit = () => {
      const key = `${i}:${seq++}`;
      sentAt.set(key, performance.now());
      c.doc.transact(() => {
        textOf(c.doc)?.insert(0, 'x');
        c.doc.getMap('bench').set(key, seq);
      }, 'bench-local');
    };
    return setTimeout(() => {
      edit();
      timers[i] = setInterval(edit, 1000) as unknown as NodeJS.Timeout;
    }, Math.floor((i / clients) * 1000));
  });
  await new Promise((r) => setTimeout(r, seconds * 1000));
  timers.forEach((t) => clearInterval(t));
  await new Promise((r) => setTimeout(r, 1500));
  const rss = await server.rss();
  all.forEach((c) => c.close());
  server.stop();
  return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), edits: sentAt.size, delivered: latencies.length, rssMb: rss / 1024 / 1024 };
}

/** Runs the bench; `args` may hold --clients N and --seconds S. */
export async function run(args: string[]): Promise<void> {
  const opt = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const clients = opt('--clients', 200);
  const seconds = opt('--seconds', 60);
  const ours = await measure('penholder', clients, seconds);
  process.stdout.write(`penholder host: ${JSON.stringify(ours)}\n`);
  const base = await measure('baseline', clients, seconds);
  process.stdout.write(`@y/websocket-server: ${JSON.stringify(base)}\n`);
  process.stdout.write(
    `${JSON.stringify({
      clients,
      seconds,
      p50_ms: round3(ours.p50),
      p99_ms: round3(ours.p99),
      baseline_p50_ms: round3(base.p50),
      baseline_p99_ms: round3(base.p99),
      ratio_p99: round3(ours.p99 / base.p99),
      host_rss_mb: round3(ours.rssMb),
      baseline_rss_mb: round3(base.rssMb),
      delivered: ours.delivered,
      edits: ours.edits,
    })}\n`,
  );
  process.exit(0);
}

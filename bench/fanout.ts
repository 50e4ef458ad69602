/**
 * `npm run bench -- fanout [--clients N] [--seconds S]`: N simulated delegations (200) on one
 * 60-operative-paragraph resolution (test/support/edit-stream.ts `sampleResolution(60, 12)`),
 * each making one small edit per second for S seconds (60), against our host (Hocuspocus
 * over the store, stock providers) and, in the same run, a plain @y/websocket-server with
 * y-protocols clients doing the same edits on the same kind of document.
 *
 * Our host's clients join with the join code as role 'delegation', each with its own code
 * from the delegation list (wrapping around past the list's end), named "Bench N", so every
 * update goes through the host's role check. Their edits are proposals: before timing, each
 * client adds one bracket proposed by its delegation alone (attributes from `bracketAttrs`)
 * at the end of an operative paragraph's text (client i in OP i mod 60) and waits until
 * another client has seen it, i.e. the host accepted it. Each timed edit then types one
 * character inside the client's own bracket and sets a key of the `bench` map in the same
 * transaction. A refused update (the host answers `penholder.refused` and closes the
 * connection) is counted, printed, and fails the run.
 *
 * Latency = edit sent until seen by every other client (all clients run in this process,
 * one clock). Each server runs in its own process, so host memory is the server's alone.
 * The last line is one JSON object: p50_ms, p99_ms, baseline_p50_ms, baseline_p99_ms,
 * ratio_p99, host_rss_mb, baseline_rss_mb, role, refused, load_average (1/5/15 min, at the
 * start and end of the run: other work on the machine inflates the figures).
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as sync from 'y-protocols/sync';
import { delegations } from '../seeds/index.js';
import { bracketAttrs } from '../shared/negotiation/bracket-ops.js';
import { docToYDoc, prosemirrorFragment } from '../shared/ydoc.js';
import { sampleResolution } from '../test/support/edit-stream.js';
import { quantile, round3 } from './_stats.js';

type Kind = 'penholder' | 'baseline';
type Started = { url: string; name: string; joinCode?: string };
type Client = { doc: Y.Doc; close(): void };
/** What our host refused: updates (its `penholder.refused` messages), connections it closed for it, a few reasons. */
type Refusals = { count: number; closed: number; reasons: string[] };

function startServer(kind: Kind) {
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

function hocuspocusClient(s: Started, i: number, refusals: Refusals): Client {
  const doc = new Y.Doc({ gc: false });
  const delegation = delegations[i % delegations.length]!.code;
  const token = JSON.stringify({ code: s.joinCode, delegation, name: `Bench ${i + 1}`, role: 'delegation' });
  const socket = new HocuspocusProviderWebsocket({ url: s.url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: s.name, document: doc, token });
  const note = (reason: string) => {
    if (refusals.reasons.length < 5) refusals.reasons.push(`${delegation}: ${reason}`);
  };
  provider.on('stateless', ({ payload }: { payload: string }) => {
    const message = JSON.parse(payload) as { type?: string; reason?: string };
    if (message.type !== 'penholder.refused') return;
    refusals.count++;
    note(message.reason ?? '?');
  });
  // The host closes a refused sender's connection (4403; the provider reports the close message as 1000 + reason).
  provider.on('close', ({ event }: { event: { code: number; reason: string } }) => {
    if (event.code !== 4403 && !event.reason.startsWith('forbidden')) return;
    refusals.closed++;
    note(`connection closed (${event.code} ${event.reason})`);
  });
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
    refusals.closed++;
    note(`authentication failed: ${reason}`);
  });
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

// The paragraph_text of every operative paragraph, in order (empty until the client synced).
function operativeTexts(doc: Y.Doc): Y.XmlElement[] {
  const operative = prosemirrorFragment(doc)
    .toArray()
    .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'operative');
  const texts: Y.XmlElement[] = [];
  operative?.toArray().forEach((op) => {
    const first = op instanceof Y.XmlElement ? op.firstChild : null;
    if (first instanceof Y.XmlElement && first.nodeName === 'paragraph_text') texts.push(first);
  });
  return texts;
}

// The ids of the brackets directly inside operative paragraph texts.
function bracketIds(doc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  for (const text of operativeTexts(doc)) {
    for (const n of text.toArray()) if (n instanceof Y.XmlElement && n.nodeName === 'bracket') ids.add(String(n.getAttribute('id')));
  }
  return ids;
}

// Client i's proposal: a bracket of its delegation alone holding one character, appended to
// operative paragraph i mod count, as y-prosemirror writes a bracket node. Returns its text.
function propose(c: Client, i: number, delegation: string): { id: string; text: Y.XmlText } {
  const texts = operativeTexts(c.doc);
  const target = texts[i % texts.length]!;
  const attrs = bracketAttrs({ proposedBy: [delegation] });
  const bracket = new Y.XmlElement<Record<string, string | string[] | boolean>>('bracket');
  for (const [key, value] of Object.entries(attrs)) bracket.setAttribute(key, value as string | string[] | boolean);
  const text = new Y.XmlText();
  text.insert(0, 'x');
  bracket.insert(0, [text]);
  // Yjs types an element's attributes as strings by default; y-prosemirror stores arrays and booleans.
  c.doc.transact(() => target.insert(target.length, [bracket as unknown as Y.XmlElement]), 'bench-local');
  return { id: String(attrs.id), text };
}

async function until(what: string, test: () => boolean, ms: number, refusals: Refusals): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (refusals.count + refusals.closed > 0) throw new Error(`${refusals.count} updates refused, ${refusals.closed} connections closed: ${refusals.reasons.join(' | ')}`);
    if (Date.now() > deadline) throw new Error(`${what} within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function measure(kind: Kind, clients: number, seconds: number) {
  const server = startServer(kind);
  const started = await server.started;
  const refusals: Refusals = { count: 0, closed: 0, reasons: [] };
  const all: Client[] = [];
  try {
    return { ...(await drive(kind, started, all, clients, seconds, refusals)), rssMb: (await server.rss()) / 1024 / 1024 };
  } finally {
    all.forEach((c) => c.close());
    server.stop();
  }
}

// Connects the clients, has each propose its bracket, then times S seconds of edits.
async function drive(kind: Kind, started: Started, all: Client[], clients: number, seconds: number, refusals: Refusals) {
  const sentAt = new Map<string, number>();
  const seenBy = new Map<string, number>();
  const latencies: number[] = [];
  if (kind === 'baseline') {
    const first = yWebsocketClient(started);
    Y.applyUpdate(first.doc, Y.encodeStateAsUpdate(docToYDoc(sampleResolution(60, 12))));
    all.push(first);
  }
  while (all.length < clients) {
    all.push(kind === 'penholder' ? hocuspocusClient(started, all.length, refusals) : yWebsocketClient(started));
    if (all.length % 20 === 0) await new Promise((r) => setTimeout(r, 50));
  }
  await until(`${kind}: clients did not sync`, () => all.every((c) => operativeTexts(c.doc).length > 0), 60_000, refusals);
  const proposals = all.map((c, i) => propose(c, i, delegations[i % delegations.length]!.code));
  // Accepted = seen by the next client, which only gets it through the server.
  const accepted = () => all.every((_, i) => bracketIds(all[(i + 1) % clients]!.doc).has(proposals[i]!.id));
  await until(`${kind}: proposals were not accepted`, accepted, 120_000, refusals);
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
    const { text } = proposals[i]!;
    const edit = () => {
      const key = `${i}:${seq++}`;
      sentAt.set(key, performance.now());
      c.doc.transact(() => {
        text.insert(text.length, 'x');
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
  const figures = { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), edits: sentAt.size, delivered: latencies.length };
  return { ...figures, refused: refusals.count, closed: refusals.closed, reasons: refusals.reasons };
}

const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

/** Runs the bench; `args` may hold --clients N and --seconds S. Exits 1 if our host refused any update or closed a connection for it. */
export async function run(args: string[]): Promise<void> {
  const opt = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const clients = opt('--clients', 200);
  const seconds = opt('--seconds', 60);
  const loadStart = loadAverage();
  const ours = await measure('penholder', clients, seconds);
  process.stdout.write(`penholder host: ${JSON.stringify(ours)}\n`);
  const base = await measure('baseline', clients, seconds);
  process.stdout.write(`@y/websocket-server: ${JSON.stringify(base)}\n`);
  const failed = ours.refused + ours.closed > 0;
  if (failed) process.stderr.write(`FAILED: our host refused ${ours.refused} updates, closed ${ours.closed} connections: ${ours.reasons.join(' | ')}\n`);
  process.stdout.write(
    `${JSON.stringify({
      clients,
      seconds,
      role: 'delegation',
      p50_ms: round3(ours.p50),
      p99_ms: round3(ours.p99),
      baseline_p50_ms: round3(base.p50),
      baseline_p99_ms: round3(base.p99),
      ratio_p99: round3(ours.p99 / base.p99),
      host_rss_mb: round3(ours.rssMb),
      baseline_rss_mb: round3(base.rssMb),
      delivered: ours.delivered,
      edits: ours.edits,
      refused: ours.refused,
      forbidden_closes: ours.closed,
      load_average: { start: loadStart, end: loadAverage() },
    })}\n`,
  );
  process.exit(failed ? 1 : 0);
}

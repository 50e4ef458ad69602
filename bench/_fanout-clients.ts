/**
 * A client process of the fan-out bench: the bench forks several, each driving its share of
 * the simulated delegations, so that 200 clients' decoding and applying (about 40 000
 * updates a second in all) is spread over processes instead of saturating one.
 *
 * The same harness drives both servers: for our host, stock `@hocuspocus/provider` clients
 * joining as delegations; for the baseline, plain y-protocols clients of @y/websocket-server.
 * The bench talks to it over IPC, one step at a time (see `Command`); every reply is
 * `{ type, ...}` with `type` the command's name, or `{ type: 'error', message }`.
 *
 * Times are `process.hrtime.bigint()`, which on Linux reads CLOCK_MONOTONIC: one clock for
 * every process on the machine, so an edit sent here and seen in another client process are
 * timed on the same clock. They travel as milliseconds after the bench's `t0`.
 */
import * as Y from 'yjs';
import { delegations } from '../seeds/index.js';
import { docToYDoc } from '../shared/ydoc.js';
import { sampleResolution } from '../test/support/edit-stream.js';
import { bracketIds, hocuspocusClient, operativeTexts, propose, yWebsocketClient, type Client, type Refusals, type Started } from './_fanout-peer.js';

/** What the bench asks a client process to do, in this order. */
export type Command =
  | { type: 'connect'; kind: 'penholder' | 'baseline'; started: Started; indices: number[]; clients: number }
  | { type: 'propose' }
  | { type: 'accepted'; ids: string[] }
  | { type: 'go'; t0: string; seconds: number }
  | { type: 'close' };

/**
 * The figures a client process sends back after `go`: its edits' send times, per key how
 * many of its clients saw it and when the last did, its CPU time, how late (after t0) it
 * started on `go` (a starved process makes fewer edits), and what our host refused.
 */
export type Done = { type: 'go'; lateMs: number; sent: [string, number][]; seen: [string, number, number][]; cpuMs: number } & Refusals;

const send = (m: unknown) => process.send?.(m);
const refusals: Refusals = { count: 0, closed: 0, reasons: [] };
const mine: { index: number; client: Client }[] = [];
let proposals: { id: string; text: Y.XmlText }[] = [];
let total = 0;

process.on('disconnect', () => process.exit(0));
process.on('message', (m: Command) => {
  handle(m).then(
    (reply) => reply && send(reply),
    (err: Error) => send({ type: 'error', message: err.message }),
  );
});

async function handle(m: Command): Promise<object | void> {
  if (m.type === 'connect') {
    total = m.clients;
    for (const index of m.indices) {
      if (m.kind === 'baseline' && index === 0) {
        // The plain server starts empty: client 0 brings the resolution, synced to it on connect.
        const first = yWebsocketClient(m.started);
        Y.applyUpdate(first.doc, Y.encodeStateAsUpdate(docToYDoc(sampleResolution(60, 12))));
        mine.push({ index, client: first });
      } else {
        mine.push({ index, client: m.kind === 'penholder' ? hocuspocusClient(m.started, index, refusals) : yWebsocketClient(m.started) });
      }
      if (mine.length % 20 === 0) await new Promise((r) => setTimeout(r, 50));
    }
    await until('clients did not sync', () => mine.every(({ client }) => operativeTexts(client.doc).length > 0), 180_000);
    return { type: 'connect' };
  }
  if (m.type === 'propose') {
    proposals = mine.map(({ index, client }) => propose(client, index, delegations[index % delegations.length]!.code));
    return { type: 'propose', ids: proposals.map((p) => p.id) };
  }
  if (m.type === 'accepted') {
    // Accepted = every client here has every proposal, which it only gets through the server.
    await until('proposals were not accepted', () => mine.every(({ client }) => hasAll(bracketIds(client.doc), m.ids)), 180_000);
    return { type: 'accepted' };
  }
  if (m.type === 'go') return go(BigInt(m.t0), m.seconds);
  // A provider destroyed while it reconnects makes its socket emit an error nobody listens to.
  process.on('uncaughtException', () => {});
  mine.forEach(({ client }) => client.close());
  setTimeout(() => process.exit(0), 200);
}

const hasAll = (have: Set<string>, ids: string[]) => ids.every((id) => have.has(id));

async function until(what: string, test: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (refusals.count + refusals.closed > 0) throw new Error(`${refusals.count} updates refused, ${refusals.closed} connections closed: ${refusals.reasons.join(' | ')}`);
    if (Date.now() > deadline) throw new Error(`${what} within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// Client i edits at t0 + i/N s, then every second for `seconds` s; every client records when
// each remote edit's key reached it. Replies once nothing arrived for 2 s.
async function go(t0: bigint, seconds: number): Promise<Done> {
  const since = () => Number(process.hrtime.bigint() - t0) / 1e6;
  const lateMs = since();
  const sent = new Map<string, number>();
  const seen = new Map<string, [number, number]>();
  let lastSeen = 0;
  const cpuStart = process.cpuUsage();
  mine.forEach(({ client }) =>
    client.doc.getMap('bench').observe((event) => {
      if (event.transaction.local) return;
      const at = since();
      lastSeen = at;
      for (const key of event.keysChanged) {
        const [n, last] = seen.get(key) ?? [0, 0];
        seen.set(key, [n + 1, Math.max(last, at)]);
      }
    }),
  );
  const timers: NodeJS.Timeout[] = [];
  mine.forEach(({ index, client }, k) => {
    const { text } = proposals[k]!;
    let seq = 0;
    const edit = () => {
      const key = `${index}:${seq++}`;
      sent.set(key, since());
      client.doc.transact(() => {
        text.insert(text.length, 'x');
        client.doc.getMap('bench').set(key, seq);
      }, 'bench-local');
    };
    const first = (index / total) * 1000 - since();
    timers.push(
      setTimeout(() => {
        edit();
        timers.push(setInterval(edit, 1000));
      }, Math.max(0, first)),
    );
  });
  await new Promise((r) => setTimeout(r, seconds * 1000 - since()));
  timers.forEach((t) => clearTimeout(t));
  // Late edits still count: wait until nothing new arrived for 2 s (at most 60 s).
  const stop = since() + 60_000;
  while (since() - lastSeen < 2000 && since() < stop) await new Promise((r) => setTimeout(r, 250));
  const cpu = process.cpuUsage(cpuStart);
  return { type: 'go', ...refusals, lateMs, sent: [...sent], seen: [...seen].map(([key, [n, at]]) => [key, n, at]), cpuMs: (cpu.user + cpu.system) / 1000 };
}

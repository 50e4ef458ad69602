/**
 * A client process of the fan-out bench: the bench forks several, each driving its share of
 * the simulated delegations. Most are thin listeners (_fanout-thin.ts: they find each other
 * client's edit by its marker in the raw frame and apply nothing); the few the bench names
 * `full` are full replicas (a stock `@hocuspocus/provider` for our host, a y-protocols
 * client for the plain server) that apply everything, see edits by the markers in the
 * updates they apply, and at the end report a hash of their document for the convergence
 * check. Every client connects over TLS trusting only the bench certificate.
 *
 * The bench talks to it over IPC, one step at a time (see `Command`); every reply is
 * `{ type, ...}` with `type` the command's name, or `{ type: 'error', message }`.
 *
 * Times are `process.hrtime.bigint()`, which on Linux reads CLOCK_MONOTONIC: one clock for
 * every process on the machine, so an edit sent here and seen in another client process are
 * timed on the same clock. They travel as milliseconds after the bench's `t0`.
 */
import * as Y from 'yjs';
import { docToYDoc } from '../shared/ydoc.js';
import { sampleResolution } from '../test/support/edit-stream.js';
import { docHash, hocuspocusClient, operativeTexts, propose, watchMarkers, yWebsocketClient, type Client, type Refusals, type Started } from './_fanout-peer.js';
import { thinClient, type ThinClient } from './_fanout-thin.js';
import { benchIdentity, benchToken, marker, pinnedWebSocket, type BenchTls } from './_fanout-wire.js';

/** What the bench asks a client process to do, in this order. */
export type Command =
  | { type: 'connect'; kind: 'penholder' | 'baseline'; started: Started; tls: Pick<BenchTls, 'cert' | 'fingerprint'>; indices: number[]; full: number[]; clients: number }
  | { type: 'propose' }
  | { type: 'accepted' }
  | { type: 'go'; t0: string; seconds: number; warmup: number }
  | { type: 'hashes' }
  | { type: 'close' };

/**
 * The figures a client process sends back after `go`: its edits' send times, per edit how
 * many of its clients saw it and when the last did, its CPU time, how late (after t0) it
 * started on `go` (a starved process makes fewer edits), and what our host refused.
 */
export type Done = { type: 'go'; lateMs: number; sent: [string, number][]; seen: [string, number, number][]; cpuMs: number } & Refusals;

type Mine = { index: number; doc: Y.Doc; client: Client | ThinClient; full: boolean; last: Int32Array; heard: number };

const send = (m: unknown) => process.send?.(m);
const refusals: Refusals = { count: 0, closed: 0, reasons: [] };
const mine: Mine[] = [];
let proposals: Y.XmlText[] = [];
let total = 0;
// Per edit (client i's edit s at i * slots + s, typed arrays rather than a map of string
// keys: 500 clients see 250,000 markers a second): how many of this process's clients saw
// it, and when the last did (ms after t0).
let slots = 0;
let seenCount = new Uint32Array(0);
let seenAt = new Float64Array(0);
let clockStart: bigint | null = null;
let lastSeen = 0;
const since = () => (clockStart === null ? 0 : Number(process.hrtime.bigint() - clockStart) / 1e6);

process.on('disconnect', () => process.exit(0));
process.on('message', (m: Command) => {
  handle(m).then(
    (reply) => reply && send(reply),
    (err: Error) => send({ type: 'error', message: err.message }),
  );
});

// Client `me` saw client `index`'s edit `seq`: counted once per client (edits of one sender arrive in order).
function sawMarker(me: Mine, index: number, seq: number): void {
  if (index === me.index || index >= total || seq <= me.last[index]!) return;
  if (me.last[index] === -1) me.heard++;
  me.last[index] = seq;
  if (seq === 0) return;
  const at = since();
  lastSeen = at;
  if (seq >= slots) grow(seq + 1);
  const k = index * slots + seq;
  seenCount[k]!++;
  if (at > seenAt[k]!) seenAt[k] = at;
}

// Room for `needed` edits per client, keeping what was seen.
function grow(needed: number): void {
  const [count, at, before] = [seenCount, seenAt, slots];
  slots = Math.max(needed, slots * 2);
  seenCount = new Uint32Array(total * slots);
  seenAt = new Float64Array(total * slots);
  for (let i = 0; i < total; i++) {
    seenCount.set(count.subarray(i * before, (i + 1) * before), i * slots);
    seenAt.set(at.subarray(i * before, (i + 1) * before), i * slots);
  }
}

const note = (reason: string, closed: boolean) => {
  if (closed) refusals.closed++;
  else refusals.count++;
  if (refusals.reasons.length < 5) refusals.reasons.push(reason);
};

async function handle(m: Command): Promise<object | void> {
  if (m.type === 'connect') {
    total = m.clients;
    const Socket = pinnedWebSocket(m.tls);
    const full = new Set(m.full);
    for (const index of m.indices) {
      const me = { index, full: full.has(index), last: new Int32Array(total).fill(-1), heard: 0 } as Mine;
      if (me.full) {
        me.client = m.kind === 'penholder' ? hocuspocusClient(m.started, index, refusals, Socket) : yWebsocketClient(m.started, Socket);
        // The plain server starts empty: client 0 (always full) brings the resolution, synced to it on connect.
        if (m.kind === 'baseline' && index === 0) Y.applyUpdate(me.client.doc, Y.encodeStateAsUpdate(docToYDoc(sampleResolution(60, 12))));
        watchMarkers(me.client.doc, (i, s) => sawMarker(me, i, s));
      } else {
        const { delegation, name } = benchIdentity(index);
        me.client = thinClient({ kind: m.kind, url: m.started.url, name: m.started.name, presence: { penholder: benchIdentity(index) }, token: m.kind === 'penholder' ? benchToken(index, m.started.name, m.started.joinCode ?? '', m.started.fingerprint ?? '') : undefined, Socket, onMarker: (i, s) => sawMarker(me, i, s), onRefused: (reason, closed) => note(`${delegation} (${name}): ${reason}`, closed) });
      }
      me.doc = me.client.doc;
      mine.push(me);
      // Join in small groups, each synced before the next: people join over minutes, and
      // a burst of hundreds of TLS handshakes could outlast the host's 10 s to authenticate.
      if (mine.length % 10 === 0) await until('clients did not sync', () => mine.every((c) => operativeTexts(c.doc).length > 0), 120_000);
    }
    await until('clients did not sync', () => mine.every((c) => operativeTexts(c.doc).length > 0), 180_000);
    return { type: 'connect' };
  }
  if (m.type === 'propose') {
    clockStart = process.hrtime.bigint();
    for (const c of mine) if (!c.full) (c.client as ThinClient).goThin();
    proposals = mine.map((c) => propose(c, c.index, benchIdentity(c.index).delegation).text);
    return { type: 'propose' };
  }
  if (m.type === 'accepted') {
    // Accepted = every client here has seen every other client's proposal, which it only gets through the server.
    await until('proposals were not accepted', () => mine.every((c) => c.heard === total - 1), 180_000);
    return { type: 'accepted' };
  }
  if (m.type === 'go') return go(BigInt(m.t0), m.seconds, m.warmup);
  // The refusals so far too: an update refused after the timed period (while the host works off a backlog) counts.
  if (m.type === 'hashes') return { type: 'hashes', hashes: mine.filter((c) => c.full).map((c) => docHash(c.doc)), ...refusals };
  // A provider destroyed while it reconnects makes its socket emit an error nobody listens to.
  process.on('uncaughtException', () => {});
  mine.forEach(({ client }) => client.close());
  setTimeout(() => process.exit(0), 200);
}

async function until(what: string, test: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (refusals.count + refusals.closed > 0) throw new Error(`${refusals.count} updates refused, ${refusals.closed} connections closed: ${refusals.reasons.join(' | ')}`);
    if (Date.now() > deadline) throw new Error(`${what} within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// Client i edits at t0 + i/N s, then every second for `warmup` + `seconds` s, typing its
// next marker at the end of its own bracket; the edits of the first `warmup` seconds are
// not timed. Replies once nothing arrived for 2 s.
async function go(t0: bigint, seconds: number, warmup: number): Promise<Done> {
  clockStart = t0;
  // Client i's edits are numbered from 1, one a second: warmup + seconds + 1 at most, unless a late start shifts them.
  slots = 0;
  grow(warmup + seconds + 2);
  const timedFrom = warmup * 1000;
  let cpuStart = process.cpuUsage();
  const lateMs = since();
  lastSeen = lateMs;
  const sent = new Map<string, number>();
  const timers: NodeJS.Timeout[] = [];
  mine.forEach((c, k) => {
    const text = proposals[k]!;
    let seq = 1;
    const edit = () => {
      const at = since();
      if (at >= timedFrom) sent.set(`${c.index}.${seq}`, at);
      c.doc.transact(() => text.insert(text.length, marker(c.index, seq++)), 'bench-local');
    };
    const first = (c.index / total) * 1000 - since();
    timers.push(
      setTimeout(() => {
        edit();
        timers.push(setInterval(edit, 1000));
      }, Math.max(0, first)),
    );
  });
  if (warmup > 0) {
    await new Promise((r) => setTimeout(r, timedFrom - since()));
    cpuStart = process.cpuUsage();
  }
  await new Promise((r) => setTimeout(r, timedFrom + seconds * 1000 - since()));
  timers.forEach((t) => clearTimeout(t));
  // Late edits still count: wait until nothing new arrived for 2 s (at most 60 s).
  const stop = since() + 60_000;
  while (since() - lastSeen < 2000 && since() < stop) await new Promise((r) => setTimeout(r, 250));
  const cpu = process.cpuUsage(cpuStart);
  return { type: 'go', ...refusals, lateMs, sent: [...sent], seen: seenList(), cpuMs: (cpu.user + cpu.system) / 1000 };
}

// Every edit some client here saw: its key `i.s`, how many saw it, when the last did.
function seenList(): [string, number, number][] {
  const list: [string, number, number][] = [];
  for (let k = 0; k < seenCount.length; k++) if (seenCount[k]! > 0) list.push([`${Math.floor(k / slots)}.${k % slots}`, seenCount[k]!, seenAt[k]!]);
  return list;
}

/**
 * `npm run bench -- fanout [--clients N] [--seconds S] [--warmup W] [--workers W] [--full F] [--only K]`:
 * N simulated delegations (200) on one 60-operative-paragraph resolution (test/support/edit-stream.ts
 * `sampleResolution(60, 12)`), each making one small edit per second for S seconds (60),
 * against our host (Hocuspocus over the store) and, in the same run, a plain
 * @y/websocket-server doing the same, both over TLS with one self-signed certificate that
 * every client pins (the plain server behind node's https with it).
 *
 * The S timed seconds follow W seconds (5) of the same edits, untimed, so that what is
 * measured is a host that has been typed at: its code for typing compiled, its caches warm.
 * Without it, every client types its first edit in the same second, on a cold path (the
 * host's checks took twice as long for about 2 s): in two 20 s runs at 500 clients the p99
 * was 103 and 174 ms, where the same runs without their first 2 s gave 74 and 88, and in a
 * 60 s run the first second alone holds more edits than the slowest 1% that p99 reads.
 * `--warmup 0` measures it that way.
 *
 * To measure the servers rather than the clients, N - F clients are thin listeners
 * (_fanout-thin.ts): they join (our host's with the bench token), keep a presence as a stock
 * provider does, and after the first sync apply nothing: each edit inserts a unique marker
 * `{i.s}` (_fanout-wire.ts) and a listener sees it by finding the marker in the raw frame.
 * F clients (5) are full replicas (a stock `@hocuspocus/provider` for our host) that apply
 * everything; at the end their documents must equal the server's (`converged`).
 *
 * Our host's clients join as role 'delegation', client i for delegation i mod the list
 * (wrapping around past its end), named "Bench i+1", so every update goes through the host's
 * role check. Their edits are proposals: before timing, each client adds one bracket
 * proposed by its delegation alone, holding its marker 0, at the end of an operative
 * paragraph's text (client i in OP i mod 60), and waits until every client has seen every
 * proposal, i.e. the host accepted them all. Each timed edit types its next marker inside
 * the client's own bracket. A refused update (the host answers `penholder.refused` and
 * closes the connection) is counted, printed, and fails the run.
 *
 * The clients run in W client processes (4; client i in process i mod W, _fanout-clients.ts);
 * each server runs in its own process, so host memory and CPU are the server's alone.
 * Clients join in waves, as people do over minutes rather than at one instant: each process
 * opens ten connections, waits until all its clients so far have synced, then the next ten
 * (at most 40 handshakes at once over the 4 processes), so 500 clients join without a burst
 * of TLS handshakes outlasting the host's 10 s to authenticate.
 * Latency = edit sent until seen by every other client, whichever process it is in: every
 * process reads `process.hrtime.bigint()`, which on Linux is CLOCK_MONOTONIC, one clock for
 * the whole machine, relative to a start instant `t0` the bench hands to all processes. An
 * edit some client never saw (waiting until nothing arrived for 2 s) counts as infinitely late.
 *
 * The last line is one JSON object: clients, full_clients, tls, seconds, warmup_seconds, role, p50_ms,
 * p99_ms, baseline_p50_ms, baseline_p99_ms, ratio_p99, host_rss_mb, baseline_rss_mb (the
 * servers' resident memory after the run; null where an edit never arrived), max_ms,
 * baseline_max_ms, the CPU each side used while timing in cores (host_cpu and clients_cpu
 * for our host's run, baseline_server_cpu and baseline_clients_cpu for the plain server's,
 * clients_cpu_max the busiest client process: near 1 it was saturated and its latencies
 * include its own queue), host_loop_busy and baseline_loop_busy (the share of the timed period
 * each server's event loop was running a task rather than waiting for input: near 1 the server
 * itself was the bottleneck; well above its CPU share, it was ready to run but the machine's
 * cores were busy with other processes), host_cpu_ms_per_edit and baseline_cpu_ms_per_edit (each server's
 * CPU time while timing, presence traffic included, over the edits made: it moves far less
 * than latency when other work loads the machine, though a server that is behind batches
 * its writes and spends less per edit, so compare the two of one run), cores, workers, converged (every full client's document equals
 * its server's, in both runs; host_converged and baseline_converged say which), delivered, edits, refused, forbidden_closes, and
 * load_average (1/5/15 min, at the start and end of the run: other work on the machine
 * inflates the figures). FANOUT_SERVER_ARGS passes node flags to the servers (e.g.
 * --cpu-prof), FANOUT_CLIENT_ARGS to the client processes; FANOUT_TRACE=1 adds where our host's time per update went (_fanout-trace.ts).
 * FANOUT_LATENCIES=FILE writes every timed edit's send time and latency (for the tail's shape over time).
 * `--only penholder` (or `baseline`) measures one server and prints its line only, without
 * the JSON line: for development, when the other side's figures are not needed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { newHostCertificate } from '../electron/consultation/host-cert.js';
import type { Command, Done } from './_fanout-clients.js';
import type { Refusals, Started } from './_fanout-peer.js';
import type { Start } from './_fanout-server.js';
import { quantile, round3 } from './_stats.js';
import type { BenchTls } from './_fanout-wire.js';

type Kind = 'penholder' | 'baseline';
type Reply = { type: string; message?: string } & Record<string, unknown>;

const script = (name: string) => fileURLToPath(new URL(name, import.meta.url));

// A forked process spoken to one request at a time: `ask` sends a message and resolves with
// the next reply, rejecting on an error reply or if the process dies.
function child(file: string, args: string[], execArgv: string[]) {
  const proc: ChildProcess = fork(script(file), args, { execArgv: ['--import', 'tsx', ...execArgv] });
  let waiting: { resolve(m: Reply): void; reject(e: Error): void } | null = null;
  proc.on('message', (m: Reply) => {
    const w = waiting;
    waiting = null;
    if (m.type === 'error') w?.reject(new Error(m.message));
    else w?.resolve(m);
  });
  proc.on('exit', (code) => waiting?.reject(new Error(`${file} exited (${code})`)));
  // Sending to a process that just died (EPIPE) fails the request, not the bench.
  proc.on('error', (err) => waiting?.reject(err));
  const next = () => new Promise<Reply>((resolve, reject) => (waiting = { resolve, reject }));
  return {
    next,
    ask: (m: unknown) => {
      const reply = next();
      proc.send(m as object);
      return reply;
    },
    stop: () => proc.kill('SIGTERM'),
  };
}

function startServer(kind: Kind) {
  // FANOUT_SERVER_ARGS passes node flags to the server processes, e.g. '--cpu-prof' to profile them.
  const extra = (process.env.FANOUT_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  return child('./_fanout-server.ts', [kind], extra);
}

// F full clients spread over the range and over the processes (client i runs in process i mod W).
function fullIndices(clients: number, full: number): number[] {
  const chosen = new Set<number>();
  for (let k = 0; k < full && chosen.size < clients; k++) {
    let i = (Math.floor((k * clients) / full) + k) % clients;
    while (chosen.has(i)) i = (i + 1) % clients;
    chosen.add(i);
  }
  return [...chosen];
}

async function measure(kind: Kind, clients: number, seconds: number, warmup: number, workers: number, fullCount: number, tls: BenchTls) {
  const server = startServer(kind);
  const started = (await server.ask({ type: 'start', tls, clients } satisfies Start)) as unknown as Started;
  const full = fullIndices(clients, fullCount);
  const procs = Array.from({ length: Math.min(workers, clients) }, () => child('./_fanout-clients.ts', [], (process.env.FANOUT_CLIENT_ARGS ?? '').split(' ').filter(Boolean)));
  const ask = (m: Command | ((w: number) => Command)) => Promise.all(procs.map((p, w) => p.ask(typeof m === 'function' ? m(w) : m)));
  try {
    // Client i runs in process i mod W, so each process has clients spread over the second.
    const indices = (w: number) => Array.from({ length: clients }, (_, i) => i).filter((i) => i % procs.length === w);
    const began = Date.now();
    const step = (what: string) => process.stderr.write(`${kind}: ${what} after ${((Date.now() - began) / 1000).toFixed(1)} s (load ${loadAverage().join(' ')})\n`);
    await ask((w) => ({ type: 'connect', kind, started, tls: { cert: tls.cert, fingerprint: tls.fingerprint }, indices: indices(w), full, clients }));
    step(`${clients} clients synced`);
    await ask({ type: 'propose' });
    await ask({ type: 'accepted' });
    step('every proposal seen by every client');
    // t0 a little ahead, so every process has the command before the first edit is due.
    const t0 = process.hrtime.bigint() + 200_000_000n;
    const going = ask({ type: 'go', t0: String(t0), seconds, warmup });
    // The timed period (the server's CPU, its loop, a profile) starts when the warm-up ends.
    const timedFrom = t0 + BigInt(warmup * 1e9);
    await new Promise((r) => setTimeout(r, Math.max(0, Number(timedFrom - process.hrtime.bigint()) / 1e6)));
    const atStart = await server.ask('cpu');
    const serverCpu = atStart.cpuMs as number;
    const done = (await going) as unknown as Done[];
    step(`timed ${seconds} s of edits after ${warmup} s of warm-up`);
    const stats = await server.ask('cpu');
    // Converged = every full client's document equals the server's once the server caught up
    // (a starved server still works off a backlog after the clients stopped hearing from it): up to 120 s.
    let serverHash = '';
    let replies: Reply[] = [];
    for (const deadline = Date.now() + 120_000; ; ) {
      serverHash = (await server.ask('hash')).hash as string;
      replies = await ask({ type: 'hashes' });
      if (replies.every((r) => (r.hashes as string[]).every((h) => h === serverHash)) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const hashes = replies.flatMap((r) => r.hashes as string[]);
    const after = replies as unknown as Refusals[];
    const refused = { refused: sum(after, (d) => d.count), closed: sum(after, (d) => d.closed), reasons: after.flatMap((d) => d.reasons).slice(0, 5) };
    const converged = hashes.length === full.length && hashes.every((h) => h === serverHash);
    const timed = Number(process.hrtime.bigint() - timedFrom) / 1e9;
    const lat = latencies(done, clients, warmup);
    const cpuMs = (stats.cpuMs as number) - serverCpu;
    const loopBusy = round3(performance.eventLoopUtilization(stats.loop as EventLoopUtilization, atStart.loop as EventLoopUtilization).utilization);
    return { ...lat, ...refused, ...cpuFigures(done, cpuMs, timed), cpuMsPerEdit: round3(cpuMs / Math.max(1, lat.edits)), loopBusy, rssMb: (stats.rss as number) / 1024 / 1024, converged, tls: started.url.startsWith('wss://'), trace: stats.trace };
  } finally {
    await Promise.allSettled(procs.map((p) => p.ask({ type: 'close' })));
    server.stop();
  }
}

// Latency of an edit = the last of the other clients seeing it, minus its send time (both on the shared clock).
function latencies(done: Done[], clients: number, warmup: number) {
  const sent = new Map(done.flatMap((d) => d.sent));
  const seen = new Map<string, { n: number; at: number }>();
  for (const [key, n, at] of done.flatMap((d) => d.seen)) {
    const s = seen.get(key) ?? { n: 0, at: 0 };
    seen.set(key, { n: s.n + n, at: Math.max(s.at, at) });
  }
  // An edit some client never saw counts as infinitely late (the JSON then shows null).
  const samples: number[] = [];
  for (const [key, t] of sent) {
    const s = seen.get(key);
    samples.push(s?.n === clients - 1 ? s.at - t : Infinity);
  }
  const delivered = samples.filter(Number.isFinite).length;
  // FANOUT_LATENCIES=FILE: every timed edit as [client.edit, sent (ms into the timed period), latency (ms, null if never seen)].
  const file = process.env.FANOUT_LATENCIES;
  if (file) writeFileSync(file, JSON.stringify([...sent].map(([key, t], k) => [key, round3(t - warmup * 1000), Number.isFinite(samples[k]) ? round3(samples[k]!) : null])));
  return { p50: quantile(samples, 0.5), p99: quantile(samples, 0.99), max: quantile(samples, 1), edits: sent.size, delivered };
}

// CPU used while timing, as a share of one core: the server's, and the client processes' together.
function cpuFigures(done: Done[], serverCpuMs: number, seconds: number) {
  const share = (ms: number) => round3(ms / 1000 / seconds);
  return { serverCpu: share(serverCpuMs), clientsCpu: share(sum(done, (d) => d.cpuMs)), clientsCpuMax: share(Math.max(...done.map((d) => d.cpuMs))), lateStartMs: round3(Math.max(...done.map((d) => d.lateMs))) };
}

const sum = <T>(list: T[], of: (t: T) => number) => list.reduce((total, t) => total + of(t), 0);

const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

/** Runs the bench; `args` may hold --clients N, --seconds S, --warmup W, --workers W and --full F. Exits 1 if our host refused any update or closed a connection for it, or a full client's document differs from our host's (the plain server's not converging is reported, not a failure). */
export async function run(args: string[]): Promise<void> {
  const opt = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const clients = opt('--clients', 200);
  const seconds = opt('--seconds', 60);
  const warmup = opt('--warmup', 5);
  const workers = opt('--workers', 4);
  const fullCount = opt('--full', 5);
  const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] as Kind) : null;
  const loadStart = loadAverage();
  const tls = newHostCertificate('Penholder fan-out bench');
  if (only !== null && only !== 'penholder' && only !== 'baseline') throw new Error(`--only takes penholder or baseline, not ${only}`);
  if (only) {
    const one = await measure(only, clients, seconds, warmup, workers, fullCount, tls);
    process.stdout.write(`${only}: ${JSON.stringify({ ...one, load_average: { start: loadStart, end: loadAverage() } })}\n`);
    process.exit(one.refused + one.closed > 0 || !one.converged ? 1 : 0);
  }
  const ours = await measure('penholder', clients, seconds, warmup, workers, fullCount, tls);
  process.stdout.write(`penholder host: ${JSON.stringify(ours)}\n`);
  const base = await measure('baseline', clients, seconds, warmup, workers, fullCount, tls);
  process.stdout.write(`@y/websocket-server: ${JSON.stringify(base)}\n`);
  const converged = ours.converged && base.converged;
  // The bench fails on our host's faults only: a plain server too far behind to converge
  // within the wait is a figure of the comparison, not a fault of the bench.
  const failed = ours.refused + ours.closed > 0 || !ours.converged;
  if (ours.refused + ours.closed > 0) process.stderr.write(`FAILED: our host refused ${ours.refused} updates, closed ${ours.closed} connections: ${ours.reasons.join(' | ')}\n`);
  if (!ours.converged) process.stderr.write(`FAILED: a full client's document differs from our host's\n`);
  if (!base.converged) process.stderr.write(`note: the plain server's full clients had not converged 120 s after the timed period (${base.delivered} of ${base.edits} edits delivered)\n`);
  process.stdout.write(
    `${JSON.stringify({
      clients,
      full_clients: fullIndices(clients, fullCount).length,
      tls: ours.tls && base.tls,
      seconds,
      warmup_seconds: warmup,
      role: 'delegation',
      p50_ms: round3(ours.p50),
      p99_ms: round3(ours.p99),
      baseline_p50_ms: round3(base.p50),
      baseline_p99_ms: round3(base.p99),
      ratio_p99: round3(ours.p99 / base.p99),
      host_rss_mb: round3(ours.rssMb),
      baseline_rss_mb: round3(base.rssMb),
      max_ms: round3(ours.max),
      baseline_max_ms: round3(base.max),
      cores: os.cpus().length,
      workers,
      host_cpu: ours.serverCpu,
      host_loop_busy: ours.loopBusy,
      host_cpu_ms_per_edit: ours.cpuMsPerEdit,
      baseline_cpu_ms_per_edit: base.cpuMsPerEdit,
      clients_cpu: ours.clientsCpu,
      clients_cpu_max: ours.clientsCpuMax,
      baseline_server_cpu: base.serverCpu,
      baseline_loop_busy: base.loopBusy,
      baseline_clients_cpu: base.clientsCpu,
      baseline_clients_cpu_max: base.clientsCpuMax,
      converged,
      host_converged: ours.converged,
      baseline_converged: base.converged,
      delivered: ours.delivered,
      edits: ours.edits,
      refused: ours.refused,
      forbidden_closes: ours.closed,
      load_average: { start: loadStart, end: loadAverage() },
    })}\n`,
  );
  process.exit(failed ? 1 : 0);
}

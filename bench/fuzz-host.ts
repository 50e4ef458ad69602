/**
 * `npm run bench -- fuzz-host [--updates N] [--seed S] [--lanes L]`: N (10,000) malformed or
 * hostile inputs against a live host (real store in a temporary data folder, real
 * Hocuspocus on 127.0.0.1 port 0 over TLS), from hand-made clients, L (4) at a time
 * (_fuzz-run.ts runs it, _fuzz-cases.ts says what is sent). The seed (default: from the
 * clock) is printed first; the same seed sends the same cases.
 *
 * The last line is one JSON object: updates (cases sent), seed, crashes (the host process
 * exited), hangs (answers later than 1 s, plus 1 if the probe's sync round trip ever took
 * longer), max_ms and p99_ms of the answer times, probe_max_ms, unchanged (the host's
 * document, its state vector, the store's content hash and its update count are as before
 * the cases), presence_kept (the owners' presence untouched), accepted (kinds of the cases
 * after which the store grew: each is a hole), throttled (cases answered late on purpose,
 * not timed), control_accepted (a legitimate edit after the run is stored), host_rss_mb
 * before and after, kinds (cases per kind), slow (the first slow answers), seconds, and
 * load_average. Exits 1 unless crashes and hangs are 0 and the document is unchanged.
 */
import os from 'node:os';
import { runFuzz } from './_fuzz-run.js';
import { round3 } from './_stats.js';

/** Runs the bench (see the module comment). */
export async function run(args: string[]): Promise<void> {
  const opt = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const seed = opt('--seed', Date.now() % 2_147_483_647);
  process.stdout.write(`fuzz-host seed ${seed}\n`);
  const loadStart = os.loadavg().map((l) => Math.round(l * 100) / 100);
  const r = await runFuzz({ updates: opt('--updates', 10_000), seed, lanes: opt('--lanes', 4), log: (line) => process.stderr.write(`${line}\n`) });
  const ok = r.crashes === 0 && r.hangs === 0 && r.unchanged && r.presenceKept && r.controlAccepted;
  process.stdout.write(
    `${JSON.stringify({
      updates: r.updates,
      seed: r.seed,
      crashes: r.crashes,
      hangs: r.hangs,
      max_ms: round3(r.maxMs),
      p99_ms: round3(r.p99Ms),
      probe_max_ms: round3(r.probeMaxMs),
      probe_rounds: r.probeRounds,
      unchanged: r.unchanged,
      presence_kept: r.presenceKept,
      accepted: r.accepted,
      throttled: r.throttled,
      control_accepted: r.controlAccepted,
      host_rss_mb: { before: r.before.rssMb, after: r.after?.rssMb ?? null },
      kinds: r.kinds,
      slow: r.slow,
      seconds: round3(r.seconds),
      load_average: { start: loadStart, end: os.loadavg().map((l) => Math.round(l * 100) / 100) },
    })}\n`,
  );
  process.exit(ok ? 0 : 1);
}

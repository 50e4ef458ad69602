/**
 * The host fuzz run, shared by `npm run bench -- fuzz-host` and its CI sample
 * (test/bench/fuzz-host.test.ts): a live host in its own process (_fuzz-server.ts), owners
 * USA and RUS who each propose a bracket (and stay connected, so their presence can be
 * forged), the attacker FRA's own bracket, then `updates` seeded cases (_fuzz-cases.ts),
 * `lanes` at a time, each on a fresh pinned TLS connection, while a probe connection asks
 * the host for a sync every 100 ms. Then the host's document and store are compared with
 * what they were before the cases, and USA types in its own bracket to show the host still
 * takes legitimate work (`controlAccepted`).
 *
 * A case's answer time runs from its last frame sent until the host's first answer (see
 * _fuzz-wire.ts); past 1 s it is a hang (and past 5 s it is not waited for any longer).
 * Cases the host answers late on purpose (a wrong code or signature: the throttle) are
 * counted as `throttled`, not timed. A crash is the host process exiting.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { newHostCertificate } from '../electron/consultation/host-cert.js';
import { prosemirrorFragment } from '../shared/ydoc.js';
import { seededRandom } from '../test/support/edit-stream.js';
import { operativeTexts, propose, type Started } from './_fanout-peer.js';
import { thinClient, type ThinClient } from './_fanout-thin.js';
import { marker, pinnedWebSocket } from './_fanout-wire.js';
import { caseAuthFrame, casePicker, type FuzzContext } from './_fuzz-cases.js';
import { fuzzIdentities, fuzzToken, type FuzzWho } from './_fuzz-identities.js';
import type { FuzzState } from './_fuzz-server.js';
import { authFrame, isAnswer, openRaw, syncStep1Frame, type HostFrame } from './_fuzz-wire.js';
import { quantile } from './_stats.js';

/** The figures of a fuzz run (see the module comment). */
export type FuzzResult = {
  seed: number;
  updates: number;
  crashes: number;
  hangs: number;
  maxMs: number;
  p99Ms: number;
  unchanged: boolean;
  before: FuzzState;
  /** Null when the host crashed. */
  after: FuzzState | null;
  presenceKept: boolean;
  accepted: string[];
  throttled: number;
  probeMaxMs: number;
  probeRounds: number;
  controlAccepted: boolean;
  kinds: Record<string, number>;
  slow: string[];
  seconds: number;
};

const HANG_MS = 1000;
const GIVE_UP_MS = 5000;

type Reply = { type: string; message?: string } & Record<string, unknown>;

function hostProcess() {
  // The host logs every connection it closes for an exception: thousands of lines, counted instead of shown.
  const proc = fork(fileURLToPath(new URL('./_fuzz-server.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
  const logged = { lines: 0, tail: [] as string[] };
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) {
      if (!line.trim()) continue;
      logged.lines++;
      logged.tail.push(line);
      if (logged.tail.length > 30) logged.tail.shift();
    }
  });
  let crashed = false;
  let waiting: ((m: Reply) => void) | null = null;
  proc.on('message', (m: Reply) => {
    const w = waiting;
    waiting = null;
    w?.(m);
  });
  proc.on('exit', (code, signal) => {
    if (!stopping) crashed = true;
    waiting?.({ type: 'error', message: `the host process exited (${code ?? signal})` });
  });
  let stopping = false;
  // One request at a time (the lanes ask concurrently): each waits for the previous answer.
  let queue: Promise<unknown> = Promise.resolve();
  const ask = (m: unknown) => {
    const answer = queue.then(
      () =>
        new Promise<Reply>((resolve, reject) => {
          if (crashed) return reject(new Error('the host process exited'));
          waiting = (r) => (r.type === 'error' ? reject(new Error(r.message)) : resolve(r));
          proc.send(m as object);
        }),
    );
    queue = answer.catch(() => {});
    return answer;
  };
  return { ask, logged, crashed: () => crashed, stop: () => ((stopping = true), proc.kill('SIGTERM')) };
}

async function until(what: string, test: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`fuzz setup: ${what} within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs the fuzz (see the module comment); `log` gets progress lines. */
export async function runFuzz(options: { updates: number; seed: number; lanes?: number; log?: (line: string) => void }): Promise<FuzzResult> {
  const began = Date.now();
  const log = options.log ?? (() => {});
  const rng = seededRandom(options.seed);
  const host = hostProcess();
  const clients: ThinClient[] = [];
  let stopProbe = () => {};
  try {
    const tls = newHostCertificate('Penholder fuzz host');
    const started = (await host.ask({ type: 'start', tls })) as unknown as Started & { joinCode: string; fingerprint: string };
    const Socket = pinnedWebSocket({ cert: tls.cert, fingerprint: started.fingerprint });
    const token = (who: FuzzWho) => fuzzToken({ label: who, code: started.joinCode, fingerprint: started.fingerprint, document: started.name });
    const seq = async () => (await host.ask('seq')).seq as number;

    // Setup: USA, RUS and FRA each propose a bracket (accepted: the store grows by three updates).
    const refusals: string[] = [];
    const join = (who: FuzzWho) => {
      const c = thinClient({ kind: 'penholder', url: started.url, name: started.name, token: token(who), presence: { penholder: fuzzIdentities[who] }, Socket, onMarker: () => {}, onRefused: (reason) => refusals.push(`${who}: ${reason}`) });
      clients.push(c);
      return c;
    };
    const owners = { usa: join('usa'), rus: join('rus'), attacker: join('attacker') };
    await until('the owners synced', () => Object.values(owners).every((c) => operativeTexts(c.doc).length > 0) || refusals.length > 0);
    if (refusals.length > 0) throw new Error(`fuzz setup refused: ${refusals.join(' | ')}`);
    const seq0 = await seq();
    const ids = Object.fromEntries((['usa', 'rus', 'attacker'] as const).map((who, i) => [who, propose(owners[who], i, fuzzIdentities[who].delegation)]));
    await until('the three proposals were stored', async () => (await seq()) >= seq0 + 3);
    owners.attacker.close();
    const baseDoc = new Y.Doc({ gc: false });
    const probeView = join('probe');
    await until('the probe saw the proposals', () => {
      const shown = prosemirrorFragment(probeView.doc).toJSON();
      return [0, 1, 2].every((i) => shown.includes(marker(i, 0)));
    });
    Y.applyUpdate(baseDoc, Y.encodeStateAsUpdate(probeView.doc));
    probeView.close();
    const base = { state: Y.encodeStateAsUpdate(baseDoc), usaBracket: ids.usa!.id, rusBracket: ids.rus!.id, ownBracket: ids.attacker!.id };
    const sv = Y.encodeStateVector(baseDoc);
    let last: string | null = null;
    const ctx: FuzzContext = { doc: started.name, code: started.joinCode, fingerprint: started.fingerprint, base, victims: [owners.usa.doc.clientID, owners.rus.doc.clientID], lastToken: () => last };
    // Give the owners' presence time to reach the host before it is recorded.
    await new Promise((r) => setTimeout(r, 300));
    const before = (await host.ask('state')) as unknown as FuzzState;
    log(`fuzz: host ready at ${started.url}, seed ${options.seed}, ${options.updates} cases`);

    // The probe: a sync round trip every 100 ms on its own connection.
    let probeMaxMs = 0;
    let probeRounds = 0;
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const conn = await openRaw(Socket, started.url, GIVE_UP_MS).catch(() => null);
        if (!conn) continue;
        conn.send(authFrame(started.name, token('probe')));
        await conn.next((f) => f.type === 2, GIVE_UP_MS);
        while (probing && conn.open) {
          const t = performance.now();
          conn.send(syncStep1Frame(started.name, sv));
          const answer = await conn.next((f) => f.type === 4 || (f.type === 0 && f.sub === 1), GIVE_UP_MS);
          if (answer === 'closed') break;
          probeMaxMs = Math.max(probeMaxMs, performance.now() - t);
          probeRounds++;
          await new Promise((r) => setTimeout(r, 100));
        }
        conn.close();
      }
    })();
    stopProbe = () => (probing = false);

    const pick = casePicker(rng);
    const times: number[] = [];
    const kinds: Record<string, number> = {};
    const slow: string[] = [];
    const accepted: string[] = [];
    let throttled = 0;
    let hangs = 0;
    let done = 0;
    let storeSeq = await seq();
    const runCase = async () => {
      const c = pick(ctx);
      kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
      const auth = caseAuthFrame(c, ctx);
      let conn;
      try {
        conn = await openRaw(Socket, started.url, GIVE_UP_MS);
      } catch (err) {
        hangs++;
        slow.push(`${c.kind}: ${(err as Error).message}`);
        return;
      }
      try {
        let sentAt = performance.now();
        const send = (f: Uint8Array) => (conn.send(f), (sentAt = performance.now()));
        c.preAuth.forEach(send);
        if (auth) {
          send(auth.frame);
          if (!('token' in c.auth!)) last = auth.token;
        }
        if (c.expect === 'throttled') {
          throttled++;
          return;
        }
        let answer: HostFrame | 'closed' | 'timeout' = 'timeout';
        if (auth && c.frames.length > 0) {
          answer = await conn.next((f) => f.type === 2, GIVE_UP_MS);
          // Authenticated: the hostile frames follow, then a sync step 1 that any live connection answers.
          if (answer !== 'closed' && answer !== 'timeout' && answer.sub === 2) {
            record(c.kind, performance.now() - sentAt);
            c.frames.forEach(send);
            conn.send(syncStep1Frame(ctx.doc, sv));
            answer = await conn.next(isAnswer, GIVE_UP_MS);
          }
        } else {
          answer = await conn.next(isAnswer, GIVE_UP_MS);
        }
        record(c.kind, answer === 'timeout' ? GIVE_UP_MS : performance.now() - sentAt);
      } finally {
        conn.close();
      }
      // Anything the host stored from a case is a hole: say which kind it was.
      const now = await seq();
      if (now !== storeSeq) {
        accepted.push(c.kind);
        if (process.env.FUZZ_DUMP) process.stderr.write(`ACCEPTED ${c.kind} ${JSON.stringify(c.frames.map((f) => Buffer.from(f).toString('base64')))}\n`);
      }
      storeSeq = now;
    };
    const record = (kind: string, ms: number) => {
      times.push(ms);
      if (ms > HANG_MS) {
        hangs++;
        if (slow.length < 20) slow.push(`${kind}: ${Math.round(ms)} ms`);
      }
    };
    const lane = async () => {
      while (done < options.updates && !host.crashed()) {
        done++;
        await runCase();
        if (done % 1000 === 0) log(`fuzz: ${done} cases, ${hangs} hangs, ${accepted.length} accepted, probe max ${Math.round(probeMaxMs)} ms`);
      }
    };
    await Promise.all(Array.from({ length: options.lanes ?? 4 }, lane));
    probing = false;
    await probe;
    const crashes = host.crashed() ? 1 : 0;
    const after = crashes ? null : ((await host.ask('state')) as unknown as FuzzState);
    const unchanged = !!after && before.hostHash === after.hostHash && before.storeHash === after.storeHash && before.storeSeq === after.storeSeq && before.stateVector === after.stateVector;
    if (process.env.FUZZ_DUMP) process.stderr.write(`PRESENCE ${JSON.stringify(ctx.victims)} ${JSON.stringify(before.presence)} ${JSON.stringify(after?.presence)}\n`);
    const presenceKept = !!after && ctx.victims.every((id) => before.presence[String(id)] !== undefined && after.presence[String(id)] === before.presence[String(id)]);
    // Control: USA types in its own bracket, which the host must still take.
    let controlAccepted = false;
    if (!crashes) {
      const seqBefore = await seq();
      const text = ids.usa!.text;
      owners.usa.doc.transact(() => text.insert(text.length, marker(0, 1)), 'bench-local');
      controlAccepted = await until('the control edit was stored', async () => (await seq()) > seqBefore, 5000).then(() => true, () => false);
    }
    return {
      seed: options.seed,
      updates: done,
      crashes,
      hangs: hangs + (probeMaxMs > HANG_MS ? 1 : 0),
      maxMs: Math.max(0, ...times),
      p99Ms: quantile(times, 0.99),
      unchanged,
      before,
      after,
      presenceKept,
      accepted,
      throttled,
      probeMaxMs,
      probeRounds,
      controlAccepted,
      kinds,
      slow,
      seconds: (Date.now() - began) / 1000,
    };
  } finally {
    stopProbe();
    clients.forEach((c) => c.close());
    host.stop();
  }
}

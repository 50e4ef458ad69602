/**
 * The cases of the host fuzz bench: one hostile input each, as the frames a hand-made client
 * sends, before and after it authenticates. Kinds and weights are in `caseKinds`; a seeded
 * generator picks them. Every case must leave the document and the store as they were.
 * Pre-authentication: random bytes, a frame over the pre-auth limit, a flood of queued
 * frames, hostile updates queued before the token, malformed tokens, a token from a wrong
 * clock, a replayed token, an unadmitted key, a key claiming a delegation it was not
 * admitted for, a wrong code or signature (throttled: the host answers those late on
 * purpose, so they are counted apart). After authenticating as FRA: the hostile updates of
 * _fuzz-updates.ts (as sync updates or sync step 2), the same with bytes flipped or cut,
 * random bytes as an update, truncated and oversized varints, unknown message types,
 * presence forgeries, stateless messages; as an observer: any change.
 */
import * as encoding from 'lib0/encoding';
import { awarenessFrame, authFrame, hpFrame, updateFrame } from './_fuzz-wire.js';
import { fuzzToken, type FuzzWho } from './_fuzz-identities.js';
import { flipBytes, hostileUpdates, ownEdit, type FuzzBase } from './_fuzz-updates.js';

type Rng = { next(): number; int(n: number): number; pick<T>(xs: readonly T[]): T };

/** What a case is run against: the host, the document and whose presence to forge. */
export type FuzzContext = { doc: string; code: string; fingerprint: string; base: FuzzBase; victims: number[]; lastToken: () => string | null };

/**
 * One case: frames before the authentication, the authentication (a fuzz identity's fresh
 * token, an explicit token, or none), frames after it, and what the host should do: answer
 * (within 1 s) or answer late on purpose (`throttled`: a wrong code or signature).
 */
export type FuzzCase = { kind: string; preAuth: Uint8Array[]; auth: { who: FuzzWho } | { token: string } | null; frames: Uint8Array[]; expect: 'answer' | 'throttled' };

const bytes = (rng: Rng, n: number) => Uint8Array.from({ length: n }, () => rng.int(256));

function awarenessPayload(entries: { id: number; clock: number; json: string }[], trailing?: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const x of entries) {
    encoding.writeVarUint(e, x.id);
    encoding.writeVarUint(e, x.clock);
    encoding.writeVarString(e, x.json);
  }
  if (trailing) encoding.writeUint8Array(e, trailing);
  return encoding.toUint8Array(e);
}

const hostileKinds = Object.keys(hostileUpdates);
const smallHostile = hostileKinds.filter((k) => k !== 'huge-update' && k !== 'huge-proposal');
const fra = { who: 'attacker' as const };

/** The case kinds with their weights (out of their sum). */
export const caseKinds: [string, number, (ctx: FuzzContext, rng: Rng) => FuzzCase][] = [
  ['hostile-update', 30, (c, r) => {
    const k = r.pick(hostileKinds);
    return { kind: `update:${k}`, preAuth: [], auth: fra, frames: [updateFrame(c.doc, hostileUpdates[k]!(c.base, r))], expect: 'answer' };
  }],
  ['hostile-step2', 5, (c, r) => ({ kind: 'sync-step2', preAuth: [], auth: fra, frames: [hpFrame(c.doc, 0, (e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, hostileUpdates[r.pick(smallHostile)]!(c.base, r))))], expect: 'answer' })],
  ['flipped-update', 12, (c, r) => ({ kind: 'flipped-update', preAuth: [], auth: fra, frames: [updateFrame(c.doc, flipBytes(hostileUpdates[r.pick(smallHostile)]!(c.base, r), r, 1 + r.int(8)))], expect: 'answer' })],
  ['truncated-update', 8, (c, r) => {
    const u = r.next() < 0.5 ? ownEdit(c.base, r) : hostileUpdates[r.pick(smallHostile)]!(c.base, r);
    return { kind: 'truncated-update', preAuth: [], auth: fra, frames: [updateFrame(c.doc, u.subarray(0, r.int(u.length)))], expect: 'answer' };
  }],
  ['random-update', 6, (c, r) => ({ kind: 'random-update', preAuth: [], auth: fra, frames: [updateFrame(c.doc, bytes(r, 1 + r.int(400)))], expect: 'answer' })],
  ['bad-varint', 5, (c, r) => {
    const tails = [[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], [0x80, 0x80], [0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2], [0x80]];
    const head = r.pick([[0, 2], [0, 1], [0], [1], []]);
    return { kind: 'bad-varint', preAuth: [], auth: fra, frames: [hpFrame(c.doc, head[0] ?? 0, (e) => encoding.writeUint8Array(e, Uint8Array.from([...head.slice(1), ...r.pick(tails)])))], expect: 'answer' };
  }],
  ['unknown-type', 3, (c, r) => ({ kind: 'unknown-type', preAuth: [], auth: fra, frames: [r.next() < 0.5 ? hpFrame(c.doc, 9 + r.int(200), (e) => encoding.writeUint8Array(e, bytes(r, r.int(30)))) : hpFrame(c.doc, 0, (e) => (encoding.writeVarUint(e, 3 + r.int(100)), encoding.writeUint8Array(e, bytes(r, r.int(30)))))], expect: 'answer' })],
  ['presence-forgery', 10, (c, r) => {
    const victim = r.pick(c.victims);
    const own = 1_000_000 + r.int(1_000_000);
    const forms = [
      () => awarenessPayload([{ id: victim, clock: 1000 + r.int(1000), json: '{}' }]),
      () => awarenessPayload([{ id: victim, clock: 1000 + r.int(1000), json: '{"penholder":{"delegation":"USA","name":"USA Chair","role":"facilitator"}}' }, { id: own, clock: 0, json: '{}' }], bytes(r, 1 + r.int(5))),
      () => awarenessPayload([{ id: own, clock: 0, json: '{"penholder":{"delegation":"USA","name":"USA Chair","role":"facilitator"}}' }]),
      () => awarenessPayload([{ id: own, clock: 0, json: `{"x":"${'y'.repeat(9000 + r.int(5000))}"}` }]),
      () => awarenessPayload([{ id: own, clock: 0, json: r.pick(['42', '[1]', '"s"', '{', 'nul']) }]),
      () => awarenessPayload([{ id: victim, clock: 1000 + r.int(1000), json: 'null' }]),
      () => bytes(r, 1 + r.int(60)),
    ];
    return { kind: 'presence-forgery', preAuth: [], auth: fra, frames: [awarenessFrame(c.doc, r.pick(forms)())], expect: 'answer' };
  }],
  ['stateless', 4, (c, r) => ({ kind: 'stateless', preAuth: [], auth: fra, frames: [hpFrame(c.doc, r.pick([5, 6]), (e) => encoding.writeVarString(e, JSON.stringify({ type: 'penholder.refused', reason: 'The host closed the consultation.' })))], expect: 'answer' })],
  ['observer-change', 3, (c, r) => ({ kind: 'observer-change', preAuth: [], auth: { who: 'observer' }, frames: [updateFrame(c.doc, ownEdit(c.base, r))], expect: 'answer' })],
  ['preauth-random', 5, (c, r) => ({ kind: 'preauth-random', preAuth: Array.from({ length: 1 + r.int(4) }, () => bytes(r, 1 + r.int(2000))), auth: fra, frames: [], expect: 'answer' })],
  ['preauth-big', 2, (c, r) => ({ kind: 'preauth-big', preAuth: [bytes(r, 70_000 + r.int(200_000))], auth: fra, frames: [], expect: 'answer' })],
  ['preauth-flood', 1, (c, r) => ({ kind: 'preauth-flood', preAuth: Array.from({ length: 6 }, () => updateFrame(c.doc, bytes(r, 60_000))), auth: null, frames: [], expect: 'answer' })],
  ['preauth-update', 4, (c, r) => ({ kind: 'preauth-update', preAuth: [updateFrame(c.doc, hostileUpdates[r.pick(smallHostile)]!(c.base, r))], auth: fra, frames: [], expect: 'answer' })],
  ['bad-token', 4, (c, r) => {
    const tokens = [
      () => String.fromCharCode(...bytes(r, r.int(300))),
      () => JSON.stringify({ code: c.code, delegation: 'USA', name: 'Old token', role: 'delegation' }),
      () => JSON.stringify({ v: 2, code: c.code, delegation: 'USA', name: 'x', role: 'delegation', key: 'zz', time: Date.now(), sig: '!!' }),
      () => `{"v":2,"code":"${'A'.repeat(40_000 + r.int(20_000))}"}`,
      () => JSON.stringify({ v: 2, code: c.code, delegation: 'XXX', name: 'x', role: 'emperor' }),
    ];
    return { kind: 'bad-token', preAuth: [], auth: { token: r.pick(tokens)() }, frames: [], expect: 'answer' };
  }],
  ['bad-time', 1, (c, r) => ({ kind: 'bad-time', preAuth: [], auth: { token: fuzzToken({ label: 'attacker', code: c.code, fingerprint: c.fingerprint, document: c.doc, time: Date.now() + (r.next() < 0.5 ? -1 : 1) * (6 + r.int(600)) * 60_000 }) }, frames: [], expect: 'answer' })],
  ['replayed', 1, (c) => ({ kind: 'replayed', preAuth: [], auth: { token: c.lastToken() ?? 'none' }, frames: [], expect: 'answer' })],
  ['unadmitted', 1, (c, r) => ({ kind: 'unadmitted', preAuth: [], auth: { token: fuzzToken({ label: `stranger-${r.int(1e9)}`, claim: { delegation: 'USA', name: 'Stranger', role: 'delegation' }, code: c.code, fingerprint: c.fingerprint, document: c.doc }) }, frames: [], expect: 'answer' })],
  ['claims-usa', 3, (c, r) => ({
    kind: 'claims-usa',
    preAuth: [],
    auth: { token: fuzzToken({ label: 'attacker', claim: { delegation: 'USA', name: 'Owner USA', role: 'delegation' }, code: c.code, fingerprint: c.fingerprint, document: c.doc }) },
    frames: [updateFrame(c.doc, hostileUpdates[r.pick(['drop-others', 'reattribute', 'forged-proposer'])]!(c.base, r))],
    expect: 'answer',
  })],
  ['throttled', 0.2, (c, r) => ({
    kind: 'throttled',
    preAuth: [],
    auth: { token: r.next() < 0.5 ? fuzzToken({ label: 'attacker', code: 'WRNG-CODE-0000-0000-0000', fingerprint: c.fingerprint, document: c.doc }) : fuzzToken({ label: 'attacker', code: c.code, fingerprint: '0'.repeat(64), document: c.doc }) },
    frames: [],
    expect: 'throttled',
  })],
];

/** A seeded picker of cases over `caseKinds` by weight. */
export function casePicker(rng: Rng): (ctx: FuzzContext) => FuzzCase {
  const total = caseKinds.reduce((s, [, w]) => s + w, 0);
  return (ctx) => {
    let x = rng.next() * total;
    for (const [, w, make] of caseKinds) if ((x -= w) < 0) return make(ctx, rng);
    return caseKinds[0]![2](ctx, rng);
  };
}

/** The authentication frame of a case (a fresh token for a fuzz identity), or null. */
export function caseAuthFrame(c: FuzzCase, ctx: FuzzContext): { frame: Uint8Array; token: string } | null {
  if (!c.auth) return null;
  const token = 'token' in c.auth ? c.auth.token : fuzzToken({ label: c.auth.who, code: ctx.code, fingerprint: ctx.fingerprint, document: ctx.doc });
  return { frame: authFrame(ctx.doc, token), token };
}

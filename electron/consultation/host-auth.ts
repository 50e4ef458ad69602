/**
 * The host's check of a version-2 token (join-token.ts) for a connection or the document
 * list, in this order: its form (bad-token, no attempt counted); its code (wrong-code,
 * throttled per address and per key: access.ts `createThrottle`, a right code never waits);
 * its time within five minutes of the host's clock (bad-time); its signature by its key
 * over this host's certificate fingerprint and the document (bad-signature, throttled; bound
 * to the fingerprint rather than the TLS session because a stock provider makes its token
 * before, and without access to, the session: join-token.ts says why that holds);
 * a signature not seen before (replayed); then admission.ts decides who the key speaks for
 * (admitted, `waiting` in the lobby, or refused). Refusals are `{ reason: 'kind: sentence' }`.
 */
import type { Participant } from '../../shared/api/contract.js';
import type { Throttle } from './access.js';
import type { Admission } from './admission.js';
import { refusalReason } from './refusal-reasons.js';
import { createReplayGuard, keyFingerprintOf, parseJoinToken, signatureValid, tokenWindowMs, type JoinToken } from './join-token.js';

/** Who a checked token speaks for, and the fingerprint of its key. */
export type Authorized = { participant: Participant; key: string };

/**
 * The check (see the module comment) for the host whose certificate has `fingerprint`.
 * `authorize(token, address, document)` resolves with the admitted participant or rejects
 * with `{ reason }`; `document` is '' for the document list, where a key waiting in the
 * lobby is answered too (`waiting` true) so its join dialog can show what it will join.
 */
export function createHostAuthorizer(options: { admission: Admission; throttle: Throttle; fingerprint: string; now?: () => number }) {
  const { admission, throttle, fingerprint } = options;
  const now = options.now ?? Date.now;
  const replay = createReplayGuard(now);
  const failed = async (keys: string[], reason: string): Promise<never> => {
    const wait = throttle.fail(keys);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait).unref());
    throw { reason };
  };
  return async (token: string | undefined, address: string, document: string): Promise<Authorized & { waiting?: true }> => {
    let t: JoinToken;
    try {
      t = parseJoinToken(token ?? '');
    } catch (err) {
      throw { reason: `bad-token: ${(err as Error).message}` };
    }
    const key = keyFingerprintOf(t.key);
    const keys = [`address:${address}`, `key:${key}`];
    const code = admission.codeKind(t.code);
    if (!code || (code.kind === 'join' && t.role === 'facilitator')) {
      return failed(keys, refusalReason(code ? 'facilitatorNeedsCode' : 'wrongCode'));
    }
    const off = t.time - now();
    if (Math.abs(off) > tokenWindowMs) {
      throw { reason: refusalReason(off > 0 ? 'clockAhead' : 'clockBehind', { minutes: Math.round(Math.abs(off) / 60_000) }) };
    }
    if (!signatureValid(t, fingerprint, document)) return failed(keys, refusalReason('badSignature'));
    if (replay.seen(t.sig, t.time)) throw { reason: refusalReason('replayed') };
    const decision = admission.decide({ key, delegation: t.delegation, name: t.name.trim(), role: t.role }, code);
    if (decision.kind === 'admitted') return { participant: decision.participant, key };
    if (decision.kind === 'waiting' && document === '') return { participant: { delegation: t.delegation, name: t.name.trim(), role: t.role }, key, waiting: true };
    throw { reason: decision.reason };
  };
}

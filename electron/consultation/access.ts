/**
 * Who may enter a consultation: the two access codes, the participant token, the throttle
 * on failed attempts and the check of a token that uses them.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { delegations } from '../../seeds/index.js';
import { consultationRoles, type ConsultationRole, type Participant } from '../../shared/api/contract.js';

// Crockford's base32: no I, L, O, U, so a code read aloud or copied by hand survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A fresh access code: 100 random bits as 20 base32 characters in five groups of four
 * (`7K2Q-M9XD-...`). Guessing one at the throttled rate would take longer than the universe.
 */
export function newAccessCode(): string {
  const bytes = randomBytes(13);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 20; i++) out += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return out.match(/.{4}/g)!.join('-');
}

/** A code as typed, made comparable: case, spaces and dashes ignored; O read as 0, I and L as 1. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** True when `typed` is `code` (normalized, compared in constant time). */
export function codeMatches(typed: string, code: string): boolean {
  const a = Buffer.from(normalizeCode(typed));
  const b = Buffer.from(normalizeCode(code));
  return a.length === b.length && timingSafeEqual(a, b);
}

const delegationCodes = new Set(delegations.map((d) => d.code));

/** A participant's claim as sent in the provider's `token`, with the code. */
export type ParticipantToken = Participant & { code: string };

/**
 * Reads the provider token `{"code","delegation","name","role"}`. Throws an Error saying
 * what is wrong; the delegation must be a code of the delegation list (seeds/delegations.json).
 */
export function parseToken(token: string): ParticipantToken {
  let value: unknown;
  try {
    value = JSON.parse(token);
  } catch {
    throw new Error('The token is not JSON.');
  }
  const t = (value ?? {}) as Record<string, unknown>;
  const { code, delegation, name, role } = t;
  if (typeof code !== 'string' || code === '') throw new Error('The token has no code.');
  if (typeof role !== 'string' || !(consultationRoles as readonly string[]).includes(role)) {
    throw new Error(`The role must be one of ${consultationRoles.join(', ')}.`);
  }
  if (typeof delegation !== 'string' || !delegationCodes.has(delegation)) {
    throw new Error(`The delegation ${JSON.stringify(delegation ?? null)} is not on the delegation list (codes such as CAN, EU, G77).`);
  }
  if (typeof name !== 'string' || name.trim() === '' || name.length > 200) throw new Error('The name is missing or too long.');
  return { code, delegation, name: name.trim(), role: role as ConsultationRole };
}

/** How many failures a key may make before its wrong answers wait, how long, and when it is forgotten. */
export type ThrottleOptions = { freeFailures?: number; baseDelayMs?: number; maxDelayMs?: number; forgetAfterMs?: number; now?: () => number };

/** Failed-attempt throttle per key (see `createThrottle`). */
export type Throttle = {
  /**
   * Records a failed attempt under each of `keys` (an address, a claimed identity) and
   * returns how many milliseconds its answer must wait (0: answer now).
   */
  fail(keys: readonly string[]): number;
};

/**
 * A throttle that delays answers, never checks: every attempt is checked at once, a right
 * code is admitted at once whatever failed before it from the same address (a delegation
 * behind one NAT is never locked out by a neighbour's guesses), and only the answer to a
 * wrong one waits. The first `freeFailures` (5) failures of a key are answered at once;
 * each further one waits `baseDelayMs` (1 s) doubled per failure, at most `maxDelayMs`
 * (15 min), and after the previous delayed answer of that key, so a flood of guesses is
 * answered one delay apart, each after its check. A success resets nothing (an admitted
 * join code does not buy fresh facilitator-code guesses); a key is forgotten after
 * `forgetAfterMs` (1 h) without a failure.
 */
export function createThrottle(options: ThrottleOptions = {}): Throttle {
  const free = options.freeFailures ?? 5;
  const base = options.baseDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 15 * 60_000;
  const forget = options.forgetAfterMs ?? 60 * 60_000;
  const now = options.now ?? Date.now;
  const state = new Map<string, { failures: number; last: number; answerAt: number }>();
  return {
    fail(keys) {
      const t = now();
      let wait = 0;
      for (const key of keys) {
        let s = state.get(key);
        if (!s || t - s.last > forget) state.set(key, (s = { failures: 0, last: t, answerAt: t }));
        s.failures++;
        s.last = t;
        // Each delayed answer comes one delay after the key's previous one, however fast the
        // guesses arrive: capping the answer time itself at now + max let a flood be answered
        // all at once once the delay reached its cap (the socket's auth deadline still ends it).
        if (s.failures > free) s.answerAt = Math.max(t, s.answerAt) + Math.min(max, base * 2 ** (s.failures - free - 1));
        wait = Math.max(wait, s.answerAt - t);
      }
      if (state.size > 100_000) for (const [k, s] of state) if (t - s.last > forget) state.delete(k);
      return wait;
    },
  };
}

/** Which code admits which roles: the facilitator code admits every role, the join code delegations and observers. */
export function admits(codes: { joinCode: string; facilitatorCode: string }, token: ParticipantToken): boolean {
  if (codeMatches(token.code, codes.facilitatorCode)) return true;
  return token.role !== 'facilitator' && codeMatches(token.code, codes.joinCode);
}

/**
 * Who may connect or list the documents: `authorize(token, address)` resolves with the claim
 * of a well-formed token whose code admits its role, and rejects with `{ reason: 'kind:
 * sentence' }` otherwise (bad-token, wrong-code). A malformed token is refused without
 * comparing any code and costs no attempt; a wrong code is recorded under its address and
 * claimed identity and answered only after `throttle`'s delay; a right code never waits.
 */
export function createAuthorizer(
  codes: { joinCode: string; facilitatorCode: string },
  throttle: Throttle,
): (token: string | undefined, address: string) => Promise<ParticipantToken> {
  return async (token, address) => {
    let claim: ParticipantToken;
    try {
      claim = parseToken(token ?? '');
    } catch (err) {
      throw { reason: `bad-token: ${(err as Error).message}` };
    }
    if (!admits(codes, claim)) {
      const wait = throttle.fail([`address:${address}`, `claim:${claim.role}/${claim.delegation}/${claim.name}`]);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait).unref());
      throw { reason: `wrong-code: ${wrongCode(claim, codes.joinCode)}` };
    }
    return claim;
  };
}

// The reason for people after 'wrong-code:'. Saying that the join code is not a facilitator's
// tells nothing to someone who does not already hold the join code.
function wrongCode(claim: ParticipantToken, joinCode: string): string {
  if (claim.role === 'facilitator' && codeMatches(claim.code, joinCode)) return 'the join code admits delegations and observers; joining as facilitator needs the facilitator code.';
  return 'this code does not open this consultation.';
}

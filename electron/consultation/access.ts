/**
 * The access codes of a consultation (made, typed, compared) and the throttle on failed
 * attempts. The token that carries a code, signed by the participant's key, is read in
 * join-token.ts and checked in host-auth.ts.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

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

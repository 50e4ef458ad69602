/**
 * Who may enter a consultation: the two access codes, the participant token and the
 * throttle on failed attempts.
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

/** How many failures an address may make before it is locked out, and for how long. */
export type ThrottleOptions = { freeFailures?: number; baseDelayMs?: number; maxDelayMs?: number; now?: () => number };

/** Failed-attempt throttle per address (see `createThrottle`). */
export type Throttle = {
  /** Milliseconds `address` must still wait before its next attempt is even checked (0: go ahead). */
  waitMs(address: string): number;
  /** Records a failed attempt of `address`. */
  fail(address: string): void;
  /** Records a successful attempt (forgets the address's failures). */
  succeed(address: string): void;
};

/**
 * The first `freeFailures` (5) failures of an address cost nothing; each further one locks
 * the address out for `baseDelayMs` (1 s) doubled per failure, at most `maxDelayMs` (15 min).
 * During a lockout every attempt is refused unchecked, a right code included.
 */
export function createThrottle(options: ThrottleOptions = {}): Throttle {
  const free = options.freeFailures ?? 5;
  const base = options.baseDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 15 * 60_000;
  const now = options.now ?? Date.now;
  const state = new Map<string, { failures: number; until: number }>();
  return {
    waitMs(address) {
      const s = state.get(address);
      return s ? Math.max(0, s.until - now()) : 0;
    },
    fail(address) {
      const s = state.get(address) ?? { failures: 0, until: 0 };
      s.failures++;
      if (s.failures > free) s.until = now() + Math.min(max, base * 2 ** (s.failures - free - 1));
      state.set(address, s);
    },
    succeed(address) {
      state.delete(address);
    },
  };
}

/** Which code admits which roles: the facilitator code admits every role, the join code delegations and observers. */
export function admits(codes: { joinCode: string; facilitatorCode: string }, token: ParticipantToken): boolean {
  if (codeMatches(token.code, codes.facilitatorCode)) return true;
  return token.role !== 'facilitator' && codeMatches(token.code, codes.joinCode);
}

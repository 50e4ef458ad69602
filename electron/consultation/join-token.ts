/**
 * The provider token of a consultation, version 2 (README, "Joining a consultation: the
 * token"): a JSON object
 *   {"v":2,"code","delegation","name","role","key","time","sig"}
 * where `key` is the installation's raw 32-byte Ed25519 public key in lowercase hex, `time`
 * milliseconds since the epoch and `sig` the base64url Ed25519 signature of the UTF-8 bytes of
 *   penholder-join-v2\n<host certificate fingerprint>\n<document name>\n<time>\n<delegation>\n<role>\n<name>
 * The document name is the Hocuspocus document joined, '' for the document list
 * (POST /penholder/documents). Binding the signature to the host's certificate fingerprint
 * means a token captured by a host in between is useless at the real host (the participant
 * pinned the real fingerprint, so it never reaches the other host anyway), and one made for
 * one host is refused by every other; binding it to the time and refusing a signature seen
 * before means a copied token is useless later.
 *
 * Why the fingerprint and not the TLS session (issue 13 point 2 allows either): a stock
 * `@hocuspocus/provider` computes its token itself, a string or a function it calls, before
 * it has any TLS session to bind to and without any way to read one (neither the provider nor
 * the WebSocket API exposes the session's keying material, RFC 5705 / 9266 channel binding),
 * and a host challenge would need a round trip the Hocuspocus protocol does not have. The
 * pinned fingerprint names the one host that holds its private key, so a signature over it
 * proves the key to that host alone, which is what binding to the session would give.
 * The delegation in the token is only what the key ASKS for: the host's admission list
 * (admission.ts) decides what it speaks for.
 */
import { createHash, createPublicKey, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';
import { delegations } from '../../seeds/index.js';
import { consultationRoles, type ConsultationRole } from '../../shared/api/contract.js';
import { ConsultationError } from '../../shared/consultation/errors.js';
import { msg } from '../../shared/i18n/message.js';

/** What a version-2 token carries (see the module comment). */
export type JoinToken = { v: 2; code: string; delegation: string; name: string; role: ConsultationRole; key: string; time: number; sig: string };

/** How far a token's time may be from the host's clock (5 minutes either way). */
export const tokenWindowMs = 5 * 60_000;

const delegationCodes = new Set(delegations.map((d) => d.code));

/** The bytes a token's `sig` signs (see the module comment). */
export function joinMessage(fields: { fingerprint: string; document: string; time: number; delegation: string; role: string; name: string }): Buffer {
  const { fingerprint, document, time, delegation, role, name } = fields;
  return Buffer.from(`penholder-join-v2\n${fingerprint}\n${document}\n${time}\n${delegation}\n${role}\n${name}`, 'utf8');
}

/** The raw Ed25519 public key of a private key, lowercase hex (what a token's `key` holds). */
export function rawPublicKeyHex(privateKey: KeyObject): string {
  return Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');
}

/** The fingerprint of a raw public key in hex: SHA-256 of its 32 bytes, 64 lowercase hex (LobbyEntry.key). */
export function keyFingerprintOf(keyHex: string): string {
  return createHash('sha256').update(Buffer.from(keyHex, 'hex')).digest('hex');
}

/** A fingerprint's short form for people: its first 8 hex digits, uppercase, as `3F2A-9C1B`. */
export function shortKey(fingerprint: string): string {
  return `${fingerprint.slice(0, 4)}-${fingerprint.slice(4, 8)}`.toUpperCase();
}

let lastTime = 0;

/**
 * A signed version-2 token as the provider sends it (JSON text). `sign` signs bytes with
 * the installation's private key (installation-key.ts `sign`) or is the private KeyObject
 * itself; `key` the raw public key in hex; `time` defaults to now.
 */
export function signJoinToken(args: {
  code: string;
  fingerprint: string;
  document: string;
  delegation: string;
  name: string;
  role: ConsultationRole;
  key: string;
  sign: KeyObject | ((bytes: Uint8Array) => Uint8Array);
  time?: number;
}): string {
  // Strictly increasing here: Ed25519 signatures are deterministic, so two tokens for the same
  // document signed in the same millisecond would be one signature, and the second a "replay".
  const time = args.time ?? (lastTime = Math.max(Date.now(), lastTime + 1));
  const bytes = joinMessage({ ...args, time });
  const signature = typeof args.sign === 'function' ? args.sign(bytes) : edSign(null, bytes, args.sign);
  const token: JoinToken = { v: 2, code: args.code, delegation: args.delegation, name: args.name, role: args.role, key: args.key, time, sig: Buffer.from(signature).toString('base64url') };
  return JSON.stringify(token);
}

/**
 * Reads a token as JSON and checks its form. Throws an Error saying what is wrong: not
 * JSON, not version 2 (an older Penholder), a missing code, a role or delegation outside
 * the lists, a missing or long name, a key that is not 64 hex, a time that is not an
 * integer, a signature that is not base64url of 64 bytes.
 */
export function parseJoinToken(token: string): JoinToken {
  let value: unknown;
  try {
    value = JSON.parse(token);
  } catch {
    throw new ConsultationError(msg('checks:token.notJson'));
  }
  const t = (value ?? {}) as Record<string, unknown>;
  if (t.v !== 2) throw new ConsultationError(msg('checks:token.notVersion2'));
  const { code, delegation, name, role, key, time, sig } = t;
  if (typeof code !== 'string' || code === '' || code.length > 200) throw new ConsultationError(msg('checks:token.noCode'));
  if (typeof role !== 'string' || !(consultationRoles as readonly string[]).includes(role)) throw new ConsultationError(msg('checks:token.role', { roles: consultationRoles.join(', ') }));
  if (typeof delegation !== 'string' || !delegationCodes.has(delegation)) {
    throw new ConsultationError(msg('checks:token.delegation', { delegation: String(JSON.stringify(delegation ?? null)) }));
  }
  if (typeof name !== 'string' || name.trim() === '' || name.length > 200 || name.includes('\n')) throw new ConsultationError(msg('checks:token.name'));
  if (typeof key !== 'string' || !/^[0-9a-f]{64}$/.test(key)) throw new ConsultationError(msg('checks:token.key'));
  if (typeof time !== 'number' || !Number.isSafeInteger(time)) throw new ConsultationError(msg('checks:token.time'));
  if (typeof sig !== 'string' || !/^[A-Za-z0-9_-]{86}$/.test(sig)) throw new ConsultationError(msg('checks:token.signature'));
  return { v: 2, code, delegation, name, role: role as ConsultationRole, key, time, sig };
}

// An Ed25519 public key from its raw 32 bytes (SubjectPublicKeyInfo DER prefix + key).
const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * True when `token.sig` is the signature of its fields by `token.key` for this host (its
 * certificate `fingerprint`) and document: the token verifier. Bound to the fingerprint, not
 * the TLS session, because a stock provider makes its token before and without the session
 * (the module comment says why that is as strong here); a token signed for another host fails.
 */
export function signatureValid(token: JoinToken, fingerprint: string, document: string): boolean {
  try {
    const publicKey = createPublicKey({ key: Buffer.concat([spkiPrefix, Buffer.from(token.key, 'hex')]), format: 'der', type: 'spki' });
    return edVerify(null, joinMessage({ ...token, fingerprint, document }), publicKey, Buffer.from(token.sig, 'base64url'));
  } catch {
    return false;
  }
}

/**
 * The signatures a host has seen within the time window: `seen(sig, time)` is true when
 * `sig` came before (a replay) and records it otherwise. Entries older than the window are
 * forgotten (a token that old is refused by its time anyway), so memory stays bounded by
 * the accepted tokens of five minutes.
 */
export function createReplayGuard(now: () => number = Date.now): { seen(sig: string, time: number): boolean } {
  const sigs = new Map<string, number>();
  // Swept when the map doubled since the last sweep, so a sweep's cost is spread over as many insertions.
  let sweepAt = 1024;
  return {
    seen(sig, time) {
      const t = now();
      if (sigs.size >= sweepAt) {
        for (const [s, at] of sigs) if (t - at > 2 * tokenWindowMs) sigs.delete(s);
        sweepAt = Math.max(1024, 2 * sigs.size);
      }
      if (sigs.has(sig)) return true;
      sigs.set(sig, Math.max(time, t));
      return false;
    },
  };
}

/**
 * What every fan-out bench client shares, whatever server it talks to: the edit markers it
 * finds in raw bytes, the pinned TLS WebSocket, and who client i is (its delegation, name
 * and installation key, derived from i so the bench server can pre-admit every key before
 * any client exists).
 *
 * A marker is the text an edit inserts: `{i.s}` for client i's edit number s (0 is its
 * proposal). Yjs writes inserted text as plain UTF-8 inside an update, and both servers relay
 * updates as they are, so a listener sees an edit by finding its marker in a frame without
 * decoding it.
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';
import WebSocket from 'ws';
import { delegations } from '../seeds/index.js';
import { keyFingerprintOf, signJoinToken } from '../electron/consultation/join-token.js';

/** The certificate both bench servers serve, and its SHA-256 fingerprint (64 lowercase hex). */
export type BenchTls = { key: string; cert: string; fingerprint: string };

/** The marker of client `index`'s edit number `seq`. */
export const marker = (index: number, seq: number): string => `{${index}.${seq}}`;

const OPEN = 0x7b; // {
const DOT = 0x2e;
const CLOSE = 0x7d; // }
const isDigit = (byte: number) => byte >= 0x30 && byte <= 0x39;

/**
 * Calls `found(index, seq)` for every marker in `bytes`, in order. Linear in the bytes;
 * anything that is not `{digits.digits}` is skipped.
 */
export function scanMarkers(bytes: Uint8Array, found: (index: number, seq: number) => void): void {
  let i = bytes.indexOf(OPEN);
  while (i >= 0) {
    let j = i + 1;
    let a = 0;
    let b = 0;
    let digitsA = 0;
    let digitsB = 0;
    for (; j < bytes.length && isDigit(bytes[j]!) && digitsA < 9; j++, digitsA++) a = a * 10 + bytes[j]! - 0x30;
    if (digitsA > 0 && bytes[j] === DOT) {
      j++;
      for (; j < bytes.length && isDigit(bytes[j]!) && digitsB < 9; j++, digitsB++) b = b * 10 + bytes[j]! - 0x30;
      if (digitsB > 0 && bytes[j] === CLOSE) found(a, b);
    }
    i = bytes.indexOf(OPEN, i + 1);
  }
}

/**
 * A `ws` WebSocket class that trusts exactly the bench certificate (`ca`) and checks the
 * server's certificate fingerprint, as a participant pinning the join link's does; usable as
 * a provider's `WebSocketPolyfill`.
 */
export function pinnedWebSocket(tls: Pick<BenchTls, 'cert' | 'fingerprint'>): typeof WebSocket {
  const checkServerIdentity = (_host: string, cert: PeerCertificate) => {
    const got = cert.fingerprint256.replace(/:/g, '').toLowerCase();
    return got === tls.fingerprint ? undefined : new Error(`bench: certificate ${got} is not the bench's ${tls.fingerprint}`);
  };
  return class PinnedWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      // ws types checkServerIdentity with an old boolean signature; node's tls (which gets it) wants Error | undefined.
      super(url, protocols, { ca: tls.cert, checkServerIdentity: checkServerIdentity as never, perMessageDeflate: false });
    }
  } as typeof WebSocket;
}

/** Who bench client `index` is: its delegation (wrapping around the list), name and role. */
export function benchIdentity(index: number): { delegation: string; name: string; role: 'delegation' } {
  return { delegation: delegations[index % delegations.length]!.code, name: `Bench ${index + 1}`, role: 'delegation' };
}

// PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows.
const ED25519_PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Bench client `index`'s Ed25519 key pair, derived from the index (so the server can pre-admit it) and its public key as 64 lowercase hex. */
export function benchKey(index: number): { privateKey: KeyObject; publicHex: string } {
  const seed = createHash('sha256').update(`penholder fanout bench client ${index}`).digest();
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8, seed]), format: 'der', type: 'pkcs8' });
  const raw = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(-32);
  return { privateKey, publicHex: Buffer.from(raw).toString('hex') };
}

/**
 * The provider token of bench client `index` for document `name` at the host whose
 * certificate has `fingerprint`: a version-2 token (join-token.ts, as the README describes
 * it) signed now with the client's key, claiming `benchIdentity(index)`. The host admits it
 * because the bench pre-admitted the key (`benchAdmissions`).
 */
export function benchToken(index: number, name: string, joinCode: string, fingerprint: string): string {
  const { privateKey, publicHex } = benchKey(index);
  return signJoinToken({ code: joinCode, fingerprint, document: name, ...benchIdentity(index), key: publicHex, sign: privateKey });
}

/** Every bench client's key pre-admitted as its delegation (`startHost`'s `admit`, as `penholder host --admit FILE` does). */
export function benchAdmissions(clients: number): { key: string; delegation: string; name: string; role: 'delegation' }[] {
  return Array.from({ length: clients }, (_, i) => ({ key: keyFingerprintOf(benchKey(i).publicHex), ...benchIdentity(i) }));
}

/**
 * Who takes part in the host fuzz bench: the keys the host pre-admits (the document's owners
 * of brackets, the attacking delegation, an observer, the probe) and how each signs a fresh
 * version-2 token for a connection (join-token.ts). Keys are derived from their label, so the
 * host process and the runner know the same keys without exchanging them.
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { ConsultationRole } from '../shared/api/contract.js';
import { keyFingerprintOf, signJoinToken } from '../electron/consultation/join-token.js';

/** The identities of the fuzz: label -> delegation, name, role. */
export const fuzzIdentities = {
  usa: { delegation: 'USA', name: 'Owner USA', role: 'delegation' },
  rus: { delegation: 'RUS', name: 'Owner RUS', role: 'delegation' },
  attacker: { delegation: 'FRA', name: 'Fuzz FRA', role: 'delegation' },
  observer: { delegation: 'CAN', name: 'Fuzz observer', role: 'observer' },
  probe: { delegation: 'GBR', name: 'Probe GBR', role: 'delegation' },
} as const satisfies Record<string, { delegation: string; name: string; role: ConsultationRole }>;

/** A label of `fuzzIdentities`. */
export type FuzzWho = keyof typeof fuzzIdentities;

// PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows.
const ED25519_PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The Ed25519 key of `label` (any string: unadmitted keys are labels too) and its raw public key in hex. */
export function fuzzKey(label: string): { privateKey: KeyObject; publicHex: string } {
  const seed = createHash('sha256').update(`penholder fuzz key ${label}`).digest();
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8, seed]), format: 'der', type: 'pkcs8' });
  return { privateKey, publicHex: Buffer.from(createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(-32)).toString('hex') };
}

/** Every identity's key pre-admitted (`startHost`'s `admit`). */
export function fuzzAdmissions(): { key: string; delegation: string; name: string; role: ConsultationRole }[] {
  return Object.entries(fuzzIdentities).map(([label, who]) => ({ key: keyFingerprintOf(fuzzKey(label).publicHex), ...who }));
}

let lastTime = 0;

/**
 * A fresh token for key `label` claiming `claim` (default: the identity of that label) at
 * the host with certificate `fingerprint`, for `document`. Times strictly increase (a
 * millisecond apart at least), so no two tokens share a signature: the host refuses a
 * signature it has seen. `time` overrides the time (a token from the wrong clock).
 */
export function fuzzToken(args: { label: string; claim?: { delegation: string; name: string; role: ConsultationRole }; code: string; fingerprint: string; document: string; time?: number }): string {
  const { privateKey, publicHex } = fuzzKey(args.label);
  const claim = args.claim ?? fuzzIdentities[args.label as FuzzWho];
  lastTime = Math.max(Date.now(), lastTime + 1);
  return signJoinToken({ code: args.code, fingerprint: args.fingerprint, document: args.document, ...claim, key: publicHex, sign: privateKey, time: args.time ?? lastTime });
}

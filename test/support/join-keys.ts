import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { ConsultationRole } from '../../shared/api/contract.js';
import { keyFingerprintOf, rawPublicKeyHex, signJoinToken } from '../../electron/consultation/join-token.js';
import { testHostTls } from './host-tls.js';

/** A test installation key: the private key, the raw public key (hex) and its fingerprint. */
export type TestKey = { privateKey: KeyObject; publicKey: string; fingerprint: string };

const keys = new Map<string, TestKey>();

/** The Ed25519 key of test installation `label` (one per label and process). */
export function testKey(label: string): TestKey {
  let key = keys.get(label);
  if (!key) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const publicKey = rawPublicKeyHex(privateKey);
    key = { privateKey, publicKey, fingerprint: keyFingerprintOf(publicKey) };
    keys.set(label, key);
  }
  return key;
}

/** A claim as old tests wrote tokens: code, delegation, name, role. */
export type Claim = { code: string; delegation: string; name: string; role: ConsultationRole };

/**
 * A version-2 token (JSON) for `claim` at the test host (testHostTls) for `document`, signed
 * by the key of `label` (default: one installation per delegation, name and role).
 */
export function signedTestToken(claim: Claim, document: string, label = `${claim.delegation}/${claim.name}/${claim.role}`, fingerprint = testHostTls().fingerprint): string {
  const key = testKey(label);
  return signJoinToken({ ...claim, fingerprint, document, key: key.publicKey, sign: key.privateKey });
}

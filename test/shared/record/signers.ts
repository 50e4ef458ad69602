import crypto from 'node:crypto';
import type { RecordSigner } from '../../../shared/record/index.js';

/** A fresh Ed25519 signer (node:crypto), as an installation key would sign. */
export function newSigner(): RecordSigner {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  return { publicKey: raw.toString('hex'), sign: (bytes) => new Uint8Array(crypto.sign(null, bytes, privateKey)) };
}

/** Issue times one minute apart, as ISO instants. */
export const timeAt = (minute: number): string => new Date(Date.UTC(2026, 11, 7, 9, minute)).toISOString();

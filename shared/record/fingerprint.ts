import { fromHex, sha256Hex } from './canonical.js';

/** The fingerprint of an Ed25519 public key (32 raw bytes, lowercase hex): SHA-256 of the raw key, lowercase hex (64 characters). */
export async function keyFingerprint(publicKeyHex: string): Promise<string> {
  return sha256Hex(fromHex(publicKeyHex));
}

/** A fingerprint grouped for reading aloud: uppercase, four hex digits a group, `3F2A-9C1B-...`. */
export function groupedFingerprint(fingerprint: string): string {
  return (fingerprint.toUpperCase().match(/.{1,4}/g) ?? []).join('-');
}

/**
 * A fingerprint as typed by a person (grouped or plain, any case, dashes, spaces or colons
 * between groups) in its plain form: 64 lowercase hex digits. Returns null when it is not one.
 */
export function parseFingerprint(input: string): string | null {
  const plain = input.replace(/[\s:-]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(plain) ? plain : null;
}

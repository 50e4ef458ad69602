import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { groupedFingerprint, toHex } from '../../shared/record/index.js';
import type { RecordSigner } from '../../shared/record/index.js';
import { ConsultationError } from '../../shared/consultation/errors.js';
import { msg } from '../../shared/i18n/message.js';

/** The file, in the data folder, holding the installation's Ed25519 private key (PKCS#8 PEM, mode 0600). */
export const installationKeyFile = 'installation-key.pem';

/**
 * The installation's key pair: the raw public key (32 bytes, lowercase hex), its fingerprint
 * (SHA-256 of the raw key, full lowercase hex and grouped `3F2A-9C1B-...`), and `sign`, which
 * signs bytes with the private key. The private key never leaves the data folder's file and
 * this object.
 */
export type InstallationKey = Omit<RecordSigner, 'sign'> & {
  fingerprint: string;
  groupedFingerprint: string;
  file: string;
  sign(bytes: Uint8Array): Uint8Array;
};

/**
 * The installation key of the data folder `dataDir`, made on first use (the folder too).
 * Two processes opening a new folder at once end with the same key: the new key is written
 * to a private temporary file and linked into place, so a reader never sees half a key and
 * the loser reads the winner's. Throws when the file exists but does not hold an Ed25519
 * private key, naming the file.
 */
export function openInstallationKey(dataDir: string): InstallationKey {
  const file = path.join(dataDir, installationKeyFile);
  if (!fs.existsSync(file)) createKeyFile(dataDir, file);
  return loadKey(file);
}

function createKeyFile(dataDir: string, file: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, pem, { flag: 'wx', mode: 0o600 });
  try {
    fs.linkSync(temporary, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

function loadKey(file: string): InstallationKey {
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConsultationError(msg('checks:keyFile.noPrivateKey', { file, reason: (err as Error).message }), err);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new ConsultationError(msg('checks:keyFile.notEd25519', { file, type: privateKey.asymmetricKeyType ?? 'unknown' }));
  const jwk = crypto.createPublicKey(privateKey).export({ format: 'jwk' });
  const raw = Buffer.from(jwk.x ?? '', 'base64url');
  const publicKey = toHex(raw);
  const fingerprint = crypto.createHash('sha256').update(raw).digest('hex');
  return {
    file,
    publicKey,
    fingerprint,
    groupedFingerprint: groupedFingerprint(fingerprint),
    sign: (bytes) => new Uint8Array(crypto.sign(null, bytes, privateKey)),
  };
}

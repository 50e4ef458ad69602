import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installationKeyFile, openInstallationKey } from '../../../electron/identity/installation-key.js';
import { keyFingerprint, toHex, utf8, verifyEd25519 } from '../../../shared/record/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-key-'));
  dirs.push(dir);
  return dir;
};

describe('installation key', () => {
  it('is made on first use in the data folder (0600) and the same on every later use', async () => {
    const dir = path.join(tempDir(), 'new-folder');
    const key = openInstallationKey(dir);
    expect(fs.statSync(path.join(dir, installationKeyFile)).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(key.file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(fs.readdirSync(dir)).toEqual([installationKeyFile]);
    const again = openInstallationKey(dir);
    expect(again.publicKey).toBe(key.publicKey);
    expect(key.fingerprint).toBe(await keyFingerprint(key.publicKey));
    expect(key.groupedFingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){15}$/);
    expect(key.groupedFingerprint.replace(/-/g, '').toLowerCase()).toBe(key.fingerprint);
  });

  it('signs what WebCrypto verifies under its public key, and differs between installations', async () => {
    const key = openInstallationKey(tempDir());
    const bytes = utf8('Rev.2');
    const signature = toHex(key.sign(bytes));
    expect(await verifyEd25519(key.publicKey, bytes, signature)).toBe(true);
    expect(await verifyEd25519(key.publicKey, utf8('Rev.3'), signature)).toBe(false);
    expect(openInstallationKey(tempDir()).publicKey).not.toBe(key.publicKey);
  });

  it('refuses a key file that holds no Ed25519 private key, naming it', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, installationKeyFile), 'not a key');
    expect(() => openInstallationKey(dir)).toThrow(/installation-key\.pem does not hold a private key/);
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    fs.writeFileSync(path.join(dir, installationKeyFile), rsa);
    expect(() => openInstallationKey(dir)).toThrow(/rsa key, not an Ed25519 key/);
  });
});

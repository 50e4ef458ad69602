import { X509Certificate, createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateHostCertificate, certificateFingerprint } from '../../../electron/consultation/host-cert.js';

describe('host certificate', () => {
  it('is made once per data folder, kept with a private key file, and read back the same', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'host-cert-'));
    const first = await loadOrCreateHostCertificate(dir);
    expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(first.fingerprint).toBe(createHash('sha256').update(new X509Certificate(first.cert).raw).digest('hex'));
    expect(certificateFingerprint(first.cert)).toBe(first.fingerprint);
    expect(fs.statSync(path.join(dir, 'host-tls', 'key.pem')).mode & 0o777).toBe(0o600);
    const again = await loadOrCreateHostCertificate(dir);
    expect(again).toEqual(first);
    // OpenSSL itself reads it as a valid self-signed ECDSA P-256 certificate.
    const certFile = path.join(dir, 'host-tls', 'cert.pem');
    expect(execFileSync('openssl', ['verify', '-CAfile', certFile, certFile], { encoding: 'utf8' })).toContain('OK');
    expect(execFileSync('openssl', ['x509', '-in', certFile, '-noout', '-text'], { encoding: 'utf8' })).toMatch(/prime256v1[\s\S]*ecdsa-with-SHA256/);
  });

  it('names the file when the folder holds a key that is not the certificate\'s', async () => {
    const a = fs.mkdtempSync(path.join(os.tmpdir(), 'host-cert-'));
    const b = fs.mkdtempSync(path.join(os.tmpdir(), 'host-cert-'));
    await loadOrCreateHostCertificate(a);
    await loadOrCreateHostCertificate(b);
    fs.copyFileSync(path.join(b, 'host-tls', 'key.pem'), path.join(a, 'host-tls', 'key.pem'));
    await expect(loadOrCreateHostCertificate(a)).rejects.toThrow(/key\.pem is not the key of .*cert\.pem/);
  });
});

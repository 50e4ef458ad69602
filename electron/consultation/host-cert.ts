/**
 * The host's TLS certificate: a self-signed ECDSA P-256 certificate made once per data folder
 * and kept in `<dataDir>/host-tls/` (key.pem mode 0600, cert.pem), so the fingerprint a
 * participant pinned from the join link stays the host's across restarts. Participants trust
 * it by its SHA-256 fingerprint alone (participant-tls.ts), not by a CA or a name: the
 * certificate names no host and is valid for 20 years.
 *
 * The X.509 structure is written here (a few DER elements) and signed with node:crypto; a
 * library for it would need a global reflect polyfill in the main process for one call.
 */
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConsultationError } from '../../shared/consultation/errors.js';
import { msg } from '../../shared/i18n/message.js';

/** A host certificate and its key (PEM) with the certificate's fingerprint (64 lowercase hex of SHA-256 of its DER). */
export type HostCertificate = { key: string; cert: string; fingerprint: string };

/** The folder under a data folder that holds the host certificate. */
export const hostTlsFolder = 'host-tls';

/**
 * The host certificate of `dataDir`, made on first use and read back after. Two processes
 * making it at once end with the same pair (each pair is written to temporary files and
 * the folder renamed into place; the loser reads the winner's). Throws naming the file when
 * the folder holds something that is not a matching key and certificate.
 */
export async function loadOrCreateHostCertificate(dataDir: string): Promise<HostCertificate> {
  const folder = path.join(dataDir, hostTlsFolder);
  if (!fs.existsSync(path.join(folder, 'cert.pem'))) createFolder(dataDir, folder);
  return readFolder(folder);
}

/** The fingerprint of a PEM certificate: 64 lowercase hex of SHA-256 of its DER. */
export function certificateFingerprint(certPem: string): string {
  return createHash('sha256').update(new X509Certificate(certPem).raw).digest('hex');
}

/** A fresh self-signed certificate and key in memory (tests and `loadOrCreateHostCertificate`). */
export function newHostCertificate(commonName = 'Penholder consultation host'): HostCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const ecdsaSha256 = seq(oid([1, 2, 840, 10045, 4, 3, 2]));
  const name = seq(set(seq(oid([2, 5, 4, 3]), tlv(0x0c, Buffer.from(commonName, 'utf8')))));
  // Positive and minimal in DER: a first byte of 0 followed by one below 0x80 is "illegal
  // padding" to OpenSSL (1 certificate in about 256 failed to load before this).
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40;
  const now = Date.now();
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))),
    tlv(0x02, serial),
    ecdsaSha256,
    name,
    seq(time(new Date(now - 24 * 3600_000)), time(new Date(now + 20 * 365 * 24 * 3600_000))),
    name,
    spki,
  );
  const signature = sign('sha256', tbs, { key: privateKey, dsaEncoding: 'der' });
  const der = seq(tbs, ecdsaSha256, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const cert = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
  const key = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  return { key, cert, fingerprint: createHash('sha256').update(der).digest('hex') };
}

function createFolder(dataDir: string, folder: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const pair = newHostCertificate();
  const temporary = `${folder}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  fs.mkdirSync(temporary, { mode: 0o700 });
  fs.writeFileSync(path.join(temporary, 'key.pem'), pair.key, { flag: 'wx', mode: 0o600 });
  fs.writeFileSync(path.join(temporary, 'cert.pem'), pair.cert, { flag: 'wx', mode: 0o644 });
  try {
    fs.renameSync(temporary, folder);
  } catch (err) {
    // Another process made it first (rename onto a non-empty folder fails): keep theirs.
    fs.rmSync(temporary, { recursive: true, force: true });
    if (!fs.existsSync(path.join(folder, 'cert.pem'))) throw err;
  }
}

function readFolder(folder: string): HostCertificate {
  const keyFile = path.join(folder, 'key.pem');
  const certFile = path.join(folder, 'cert.pem');
  const key = fs.readFileSync(keyFile, 'utf8');
  const cert = fs.readFileSync(certFile, 'utf8');
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch (err) {
    throw new ConsultationError(msg('checks:keyFile.noCertificate', { file: certFile, reason: (err as Error).message }), err);
  }
  let matches: boolean;
  try {
    matches = x509.checkPrivateKey(createPrivateKey(key));
  } catch (err) {
    throw new ConsultationError(msg('checks:keyFile.noPrivateKey', { file: keyFile, reason: (err as Error).message }), err);
  }
  if (!matches) throw new ConsultationError(msg('checks:keyFile.notTheKey', { file: keyFile, cert: certFile }));
  return { key, cert, fingerprint: createHash('sha256').update(x509.raw).digest('hex') };
}

function tlv(tag: number, body: Buffer): Buffer {
  const n = body.length;
  const length = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
}

const seq = (...parts: Buffer[]) => tlv(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => tlv(0x31, Buffer.concat(parts));

function oid(arcs: number[]): Buffer {
  const bytes = [40 * arcs[0]! + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    const chunk = [arc & 0x7f];
    for (let v = arc >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

// UTCTime up to 2049, GeneralizedTime after (RFC 5280 4.1.2.5).
function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2), 'ascii')) : tlv(0x18, Buffer.from(iso, 'ascii'));
}

/**
 * `npm run bench -- record`: the signed revision record (issue 14) on the keystroke bench's
 * 60-OP resolution in negotiation (bench/_keystroke-doc.ts, with brackets): time to issue
 * (canonicalize, hash, sign) and to verify its revision file, and to verify a chain of 1,000
 * records; each against a bare SHA-256 (WebCrypto) of the same bytes in the same run.
 * Last line: one JSON object of figures.
 */
import crypto from 'node:crypto';
import { importText } from '../shared/import/index.js';
import {
  issueRevisionFile, jcs, serializeRevisionFile, sha256Hex, signRecord, utf8, verifyChain, verifyRevisionFile, type RecordSigner, type RevisionRecord,
} from '../shared/record/index.js';
import { keystrokeBenchText } from './_keystroke-doc.js';
import { quantile, round3 } from './_stats.js';

async function timeAsync(fn: () => Promise<unknown>, runs: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out;
}

function nodeSigner(): RecordSigner {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  return { publicKey: raw.toString('hex'), sign: (bytes) => new Uint8Array(crypto.sign(null, bytes, privateKey)) };
}

/** Runs the bench (no arguments). */
export async function run(): Promise<void> {
  const doc = importText(keystrokeBenchText(60)).documents[0]!.toJSON();
  const signer = nodeSigner();
  const time = new Date().toISOString();
  const issue = () => issueRevisionFile({ document: doc, label: 'Rev.2', time, docId: 'bench-document', signer });
  const text = serializeRevisionFile(await issue());
  const bytes = utf8(text);
  const runs = 40;
  const signMs = await timeAsync(issue, runs);
  const verifyMs = await timeAsync(() => verifyRevisionFile(bytes), runs);
  const hashMs = await timeAsync(() => sha256Hex(bytes), runs);

  const chain: RevisionRecord[] = [];
  for (let i = 0; i < 1000; i++) {
    chain.push(await signRecord({ docId: 'bench-document', label: `Rev.${i + 1}`, contentHash: await sha256Hex(`content ${i}`), previous: chain.at(-1) ?? null, time }, signer));
  }
  const chainBytes = utf8(jcs(chain));
  const chainMs = await timeAsync(() => verifyChain(chain), 5, 1);
  const chainHashMs = await timeAsync(async () => {
    for (const record of chain) await sha256Hex(jcs(record));
  }, 5, 1);
  const chainOneHashMs = await timeAsync(() => sha256Hex(chainBytes), 5, 1);

  const p50 = (xs: number[]) => round3(quantile(xs, 0.5));
  console.log(`revision file of the 60-OP resolution: ${bytes.length} bytes; chain of 1,000 records: ${chainBytes.length} bytes`);
  console.log(`issue p50 ${p50(signMs)} ms, verify p50 ${p50(verifyMs)} ms, bare SHA-256 of the file p50 ${p50(hashMs)} ms; ` +
    `1,000-record chain verify p50 ${p50(chainMs)} ms (SHA-256 of each record ${p50(chainHashMs)} ms, of all its bytes at once ${p50(chainOneHashMs)} ms)`);
  console.log(JSON.stringify({
    file_bytes: bytes.length,
    issue_p50_ms: p50(signMs),
    issue_p95_ms: round3(quantile(signMs, 0.95)),
    verify_p50_ms: p50(verifyMs),
    verify_p95_ms: round3(quantile(verifyMs, 0.95)),
    sha256_file_p50_ms: p50(hashMs),
    verify_over_sha256: round3(quantile(verifyMs, 0.5) / quantile(hashMs, 0.5)),
    chain_1000_verify_p50_ms: p50(chainMs),
    chain_1000_sha256_per_record_p50_ms: p50(chainHashMs),
    chain_1000_sha256_bytes_p50_ms: p50(chainOneHashMs),
    chain_over_sha256: round3(quantile(chainMs, 0.5) / quantile(chainOneHashMs, 0.5)),
  }));
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../electron/backend/index.js';
import type { Handlers } from '../../../shared/api/contract.js';
import { verifyRevisionFile } from '../../../shared/record/index.js';
import { revisionFileName } from '../../../electron/backend/record-handlers.js';
import { replicaOf, retitle } from './edits.js';
import { runCli } from '../cli/run-cli.js';
import { errorOf } from './error-of.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-record-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string): Promise<{ backend: Backend; handlers: Handlers }> {
  const backend = await openBackend({ dataDir });
  cleanup.push(() => backend.close());
  return { backend, handlers: backend.connect(() => {}).handlers };
}


async function documentWithRevisions(handlers: Handlers) {
  const { id } = await handlers['documents.createFromTemplate']({ templateId: 'blank-resolution', title: 'Safer streets' });
  const replica = replicaOf((await handlers['documents.open']({ id })).state);
  const rev1 = await handlers['revisions.create']({ docId: id, kind: 'revision', label: 'Rev.1' });
  await handlers['documents.applyUpdate']({ id, update: retitle(replica, 'Safer streets for all') });
  const rev2 = await handlers['revisions.create']({ docId: id, kind: 'revision', label: 'Rev.2' });
  return { id, rev1, rev2 };
}

describe('record channels through the real backend and SQLite file', () => {
  it('issues, lists and exports revisions whose files verify in shared code and through the CLI, and survive a restart', async () => {
    const dir = tempDir();
    const { backend, handlers } = await start(dir);
    const { id, rev1, rev2 } = await documentWithRevisions(handlers);
    const one = await handlers['record.issue']({ id, revisionId: rev1.id });
    expect(one).toMatchObject({ revisionId: rev1.id, label: 'Rev.1', chain: 1 });
    expect(one.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(one.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.existsSync(path.join(dir, 'installation-key.pem'))).toBe(true);
    expect(await errorOf(handlers['record.issue']({ id, revisionId: rev1.id }))).toMatchObject({ code: 'invalid-argument' });
    const two = await handlers['record.issue']({ id, revisionId: rev2.id });
    expect(two).toMatchObject({ label: 'Rev.2', chain: 2, fingerprint: one.fingerprint });
    expect(two.hash).not.toBe(one.hash);
    await backend.close();

    const again = await start(dir);
    expect((await again.handlers['record.list']({ id })).map((r) => [r.label, r.chain, r.hash])).toEqual([
      ['Rev.1', 1, one.hash],
      ['Rev.2', 2, two.hash],
    ]);
    const exported = await again.handlers['record.exportFile']({ id, revisionId: rev2.id });
    expect(exported.fileName).toMatch(/Rev\.2\.penholder-revision\.json$/);
    const verified = await verifyRevisionFile(exported.bytes, { key: one.fingerprint });
    expect(verified).toMatchObject({ label: 'Rev.2', chain: 2, fingerprint: one.fingerprint, hash: two.hash });
    expect(await again.handlers['record.verifyFile']({ bytes: exported.bytes })).toMatchObject({ valid: true, label: 'Rev.2', chain: 2, fingerprint: one.fingerprint });

    const file = path.join(dir, exported.fileName);
    fs.writeFileSync(file, exported.bytes);
    const cli = runCli(['verify', file, '--key', one.fingerprint]);
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout.trim())).toMatchObject({ valid: true, label: 'Rev.2', fingerprint: one.fingerprint, chain: 2 });
  });

  it('reports tampered revision files in words through record.verifyFile, as the CLI does', async () => {
    const { handlers } = await start(tempDir());
    const { id, rev1 } = await documentWithRevisions(handlers);
    await handlers['record.issue']({ id, revisionId: rev1.id });
    const { bytes } = await handlers['record.exportFile']({ id, revisionId: rev1.id });
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('Safer streets');
    const changed = new TextEncoder().encode(text.replace('Safer streets', 'Safer streetz'));
    expect(await handlers['record.verifyFile']({ bytes: changed })).toMatchObject({ valid: false, kind: 'content-changed', message: expect.stringMatching(/^content changed/) });
    const garbage = new TextEncoder().encode('{"not":"a revision file"}');
    expect(await handlers['record.verifyFile']({ bytes: garbage })).toMatchObject({ valid: false, kind: 'malformed' });
    // Every single-byte flip over a spread of positions is refused.
    for (let i = 0; i < bytes.length; i += Math.max(1, Math.floor(bytes.length / 200))) {
      const flipped = bytes.slice();
      flipped[i] = flipped[i]! ^ 0x01;
      expect((await handlers['record.verifyFile']({ bytes: flipped })).valid, `byte ${i}`).toBe(false);
    }
  });

  it('refuses autosave points, older revisions and exports of unissued ones', async () => {
    const { handlers } = await start(tempDir());
    const { id, rev1, rev2 } = await documentWithRevisions(handlers);
    expect(await errorOf(handlers['record.exportFile']({ id, revisionId: rev1.id }))).toMatchObject({ code: 'invalid-argument' });
    await handlers['record.issue']({ id, revisionId: rev2.id });
    expect(await errorOf(handlers['record.issue']({ id, revisionId: rev1.id }))).toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(/older than Rev\.2/) });
    expect(await errorOf(handlers['record.issue']({ id: 'nope', revisionId: rev1.id }))).toMatchObject({ code: 'not-found' });
    expect(revisionFileName('E/CN.15/2023/L.6', 'Rev.2')).toBe('E_CN.15_2023_L.6_Rev.2.penholder-revision.json');
    expect(revisionFileName('E/CN.15/2023/L.6/Rev.1', 'Rev.1')).toBe('E_CN.15_2023_L.6_Rev.1.penholder-revision.json');
    expect(revisionFileName('', '')).toBe('revision.penholder-revision.json');
  });

  it('puts the issued revision hash, fingerprint and label in the Word and PDF properties', async () => {
    const dir = tempDir();
    const { handlers } = await start(dir);
    const { id, rev1, rev2 } = await documentWithRevisions(handlers);
    const issued = await handlers['record.issue']({ id, revisionId: rev1.id });
    const docx = await handlers['files.export']({ id, revisionId: rev1.id, format: 'docx' });
    const custom = strFromU8(unzipSync(docx.bytes)['docProps/custom.xml']!);
    expect(custom).toContain(issued.hash);
    expect(custom).toContain(issued.fingerprint);
    expect(custom).toMatch(/name="revisionLabel"[^>]*>\s*<vt:lpwstr>Rev\.1</);
    const plain = await handlers['files.export']({ id, revisionId: rev2.id, format: 'docx' });
    expect(strFromU8(unzipSync(plain.bytes)['docProps/custom.xml'] ?? new Uint8Array())).not.toContain('revisionHash');

    const pdf = await handlers['files.export']({ id, revisionId: rev1.id, format: 'pdf' });
    const pdfFile = path.join(dir, 'rev1.pdf');
    fs.writeFileSync(pdfFile, pdf.bytes);
    const info = spawnSync('pdfinfo', [pdfFile], { encoding: 'utf8' }).stdout;
    expect(info).toContain(issued.hash);
    expect(info).toContain(issued.fingerprint);
  }, 60_000);
});

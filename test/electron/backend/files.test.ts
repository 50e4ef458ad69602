import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { Node } from 'prosemirror-model';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../electron/backend/index.js';
import { changeTo } from '../../../electron/backend/revision-handlers.js';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import type { EventName, EventPayloads, Handlers } from '../../../shared/api/contract.js';
import { yDocToDoc } from '../../../shared/ydoc.js';
import { replicaOf } from './edits.js';
import { errorOf } from './error-of.js';

// The file channels through the real backend on a real SQLite store; Word exports are read
// back by pandoc.
type Received = { event: EventName; payload: EventPayloads[EventName] }[];

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function connect(): Promise<{ handlers: Handlers; received: Received; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-files-'));
  const backend: Backend = await openBackend({ dataDir: dir });
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  cleanup.push(() => backend.close());
  const received: Received = [];
  const conn = backend.connect((event, payload) => received.push({ event, payload }));
  return { handlers: conn.handlers, received, dir };
}

const fixture = (p: string) => new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, '../../fixtures', p)));
const trackedDocx = () => ({ name: 'L.99 tracked.docx', bytes: fixture('e2e/tracked-two-authors.docx') });


describe('files.inspect', () => {
  it('tells a Word file by content, with its documents, tracked changes and the authors that name no delegation', async () => {
    const { handlers } = await connect();
    expect(await handlers['files.inspect'](trackedDocx())).toEqual({
      format: 'docx',
      documents: [{ title: 'Protection of migrant domestic workers', symbol: 'A/C.3/78/L.99' }],
      warnings: expect.any(Array),
      messages: expect.any(Array),
      trackedChanges: { insertions: 1, deletions: 1, authors: ['European Union', 'Jane Smith'] },
      unknownAuthors: ['Jane Smith'],
    });
    expect(await handlers['documents.list']({})).toEqual([]);
    const pdf = await errorOf(handlers['files.inspect']({ name: 'Rev1.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n') }));
    expect(pdf).toMatchObject({ code: 'invalid-argument', message: 'Rev1.pdf is a PDF: Penholder reads Word, Akoma Ntoso and text' });
  });
});

describe('files.import', () => {
  it('stores the documents in input order, announces them, reports progress, and keeps changes as proposals of the delegations given', async () => {
    const { handlers, received } = await connect();
    const zip = zipSync({ 'en/74_265.xml': fixture('akn/en/74_265.xml'), 'en/74_129.xml': fixture('akn/en/74_129.xml') });
    const result = await handlers['files.import']({
      files: [trackedDocx(), { name: 'session.zip', bytes: zip }],
      trackedChanges: 'proposals',
      authorDelegations: { 'Jane Smith': 'CAN' },
      jobId: 'job-1',
    });
    expect(result.documents.map((d) => d.symbol)).toEqual(['A/C.3/78/L.99', 'A/RES/74/129', 'A/RES/74/265']);
    expect(result.trackedChanges).toEqual({ insertions: 1, deletions: 1, authors: ['European Union', 'Jane Smith'] });
    expect((await handlers['documents.list']({})).map((d) => d.id).sort()).toEqual(result.documents.map((d) => d.id).sort());
    const changed = received.filter((r) => r.event === 'documents.changed').map((r) => (r.payload as { ids: string[] }).ids);
    expect(changed).toEqual([result.documents.map((d) => d.id)]);
    const progress = received.filter((r) => r.event === 'files.progress').map((r) => r.payload as EventPayloads['files.progress']);
    expect(progress[0]).toEqual({ jobId: 'job-1', done: 0, total: 2, stage: 'L.99 tracked.docx' });
    expect(progress.some((p) => p.stage === 'session.zip/en/74_129.xml')).toBe(true);

    const text = await handlers['files.export']({ id: result.documents[0]!.id, format: 'text' });
    expect(text).toMatchObject({ fileName: 'A_C.3_78_L.99.txt', mime: 'text/plain; charset=utf-8' });
    const exported = new TextDecoder().decode(text.bytes);
    expect(exported).toContain('[, including their right to rest (EU)]');
    expect(exported).toContain('[and without delay  (CAN: delete)]');
  });

  it('is cancelled between files: nothing stored, the answer is cancelled', async () => {
    const { handlers } = await connect();
    const files = ['74_129', '74_265', '74_255', '74_259'].map((n) => ({ name: `${n}.xml`, bytes: fixture(`akn/en/${n}.xml`) }));
    const running = handlers['files.import']({ files, jobId: 'big' });
    await handlers['files.cancel']({ jobId: 'big' });
    expect(await errorOf(running)).toMatchObject({ code: 'cancelled' });
    expect(await handlers['documents.list']({})).toEqual([]);
    expect(await handlers['files.cancel']({ jobId: 'none-running' })).toEqual({ ok: true });
  });
});

describe('files.export', () => {
  it('exports a revision, and Word with the changes since an earlier revision that pandoc accepts and rejects', async () => {
    const { handlers, dir } = await connect();
    const [doc] = (await handlers['files.import']({ files: [{ name: 'rev1.txt', bytes: fixture('e2e/cn15-draft-rev1.txt') }] })).documents;
    const id = doc!.id;
    const rev1 = await handlers['revisions.create']({ docId: id, kind: 'revision', label: 'Rev.1' });
    const { state } = await handlers['documents.open']({ id });
    const replica = replicaOf(state);
    const json = JSON.stringify(yDocToDoc(replica).toJSON()).replace('protection of witnesses in criminal', 'protection of witnesses and victims in criminal');
    const update = changeTo(replica, Node.fromJSON(resolutionSchema, JSON.parse(json)));
    await handlers['documents.applyUpdate']({ id, update: update! });
    const rev2 = await handlers['revisions.create']({ docId: id, kind: 'revision', label: 'Rev.2' });

    const old = await handlers['files.export']({ id, revisionId: rev1.id, format: 'akn' });
    expect(old).toMatchObject({ fileName: 'E_CN.15_2023_L.6_Rev.1.xml', mime: 'application/akn+xml' });
    expect(new TextDecoder().decode(old.bytes)).not.toContain('victims');

    const word = await handlers['files.export']({ id, revisionId: rev2.id, format: 'docx', changesFromRevisionId: rev1.id });
    expect(word.fileName).toBe('E_CN.15_2023_L.6_Rev.1.docx');
    const file = path.join(dir, word.fileName);
    fs.writeFileSync(file, word.bytes);
    const pandoc = (mode: string) => execFileSync('pandoc', [`--track-changes=${mode}`, '-t', 'plain', file], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(pandoc('accept')).toContain('protection of witnesses and victims in criminal proceedings');
    expect(pandoc('reject')).toContain('protection of witnesses in criminal proceedings');

    expect(await errorOf(handlers['files.export']({ id, format: 'pdf', changesFromRevisionId: rev1.id }))).toMatchObject({ code: 'invalid-argument' });
    expect(await errorOf(handlers['files.export']({ id, format: 'docx', revisionId: 'no-such-revision' }))).toMatchObject({ code: 'not-found' });
    const pdf = await handlers['files.export']({ id, format: 'pdf', paper: 'letter' });
    expect(pdf.mime).toBe('application/pdf');
    expect(new TextDecoder().decode(pdf.bytes.subarray(0, 5))).toBe('%PDF-');
  }, 60_000);
});

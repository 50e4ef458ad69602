import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../electron/backend/index.js';
import { ApiError, type Handlers } from '../../../shared/api/contract.js';
import { dispatch } from '../../../shared/api/dispatch.js';
import { fixture, fixtures, variantOf129 } from '../library/fixtures.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function start(): Promise<{ backend: Backend; handlers: Handlers; events: { event: string; payload: unknown }[]; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-library-backend-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const backend = await openBackend({ dataDir: dir });
  cleanup.push(() => backend.close());
  const events: { event: string; payload: unknown }[] = [];
  const { handlers } = backend.connect((event, payload) => events.push({ event, payload }));
  return { backend, handlers, events, dir };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'none';
  } catch (err) {
    return err instanceof ApiError ? err.code : String(err);
  }
}

describe('library channels', () => {
  it('answer an empty library without creating its file, then add files with progress and search them', async () => {
    const { handlers, events, dir } = await start();
    expect(await handlers['library.stats']({})).toEqual({ documents: 0, paragraphs: 0, bytes: 0 });
    expect(await handlers['library.search']({ query: 'Assembly', mode: 'words' })).toEqual({ hits: [] });
    expect(fs.existsSync(path.join(dir, 'library.sqlite'))).toBe(false);
    const added = await handlers['library.add']({ files: fixtures('en'), jobId: 'job-1' });
    expect(added).toMatchObject({ documents: 6, skipped: 0 });
    expect(events.filter((e) => e.event === 'files.progress').length).toBeGreaterThan(5);
    expect(events.every((e) => e.event !== 'files.progress' || (e.payload as { jobId: string }).jobId === 'job-1')).toBe(true);
    const stats = await handlers['library.stats']({});
    expect(stats).toMatchObject({ documents: 6, paragraphs: added.paragraphs });
    expect(stats.bytes).toBeGreaterThan(0);
    const { hits } = await handlers['library.search']({ query: '"Executive Committee"', mode: 'phrase', limit: 2 });
    expect(hits).toHaveLength(2);
    expect(hits[0]).toMatchObject({ symbol: 'A/RES/74/129', language: 'en', adopted: true, body: 'The General Assembly,' });
    expect(await codeOf(handlers['library.add']({ files: [{ name: 'x.pdf', bytes: new Uint8Array([37, 80, 68, 70, 45]) }] }))).toBe('invalid-argument');
  });

  it('is cancelled through files.cancel, keeping what was added before', async () => {
    const { handlers, backend } = await start();
    const { handlers: other } = backend.connect(() => undefined);
    const files = [...fixtures('en'), ...fixtures('fr'), ...fixtures('es')];
    const running = handlers['library.add']({ files, jobId: 'job-2' });
    await other['files.cancel']({ jobId: 'job-2' });
    expect(await codeOf(running)).toBe('cancelled');
    const partial = await handlers['library.stats']({});
    expect(partial.documents).toBeLessThan(files.length);
    // The sources added before the cancel are whole: adding again skips them and completes the rest.
    const rest = await handlers['library.add']({ files });
    expect(rest.skipped).toBeLessThan(files.length);
    expect((await handlers['library.stats']({})).documents).toBe(partial.documents + rest.documents);
    expect((await handlers['library.stats']({})).documents).toBe(12);
  });

  it("answers a library file it cannot use as 'internal' with the library's reason, in the catalogue", async () => {
    const { handlers, dir } = await start();
    const foreign = new Database(path.join(dir, 'library.sqlite'));
    foreign.exec('CREATE TABLE other_program (x)');
    foreign.close();
    expect(await dispatch(handlers, 'library.stats', {})).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/library\.sqlite is an SQLite database of another program, not Penholder's library/), text: { key: 'backend:library.notPenholder' } },
    });
  });

  it('reports the provenance of a stored document: verbatim, near and new paragraphs, and the share', async () => {
    const { handlers } = await start();
    await handlers['library.add']({ files: [fixture('en', '74_129.xml'), fixture('en', '74_265.xml')] });
    const successor = variantOf129('successor.xml', 'A/RES/75/130', '16 December 2020', (x) =>
      x.replace(/from 102\s+States to 106/, 'from 106 States to 107').replace(/<span class="italic">Requests<\/span> the Economic and Social Council[^<]*/, '<span class="italic">Invites</span> Member States to consider new and innovative ways of financing the Programme for the years to come and to report thereon.'),
    );
    const [doc] = (await handlers['files.import']({ files: [successor] })).documents;
    const report = await handlers['library.provenance']({ id: doc!.id });
    expect(report.paragraphs.map((p) => [p.label, p.status])).toEqual([
      ['PP 1', 'verbatim'],
      ['PP 2', 'verbatim'],
      ['OP 1', 'near'],
      ['OP 2', 'new'],
    ]);
    expect(report.paragraphs[2]!.hit).toMatchObject({ symbol: 'A/RES/74/129', label: 'OP 1' });
    expect(report.paragraphs[3]!.hit).toBeNull();
    expect(report.share).toBe(0.75);
    expect(await codeOf(handlers['library.provenance']({ id: 'no-such-document' }))).toBe('not-found');

    expect(await handlers['library.add']({ documentIds: [doc!.id], adopted: false })).toMatchObject({ documents: 1, paragraphs: 4 });
    expect((await handlers['library.provenance']({ id: doc!.id })).share).toBe(1);
    expect(await codeOf(handlers['library.add']({ revisionIds: ['no-such-revision'] }))).toBe('not-found');
  });
});

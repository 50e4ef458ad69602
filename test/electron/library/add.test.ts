import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../electron/library/library.js';
import { fixture, fixtures, tempDir, variantOf129 } from './fixtures.js';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup.splice(0).reverse()) fn();
});

function library(): { lib: Library; dir: string } {
  const tmp = tempDir();
  const lib = openLibrary({ dataDir: tmp.dir });
  cleanup.push(tmp.remove, () => lib.close());
  return { lib, dir: tmp.dir };
}

// Counts straight from the file.
function inspect(file: string): { documents: number; paragraphs: number; bands: number; sources: number } {
  const db = new Database(file, { readonly: true });
  try {
    const count = (table: string) => Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
    return { documents: count('documents'), paragraphs: count('paragraphs'), bands: count('bands'), sources: count('sources') };
  } finally {
    db.close();
  }
}

// FTS5's own check that both indexes hold exactly the paragraphs' text; throws if not.
function integrity(file: string): void {
  const db = new Database(file);
  try {
    db.exec("INSERT INTO words(words, rank) VALUES ('integrity-check', 1)");
    db.exec("INSERT INTO trigrams(trigrams, rank) VALUES ('integrity-check', 1)");
  } finally {
    db.close();
  }
}

describe('adding to the library', () => {
  it('leaves no write-ahead log behind an add: what it wrote is in the file', async () => {
    const { lib } = library();
    await lib.addFiles(fixtures('en'));
    const wal = statSync(`${lib.file}-wal`, { throwIfNoEntry: false });
    expect(wal?.size ?? 0).toBe(0);
    expect(lib.stats().bytes).toBe(statSync(lib.file).size);
    expect(inspect(lib.file).paragraphs).toBeGreaterThan(0);
  });

  it('indexes Akoma Ntoso files with their labels, and adding them again changes nothing', async () => {
    const { lib } = library();
    const first = await lib.addFiles(fixtures('en'));
    expect(first).toMatchObject({ documents: 6, skipped: 0 });
    expect(first.paragraphs).toBeGreaterThan(60);
    const before = inspect(lib.file);
    const again = await lib.addFiles(fixtures('en'));
    expect(again).toEqual({ documents: 0, paragraphs: 0, skipped: 5, warnings: [], messages: [] });
    expect(inspect(lib.file)).toEqual(before);
    integrity(lib.file);
    const labels = lib.search('"Such commitments as the President of the International Court of Justice certifies"', { mode: 'phrase' }).map((h) => h.label);
    expect(labels).toEqual(['OP 1 (b)']);
    expect(lib.search('"The calling of witnesses and the appointment of experts"', { mode: 'phrase' })[0]).toMatchObject({
      symbol: 'A/RES/74/265',
      label: 'OP 1 (b) (ii)',
      date: '14 January 2020',
      body: 'The General Assembly',
      language: 'en',
      adopted: true,
    });
  });

  it('replaces the paragraphs of a changed file and keeps the other files', async () => {
    const { lib } = library();
    await lib.addFiles([variantOf129('/texts/129.xml', 'A/RES/74/129', '8 January 2020'), fixture('en', '74_265.xml')]);
    const before = inspect(lib.file);
    const changed = variantOf129('/texts/129.xml', 'A/RES/74/129', '8 January 2020', (x) => x.replace(/from 102\s+States to 106/, 'from 106 States to 110'));
    const result = await lib.addFiles([changed, fixture('en', '74_265.xml')]);
    expect(result).toMatchObject({ documents: 1, paragraphs: 4, skipped: 1 });
    expect(inspect(lib.file)).toEqual(before);
    expect(lib.search('"from 102 States to 106 States"', { mode: 'phrase' })).toEqual([]);
    expect(lib.search('"from 106 States to 110 States"', { mode: 'phrase' }).map((h) => h.label)).toEqual(['OP 1']);
    integrity(lib.file);
  });

  it('reads a zip entry by entry and counts unreadable entries as skipped with a warning', async () => {
    const { zipSync } = await import('fflate');
    const { lib } = library();
    const zip = zipSync({ 'a/74_129.xml': fixture('en', '74_129.xml').bytes, 'a/broken.xml': new TextEncoder().encode('<notAkn/>'), 'a/readme.pdf': new Uint8Array([37, 80, 68, 70]) });
    const result = await lib.addFiles([{ name: 'session.zip', bytes: zip }]);
    expect(result).toMatchObject({ documents: 1, skipped: 1 });
    expect(result.warnings.join('\n')).toMatch(/session\.zip\/a\/broken\.xml.*not Akoma Ntoso/);
    expect(result.warnings.join('\n')).toMatch(/readme\.pdf/);
    expect((await lib.addFiles([{ name: 'session.zip', bytes: zip }])).skipped).toBe(2);
  });

  it('refuses a file given on its own that it cannot read, naming it', async () => {
    const { lib } = library();
    await expect(lib.addFiles([{ name: 'notes.pdf', bytes: new Uint8Array([37, 80, 68, 70, 45]) }])).rejects.toThrow(/notes\.pdf is a PDF/);
    expect(lib.stats()).toMatchObject({ documents: 0, paragraphs: 0 });
  });

  it('leaves the library consistent when cancelled, and a second add completes it', async () => {
    const { lib } = library();
    const files = [...fixtures('en'), ...fixtures('fr')];
    const controller = new AbortController();
    let seen = 0;
    const cancelled = lib.addFiles(files, {
      batchSize: 0,
      signal: controller.signal,
      onProgress: ({ done }) => {
        seen = done;
        if (done === 4) controller.abort(new Error('stop'));
      },
    });
    await expect(cancelled).rejects.toThrow('stop');
    expect(seen).toBe(4);
    const partial = inspect(lib.file);
    expect(partial.sources).toBeGreaterThan(0);
    expect(partial.sources).toBeLessThan(files.length);
    integrity(lib.file);
    const rest = await lib.addFiles(files);
    expect(rest.skipped).toBe(partial.sources);

    const { lib: clean } = library();
    await clean.addFiles(files);
    expect(inspect(lib.file)).toEqual(inspect(clean.file));
  });

  it('adds documents of the store by key and skips them unchanged', async () => {
    const { readFiles, documentsOf } = await import('../../../electron/files/formats.js');
    const [doc] = documentsOf(await readFiles([fixture('en', '74_129.xml')]));
    const { lib } = library();
    expect(lib.addDocuments([{ key: 'store:document:d1', doc: doc! }])).toMatchObject({ documents: 1, paragraphs: 4, skipped: 0 });
    expect(lib.addDocuments([{ key: 'store:document:d1', doc: doc! }])).toMatchObject({ documents: 0, skipped: 1 });
    expect(lib.addDocuments([{ key: 'store:document:d1', doc: doc! }], { adopted: false })).toMatchObject({ documents: 1 });
    expect(lib.search('Executive Committee', { mode: 'words' }).every((h) => !h.adopted)).toBe(true);
    expect(lib.stats()).toMatchObject({ documents: 1, paragraphs: 4 });
  });
});

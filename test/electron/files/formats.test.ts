import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../../shared/document/summary.js';
import { readHeader } from '../../../shared/document/header.js';
import { FormatError } from '../../../shared/formats/types.js';
import { detectFormat } from '../../../electron/files/detect.js';
import { documentsOf, exportFileName, readFiles, trackedChangesOf, writeDocument } from '../../../electron/files/formats.js';
import { readPath } from '../../../electron/files/read-path.js';
import { zipLimits } from '../../../electron/files/zip.js';

const fixture = (p: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures', p)));
const textFixture = 'e2e/cn15-draft-rev1.txt';
const aknFixtures = ['akn/en/74_129.xml', 'akn/en/74_265.xml', 'akn/en/74_232B_E.xml'];

async function failureOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(FormatError);
    return (err as Error).message;
  }
  throw new Error('expected a FormatError');
}

const titles = async (name: string, bytes: Uint8Array) => documentsOf(await readFiles([{ name, bytes }])).map((d) => summarize(d).title);

describe('the format of a file is told by its content', () => {
  it('reads a Word package called .txt as Word, with its tracked changes', async () => {
    const parts = await readFiles([{ name: 'draft.txt', bytes: fixture('e2e/tracked-two-authors.docx') }]);
    expect(parts.map((p) => p.format)).toEqual(['docx']);
    expect(trackedChangesOf(parts)).toEqual({ insertions: 1, deletions: 1, authors: ['European Union', 'Jane Smith'] });
    expect(summarize(parts[0]!.documents[0]!).title).toBe('Protection of migrant domestic workers');
  });

  it('reads Akoma Ntoso whatever the extension, and refuses XML of another kind', async () => {
    const [xml] = await readFiles([{ name: 'res.txt', bytes: fixture(aknFixtures[0]!) }]);
    expect(xml?.format).toBe('akn');
    expect(readHeader(xml!.documents[0]!).symbol).toBe('A/RES/74/129');
    const other = new TextEncoder().encode('<?xml version="1.0"?>\n<html><body>Hi</body></html>');
    expect(await failureOf(() => readFiles([{ name: 'page.xml', bytes: other }]))).toBe('akn: page.xml is not Akoma Ntoso (root element <html>, expected <akomaNtoso>)');
  });

  it('refuses a PDF, an old .doc and binary data, naming the file', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n');
    expect(await failureOf(() => readFiles([{ name: 'A_RES_74_129.docx', bytes: pdf }]))).toBe('A_RES_74_129.docx is a PDF: Penholder reads Word, Akoma Ntoso and text');
    const doc = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0);
    expect(await failureOf(() => readFiles([{ name: 'old.doc', bytes: doc }]))).toMatch(/^old\.doc is an old Word \.doc/);
    expect(await failureOf(() => readFiles([{ name: 'x.txt', bytes: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 1) }]))).toBe('x.txt is a binary file, not text');
  });

  it('decodes UTF-16 text with a byte-order mark, little- and big-endian, as its UTF-8 original', async () => {
    const text = new TextDecoder().decode(fixture(textFixture));
    const le = Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const be = Uint8Array.from([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);
    const expected = await titles('draft.txt', fixture(textFixture));
    expect(expected).toEqual(['Strengthening the protection of witnesses in criminal proceedings']);
    expect(await titles('le.txt', le)).toEqual(expected);
    expect(await titles('be.txt', be)).toEqual(expected);
    expect(detectFormat('le.txt', le)).toEqual({ kind: 'text', text });
    expect(await failureOf(() => readFiles([{ name: 'odd.txt', bytes: Uint8Array.of(0xff, 0xfe, 0x41) }]))).toBe('odd.txt is not valid UTF-16LE text');
  });
});

describe('folders and zips', () => {
  it('reads a folder: its .xml, .docx, .txt and .zip files, subfolders included, in natural order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'penholder-files-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'res10.xml'), fixture(aknFixtures[1]!));
    writeFileSync(join(dir, 'res9.xml'), fixture(aknFixtures[0]!));
    writeFileSync(join(dir, 'sub', 'draft.txt'), fixture(textFixture));
    writeFileSync(join(dir, 'notes.md'), '# not a resolution');
    writeFileSync(join(dir, '.hidden.txt'), 'skipped');
    const files = await readPath(dir);
    expect(files.map((f) => f.name.slice(dir.length + 1))).toEqual(['res9.xml', 'res10.xml', join('sub', 'draft.txt')]);
    const docs = documentsOf(await readFiles(files));
    expect(docs.map((d) => readHeader(d).symbol)).toEqual(['A/RES/74/129', 'A/RES/74/265', 'E/CN.15/2023/L.6/Rev.1']);
  });

  it('reads a zip of Akoma Ntoso files in natural order, saying what it left out', async () => {
    const zip = zipSync({
      'English/74_265.xml': fixture(aknFixtures[1]!),
      'English/74_129.xml': fixture(aknFixtures[0]!),
      'English/74_232B_E.xml': fixture(aknFixtures[2]!),
      'English/readme.pdf': Uint8Array.of(1, 2, 3),
      '__MACOSX/English/._74_129.xml': Uint8Array.of(0),
    });
    const parts = await readFiles([{ name: 'session.zip', bytes: zip }]);
    expect(parts.map((p) => p.source)).toEqual(['session.zip/English/74_129.xml', 'session.zip/English/74_232B_E.xml', 'session.zip/English/74_265.xml']);
    expect(parts.every((p) => p.format === 'akn')).toBe(true);
    expect(documentsOf(parts).map((d) => readHeader(d).symbol)).toEqual(['A/RES/74/129', 'A/RES/74/232 B', 'A/RES/74/265']);
    expect(parts[0]!.warnings[0]).toBe('session.zip: not read (not .xml, .docx or .txt): __MACOSX/English/._74_129.xml, English/readme.pdf');
  });

  it('refuses hostile zips before inflating them: a bomb, too many files, a broken archive', async () => {
    const bomb = zipSync({ 'bomb.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(await failureOf(() => readFiles([{ name: 'bomb.zip', bytes: bomb }]))).toMatch(/^bomb\.zip: bomb\.xml unpacks to 20 MB from \d+ bytes, a zip bomb; refused$/);
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i <= zipLimits.entries; i++) many[`f${i}.txt`] = Uint8Array.of(0x41);
    expect(await failureOf(() => readFiles([{ name: 'many.zip', bytes: zipSync(many, { level: 0 }) }]))).toBe(`many.zip holds ${zipLimits.entries + 1} files; Penholder reads zips of at most ${zipLimits.entries}`);
    const broken = zipSync({ 'a.xml': fixture(aknFixtures[0]!) }).subarray(0, 400);
    expect(await failureOf(() => readFiles([{ name: 'broken.zip', bytes: broken }]))).toMatch(/^broken\.zip is not a readable zip/);
    expect(await failureOf(() => readFiles([{ name: 'empty.zip', bytes: zipSync({ 'a.png': Uint8Array.of(1) }) }]))).toBe('empty.zip holds no .xml, .docx or .txt files');
  });

  it('stops between files when aborted, and reports progress per file', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const files = aknFixtures.map((p) => ({ name: p, bytes: fixture(p) }));
    const run = readFiles(files, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(`${p.done}/${p.total} ${p.stage}`);
        if (p.done === 1) controller.abort(new Error('stop'));
      },
    });
    await expect(run).rejects.toThrow('stop');
    expect(seen).toEqual([`0/3 ${aknFixtures[0]}`, `1/3 ${aknFixtures[1]}`]);
  });
});

describe('export through the table', () => {
  it('names files after the symbol, the title without one, and writes every format', async () => {
    const [doc] = documentsOf(await readFiles([{ name: 'draft.txt', bytes: fixture(textFixture) }]));
    expect(exportFileName(doc!, 'docx')).toBe('E_CN.15_2023_L.6_Rev.1.docx');
    const [res] = documentsOf(await readFiles([{ name: 'a.xml', bytes: fixture(aknFixtures[0]!) }]));
    expect(exportFileName(res!, 'pdf')).toBe('A_RES_74_129.pdf');
    const text = new TextDecoder().decode(await writeDocument(doc!, 'text'));
    expect(text).toContain('Strengthening the protection of witnesses in criminal proceedings');
    const akn = new TextDecoder().decode(await writeDocument(doc!, 'akn'));
    expect(await titles('back.xml', new TextEncoder().encode(akn))).toEqual(['Strengthening the protection of witnesses in criminal proceedings']);
    const docx = await writeDocument(doc!, 'docx');
    expect(await titles('back.docx', docx)).toEqual(['Strengthening the protection of witnesses in criminal proceedings']);
    const pdf = await writeDocument(doc!, 'pdf', { paper: 'letter' });
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
  });
});

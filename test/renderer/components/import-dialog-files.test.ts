import { describe, expect, it } from 'vitest';
import { isImportable, pickFiles, readPicked, skippedWarning } from '../../../renderer/components/import-dialog-files.js';

const file = (name: string, text = 'x') => ({ name, file: new Blob([text]) });

describe('the files of an import', () => {
  it('puts a folder in file order, numbers compared as numbers, and leaves out what no reader takes', () => {
    const picked = pickFiles([file('drafts/L.10.docx'), file('drafts/.DS_Store'), file('drafts/L.2.docx'), file('drafts/~$L.2.docx'), file('drafts/scan.pdf'), file('drafts/annex/L.1.xml'), file('drafts/all.ZIP')], 'drafts', true);
    expect(picked.files.map((f) => f.name)).toEqual(['drafts/all.ZIP', 'drafts/annex/L.1.xml', 'drafts/L.2.docx', 'drafts/L.10.docx']);
    expect(picked.skipped).toEqual(['drafts/.DS_Store', 'drafts/~$L.2.docx', 'drafts/scan.pdf']);
    expect(skippedWarning(picked.skipped)).toBe('Left out 3 files that are not .docx, .xml, .zip or .txt: drafts/.DS_Store, drafts/~$L.2.docx, drafts/scan.pdf.');
  });

  it('keeps every file chosen one by one: the backend tells the format by content', () => {
    const picked = pickFiles([file('draft.rtf'), file('b.txt'), file('a.docx')], '3 files', false);
    expect(picked.files.map((f) => f.name)).toEqual(['a.docx', 'b.txt', 'draft.rtf']);
    expect(picked.skipped).toEqual([]);
    expect(skippedWarning(picked.skipped)).toBeNull();
  });

  it('names five left-out files and counts the rest', () => {
    const names = Array.from({ length: 7 }, (_, i) => `f${i}.png`);
    expect(skippedWarning(names)).toBe('Left out 7 files that are not .docx, .xml, .zip or .txt: f0.png, f1.png, f2.png, f3.png, f4.png and 2 more.');
    expect(skippedWarning(['one.png'])).toBe('Left out 1 file that is not .docx, .xml, .zip or .txt: one.png.');
  });

  it('tells importable names case-insensitively and reads the bytes of each file', async () => {
    expect(['A.DOCX', 'b.Xml', 'c.txt', 'd.zip', 'e.doc', 'f.pdf', 'docx'].map(isImportable)).toEqual([true, true, true, true, false, false, false]);
    const read = await readPicked([file('a.txt', 'héllo')]);
    expect(read).toEqual([{ name: 'a.txt', bytes: new TextEncoder().encode('héllo') }]);
  });

  it('refuses more than one import carries, saying how much and what to do', async () => {
    const big = { name: 'big.zip', file: new Blob([new Uint8Array(41 * 1024 * 1024)]) };
    await expect(readPicked([big])).rejects.toThrow('the files hold 41 MB; one import takes at most 40 MB (import the folder in parts)');
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../../shared/formats/docx/read.js';
import { FormatError } from '../../../../shared/formats/types.js';

const fixture = () => new Uint8Array(readFileSync(fileURLToPath(new URL('../../../fixtures/docx/resolution-lists.docx', import.meta.url))));

// The real package with `document.xml` (or another part) replaced.
function withPart(name: string, content: Uint8Array | string): Uint8Array {
  const files = unzipSync(fixture());
  files[name] = typeof content === 'string' ? strToU8(content) : new Uint8Array(content);
  return zipSync(files);
}

function refusal(bytes: Uint8Array): FormatError {
  try {
    readDocx(bytes);
  } catch (err) {
    if (err instanceof FormatError) return err;
    throw err;
  }
  throw new Error('readDocx accepted the input');
}

const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

describe('readDocx refuses hostile input with a FormatError naming what', () => {
  it('not a zip', () => {
    expect(refusal(strToU8('The General Assembly,\n\n1. Decides to remain seized of the matter.')).message).toMatch(/not a Word document \(not a zip package\)/);
    expect(refusal(new Uint8Array(0)).message).toMatch(/not a zip/);
  });

  it('a damaged zip', () => {
    const bytes = fixture().slice(0, 2000);
    expect(refusal(bytes).message).toMatch(/^docx: the zip package is damaged/);
  });

  it('a zip without word/document.xml', () => {
    const bytes = zipSync({ 'readme.txt': strToU8('hello'), '[Content_Types].xml': strToU8('<Types/>') });
    expect(refusal(bytes).message).toBe('docx: the package has no main document part (word/document.xml); it is not a Word document');
  });

  it('a zip bomb: a part that unpacks to thousands of times its size', () => {
    const bomb = withPart('word/document.xml', new Uint8Array(4 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100_000);
    expect(refusal(bomb).message).toMatch(/^docx: part word\/document\.xml unpacks \d+ times its packed size \(a zip bomb\); refused$/);
  });

  it('a part whose header declares gigabytes, before anything is inflated', () => {
    const bytes = withPart('word/document.xml', `<w:document ${w}><w:body/></w:document>`);
    // Forge the unpacked size of document.xml in its central directory entry (offset 24).
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = strToU8('word/document.xml');
    for (let at = 0; at + 46 < bytes.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const length = view.getUint16(at + 28, true);
      if (length === name.length && bytes.subarray(at + 46, at + 46 + length).every((b, i) => b === name[i])) view.setUint32(at + 24, 0xfff00000, true);
    }
    expect(refusal(bytes).message).toMatch(/^docx: part word\/document\.xml declares 4293918720 bytes unpacked/);
  });

  it('deeply nested XML', () => {
    const depth = 5_000;
    const xml = `<w:document ${w}><w:body>${'<w:sdt><w:sdtContent>'.repeat(depth)}${'</w:sdtContent></w:sdt>'.repeat(depth)}</w:body></w:document>`;
    expect(refusal(withPart('word/document.xml', xml)).message).toMatch(/^docx: part word\/document\.xml nests elements \d+ deep \(more than 256\); refused$/);
  });

  it('a DTD (entity expansion)', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ${w}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    expect(refusal(withPart('word/document.xml', xml)).message).toBe('docx: part word/document.xml has a DTD (<!DOCTYPE>); refused');
  });

  it('malformed XML, in the part that has it', () => {
    expect(refusal(withPart('word/numbering.xml', `<w:numbering ${w}><w:num>`)).message).toMatch(/^docx: part word\/numbering\.xml is not well-formed XML/);
  });

  it('a Word document that holds no resolution', () => {
    const xml = `<w:document ${w}><w:body><w:p><w:r><w:t>Dear colleagues, please find the draft attached.</w:t></w:r></w:p></w:body></w:document>`;
    expect(refusal(withPart('word/document.xml', xml)).message).toMatch(/^docx: no resolution or decision found/);
  });
});

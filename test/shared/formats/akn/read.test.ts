import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { validateDocument } from '../../../../shared/document/build.js';
import { childText, readHeader } from '../../../../shared/document/header.js';
import { isAknXml, readAkn } from '../../../../shared/formats/akn/read.js';
import { countDoc, countXml, type Counts } from './read-counts.js';

const fixtures = join(__dirname, '..', '..', '..', 'fixtures', 'akn');
const languages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
const fixture = (lang: string, prefix: string): { name: string; xml: string } => {
  const name = readdirSync(join(fixtures, lang)).find((f) => f.startsWith(`${prefix}.`) || f.startsWith(`${prefix}_`));
  if (!name) throw new Error(`no fixture ${lang}/${prefix}`);
  return { name, xml: readFileSync(join(fixtures, lang, name), 'utf8') };
};
const allFixtures = languages.flatMap((lang) => readdirSync(join(fixtures, lang)).map((name) => ({ lang, name })));

/** The paragraph_text of the n-th node of `type` in document order. */
function nth(doc: Node, type: string, n = 0): Node {
  const found: Node[] = [];
  doc.descendants((node) => {
    if (node.type.name === type) found.push(node);
    return true;
  });
  const node = found[n];
  if (!node) throw new Error(`no ${type} #${n}`);
  return node;
}

describe('readAkn on the 74th-session sample (six languages)', () => {
  it.each(allFixtures)('$lang/$name: valid documents whose counts equal the regex count of the XML', ({ lang, name }) => {
    const xml = readFileSync(join(fixtures, lang, name), 'utf8');
    const { documents } = readAkn(xml, name);
    const expected = countXml(xml);
    expect(documents.map(countDoc)).toEqual(expected);
    for (const doc of documents) {
      doc.check();
      expect(() => validateDocument(doc.toJSON())).not.toThrow();
      expect(readHeader(doc).language).toBe(lang);
    }
  });

  it('gives the same counts for the same resolution in every language', () => {
    for (const prefix of ['74_129', '74_232B', '74_265']) {
      const counts = languages
        .filter((lang) => !(prefix === '74_265' && lang === 'ru'))
        .map((lang) => readAkn(fixture(lang, prefix).xml).documents.map(countDoc));
      for (const c of counts) expect(c).toEqual(counts[0]);
    }
  });

  it('reads A/RES/74/129: header, body line, openers, footnotes at their place', () => {
    const [doc] = readAkn(fixture('en', '74_129').xml, '74_129.xml').documents;
    if (!doc) throw new Error('no document');
    expect(readHeader(doc)).toMatchObject({ symbol: 'A/RES/74/129', date: '8 January 2020', language: 'en', agendaItem: '61' });
    expect(childText(doc, 'title')).toBe('Enlargement of the Executive Committee of the Programme of the United Nations High Commissioner for Refugees');
    expect(childText(doc, 'body_line')).toBe('The General Assembly,');
    expect(countDoc(doc)).toEqual<Counts>({ pp: 2, op: 2, sub: 0, subsub: 0, notes: 4, annexes: 0 });
    const pp2 = nth(doc, 'paragraph_text', 1);
    const opener = pp2.firstChild;
    expect(opener?.text).toBe('Taking note also');
    expect(opener?.marks.map((m) => m.type.name)).toEqual(['opener']);
    // The first footnote follows "... addressed to the Secretary-General," and cites E/2019/82.
    let before = '';
    let note: Node | null = null;
    pp2.forEach((child) => {
      if (note) return;
      if (child.type.name === 'footnote') note = child;
      else before += child.text ?? '';
    });
    expect(before.endsWith('from the Permanent Mission of Burkina Faso to the United Nations addressed to the Secretary-General,')).toBe(true);
    expect((note as Node | null)?.textContent).toBe('E/2019/82.');
    expect(nth(doc, 'paragraph_text', 2).textContent).toBe(
      'Decides to increase the number of members of the Executive Committee of the Programme of the United Nations High Commissioner for Refugees from 102 States to 106 States;',
    );
  });

  it('maps FRBRlanguage to the header language and strips typed labels (Arabic "1 -")', () => {
    const [ar] = readAkn(fixture('ar', '74_129').xml).documents;
    if (!ar) throw new Error('no document');
    expect(readHeader(ar).language).toBe('ar');
    expect(childText(ar, 'title').startsWith('توسيع')).toBe(true);
    const op1 = nth(ar, 'paragraph_text', 2);
    expect(op1.textContent.startsWith('1')).toBe(false);
    expect(op1.firstChild?.marks.map((m) => m.type.name)).toEqual(['opener']);
  });

  it('reads (a)- and (i)-level subparagraphs with their labels taken off', () => {
    for (const lang of ['en', 'fr', 'ar', 'zh'] as const) {
      const [doc] = readAkn(fixture(lang, '74_265').xml).documents;
      if (!doc) throw new Error('no document');
      expect(countDoc(doc)).toMatchObject({ op: 3, sub: 3, subsub: 5 });
      expect(nth(doc, 'sub_subparagraph', 0).textContent).not.toMatch(/^\(?[i㈠’]/);
    }
  });

  it('takes the symbol from FRBR when the cover page has none, and reads a file with a byte-order mark', () => {
    const xml = `\ufeff${fixture('en', '74_232B').xml.replace(/<docNumber refersTo="#symbol">[^<]*<\/docNumber>/, '')}`;
    expect(readAkn(xml).documents.map((d) => readHeader(d).symbol)).toEqual(['A/RES/74/232 B']);
  });

  it('reads part B with the title footnote kept as a footnote, and both parts of a collection', () => {
    const [b] = readAkn(fixture('en', '74_232B').xml).documents;
    if (!b) throw new Error('no document');
    expect(readHeader(b).symbol).toBe('A/RES/74/232 B');
    expect(countDoc(b).notes).toBe(1);
    const parts = readAkn(fixture('en', '74_255').xml, '74_255.xml');
    expect(parts.documents.map((d) => readHeader(d).symbol)).toEqual(['A/RES/74/255 A', 'A/RES/74/255 B']);
    expect(parts.documents.map((d) => childText(d, 'title'))).toEqual(['United Nations common system', 'United Nations common system']);
    expect(parts.warnings.some((w) => w.includes('<crossHeading> (eId preamble_16)'))).toBe(true);
  });

  it('reads an annex with its title and keeps its table as text with a warning', () => {
    const { documents, warnings } = readAkn(fixture('en', '74_259').xml, '74_259.xml');
    const annex = nth(documents[0] as Node, 'annex');
    expect(annex.firstChild?.textContent).toBe('Financing of the International Residual Mechanism for Criminal Tribunals for 2020');
    expect(annex.textContent).toContain('Estimated appropriation for 2020');
    expect(warnings.some((w) => w.includes('table <container> (eId container_25)'))).toBe(true);
    expect(warnings.some((w) => w.includes('heading <section>') && w.includes('Second performance report'))).toBe(true);
  });
});

describe('isAknXml', () => {
  it('tells AKN from other XML and text', () => {
    expect(isAknXml(fixture('en', '74_129').xml)).toBe(true);
    expect(isAknXml('<?xml version="1.0"?>\n<akomaNtoso><statement/></akomaNtoso>')).toBe(true);
    expect(isAknXml(`\ufeff<?xml version="1.0"?>\n<!-- a comment -->\n${fixture('en', '74_129').xml}`)).toBe(true);
    expect(isAknXml('<akomaNtoso xmlns="urn:other"><statement/></akomaNtoso>')).toBe(false);
    expect(isAknXml('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')).toBe(false);
    expect(isAknXml('<akomaNtoso><statement>')).toBe(false);
    expect(isAknXml('The General Assembly,')).toBe(false);
  });
});

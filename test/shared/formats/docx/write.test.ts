import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../../shared/document/build.js';
import { importText } from '../../../../shared/import/index.js';
import { writeDocx } from '../../../../shared/formats/docx/write.js';
import { FormatError } from '../../../../shared/formats/types.js';
import { libreOfficeText, ooxmlErrors, pandocParagraphs, part, textParagraphs } from './write-readers.js';

const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A draft resolution with every part of the UN layout: masthead, openers, footnotes, subparagraphs, a list, an annex. */
export function fullDraft(language = 'en') {
  return buildDocument({
    header: { symbol: 'E/CN.15/2023/L.6', date: '19 May 2023', language: language as 'en', session: 'Thirty-second session', agendaItem: '5', sponsors: ['Austria', 'Japan', 'Mexico'] },
    title: 'Reducing reoffending through rehabilitation & reintegration',
    body: 'The Commission on Crime Prevention and Criminal Justice,',
    preamble: [
      { text: 'Recalling the Kyoto Declaration, adopted at the Fourteenth Congress,', opener: 'Recalling', footnotes: [{ at: 31, text: 'A/CONF.234/16, chap. I.' }] },
      { text: [{ text: 'Noting', opener: true }, ' the ', { text: 'Nelson Mandela Rules', emphasis: true }, { footnote: 'Resolution 70/175, annex.' }, ','] },
    ],
    operative: [
      { text: 'Encourages Member States to develop strategies to reduce reoffending;', opener: 'Encourages' },
      {
        text: 'Requests the Office to:',
        opener: 'Requests',
        subparagraphs: [{ text: 'Convene an expert group meeting;', subparagraphs: ['In a hybrid format;', 'Before the thirty-third session;'] }, 'Report on the meeting;'],
        list: ['Opening of the session.', 'Adoption of the agenda.'],
      },
    ],
    annexes: [{ title: 'Model strategies', content: ['The strategies are as follows:', { list: ['Assessment of needs.', 'Programmes in prison.'] }] }],
  });
}

function xml(bytes: Uint8Array, name: string) {
  return new DOMParser().parseFromString(part(bytes, name), 'text/xml');
}

function paragraphsOfStyle(bytes: Uint8Array, style: string) {
  const doc = xml(bytes, 'word/document.xml');
  return Array.from(doc.getElementsByTagNameNS(w, 'p')).filter((p) => p.getElementsByTagNameNS(w, 'pStyle')[0]?.getAttributeNS(w, 'val') === style);
}

describe('writeDocx: package and UN layout', () => {
  const doc = fullDraft();
  const bytes = writeDocx(doc, { author: 'Austria', date: '2026-12-07T10:00:00Z', properties: { 'penholder:fingerprint': 'ab12', 'penholder:hash': 'sha256:0f' } });

  it('writes a valid OOXML package with the parts Word expects', async () => {
    const names = Object.keys(unzipSync(bytes));
    expect(names).toEqual(
      expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/settings.xml', 'word/footnotes.xml', 'word/footer1.xml', 'docProps/core.xml', 'docProps/custom.xml']),
    );
    expect(part(bytes, 'word/footer1.xml')).toContain('<w:instrText xml:space="preserve"> PAGE </w:instrText>');
    expect(names).not.toContain('word/comments.xml');
    expect(names).not.toContain('word/numbering.xml');
    expect(await ooxmlErrors(bytes)).toEqual([]);
  });

  it('sets A4 pages and Times New Roman 10 pt in the styles', () => {
    const sectPr = xml(bytes, 'word/document.xml').getElementsByTagNameNS(w, 'pgSz')[0];
    expect([sectPr?.getAttributeNS(w, 'w'), sectPr?.getAttributeNS(w, 'h')]).toEqual(['11906', '16838']);
    const styles = xml(bytes, 'word/styles.xml');
    const defaults = styles.getElementsByTagNameNS(w, 'rPrDefault')[0]!;
    expect(defaults.getElementsByTagNameNS(w, 'rFonts')[0]?.getAttributeNS(w, 'ascii')).toBe('Times New Roman');
    expect(defaults.getElementsByTagNameNS(w, 'sz')[0]?.getAttributeNS(w, 'val')).toBe('20');
  });

  it('writes the masthead, sponsors line and a bold title from the header', () => {
    const body = pandocParagraphs(bytes).body;
    expect(body.slice(0, 8)).toEqual([
      'E/CN.15/2023/L.6',
      '19 May 2023',
      'Original: English',
      'Thirty-second session',
      'Agenda item 5',
      'Austria, Japan and Mexico: draft resolution',
      'Reducing reoffending through rehabilitation & reintegration',
      'The Commission on Crime Prevention and Criminal Justice,',
    ]);
    expect(part(bytes, 'word/document.xml')).toContain('Distr.: Limited');
    const title = paragraphsOfStyle(bytes, 'PhTitle');
    expect(title).toHaveLength(1);
    const titleStyle = Array.from(xml(bytes, 'word/styles.xml').getElementsByTagNameNS(w, 'style')).find((s) => s.getAttributeNS(w, 'styleId') === 'PhTitle');
    expect(titleStyle?.getElementsByTagNameNS(w, 'b')).toHaveLength(1);
  });

  it('writes openers and emphasis as italic runs, and nothing else italic', () => {
    const italic = Array.from(xml(bytes, 'word/document.xml').getElementsByTagNameNS(w, 'r'))
      .filter((r) => r.getElementsByTagNameNS(w, 'i').length > 0)
      .map((r) => r.textContent);
    expect(italic).toEqual(['Recalling', 'Noting', 'Nelson Mandela Rules', 'Encourages', 'Requests']);
  });

  it('gives the same paragraphs as the text export, labels hanging before a tab', () => {
    const fromWord = pandocParagraphs(bytes);
    const fromText = textParagraphs(doc);
    expect(fromWord).toEqual(fromText);
    const ops = paragraphsOfStyle(bytes, 'PhOperative');
    expect(ops[0]?.getElementsByTagNameNS(w, 'ind')[0]?.getAttributeNS(w, 'hanging')).toBe('567');
    expect(ops[0]?.textContent).toBe('1.Encourages Member States to develop strategies to reduce reoffending;');
    expect(ops[0]?.getElementsByTagNameNS(w, 'tab')).toHaveLength(1);
  });

  it('writes real footnotes numbered through the document, with separators', () => {
    const notes = Array.from(xml(bytes, 'word/footnotes.xml').getElementsByTagNameNS(w, 'footnote'));
    expect(notes.map((n) => n.getAttributeNS(w, 'type') || n.getAttributeNS(w, 'id'))).toEqual(['separator', 'continuationSeparator', '1', '2']);
    expect(pandocParagraphs(bytes).notes).toEqual(['A/CONF.234/16, chap. I.', 'Resolution 70/175, annex.']);
    expect(part(bytes, 'word/settings.xml')).toContain('<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>');
  });

  it('stores custom properties and the core properties', () => {
    const custom = part(bytes, 'docProps/custom.xml');
    expect(custom).toContain('name="penholder:fingerprint"><vt:lpwstr>ab12</vt:lpwstr>');
    expect(custom).toContain('name="penholder:hash"><vt:lpwstr>sha256:0f</vt:lpwstr>');
    expect(part(bytes, 'docProps/core.xml')).toContain('<dc:title>E/CN.15/2023/L.6: Reducing reoffending through rehabilitation &amp; reintegration</dc:title>');
  });

  it('is deterministic: the same input gives the same bytes', () => {
    expect(writeDocx(doc, { author: 'Austria', date: '2026-12-07T10:00:00Z', properties: { 'penholder:fingerprint': 'ab12', 'penholder:hash': 'sha256:0f' } })).toEqual(bytes);
  });

  it('opens in LibreOffice with the whole text', () => {
    // LibreOffice writes footnote numbers inline ("Declaration1,"): digits are left out on both sides.
    const digitless = (s: string) => s.replace(/\d/g, '').replace(/\s+/g, ' ');
    const text = digitless(libreOfficeText(bytes));
    // Its plain-text filter leaves footnote texts out (pandoc reads them above).
    for (const p of textParagraphs(doc).body) expect(text).toContain(digitless(p));
  });

  it('refuses a date that is not an ISO date-time and an empty property name', () => {
    expect(() => writeDocx(doc, { date: 'yesterday' })).toThrow(FormatError);
    expect(() => writeDocx(doc, { properties: { '': 'x' } })).toThrow(/custom property name/);
  });
});

describe('writeDocx: decisions and French labels', () => {
  it('labels a decision\'s paragraphs and a French document\'s subparagraphs as the text export does', () => {
    const decision = buildDocument({
      kind: 'decision',
      header: { symbol: 'E/2026/L.3', language: 'fr' },
      title: 'Rapport de la Commission',
      body: 'Le Conseil économique et social :',
      operative: [{ text: 'Prend note du rapport ;', subparagraphs: ['de la session ;', 'du programme ;'] }, 'Approuve l’ordre du jour provisoire.'],
    });
    const read = pandocParagraphs(writeDocx(decision));
    expect(read).toEqual(textParagraphs(decision));
    expect(read.body).toContain('a) Prend note du rapport ;');
    expect(read.body).toContain('ii) du programme ;');
  });
});

describe('writeDocx: right to left', () => {
  it('writes an Arabic document as right-to-left paragraphs and runs', async () => {
    const bytes = writeDocx(fullDraft('ar'));
    const document = part(bytes, 'word/document.xml');
    const paragraphs = (document.match(/<w:p>/g) ?? []).length;
    expect((document.match(/<w:bidi\/>/g) ?? []).length).toBe(paragraphs + 1);
    expect(document).toContain('<w:rtl/>');
    expect(part(bytes, 'word/styles.xml')).toContain('w:val="ar-SA"');
    // Operative paragraphs and list items are numbered "1 -", subparagraphs "(أ)", as the official Arabic texts.
    const labels = pandocParagraphs(bytes).body.map((line) => line.split(/\s/)[0] ?? '');
    expect(labels.filter((l) => /^\d\.$/.test(l))).toEqual([]);
    expect(pandocParagraphs(bytes).body.filter((line) => line.startsWith('1 -'))).toHaveLength(3);
    expect(pandocParagraphs(bytes).body.some((line) => line.startsWith('(أ)'))).toBe(true);
    expect(await ooxmlErrors(bytes)).toEqual([]);
  });
});

describe('writeDocx: negotiation views', () => {
  const negotiated = importText(readFileSync('test/fixtures/negotiation/ga-third-committee-rev1.txt', 'utf8')).documents[0]!;

  it('writes the compilation with brackets and attribution tags exactly as the text export', async () => {
    const bytes = writeDocx(negotiated);
    expect(pandocParagraphs(bytes)).toEqual(textParagraphs(negotiated));
    expect(pandocParagraphs(bytes).body).toContain(
      'Deeply concerned that women migrant workers[, including those in an irregular situation, (EU, CAN)] remain [particularly] vulnerable to [all forms of] violence, [including sexual and gender-based violence (RUS: delete)],',
    );
    expect(await ooxmlErrors(bytes)).toEqual([]);
  });

  it('writes the compilation without tags when asked', () => {
    expect(pandocParagraphs(writeDocx(negotiated, { tags: false }))).toEqual(textParagraphs(negotiated, 'compilation', false));
  });

  it('writes the clean view as the clean text export', () => {
    const bytes = writeDocx(negotiated, { view: 'clean' });
    expect(pandocParagraphs(bytes)).toEqual(textParagraphs(negotiated, 'clean'));
    expect(part(bytes, 'word/document.xml')).not.toContain('[');
  });

  it('writes brackets as comments naming proposers, supporters and opponents', async () => {
    const bytes = writeDocx(negotiated, { brackets: 'comments', author: 'Facilitator', date: '2026-12-07T10:00:00Z' });
    expect(pandocParagraphs(bytes)).toEqual(textParagraphs(negotiated, 'compilation', false));
    const comments = Array.from(xml(bytes, 'word/comments.xml').getElementsByTagNameNS(w, 'comment'));
    const texts = comments.map((c) => c.textContent);
    expect(texts).toContain('Proposed by EU, CAN.');
    expect(texts).toContain('Proposed for deletion by RUS.');
    expect(comments[0]?.getAttributeNS(w, 'author')).toBe('Facilitator');
    const document = part(bytes, 'word/document.xml');
    expect((document.match(/<w:commentRangeStart /g) ?? []).length).toBe(comments.length);
    expect((document.match(/<w:commentReference /g) ?? []).length).toBe(comments.length);
    expect(part(bytes, '[Content_Types].xml')).toContain('/word/comments.xml');
    expect(await ooxmlErrors(bytes)).toEqual([]);
  });
});

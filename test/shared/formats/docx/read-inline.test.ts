import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../../shared/formats/docx/read.js';

// Word's run-level shapes that LibreOffice and pandoc do not write (moves, complex fields,
// content controls, smart tags, an insertion deleted later): a hand-written document.xml in
// LibreOffice's package of the resolution fixture (its styles and numbering stay).
const base = () => unzipSync(new Uint8Array(readFileSync(fileURLToPath(new URL('../../../fixtures/docx/resolution-lists.docx', import.meta.url)))));
const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const dr = (text: string) => `<w:r><w:delText xml:space="preserve">${text}</w:delText></w:r>`;
const by = (id: number, author: string) => `w:id="${id}" w:author="${author}" w:date="2025-01-0${id % 9}T10:00:00Z"`;

function docx(body: string): Uint8Array {
  const files = base();
  files['word/document.xml'] = strToU8(`<w:document ${w}><w:body>${body}</w:body></w:document>`);
  return zipSync(files);
}

const head = [p(r('A/RES/80/1')), p(r('Cooperation on water')), p(r('The General Assembly,'))].join('');

const texts = (doc: Node) => {
  const out: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'paragraph_text') out.push(node.textContent);
    return node.type.name !== 'paragraph_text';
  });
  return out;
};

describe('readDocx inline content', () => {
  const body =
    head +
    p(`${r('Recalling', '<w:i/>')}<w:smartTag w:uri="urn:x" w:element="place">${r(' Geneva')}</w:smartTag>${r(' and ')}<w:hyperlink w:anchor="x">${r('Vienna')}</w:hyperlink>${r(',')}`) +
    p(
      `${r('1. ')}${r('Decides', '<w:i/>')}${r(' to meet in ')}<w:fldSimple w:instr=" DATE "><w:r><w:t>2026</w:t></w:r></w:fldSimple>${r(' under ')}` +
        `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://un.org" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('rule 12')}<w:r><w:fldChar w:fldCharType="end"/></w:r>` +
        `${r(' of ')}<w:sdt><w:sdtPr/><w:sdtContent>${r('its rules')}</w:sdtContent></w:sdt>${r(';')}`,
    ) +
    `<w:sdt><w:sdtPr/><w:sdtContent>${p(`${r('2. ')}${r('Requests', '<w:i/>')}${r(' a report.')}`)}</w:sdtContent></w:sdt>`;

  it('keeps the text of smart tags, hyperlinks, simple and complex fields (result only) and content controls', () => {
    const doc = readDocx(docx(body)).documents[0] as Node;
    expect(texts(doc)).toEqual(['Recalling Geneva and Vienna,', 'Decides to meet in 2026 under rule 12 of its rules;', 'Requests a report.']);
  });
});

describe('readDocx moves and layered changes', () => {
  const body =
    head +
    p(`${r('Recalling', '<w:i/>')}${r(' its resolution 79/1')}<w:moveFrom ${by(1, 'Ana')}>${r(' of 2024', '')}</w:moveFrom>${r(',')}`) +
    p(`${r('1. ')}${r('Decides', '<w:i/>')}<w:moveTo ${by(2, 'Ana')}>${r(' of 2024')}</w:moveTo>${r(' to act')}<w:ins ${by(3, 'Ben')}><w:del ${by(4, 'Ana')}>${dr(' swiftly')}</w:del></w:ins>${r('.')}`) +
    p(`${r('2. ')}${r('Requests', '<w:i/>')}${r(' a report')}<w:del ${by(5, 'Ben')}>${dr(' soon')}</w:del>${r('.')}`, `<w:rPr><w:ins ${by(6, 'Cleo')}/></w:rPr>`);

  it('counts a move as one deletion and one insertion, an insertion deleted later as both, paragraph marks not at all', () => {
    const { trackedChanges } = readDocx(docx(body));
    expect(trackedChanges).toEqual({ insertions: 2, deletions: 3, authors: ['Ana', 'Ben', 'Cleo'] });
  });

  it('accepts and rejects moves like a deletion and an insertion; an insertion deleted later is gone either way', () => {
    expect(texts(readDocx(docx(body), { trackedChanges: 'accept' }).documents[0] as Node)).toEqual([
      'Recalling its resolution 79/1,',
      'Decides of 2024 to act.',
      'Requests a report.',
    ]);
    // Rejected, Cleo's paragraph break was never there: OP 2 joins the text after it (nothing).
    expect(texts(readDocx(docx(body), { trackedChanges: 'reject' }).documents[0] as Node)).toEqual([
      'Recalling its resolution 79/1 of 2024,',
      'Decides to act.',
      'Requests a report soon.',
    ]);
  });
});

describe('readDocx keeps the document own characters', () => {
  it('asterisks, underscores, superscript digits and unpaired brackets stay text; paired brackets are negotiation brackets', () => {
    const body =
      head +
      p(`${r('Recalling', '<w:i/>')}${r(' the 2*3 rule_of_thumb on 5 km² [sic],')}`) +
      p(`${r('1. ')}${r('Decides', '<w:i/>')}${r(' to act [shall] under article *7* [unfinished;')}`) +
      p(`${r('2. ')}${r('Requests', '<w:i/>')}${r(' a report.')}`);
    const { documents, warnings } = readDocx(docx(body));
    const doc = documents[0] as Node;
    expect(texts(doc)).toEqual(['Recalling the 2*3 rule_of_thumb on 5 km² sic,', 'Decides to act [shall] under article *7* [unfinished;', 'Requests a report.']);
    let brackets = 0;
    doc.descendants((node) => {
      if (node.type.name === 'bracket') brackets++;
      return true;
    });
    expect(brackets).toBe(1);
    expect(warnings.some((w) => w.includes('square brackets do not pair up'))).toBe(true);
  });
});

describe('readDocx around the resolution', () => {
  it('reads an italic body line as the body line, and names paragraphs outside the resolution in warnings', () => {
    const body =
      p(r('Dear colleagues, please find below the draft for Monday.')) +
      p(r('A/RES/80/2')) +
      p(r('Cooperation on water')) +
      p(`${r('The General Assembly', '<w:i/>')}${r(',')}`) +
      p(`${r('1. ')}${r('Decides', '<w:i/>')}${r(' to act.')}`);
    const { documents, warnings } = readDocx(docx(body));
    const doc = documents[0] as Node;
    expect(doc.child(1).textContent).toBe('Cooperation on water');
    expect(doc.child(2).textContent).toBe('The General Assembly,');
    expect(texts(doc)).toEqual(['Decides to act.']);
    expect(warnings).toContain('docx: paragraph 1 ("Dear colleagues, please find below the draft for Monday.") is outside any resolution or decision and was not imported');
  });
});

describe('readDocx says what it does not keep as text', () => {
  it('reads a masthead table cell by cell and says so; hidden text and formatting changes are named', () => {
    const cell = (text: string) => `<w:tc>${p(r(text))}</w:tc>`;
    const body =
      `<w:tbl><w:tr>${cell('A/RES/80/3')}${cell('Distr.: General')}</w:tr></w:tbl>` +
      p(r('Cooperation on water')) +
      p(r('The General Assembly,')) +
      p(`${r('1. ')}${r('Decides', '<w:i/><w:rPrChange w:id="9" w:author="X"><w:rPr/></w:rPrChange>')}${r(' to act', '<w:vanish/>')}${r(' now.')}`);
    const { documents, warnings } = readDocx(docx(body));
    expect(texts(documents[0] as Node)).toEqual(['Decides now.']);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'docx: tables read cell by cell, each cell paragraph as a paragraph (1)',
        'docx: runs of hidden text not read (1)',
        'docx: tracked formatting changes: the formatting after them is used (1)',
      ]),
    );
  });
});

describe('readDocx tracked paragraphs inside Word numbering', () => {
  // LibreOffice's shape of a deleted list paragraph: the mark before it and all its text deleted.
  const num = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>';
  const body =
    head +
    p(`${r('Recalling', '<w:i/>')}${r(' its resolution 79/1,')}`) +
    p(`${r('Calls upon', '<w:i/>')}${r(' States to act;')}`, `${num}<w:rPr><w:del ${by(1, 'Ana')}/></w:rPr>`) +
    p(`<w:del ${by(2, 'Ana')}>${dr('Urges')}${dr(' donors to help;')}</w:del>`, num) +
    p(`${r('Decides', '<w:i/>')}${r(' to remain seized of the matter.')}`, num);
  const ops = (mode: 'accept' | 'reject' | 'proposals') => {
    const doc = readDocx(docx(body), { trackedChanges: mode, delegationOf: () => 'BRA' }).documents[0] as Node;
    const out: string[] = [];
    doc.descendants((node) => {
      if (node.type.name !== 'operative_paragraph') return true;
      let deleted = false;
      node.firstChild?.forEach((c) => (deleted ||= c.type.name === 'bracket' && c.attrs.deletion === true));
      out.push(`${deleted ? 'deletion proposal: ' : ''}${node.firstChild?.textContent ?? ''}`);
      return false;
    });
    return out;
  };

  it('numbers only the paragraphs each mode keeps, and keeps the deleted OP as a deletion proposal', () => {
    expect(ops('accept')).toEqual(['Calls upon States to act;', 'Decides to remain seized of the matter.']);
    expect(ops('reject')).toEqual(['Calls upon States to act;', 'Urges donors to help;', 'Decides to remain seized of the matter.']);
    expect(ops('proposals')).toEqual(['Calls upon States to act;', 'deletion proposal: Urges donors to help;', 'Decides to remain seized of the matter.']);
  });
});

import { readFileSync } from 'node:fs';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { buildDocument, type DocumentSpec } from '../../../../shared/document/build.js';
import { importText } from '../../../../shared/import/index.js';
import { writeDocx } from '../../../../shared/formats/docx/write.js';
import { libreOfficeParagraphs, ooxmlErrors, pandocAll, pandocParagraphs, part, textParagraphs } from './write-readers.js';

const imported = (path: string, edit: (text: string) => string = (t) => t): Node => importText(edit(readFileSync(path, 'utf8'))).documents[0]!;

const base: DocumentSpec = {
  header: { symbol: 'A/C.3/81/L.12', date: '1 October 2026', session: 'Eighty-first session', agendaItem: '28 (a)', sponsors: ['Mexico'] },
  title: 'Violence against women migrant workers',
  body: 'The General Assembly,',
  preamble: [
    { text: 'Recalling all its previous resolutions on the subject,', opener: 'Recalling', footnotes: [{ at: 38, text: 'Resolution 78/185.' }] },
    { text: 'Reaffirming the 2030 Agenda for Sustainable Development,', opener: 'Reaffirming', footnotes: [{ text: 'Resolution 70/1.' }] },
  ],
  operative: [
    { text: 'Welcomes the report of the Secretary-General;', opener: 'Welcomes' },
    { text: 'Urges all States to protect the human rights of women migrant workers;', opener: 'Urges' },
    { text: 'Encourages Member States to:', opener: 'Encourages', subparagraphs: ['Adopt legislation;', 'Ensure access to justice;', 'Collect data disaggregated by sex;'] },
    { text: 'Calls upon States to consider ratifying the Convention;', opener: 'Calls upon', footnotes: [{ text: 'Treaty Series, vol. 2220.' }] },
    { text: 'Decides to remain seized of the matter.', opener: 'Decides' },
  ],
};

const edited: DocumentSpec = {
  ...base,
  header: { ...base.header, symbol: 'A/C.3/81/L.12/Rev.1', date: '14 October 2026', sponsors: ['Mexico', 'Philippines'] },
  preamble: [
    { text: 'Recalling all its resolutions on the subject,', opener: 'Recalling', footnotes: [{ at: 29, text: 'Resolution 78/185 of 19 December 2023.' }] },
    { text: 'Reaffirming the 2030 Agenda for Sustainable Development,', opener: 'Reaffirming' },
    { text: 'Deeply concerned that women migrant workers remain vulnerable to violence,', opener: 'Deeply concerned', footnotes: [{ text: 'See A/81/250.' }] },
  ],
  operative: [
    { text: 'Calls upon States to consider ratifying the Convention;', opener: 'Calls upon', footnotes: [{ text: 'Treaty Series, vol. 2220.' }] },
    { text: 'Welcomes with appreciation the report of the Secretary-General;', opener: 'Welcomes with appreciation' },
    { text: 'Encourages Member States to:', opener: 'Encourages', subparagraphs: ['Adopt and strengthen legislation;', 'Collect data disaggregated by sex and age;', 'Share good practices;'] },
    { text: 'Decides to remain seized of the matter.', opener: 'Decides' },
  ],
};

const pairs: [string, () => [Node, Node]][] = [
  ['word changes and inserted paragraphs (CCPCJ draft, two versions)', () => [imported('test/fixtures/compare/draft-resolution-II-v1.txt'), imported('test/fixtures/compare/draft-resolution-II-v2.txt')]],
  ['masthead, moved, inserted and deleted paragraphs, changed subparagraphs and footnotes', () => [buildDocument(base), buildDocument(edited)]],
  ['the same, backwards', () => [buildDocument(edited), buildDocument(base)]],
  [
    'a negotiated compilation: brackets and tags changed, a paragraph dropped',
    () => [
      imported('test/fixtures/negotiation/ga-third-committee-rev1.txt'),
      imported('test/fixtures/negotiation/ga-third-committee-rev1.txt', (t) =>
        t.replace('[particularly] ', '').replace('(EU, CAN) remain', '(EU, CAN, NOR) remain').replace(/\nOP1\. Welcomes[^\n]*\n/, '\n'),
      ),
    ],
  ],
];

describe('writeDocx: changes since a revision as tracked changes', () => {
  for (const [name, make] of pairs) {
    it(`accept all gives the new text and reject all the old one: ${name}`, async () => {
      const [older, newer] = make();
      const bytes = writeDocx(newer, { changesFrom: older, author: 'MEX', date: '2026-12-07T10:00:00Z' });
      const document = part(bytes, 'word/document.xml');
      expect(document).toMatch(/<w:ins /);
      expect(document).toMatch(/<w:del /);
      expect(pandocParagraphs(bytes, 'accept')).toEqual(textParagraphs(newer));
      expect(pandocParagraphs(bytes, 'reject')).toEqual(textParagraphs(older));
      // The same as each version written alone, read by the same reader.
      expect(pandocParagraphs(bytes, 'accept')).toEqual(pandocParagraphs(writeDocx(newer)));
      expect(pandocParagraphs(bytes, 'reject')).toEqual(pandocParagraphs(writeDocx(older)));
      expect(await ooxmlErrors(bytes)).toEqual([]);
    });
  }

  for (const [name, make] of pairs.slice(0, 2)) {
    it(`LibreOffice reads the same two texts from the tracked changes: ${name}`, () => {
      const [older, newer] = make();
      const read = libreOfficeParagraphs(writeDocx(newer, { changesFrom: older, author: 'MEX', date: '2026-12-07T10:00:00Z' }));
      expect(read.accept).toEqual(textParagraphs(newer).body);
      expect(read.reject).toEqual(textParagraphs(older).body);
    }, 180_000);
  }

  it('marks whole new and gone paragraphs with inserted and deleted paragraph marks, with author and date', () => {
    const bytes = writeDocx(buildDocument(edited), { changesFrom: buildDocument(base), author: 'MEX', date: '2026-12-07T10:00:00Z' });
    const document = part(bytes, 'word/document.xml');
    expect(document).toMatch(/<w:rPr><w:ins w:id="\d+" w:author="MEX" w:date="2026-12-07T10:00:00Z"\/><\/w:rPr><\/w:pPr>(<w:ins [^>]*>)?<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">Deeply concerned/);
    expect(document).toMatch(/<w:rPr><w:del w:id="\d+" w:author="MEX" w:date="2026-12-07T10:00:00Z"\/><\/w:rPr><\/w:pPr>/);
    expect(document).toContain('<w:delText xml:space="preserve">Ensure access to justice;</w:delText>');
    expect(part(bytes, 'word/settings.xml')).toContain('<w:trackRevisions/>');
    // A footnote whose text changed is compared inside the footnote.
    const notes = part(bytes, 'word/footnotes.xml');
    expect(notes).toMatch(/<w:ins [^>]*><w:r><w:t xml:space="preserve"> of 19 December 2023<\/w:t><\/w:r><\/w:ins>/);
  });

  it('gives a change inside a bracket to the delegation that proposed the bracket', () => {
    const older = imported('test/fixtures/negotiation/ga-third-committee-rev1.txt');
    const newer = imported('test/fixtures/negotiation/ga-third-committee-rev1.txt', (t) => t.replace('[inclusive and sustained]', '[inclusive, sustained and green]'));
    const native = pandocAll(writeDocx(newer, { changesFrom: older, author: 'Facilitator', date: '2026-12-07T10:00:00Z' }));
    // pandoc reads the insertion of "green" as MEX's (the bracket's proposer), not the exporter's.
    expect(native).toMatch(/\[ "insertion" \]\s*, \[ \( "author" , "MEX" \)\s*, \( "date" , "2026-12-07T10:00:00Z" \)\s*\]\s*\)\s*\[ Str "green" \]/);
    expect(native).not.toContain('"Facilitator"');
  });

  it('compares the clean views when asked for the clean view', () => {
    const older = imported('test/fixtures/negotiation/ga-third-committee-rev1.txt');
    const newer = imported('test/fixtures/negotiation/ga-third-committee-rev1.txt', (t) => t.replace('OP1. Welcomes the report', 'OP1. Welcomes with appreciation the report'));
    const bytes = writeDocx(newer, { view: 'clean', changesFrom: older });
    expect(pandocParagraphs(bytes, 'accept')).toEqual(textParagraphs(newer, 'clean'));
    expect(pandocParagraphs(bytes, 'reject')).toEqual(textParagraphs(older, 'clean'));
  });

  it('keeps the new version\'s bracket comments in a document with tracked changes', async () => {
    const older = imported('test/fixtures/negotiation/ga-third-committee-rev1.txt');
    const newer = imported('test/fixtures/negotiation/ga-third-committee-rev1.txt', (t) => t.replace('(EU, CAN) remain [particularly]', '(EU, CAN) remain [especially (USA)]'));
    const bytes = writeDocx(newer, { changesFrom: older, brackets: 'comments', author: 'Facilitator', date: '2026-12-07T10:00:00Z' });
    expect(pandocParagraphs(bytes, 'accept')).toEqual(textParagraphs(newer, 'compilation', false));
    expect(pandocParagraphs(bytes, 'reject')).toEqual(textParagraphs(older, 'compilation', false));
    expect(part(bytes, 'word/comments.xml')).toContain('Proposed by USA.');
    expect(await ooxmlErrors(bytes)).toEqual([]);
  });

  it('writes no revision at all between two equal versions', () => {
    const doc = buildDocument(base);
    const document = part(writeDocx(doc, { changesFrom: buildDocument(base) }), 'word/document.xml');
    expect(document).not.toMatch(/<w:(ins|del) /);
  });
});

import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { formatNumber, readNumbering } from '../../../../shared/formats/docx/read-numbering.js';
import { readStyles } from '../../../../shared/formats/docx/read-styles.js';

// Hand-written numbering.xml and styles.xml in the shapes Word writes (numStyleLink,
// level-linked styles, lvlRestart), which LibreOffice and pandoc do not produce.
const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const root = (xml: string) => {
  const el = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
  if (!el) throw new Error('no root');
  return el;
};
const lvl = (ilvl: number, fmt: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;

const numbering = root(`<w:numbering ${w}>
  <w:abstractNum w:abstractNumId="10"><w:styleLink w:val="UNList"/>${lvl(0, 'decimal', '%1.', '<w:pStyle w:val="OP"/>')}${lvl(1, 'lowerLetter', '(%2)', '<w:pStyle w:val="Sub"/>')}${lvl(2, 'lowerRoman', '(%3)')}</w:abstractNum>
  <w:abstractNum w:abstractNumId="11"><w:numStyleLink w:val="UNList"/></w:abstractNum>
  <w:abstractNum w:abstractNumId="12">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%1.%2', '<w:lvlRestart w:val="0"/>')}${lvl(2, 'bullet', '•')}</w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="12"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
</w:numbering>`);
const styles = root(`<w:styles ${w}>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>
  <w:style w:type="numbering" w:styleId="UNList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="OP"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Sub"><w:basedOn w:val="OP"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Quote"><w:basedOn w:val="Normal"/><w:rPr><w:i/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="QuotePlain"><w:basedOn w:val="Quote"/><w:rPr><w:i w:val="0"/></w:rPr></w:style>
  <w:style w:type="character" w:styleId="Emph"><w:rPr><w:i/></w:rPr></w:style>
</w:styles>`);

describe('Word numbering resolution', () => {
  it('follows numStyleLink to the numbering style list and shares its counters', () => {
    const n = readNumbering(numbering, styles);
    expect([n.next('2', 0), n.next('2', 1), n.next('2', 1), n.next('2', 2), n.next('1', 0), n.next('2', 1)]).toEqual(['1.', '(a)', '(b)', '(i)', '2.', '(a)']);
  });

  it('restarts a level after a higher one unless lvlRestart is 0, and gives bullets no label', () => {
    const n = readNumbering(numbering, styles);
    expect([n.next('3', 0), n.next('3', 1), n.next('3', 1), n.next('3', 0), n.next('3', 1), n.next('3', 2)]).toEqual(['I.', 'I.1', 'I.2', 'II.', 'II.3', '']);
  });

  it('starts a num with a start override at its value the first time, then counts on', () => {
    const n = readNumbering(numbering, styles);
    expect([n.next('1', 0), n.next('4', 0), n.next('4', 0), n.next('1', 0)]).toEqual(['1.', '7.', '8.', '9.']);
    expect(n.next('99', 0)).toBeNull();
  });

  it('finds the level a paragraph style is linked to, and numbering carried by a style chain', () => {
    const n = readNumbering(numbering, styles);
    expect(n.levelOfStyle('2', 'Sub')).toBe(1);
    expect(n.levelOfStyle('2', 'OP')).toBe(0);
    const s = readStyles(styles);
    expect(s.numbering('Sub')).toEqual({ numId: '2', ilvl: 1 });
    expect(s.numbering('OP')).toEqual({ numId: '2', ilvl: null });
    expect(s.numbering(null)).toBeNull();
  });

  it('resolves italics through basedOn chains, character styles and the default paragraph style', () => {
    const s = readStyles(styles);
    expect([s.paragraphItalic('Quote'), s.paragraphItalic('QuotePlain'), s.paragraphItalic(null), s.runItalic('Emph'), s.runItalic(null)]).toEqual([true, false, false, true, null]);
  });

  it('formats numbers as Word does', () => {
    expect([1, 26, 27, 28].map((v) => formatNumber(v, 'lowerLetter'))).toEqual(['a', 'z', 'aa', 'bb']);
    expect([4, 9, 14].map((v) => formatNumber(v, 'lowerRoman'))).toEqual(['iv', 'ix', 'xiv']);
    expect(formatNumber(3, 'upperLetter')).toBe('C');
    expect(formatNumber(5, 'decimalZero')).toBe('05');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annexLabel,
  decisionParagraphLabel,
  letter,
  listItemLabel,
  operativeLabel,
  roman,
  subparagraphLabel,
  subSubparagraphLabel,
  superscriptNumber,
  toLanguage,
  upperRoman,
} from '../../../shared/document/labels.js';

describe('letter', () => {
  it('runs a..z, then doubles and triples the letter as the UN does', () => {
    expect([1, 2, 26].map(letter)).toEqual(['a', 'b', 'z']);
    expect([27, 28, 52].map(letter)).toEqual(['aa', 'bb', 'zz']);
    expect(letter(53)).toBe('aaa');
  });

  it('rejects zero, negatives and fractions', () => {
    expect(() => letter(0)).toThrow(RangeError);
    expect(() => letter(-3)).toThrow(RangeError);
    expect(() => letter(1.5)).toThrow(RangeError);
  });

  it('gives distinct labels for distinct numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), (a, b) => {
        expect(letter(a) === letter(b)).toBe(a === b);
      }),
    );
  });
});

describe('roman', () => {
  it('writes lower-case numerals with subtractive pairs', () => {
    expect([1, 2, 3, 4, 5, 6, 9, 10, 14, 19, 40, 49, 90, 400, 1994].map(roman)).toEqual([
      'i', 'ii', 'iii', 'iv', 'v', 'vi', 'ix', 'x', 'xiv', 'xix', 'xl', 'xlix', 'xc', 'cd', 'mcmxciv',
    ]);
    expect(upperRoman(12)).toBe('XII');
    expect(() => roman(0)).toThrow(RangeError);
  });
});

describe('labels per language', () => {
  it('uses (a) and (i) in English', () => {
    expect(subparagraphLabel(2, 'en')).toBe('(b)');
    expect(subSubparagraphLabel(4, 'en')).toBe('(iv)');
    expect(decisionParagraphLabel(3, 'en')).toBe('(c)');
  });

  it('uses a) and i) in French, Spanish and Russian (Latin letters)', () => {
    for (const language of ['fr', 'es', 'ru'] as const) {
      expect(subparagraphLabel(2, language)).toBe('b)');
      expect(subSubparagraphLabel(4, language)).toBe('iv)');
      expect(decisionParagraphLabel(27, language)).toBe('aa)');
    }
  });

  it('numbers operative paragraphs and list items with a full stop', () => {
    expect(operativeLabel(12)).toBe('12.');
    expect(listItemLabel(3)).toBe('3.');
  });

  it('names a single annex without a numeral and several with upper-case numerals', () => {
    expect(annexLabel(1, 1, 'en')).toBe('Annex');
    expect([1, 2, 3].map((n) => annexLabel(n, 3, 'en'))).toEqual(['Annex I', 'Annex II', 'Annex III']);
    expect(annexLabel(2, 2, 'fr')).toBe('Annexe II');
    expect(annexLabel(1, 1, 'es')).toBe('Anexo');
    expect(annexLabel(1, 2, 'ru')).toBe('Приложение I');
    expect(annexLabel(1, 1, 'ru')).toBe('Приложение');
  });

  it('heads Arabic annexes with ordinal words and Chinese ones with Chinese numerals, as their texts do', () => {
    expect(annexLabel(1, 1, 'ar')).toBe('المرفق');
    expect([1, 2, 3].map((n) => annexLabel(n, 3, 'ar'))).toEqual(['المرفق الأول', 'المرفق الثاني', 'المرفق الثالث']);
    expect(annexLabel(11, 11, 'ar')).toBe('المرفق 11');
    expect(annexLabel(1, 1, 'zh')).toBe('附件');
    expect([1, 2, 12].map((n) => annexLabel(n, 12, 'zh'))).toEqual(['附件一', '附件二', '附件十二']);
  });

  it('writes footnote numbers in superscript digits', () => {
    expect(superscriptNumber(1)).toBe('¹');
    expect(superscriptNumber(10)).toBe('¹⁰');
    expect(superscriptNumber(234)).toBe('²³⁴');
  });

  it('falls back to English for an unknown language code', () => {
    expect(toLanguage('fr')).toBe('fr');
    expect(toLanguage('de')).toBe('en');
    expect(toLanguage(undefined)).toBe('en');
  });
});

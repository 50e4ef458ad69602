import { describe, expect, it } from 'vitest';
import {
  chineseNumber,
  decisionParagraphLabel,
  letterOf,
  listItemLabel,
  operativeLabel,
  subparagraphLabel,
  subSubparagraphLabel,
} from '../../../shared/document/labels.js';

// The shapes below are those of the General Assembly's official 74th-session texts in each
// language (bench/language-conventions.ts counts how many files follow each).
describe('labels as the official texts of each language print them', () => {
  it('numbers operative paragraphs "1 -" in Arabic and "1." in the other languages', () => {
    expect(operativeLabel(12, 'ar')).toBe('12 -');
    for (const language of ['en', 'fr', 'es', 'ru', 'zh'] as const) expect(operativeLabel(12, language)).toBe('12.');
    expect(listItemLabel(3, 'ar')).toBe('3 -');
    expect(operativeLabel(3)).toBe('3.');
  });

  it('letters Arabic subparagraphs in the abjad order of the texts, then doubles them with a space', () => {
    expect([1, 2, 3, 4, 5, 6, 10, 26].map((n) => subparagraphLabel(n, 'ar'))).toEqual(['(أ)', '(ب)', '(ج)', '(د)', '(ه)', '(و)', '(ي)', '(ض)']);
    expect(subparagraphLabel(27, 'ar')).toBe('(أ أ)');
    expect(subparagraphLabel(28, 'ar')).toBe('(ب ب)');
    expect(letterOf(53, 'ar')).toBe('أ أ أ');
    expect(decisionParagraphLabel(2, 'ar')).toBe('(ب)');
  });

  it('uses (a) in Chinese and a) in Russian, in Latin letters', () => {
    expect(subparagraphLabel(2, 'zh')).toBe('(b)');
    expect(subparagraphLabel(27, 'zh')).toBe('(aa)');
    expect(subparagraphLabel(2, 'ru')).toBe('b)');
    expect(subparagraphLabel(2, 'ru')).toMatch(/^[a-z]\)$/);
  });

  it('writes the (i) level as ㈠ .. ㈩ then (十一) in Chinese and ’1‘ in Arabic', () => {
    expect([1, 2, 10].map((n) => subSubparagraphLabel(n, 'zh'))).toEqual(['㈠', '㈡', '㈩']);
    expect(subSubparagraphLabel(11, 'zh')).toBe('(十一)');
    expect(subSubparagraphLabel(20, 'zh')).toBe('(二十)');
    expect(subSubparagraphLabel(3, 'ar')).toBe('’3‘');
    expect(subSubparagraphLabel(4, 'ru')).toBe('iv)');
    expect(subSubparagraphLabel(4, 'en')).toBe('(iv)');
  });

  it('writes Chinese numbers up to 99', () => {
    expect([1, 10, 11, 19, 20, 23, 99].map(chineseNumber)).toEqual(['一', '十', '十一', '十九', '二十', '二十三', '九十九']);
    expect(() => subSubparagraphLabel(0, 'zh')).toThrow(RangeError);
    expect(() => operativeLabel(0, 'ar')).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { textDirection } from '../../../shared/document/labels-direction.js';
import { languages } from '../../../shared/document/labels.js';

describe('textDirection', () => {
  it('is right to left for Arabic only among the six official languages', () => {
    expect(languages.filter((code) => textDirection(code) === 'rtl')).toEqual(['ar']);
  });

  it('follows the script of any language code, not a list of the six', () => {
    expect(['fa', 'he', 'ur', 'ar-EG', 'yi', 'az-Arab'].map(textDirection)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'rtl', 'rtl']);
    expect(['de', 'ja', 'zh-Hant', 'ku-Latn', 'ru-RU'].map(textDirection)).toEqual(['ltr', 'ltr', 'ltr', 'ltr', 'ltr']);
  });

  it('is left to right for what is not a language tag', () => {
    expect(['', 'not a tag', '--', '12345678901'].map(textDirection)).toEqual(['ltr', 'ltr', 'ltr', 'ltr']);
  });
});

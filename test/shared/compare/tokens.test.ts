import fs from 'node:fs';
import fc from 'fast-check';
import { wordsWithSpaceDiff } from 'diff';
import { describe, expect, it } from 'vitest';
import { TokenIds, tokenize } from '../../../shared/compare/tokens.js';

// Characters at every edge of jsdiff's classes: word characters (ASCII, Latin-1, Latin
// Extended, the soft hyphen), the white space it runs together, newlines, punctuation,
// letters it does not count as word characters (Greek, Cyrillic, CJK), an emoji, lone surrogates.
const edgy = [
  'a', 'Z', '0', '9', '_', '\u00ad', '\u00c0', '\u00d6', '\u00d7', '\u00d8', '\u00f6', '\u00f7', '\u00f8', '\u02c6', '\u02c7', '\u02c8',
  '\u02d7', '\u02d8', '\u02dd', '\u02de', '\u02ff', '\u0300', '\u1dff', '\u1e00', '\u1eff', '\u1f00', 'é', 'ß', 'α', 'д', '中',
  ' ', '\t', '\u000b', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u180e',
  '\n', '\r', '\r\n', '.', ',', ';', '-', '—', '(', ')', '[', '^', '*', '→', '😀', '\ud83d', '\ude00',
];

// The token strings of our tokenizer: each token's range of the text.
function strings(text: string): string[] {
  const { ids, starts } = tokenize(text, new TokenIds());
  return Array.from(ids, (_, t) => text.slice(starts[t], starts[t + 1]));
}

describe('tokenize', () => {
  it("cuts any text exactly as jsdiff's diffWordsWithSpace does", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...edgy), { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        expect(strings(text)).toEqual(wordsWithSpaceDiff.tokenize(text));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(strings(text)).toEqual(wordsWithSpaceDiff.tokenize(text));
      }),
    );
  });

  it('cuts the resolutions of the corpus as jsdiff does', () => {
    const dir = 'test/fixtures/corpus';
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const text = fs.readFileSync(`${dir}/${file}`, 'utf8');
      expect(strings(text)).toEqual(wordsWithSpaceDiff.tokenize(text));
    }
  });

  it('gives equal tokens equal ids across texts, and distinct tokens distinct ids', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('the', 'The', ' ', '  ', 'a', 'ab', 'ba', ',', 'é', '\n'), { maxLength: 300 }), fc.array(fc.constantFrom('the', ' ', 'b', 'ab', '\n'), { maxLength: 50 }), (one, two) => {
        const table = new TokenIds();
        const all = [one.join(''), two.join('')].flatMap((text) => {
          const { ids, starts } = tokenize(text, table);
          return Array.from(ids, (id, t) => [id, text.slice(starts[t], starts[t + 1])] as const);
        });
        const byText = new Map<string, number>();
        for (const [id, token] of all) {
          expect(byText.get(token) ?? id).toBe(id);
          byText.set(token, id);
        }
        expect(new Set(byText.values()).size).toBe(byText.size);
        expect(table.size).toBe(byText.size);
      }),
    );
  });
});

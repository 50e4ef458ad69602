/**
 * How the library sees text: one normalization for indexing, phrase checks and similarity,
 * so that "Secretary-General", "secretary general" and "Secrétaire général" compare the way
 * SQLite's unicode61 tokenizer with remove_diacritics compares them: case, accents and
 * punctuation aside, words split at anything that is not a letter or a digit. Han, Kana and
 * Hangul characters are words of one character each (those scripts put no spaces between
 * words), which keeps shingles meaningful in Chinese.
 */

const wordPattern = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}]+/gu;

/**
 * The words of `text`, lower-cased, without accents or other combining marks (NFKD, marks
 * dropped), in order. A Han, Kana or Hangul character is one word by itself; every other
 * word is a maximal run of letters and digits.
 */
export function words(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  return folded.match(wordPattern) ?? [];
}

/** The words of `text` joined by single spaces: the normalized text the library stores and compares. */
export function normalizeText(text: string): string {
  return words(text).join(' ');
}

/**
 * Whether the normalized text `haystack` holds the normalized phrase `needle` as whole words
 * (both as `normalizeText` makes them). An empty needle is in nothing.
 */
export function containsPhrase(haystack: string, needle: string): boolean {
  if (needle === '') return false;
  return ` ${haystack} `.includes(` ${needle} `);
}

/** FNV-1a over the UTF-16 code units of `text`, as an unsigned 32-bit integer. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A 52-bit key of a normalized text (two independent 32-bit hashes folded into a safe
 * integer), so that equal paragraphs find each other through an index; collisions are
 * negligible at library sizes (millions of paragraphs).
 */
export function textKey(normalized: string): number {
  const a = hash32(normalized);
  const b = hash32(`\u0001${normalized}`) & 0xfffff;
  return b * 0x100000000 + a;
}

/**
 * Pure label helpers: the letters, roman numerals and per-language label shapes UN
 * documents use, as the official texts of each language print them (the data is
 * seeds/conventions/conventions.json, checked against the 74th-session corpus by
 * bench/language-conventions.ts). Numbers are 1-based everywhere; nothing here reads a document.
 */
import { conventions } from '../../seeds/conventions/index.js';

/** The six official languages, as stored in `header.attrs.language`. */
export type Language = 'en' | 'fr' | 'es' | 'ar' | 'zh' | 'ru';

/** Every official language code, in the UN's alphabetical order of English names. */
export const languages: readonly Language[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

/** English names of the languages, as written on the "Original:" line of a header block. */
export const languageNames: Readonly<Record<Language, string>> = {
  ar: 'Arabic',
  zh: 'Chinese',
  en: 'English',
  fr: 'French',
  ru: 'Russian',
  es: 'Spanish',
};

/** `value` as a Language when it is one of the six codes, else 'en' (the schema default). */
export function toLanguage(value: unknown): Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value) ? (value as Language) : 'en';
}

/**
 * The letter label of position `n` (1-based) without punctuation: a..z, then aa, bb .. zz,
 * then aaa ... (the UN repeats the letter rather than counting in base 26).
 * Throws a RangeError for n < 1 or a non-integer.
 */
export function letter(n: number): string {
  assertPositive(n);
  const index = (n - 1) % 26;
  const repeat = Math.floor((n - 1) / 26) + 1;
  return String.fromCharCode(97 + index).repeat(repeat);
}

const romanDigits: readonly [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

/** The lower-case roman numeral of `n` (1-based): i, ii, iii, iv ... Throws a RangeError for n < 1. */
export function roman(n: number): string {
  assertPositive(n);
  let rest = n;
  let out = '';
  for (const [value, digits] of romanDigits) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

/** The upper-case roman numeral of `n` (1-based), as used for "Annex II". */
export function upperRoman(n: number): string {
  return roman(n).toUpperCase();
}

/** True for the languages whose lettered labels close with a parenthesis only: `a)`, `i)` (French, Spanish, Russian). */
export function usesClosingParenOnly(language: Language): boolean {
  return conventions[language].lettered === '{x})';
}

/** Wraps a bare label in the language's parentheses: `(a)` in English, Chinese and Arabic, `a)` in French, Spanish and Russian. */
export function parenthesize(bare: string, language: Language): string {
  return conventions[language].lettered.replace('{x}', bare);
}

/**
 * The letter of position `n` (1-based) in the language's own sequence: Latin a..z, aa ...
 * everywhere but Arabic, whose texts use the 26 letters أ ب ج د ه و ز ح ط ي ك ل م ن س ع ف ص ق ر ش ت ث خ ذ ض
 * and then repeat them with a space: "أ أ", "ب ب".
 */
export function letterOf(n: number, language: Language): string {
  const { letters, letterRepeat } = conventions[language];
  if (letters === 'latin') return letter(n);
  assertPositive(n);
  const one = letters[(n - 1) % letters.length] ?? '';
  return Array.from({ length: Math.floor((n - 1) / letters.length) + 1 }, () => one).join(letterRepeat);
}

/** The label of operative paragraph `n`: `1.`, `2.` ..., in Arabic `1 -`, `2 -`. */
export function operativeLabel(n: number, language: Language = 'en'): string {
  assertPositive(n);
  return conventions[language].operative.replace('{n}', String(n));
}

/** The label of the n-th subparagraph ((a) level): `(a)`; `a)` in French, Spanish and Russian; `(أ)` in Arabic. */
export function subparagraphLabel(n: number, language: Language): string {
  return parenthesize(letterOf(n, language), language);
}

const chineseNumerals = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** `n` (1..99) in Chinese numerals: 十一, 二十, 二十三. */
export function chineseNumber(n: number): string {
  assertPositive(n);
  if (n < 10) return chineseNumerals[n] ?? '';
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : chineseNumerals[tens] ?? ''}十${chineseNumerals[n % 10] ?? ''}`;
}

/**
 * The label of the n-th sub-subparagraph ((i) level): `(i)` in English; `i)` in French,
 * Spanish and Russian; `㈠` .. `㈩` then `(十一)` in Chinese; `’1‘` in Arabic.
 */
export function subSubparagraphLabel(n: number, language: Language): string {
  const { numeral, numeralStyle } = conventions[language];
  if (numeralStyle === 'circled-ideograph') return n <= 10 ? (assertPositive(n), String.fromCharCode(0x321f + n)) : `(${chineseNumber(n)})`;
  return numeral.replace('{n}', numeralStyle === 'digits' ? (assertPositive(n), String(n)) : roman(n));
}

/** The label of a decision's n-th lettered paragraph: as a subparagraph's, `(a)`, `a)`, `(أ)`. */
export function decisionParagraphLabel(n: number, language: Language): string {
  return subparagraphLabel(n, language);
}

/** The label of the n-th item of a numbered list: as an operative paragraph's, `1.` (Arabic `1 -`). */
export function listItemLabel(n: number, language: Language = 'en'): string {
  return operativeLabel(n, language);
}

const annexWords: Readonly<Record<Language, string>> = { en: 'Annex', fr: 'Annexe', es: 'Anexo', ru: 'Приложение', ar: 'المرفق', zh: '附件' };

// Arabic texts number annexes with ordinal words ("المرفق الأول", "المرفق الثاني"), as the
// official 74th-session texts do; past the tenth, the number.
const arabicOrdinals = ['الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع', 'العاشر'];

/**
 * The heading of annex `n` of `count`, as the official texts of each language print it: the
 * word alone when the document has one annex ("Annex", "Annexe", "Anexo", "Приложение",
 * "المرفق", "附件"), else numbered: "Annex II", "Приложение II" (roman), "المرفق الثاني"
 * (an Arabic ordinal, digits past the tenth), "附件二" (Chinese numerals).
 */
export function annexLabel(n: number, count: number, language: Language): string {
  assertPositive(n);
  const word = annexWords[language];
  if (count === 1) return word;
  if (language === 'zh') return `${word}${n < 100 ? chineseNumber(n) : String(n)}`;
  if (language === 'ar') return `${word} ${arabicOrdinals[n - 1] ?? String(n)}`;
  return `${word} ${upperRoman(n)}`;
}

const superscripts = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'] as const;

/** `n` written in superscript digits, the footnote marker of the text layout: 12 -> "¹²". */
export function superscriptNumber(n: number): string {
  assertPositive(n);
  let out = '';
  for (const digit of String(n)) out += superscripts[Number(digit)] ?? '';
  return out;
}

function assertPositive(n: number): void {
  // internal: numbering counts from 1; a caller passing anything else is a bug
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`label number must be a positive integer, got ${n}`);
}

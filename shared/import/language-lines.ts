/**
 * The structure rules of the text importer that differ by language, from the conventions
 * data of seeds/conventions (taken from the official texts): authoring body lines in the six
 * languages, and the paragraph labels of Arabic (`1 -`, Arabic-Indic digits, `(أ)`, `(أ أ)`,
 * `’1‘`), Chinese (`㈠`, `(十一)`, full-width brackets) and Russian (Cyrillic look-alike
 * letters `а)`). Every test works on one line in time linear in its length.
 */
import { conventions, type ConventionLanguage } from '../../seeds/conventions/index.js';

const arabic = conventions.ar;
const arabicLetters = arabic.letters === 'latin' ? [] : arabic.letters;
// Other spellings of the same letter label in the official files: "(هـ)" and "(ﻫ)" for (ه).
const arabicVariants: Readonly<Record<string, string>> = { 'هـ': 'ه', 'ﻫ': 'ه', 'ة': 'ه', 'ا': 'أ', 'إ': 'أ', 'ى': 'ي' };
// Cyrillic letters typed for their Latin look-alikes in Russian texts ("а)" for "a)").
const cyrillicLookAlikes: Readonly<Record<string, string>> = { а: 'a', в: 'b', с: 'c', е: 'e', о: 'o', р: 'p', х: 'x', у: 'y', і: 'i', к: 'k', м: 'm', т: 't', н: 'h' };
const chineseDigits: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** `s` with Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits as ASCII digits. */
export function asciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90));
}

/** The position of an Arabic letter label ("أ" = 1, "ض" = 26, "أ أ" = 27), or null. */
export function arabicLetterValue(bare: string): number | null {
  const parts = bare.split(' ');
  const first = parts[0] ?? '';
  if (parts.some((p) => p !== first)) return null;
  const at = arabicLetters.indexOf(arabicVariants[first] ?? first);
  return at < 0 ? null : at + 1 + arabicLetters.length * (parts.length - 1);
}

/** The value of a Chinese numeral from 1 to 99 (一, 十一, 二十, 二十三), or null. */
export function chineseValue(s: string): number | null {
  const d = (ch: string | undefined): number => chineseDigits[ch ?? ''] ?? 0;
  if (s.length === 1) return d(s) || null;
  if (s.length === 2 && s[0] === '十') return d(s[1]) < 10 && d(s[1]) > 0 ? 10 + d(s[1]) : null;
  if (s.length === 2 && s[1] === '十') return d(s[0]) > 1 && d(s[0]) < 10 ? d(s[0]) * 10 : null;
  if (s.length === 3 && s[1] === '十') return d(s[0]) > 1 && d(s[0]) < 10 && d(s[2]) > 0 && d(s[2]) < 10 ? d(s[0]) * 10 + d(s[2]) : null;
  return null;
}

/** Latin letters for the Cyrillic look-alikes a Russian label may be typed with ("а" -> "a"). */
export function latinLookAlikes(bare: string): string {
  let out = '';
  for (const ch of bare) out += cyrillicLookAlikes[ch] ?? ch;
  return out;
}

/**
 * A label of the non-Latin conventions at the start of `line`: an operative number
 * written `1 -` (Arabic, with ASCII or Arabic-Indic digits), an Arabic letter `(أ)` or
 * `(أ أ)`, a numeral `’1‘` (Arabic) or `㈠` / `(十一)` (Chinese). Returns the label's
 * kind, value and length (with the spaces after it), or null.
 */
export function splitLanguageLabel(line: string): { kind: 'number' | 'letter' | 'numeral'; n: number; length: number } | null {
  // Any dash the texts or a keyboard give after the number: hyphen, non-breaking hyphen,
  // figure, en and em dash, minus sign.
  let m = /^([\d\u0660-\u0669\u06f0-\u06f9]{1,3}) ?[-\u2010-\u2014\u2212](?: +|$)/.exec(line);
  if (m) return { kind: 'number', n: Number(asciiDigits(m[1] ?? '')), length: m[0].length };
  m = /^[\u0660-\u0669\u06f0-\u06f9]{1,3}[.](?: +|$)/.exec(line);
  if (m) return { kind: 'number', n: Number(asciiDigits(m[0].replace(/[.\s]/g, ''))), length: m[0].length };
  m = /^[(（]([\u0600-\u06ff\ufe80-\ufefc]{1,2}(?: [\u0600-\u06ff]{1,2}){0,3})[)）](?: +|$)/.exec(line);
  if (m) {
    const n = arabicLetterValue(m[1] ?? '');
    if (n !== null) return { kind: 'letter', n, length: m[0].length };
  }
  m = /^[’‘']([\d\u0660-\u0669\u06f0-\u06f9]{1,3})[’‘'](?: +|$)/.exec(line);
  if (m) return { kind: 'numeral', n: Number(asciiDigits(m[1] ?? '')), length: m[0].length };
  m = /^([㈠-㈩])(?: *)/.exec(line);
  if (m) return { kind: 'numeral', n: (m[1] ?? '').charCodeAt(0) - 0x321f, length: m[0].length };
  m = /^[(（]([一二三四五六七八九十]{1,3})[)）](?: *)/.exec(line);
  if (m) {
    const n = chineseValue(m[1] ?? '');
    if (n !== null) return { kind: 'numeral', n, length: m[0].length };
  }
  return null;
}

const bodyEnds = new Set([',', ':', '،', '，', '：', '؛']);
const arabicPrefix = /^إ[\u064b-\u0652]*ن[\u064b-\u0652]* /;

/**
 * The language of an authoring body line in Arabic ("إن الجمعية العامة،"), Chinese
 * ("大会，", "经济及社会理事会：") or Russian ("Генеральная Ассамблея,"), or null. A line
 * without its final comma counts only when it is one of the bodies the texts name.
 */
export function otherBodyLineLanguage(line: string): ConventionLanguage | null {
  if (line.length > 200) return null;
  const last = line.charAt(line.length - 1);
  const punctuated = bodyEnds.has(last);
  const core = (punctuated ? line.slice(0, -1) : line).trim();
  if (!punctuated) {
    for (const language of ['ar', 'zh', 'ru'] as const) {
      if (conventions[language].bodyLines.some((b) => b.slice(0, -1) === core)) return language;
    }
    return null;
  }
  if (arabicPrefix.test(core)) {
    const words = core.replace(arabicPrefix, '').split(' ');
    return words.length <= 20 && arabic.organWords.includes(words[0] ?? '') ? 'ar' : null;
  }
  if (/^[\u4e00-\u9fff]/.test(core)) {
    // "认识到领土已加入……理事会，" ends with an organ too: a body line is a name, without a verb.
    const { organWords, notInBody } = conventions.zh;
    if (core.length > 25 || /[，。；：、,;:“”《》]/.test(core) || notInBody.some((w) => core.includes(w))) return null;
    return organWords.some((w) => core.endsWith(w)) ? 'zh' : null;
  }
  if (/^[А-ЯЁ]/.test(core)) {
    const words = core.split(' ');
    if (words.length > 30) return null;
    const organAt = words.findIndex((w) => conventions.ru.organWords.includes(w));
    // Russian paragraphs open in lower case; a capitalised line naming an organ early is a body.
    // "Генеральная Ассамблея постановляет:" opens a decision's text, not a body line: no verb in it.
    const verb = words.some((w) => /^[а-яё]+(?:ает|яет|ует|ит|ет)$/.test(w));
    return organAt >= 0 && organAt <= 3 && !verb && !/[.;]/.test(core) ? 'ru' : null;
  }
  return null;
}

/**
 * True when `line` is the name of a body the conventions list, in any language, without its
 * final comma ("The General Assembly"): a body line only where a numbered paragraph follows
 * (the official files print it so before "1. Adopts the following declaration").
 */
export function isBareBodyName(line: string): boolean {
  return Object.values(conventions).some((c) => c.bodyLines.some((b) => b.slice(0, -1) === line || b.slice(0, -1) === line.replace(/'/g, '’')));
}

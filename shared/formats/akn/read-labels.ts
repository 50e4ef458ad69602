/**
 * Paragraph labels of the six languages as AKN4UN files carry them, in `<num>` or typed at
 * the start of the text: operative numbers (`1.`, Arabic `1 -`), subparagraph letters
 * (`(a)`, `a)`, Cyrillic look-alikes `а)`, Arabic `(أ)`), second-level numerals (`(i)`,
 * `i)`, Chinese `㈠` / `(十一)`, Arabic `’1‘`) and section headings (`I`, `A`, `أولا`, `一`).
 * A lone `(i)`, `(v)`, `(x)` ... is both a letter and a numeral: `ambiguous`, settled by
 * the caller from the labels before it.
 */

/** What a label says about its paragraph's level. */
export type LabelKind = 'number' | 'letter' | 'roman' | 'ambiguous' | 'heading';

/** A parsed label: its kind, its position (1-based) and, for `ambiguous`, its roman value. */
export type Label = { kind: LabelKind; value: number; roman?: number };

const arabicLetters = ['أ', 'ب', 'ج', 'د', 'ه', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق', 'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض', 'ظ', 'غ'];
const arabicVariants: Readonly<Record<string, string>> = { 'هـ': 'ه', 'ﻫ': 'ه', 'ة': 'ه', 'ا': 'أ', 'إ': 'أ', 'ى': 'ي' };
const arabicOrdinals = ['أولا', 'ثانيا', 'ثالثا', 'رابعا', 'خامسا', 'سادسا', 'سابعا', 'ثامنا', 'تاسعا', 'عاشرا'];
// Cyrillic letters typed for their Latin look-alikes in Russian texts ("а)" for "a)").
const cyrillicLookAlikes: Readonly<Record<string, string>> = { а: 'a', в: 'b', с: 'c', е: 'e', о: 'o', р: 'p', х: 'x', у: 'y', і: 'i', к: 'k', м: 'm', т: 't', н: 'h' };
const chineseDigits: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const romanValues: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/** The value of a lower-case roman numeral up to 'c', or 0 when `s` is not one in canonical form. */
export function romanValue(s: string): number {
  if (!/^[ivxlc]{1,8}$/.test(s)) return 0;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = romanValues[s[i] ?? ''] ?? 0;
    const next = romanValues[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return toRoman(total) === s ? total : 0;
}

function toRoman(n: number): string {
  const digits: [number, string][] = [[100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  let rest = n;
  for (const [v, d] of digits) while (rest >= v) { out += d; rest -= v; }
  return out;
}

/** The position of a letter label (a = 1, z = 26, aa = 27 ...), or 0. */
function letterValue(s: string): number {
  if (!/^([a-z])\1{0,3}$/.test(s)) return 0;
  return (s.length - 1) * 26 + (s.charCodeAt(0) - 96);
}

function chineseValue(s: string): number {
  if (s.length === 1) return chineseDigits[s] ?? 0;
  if (s.length === 2 && s[0] === '十') return 10 + (chineseDigits[s[1] ?? ''] ?? 0);
  if (s.length === 2 && s[1] === '十') return (chineseDigits[s[0] ?? ''] ?? 0) * 10;
  if (s.length === 3 && s[1] === '十') return (chineseDigits[s[0] ?? ''] ?? 0) * 10 + (chineseDigits[s[2] ?? ''] ?? 0);
  return 0;
}

/** `s` with Arabic-Indic and Eastern Arabic-Indic digits as ASCII digits. */
export function asciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90));
}

/** Parses the inside of a bracketed or `x)` label: a letter, a numeral, or both. */
function inner(raw: string): Label | null {
  // Arabic letters past the 26th are doubled with a space: "(أ أ)", "(ب ب)".
  const doubled = /^(\S{1,2}) \1$/.exec(raw);
  if (doubled) {
    const single = inner(doubled[1] ?? '');
    return single && single.kind === 'letter' ? { kind: 'letter', value: single.value + 26 } : null;
  }
  const latin = [...raw].map((ch) => cyrillicLookAlikes[ch] ?? ch).join('');
  const letter = letterValue(latin);
  const roman = romanValue(latin);
  if (letter && roman) return { kind: 'ambiguous', value: letter, roman };
  if (letter) return { kind: 'letter', value: letter };
  if (roman) return { kind: 'roman', value: roman };
  const arabic = arabicLetters.indexOf(arabicVariants[raw] ?? raw);
  if (arabic >= 0) return { kind: 'letter', value: arabic + 1 };
  const zh = chineseValue(raw);
  if (zh) return { kind: 'roman', value: zh };
  if (/^\d{1,3}$/.test(raw)) return { kind: 'roman', value: Number(raw) };
  return null;
}

/** Parses the text of a `<num>` element ("1.", "(a)", "a)", "I", "’2‘", "أولا"), or null. */
export function parseNum(text: string): Label | null {
  const s = asciiDigits(text).replace(/[\u200e\u200f]/g, '').replace(/[\s\u00a0]+/g, ' ').trim().replace(/ (?=[.)）\-–])|(?<=[(（]) /g, '');
  // Negotiation labels ("5 bis.", "7 alt.", "(c) ter", Penholder's compilation exports) are read as their base number.
  const base = s.replace(/ (?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies|alt(?: \d+)?)(?=[.\-–]?$)/, '');
  if (base !== s) return parseNum(base);
  if (s === '') return null;
  let m = /^(\d{1,4})[.\-–]?$/.exec(s);
  if (m) return { kind: 'number', value: Number(m[1]) };
  m = /^[(（]([^()（）]{1,5})[)）]\.?$/.exec(s) ?? /^([^()（）\s]{1,4})[)）]$/.exec(s);
  if (m) return inner(m[1] ?? '');
  m = /^[’‘'](\d{1,3})[’‘']$/.exec(s);
  if (m) return { kind: 'roman', value: Number(m[1]) };
  if (/^[㈠-㈩]$/.test(s)) return { kind: 'roman', value: s.charCodeAt(0) - 0x321f };
  if (/^[IVXLC]{1,7}\.?$/.test(s) || /^[A-Z]\.?$/.test(s)) return { kind: 'heading', value: 0 };
  if (arabicOrdinals.includes(s) || chineseValue(s.replace(/[、.]$/, ''))) return { kind: 'heading', value: 0 };
  return null;
}

/**
 * The label typed at the start of a paragraph's (normalized) text and its length in
 * characters, or null. Only paragraph-level shapes count: digits need `.` or `-` then a
 * space ("2020 budget" is text), letters need their bracket.
 */
export function leadingLabel(text: string): { label: Label; length: number } | null {
  const patterns = [
    /^([\d\u0660-\u0669\u06f0-\u06f9]{1,3}) ?[.\-–](?= |$)/,
    /^[(（]([^()（）\s]{1,5}(?: [^()（）\s]{1,2})?)[)）](?= |$)/,
    /^([a-zа-я]{1,4})\)(?= |$)/,
    /^[’‘'](\d{1,3})[’‘'](?= |$)/,
    /^[㈠-㈩]/,
  ];
  for (const [i, re] of patterns.entries()) {
    const m = re.exec(text);
    if (!m) continue;
    const label = i === 0 ? { kind: 'number' as const, value: Number(asciiDigits(m[1] ?? '')) } : parseNum(i === 2 ? `${m[1]})` : m[0]);
    if (label && label.kind !== 'heading') return { label, length: m[0].length };
  }
  return null;
}

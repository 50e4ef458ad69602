/**
 * Line patterns of UN text: document headings, report section headings, authoring body
 * lines, annex headings, paragraph labels and terminal punctuation. Every test here works
 * on one line and runs in time linear in its length (no nested quantifiers).
 */
import type { ConventionLanguage } from '../../seeds/conventions/index.js';
import { roman } from '../document/labels.js';
import { latinLookAlikes, otherBodyLineLanguage, splitLanguageLabel } from './language-lines.js';
import { readTag } from './tags.js';

/** A paragraph label: a number ("12."), or letters/roman digits ("(a)", "a)", "(iv)"). */
export type Label =
  | { kind: 'number'; n: number }
  | { kind: 'alpha'; letter: number | null; roman: number | null };

const superscriptDigits = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** True when `ch` is one of the superscript digits used as footnote markers. */
export function isSuperscriptDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && superscriptDigits.includes(ch);
}

/** The number written by a run of superscript digits ("¹¹" -> 11). */
export function superscriptValue(run: string): number {
  let n = 0;
  for (const ch of run) n = n * 10 + superscriptDigits.indexOf(ch);
  return n;
}

const headingPattern =
  /^(?:(?:Revised draft|Draft|Projet de|Proyecto de) )?(?:resolution|decision|résolution|décision|resolución|decisión)(?: (?:[IVXLC]{1,8}|[A-Z]|\d{1,4}(?:\/\d{1,4})?(?: [A-Z])?|[A-Z]{1,5}(?:\/[\w.-]{1,20}){1,6}))?$/i;

/** True for a document heading: "Draft resolution II", "Draft decision", "Resolution 32/1", "Draft resolution A/78/L.5". */
export function isDocumentHeading(line: string): boolean {
  const first = line.charAt(0);
  return line.length <= 60 && first === first.toUpperCase() && headingPattern.test(line);
}

/** True for a report section heading such as "A. Draft resolutions to be recommended ..." or "II. Matters ...". */
export function isSectionHeading(line: string): boolean {
  if (line.length > 240 || endsWithTerminal(line)) return false;
  return /^(?:[A-Z]|[IVX]{1,5})\. [A-Z]/.test(line);
}

const annexWord = /^(?:Annex|Annexe|Anexo|Приложение|ANNEX|ANNEXE|ANEXO|ПРИЛОЖЕНИЕ)(?: (?:[IVXLC]{1,8}|\d{1,3}))?$/;
// Arabic numbers annexes with ordinal words, masculine as المرفق is (الأول ... العاشر, then
// الحادي عشر, الثاني عشر ... التاسع عشر), or with digits; any other word after المرفق
// ("المرفق الحالي", "the present annex") makes a sentence, not a heading.
const arabicOrdinal =
  '(?:الأول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر|(?:الحادي|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع) عشر|العشرون)';
const arabicAnnex = new RegExp(`^المرفق(?: (?:${arabicOrdinal}|[\\d\u0660-\u0669]{1,3}))?$`, 'u');
const chineseAnnex = /^附件(?:[一二三四五六七八九十]{1,3}|\d{1,3})?$/u;
const bareAnnexWords = new Set(['Annex', 'Annexe', 'Anexo', 'Приложение', 'ANNEX', 'ANNEXE', 'ANEXO', 'ПРИЛОЖЕНИЕ', 'المرفق', '附件']);

/**
 * True for an annex heading in any official language: the annex word alone on its line,
 * optionally followed by its number ("Annex", "Annex II", "Annexe", "Anexo I", "Приложение II",
 * "المرفق", "المرفق الثاني" with an ordinal word, "附件", "附件二"). A line that goes on
 * ("Annex to resolution 70/1", "المرفق الثاني من التقرير") is text.
 */
export function isAnnexHeading(line: string): boolean {
  return annexWord.test(line) || arabicAnnex.test(line) || chineseAnnex.test(line);
}

/**
 * True for an annex heading without a number ("Annex", "المرفق", "附件"): the texts print
 * the word alone when a document has one annex, so numbered annex headings after it
 * ("Annex I", "Annex II") head parts of that one annex.
 */
export function isBareAnnexHeading(line: string): boolean {
  return bareAnnexWords.has(line);
}

const organWords = new Set([
  'Assembly', 'Council', 'Commission', 'Conference', 'Committee', 'Board', 'Meeting', 'Forum', 'Congress',
  'Summit', 'Organization', 'Parties', 'Court', 'Tribunal', 'Authority', 'Session',
]);
const smallWords = new Set(['of', 'on', 'and', 'the', 'for', 'to', 'in', 'against', 'at', 'its', 'as', 'with', 'under', 'serving', 'meeting', 'parties']);
const romanceBodies =
  /^(?:L['’]Assemblée|Le Conseil|La Commission|La Conférence|Le Comité|La Asamblea|El Consejo|La Comisión|La Conferencia|El Comité)\b/;

/** The language of an authoring body line in any of the six languages, or null when `line` is not one. */
export function bodyLineLanguage(line: string): ConventionLanguage | null {
  const last = line.charAt(line.length - 1);
  if (line.length > 200 || (last !== ',' && last !== ':')) return otherBodyLineLanguage(line);
  const core = line.slice(0, -1).trim();
  const romance = romanceBodies.exec(core);
  if (romance) return /^(?:La Asamblea|El |La Comisión|La Conferencia)/.test(core) ? 'es' : 'fr';
  const words = core.split(' ');
  if (words[0] !== 'The' || words.length < 2 || words.length > 30) return otherBodyLineLanguage(line);
  let organAt = -1;
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (organWords.has(word) && organAt < 0) organAt = i;
    const capital = /^[A-Z0-9(“"]/.test(word);
    if (!capital && !smallWords.has(word)) return null;
  }
  return organAt > 0 && organAt <= 5 ? 'en' : null;
}

/** True for a body line that introduces a decision's text: it ends with a colon (":" or the full-width "："). */
export function isDecisionBodyLine(body: string): boolean {
  return body.endsWith(':') || body.endsWith('：');
}

/**
 * Splits a leading paragraph label off a line (already without indentation): "12. text",
 * "(a) text", "- (b) text", "a) text", "(iv) text", and the labels of the other languages
 * (Arabic "1 -", "(أ)", "’1‘"; Chinese "㈠", "(十一)"; Russian "а)" in Cyrillic look-alikes).
 * Returns null when the line has none.
 */
export function splitLabel(line: string): { label: Label; rest: string } | null {
  const other = splitLanguageLabel(line);
  if (other) {
    const label: Label = other.kind === 'number' ? { kind: 'number', n: other.n } : other.kind === 'letter' ? { kind: 'alpha', letter: other.n, roman: null } : { kind: 'alpha', letter: null, roman: other.n };
    return { label, rest: line.slice(other.length) };
  }
  const body = /^[-–•] ?(?=\(?[a-z]{1,4}\)|\d)/.test(line) ? line.replace(/^[-–•] ?/, '') : line;
  const numbered = /^(\d{1,3})\.(?: +|$)/.exec(body);
  if (numbered) return { label: { kind: 'number', n: Number(numbered[1]) }, rest: body.slice(numbered[0].length) };
  const lettered = /^(?:[(（]([a-z]{1,5})[)）]|([a-zа-яі]{1,5})[)）])(?: +|$)/.exec(body);
  if (!lettered) return null;
  const bare = latinLookAlikes(lettered[1] ?? lettered[2] ?? '');
  const label: Label = { kind: 'alpha', letter: letterValue(bare), roman: romanValue(bare) };
  if (label.letter === null && label.roman === null) return null;
  return { label, rest: body.slice(lettered[0].length) };
}

/** The position of a UN letter label: a..z = 1..26, aa = 27 ... (letters repeat), else null. */
export function letterValue(bare: string): number | null {
  if (!/^([a-z])\1*$/.test(bare)) return null;
  return bare.charCodeAt(0) - 96 + 26 * (bare.length - 1);
}

const romanDigits: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/** The value of a lower-case roman numeral written canonically (i, iv, xii ...), else null. */
export function romanValue(bare: string): number | null {
  if (!/^[ivxlcdm]+$/.test(bare)) return null;
  let total = 0;
  for (let i = 0; i < bare.length; i++) {
    const value = romanDigits[bare.charAt(i)] ?? 0;
    const next = romanDigits[bare.charAt(i + 1)] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 && roman(total) === bare ? total : null;
}

const closers = new Set(['”', '"', '’', "'", ')', ']', '»', '*', '_', '）', '」', '』', '》', '〉', '‘', '“']);
// Full-width Chinese punctuation and the Arabic comma and semicolon end paragraphs as their Latin forms do.
const terminals = new Set([',', ';', '.', ':', '—', '?', '!', '，', '；', '。', '：', '？', '！', '،', '؛', '؟']);

// Where the attribution tag "(EU, CAN)" closed by the ")" at `close` opens, or -1 when
// that parenthesis is no tag: a tag closing a bracketed paragraph, "... progress. (EU)]",
// is not the paragraph's end.
function tagOpening(text: string, close: number): number {
  // A tag is at most 400 characters: look no further back (a run of ")" would otherwise rescan the text each time).
  const from = Math.max(0, close - 400);
  const at = text.slice(from, close).lastIndexOf('(');
  const open = at < 0 ? -1 : from + at;
  if (open < 0 || text.slice(open + 1, close).includes(')')) return -1;
  return readTag(text.slice(open + 1, close)) ? open : -1;
}

/**
 * True when a paragraph's text ends with terminal punctuation (, ; . : — ? !), ignoring
 * trailing footnote markers (superscripts or placeholders), closing quotes, brackets,
 * attribution tags such as "(EU, CAN)" and emphasis markers, and spaces.
 */
export function endsWithTerminal(text: string): boolean {
  // An attribution tag closing a bracketed paragraph ("... progress. (EU)]") is not its end.
  let i = text.length - 1;
  while (i >= 0) {
    const ch = text.charAt(i);
    const tagAt = ch === ')' ? tagOpening(text, i) : -1;
    if (tagAt >= 0) i = tagAt - 1;
    else if (ch === placeholderClose) i = text.lastIndexOf(placeholderOpen, i) - 1;
    else if (ch === ' ' || closers.has(ch) || isSuperscriptDigit(ch)) i--;
    else if (isFootnoteDigits(text, i)) i -= footnoteDigitsLength(text, i);
    else return terminals.has(ch);
  }
  return false;
}

// A footnote number printed as plain digits right after a comma or semicolon ("... forward,1"):
// the punctuation before it ends the paragraph.
function footnoteDigitsLength(text: string, i: number): number {
  let j = i;
  while (j >= 0 && j > i - 3 && /[0-9]/.test(text.charAt(j))) j--;
  return i - j;
}

function isFootnoteDigits(text: string, i: number): boolean {
  if (!/[0-9]/.test(text.charAt(i))) return false;
  const before = text.charAt(i - footnoteDigitsLength(text, i));
  return before === ',' || before === ';' || before === '，' || before === '；' || before === '،' || before === '؛';
}

/** Private-use characters that wrap a footnote number the importer moved: "\uE000" n "\uE001". */
export const placeholderOpen = '\uE000';

/** Closes a footnote placeholder (see `placeholderOpen`). */
export const placeholderClose = '\uE001';

/**
 * True when `text` starts with a lower-case Latin letter (a continuation of a split
 * paragraph), not counting a Latin look-alike typed for a Cyrillic letter before a Russian
 * word ("c удовлетворением" in A/RES/74/9, 74/47, 74/169, 74/276 opens a PP).
 */
export function startsLowerCase(text: string): boolean {
  return /^[a-zà-ÿ]/.test(text) && !/^[aceopxy]{1,2} [а-яё]/.test(text);
}

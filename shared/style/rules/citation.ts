/**
 * Citations of resolutions and decisions, and dates: "resolution 70/1 of 25 September 2015",
 * "Economic and Social Council resolution 2002/13". Reported: a date that does not exist
 * ("31 September 2015"), a date in another format ("September 25, 2015", "25/09/2015",
 * "2015-09-25", "25 Sept. 2015", "25th September 2015"), a resolution number with a hyphen
 * or spaces ("resolution 70-1", "70 / 1"), a glued letter ("57/270B") and a date cited
 * without "of", and a General Assembly resolution cited by its document symbol ("in
 * accordance with A/RES/79/144", where running text writes "resolution 79/144"). Format
 * fixes are English; French and Spanish dates are checked for existence.
 */
import {
  daysInMonth, englishAbbreviations, englishMonthNumber, englishMonths, formatEnglishDate, isValidDate, monthNames,
} from '../dates.js';
import { styleFix } from '../fix.js';
import { hint, type HintKey } from '../hint-text.js';
import type { LocalProblem, StyleLanguage, TextEdit } from '../types.js';

/** The text a citation rule reads: a paragraph's or a footnote's, with its owner's id. */
export type CitationInput = { id: string; text: string; language: StyleLanguage };

const full = englishMonths.join('|');
const abbreviations = Object.keys(englishAbbreviations).join('|');
const monthAlt = `(?:${full}|(?:${abbreviations})\\.?)`;
const dayFirst = new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})(st|nd|rd|th)? (${monthAlt})(?:(,?) (\\d{4}))?(?![\\p{L}\\p{N}])`, 'giu');
const monthFirst = new RegExp(`(?<![\\p{L}\\p{N}])(${monthAlt}) (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})(?![\\p{L}\\p{N}])`, 'giu');
const numeric = /(?<![\p{L}\p{N}/.])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\p{N}/])/gu;
const iso = /(?<![\p{N}/-])(\d{4})-(\d{2})-(\d{2})(?![\p{N}-])/gu;
const keyword = /(?<![\p{L}])(resolution|decision|résolution|décision|resolución|decisión)(s|es)?\s+/giu;
const datePattern = new RegExp(`^\\d{1,2} (?:${full}) \\d{4}`, 'u');

type Report = (from: number, to: number, message: HintKey, edits?: TextEdit[]) => void;

/** The citation and date problems of one text. O(text length). */
export function citationProblems(input: CitationInput): LocalProblem[] {
  const { id, text, language } = input;
  const problems: LocalProblem[] = [];
  const report: Report = (from, to, message, edits) => {
    const problem: LocalProblem = { rule: 'citation', paragraphId: id, from, to, severity: 'warning', hint: message };
    problems.push(edits ? { ...problem, fix: styleFix(edits.length === 1 && edits[0]?.insert ? hint('write', { written: edits[0].insert }) : hint('fixCitation'), edits) } : problem);
  };
  if (language === 'en') englishDates(text, report);
  else foreignDates(text, language, report);
  resolutionNumbers(text, language, report);
  resolutionSymbols(text, language, report);
  return problems.sort((a, b) => a.from - b.from);
}

function monthOf(name: string): number {
  const bare = name.replace(/\.$/, '');
  return englishMonthNumber(bare) || (englishAbbreviations[bare.toLowerCase()] ?? 0);
}

function englishDates(text: string, report: Report): void {
  for (const m of text.matchAll(dayFirst)) {
    const [whole, dayText = '', suffix, monthText = '', comma, yearText] = m;
    const day = Number(dayText);
    const month = monthOf(monthText);
    const year = yearText === undefined ? undefined : Number(yearText);
    const canonicalMonth = englishMonths[month - 1] ?? '';
    const oddForm = suffix !== undefined || monthText !== canonicalMonth || comma === ',';
    // Lower-case or abbreviated months are only taken for dates when a year follows ("32 may be").
    if (oddForm && year === undefined) continue;
    if (!isValidDate(day, month, year)) {
      report(m.index, m.index + whole.length, hint('notADateDays', { date: whole, month: `${canonicalMonth}${month === 2 && year !== undefined ? ` ${year}` : ''}`, days: String(daysInMonth(month, year)) }));
      continue;
    }
    if (!oddForm || year === undefined) continue;
    const right = formatEnglishDate(day, month, year);
    report(m.index, m.index + whole.length, hint('dateAs', { date: right }), [{ from: m.index, to: m.index + whole.length, insert: right }]);
  }
  for (const m of text.matchAll(monthFirst)) {
    const [whole, monthText = '', dayText = '', yearText = ''] = m;
    const day = Number(dayText);
    const month = monthOf(monthText);
    const year = Number(yearText);
    if (!isValidDate(day, month, year)) {
      report(m.index, m.index + whole.length, hint('notADate', { date: whole }));
      continue;
    }
    const right = formatEnglishDate(day, month, year);
    report(m.index, m.index + whole.length, hint('dateAs', { date: right }), [{ from: m.index, to: m.index + whole.length, insert: right }]);
  }
  for (const m of text.matchAll(numeric)) {
    const [whole, a = '', , b = '', yearText = ''] = m;
    const [first, second, year] = [Number(a), Number(b), Number(yearText)];
    // Day first (25/09) or month first (09/25) is only certain when one part exceeds 12.
    const dayMonth = first > 12 || first === second ? [first, second] : second > 12 ? [second, first] : null;
    const right = dayMonth && isValidDate(dayMonth[0] ?? 0, dayMonth[1] ?? 0, year) ? formatEnglishDate(dayMonth[0] ?? 0, dayMonth[1] ?? 0, year) : null;
    const edits = right ? [{ from: m.index, to: m.index + whole.length, insert: right }] : undefined;
    report(m.index, m.index + whole.length, right ? hint('dateAs', { date: right }) : hint('dateInWords'), edits);
  }
  for (const m of text.matchAll(iso)) {
    const [whole, yearText = '', monthText = '', dayText = ''] = m;
    const [year, month, day] = [Number(yearText), Number(monthText), Number(dayText)];
    if (!isValidDate(day, month, year)) continue;
    const right = formatEnglishDate(day, month, year);
    report(m.index, m.index + whole.length, hint('dateAs', { date: right }), [{ from: m.index, to: m.index + whole.length, insert: right }]);
  }
}

function foreignDates(text: string, language: StyleLanguage, report: Report): void {
  const names = monthNames[language];
  if (!names) return;
  const pattern = language === 'es'
    ? new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2}) de (${names.join('|')})(?: de (\\d{4}))?(?![\\p{L}])`, 'gu')
    : new RegExp(`(?<![\\p{L}\\p{N}])(1er|\\d{1,2}) (${names.join('|')})(?: (\\d{4}))?(?![\\p{L}])`, 'gu');
  for (const m of text.matchAll(pattern)) {
    const [whole, dayText = '', monthText = '', yearText] = m;
    const day = dayText === '1er' ? 1 : Number(dayText);
    const month = names.indexOf(monthText) + 1;
    if (!isValidDate(day, month, yearText === undefined ? undefined : Number(yearText))) {
      report(m.index, m.index + whole.length, hint('notADate', { date: whole }));
    }
  }
}

function resolutionNumbers(text: string, language: StyleLanguage, report: Report): void {
  for (const k of text.matchAll(keyword)) {
    const at = k.index + k[0].length;
    const rest = text.slice(at, at + 60);
    const plural = k[2] !== undefined;
    const hyphen = /^(\d{1,4})\s*[-‐‑](\s*)(\d{1,4})(?![\p{N}/])/u.exec(rest);
    if (hyphen && !plural) {
      const right = `${hyphen[1]}/${hyphen[3]}`;
      report(at, at + hyphen[0].length, hint('numberSlash', { word: k[1]?.toLowerCase() ?? '', right }), [{ from: at, to: at + hyphen[0].length, insert: right }]);
      continue;
    }
    const spaced = /^(\d{1,4})(?:\s+\/\s*|\/\s+)(\d{1,4})(?![\p{N}])/u.exec(rest);
    if (spaced) {
      const right = `${spaced[1]}/${spaced[2]}`;
      report(at, at + spaced[0].length, hint('numberSpaces', { right }), [{ from: at, to: at + spaced[0].length, insert: right }]);
      continue;
    }
    const glued = /^(\d{1,4}\/\d{1,4})([A-Z])(?![\p{L}\p{N}])/u.exec(rest);
    if (glued) {
      const right = `${glued[1]} ${glued[2]}`;
      report(at, at + glued[0].length, hint('partLetter', { right }), [{ from: at, to: at + glued[0].length, insert: right }]);
      continue;
    }
    const number = /^\d{1,4}\/\d{1,4}(?: [A-Z](?![\p{L}\p{N}]))?(\s+)/u.exec(rest);
    if (language === 'en' && number && datePattern.test(rest.slice(number[0].length))) {
      const where = at + number[0].length;
      report(at, where + (datePattern.exec(rest.slice(number[0].length))?.[0].length ?? 0), hint('ofBeforeDate'), [{ from: where, to: where, insert: 'of ' }]);
    }
  }
}

const resolutionWord: Readonly<Record<string, string>> = { en: 'resolution', fr: 'résolution', es: 'resolución' };
// "A/RES/79/144", "A/RES/ES-10/21", "A/RES/73/268 B", optionally after the word itself
// ("resolution A/RES/79/144"), which is then not repeated.
const resSymbol = /(?<![\p{L}\p{N}/.-])(?:(resolution|résolution|resolución) )?A\/RES\/((?:ES-)?\d{1,3})\/(\d{1,4})( [A-Z](?![\p{L}\p{N}]))?(?![\p{L}\p{N}/]|\.\d)/giu;

// A General Assembly resolution is cited in running text by its number, not its symbol:
// "resolution 79/144". The fix is certain: the symbol A/RES/n/m names resolution n/m.
function resolutionSymbols(text: string, language: StyleLanguage, report: Report): void {
  const word = resolutionWord[language];
  if (!word) return;
  for (const m of text.matchAll(resSymbol)) {
    const [whole, written, session = '', number = '', part = ''] = m;
    if (!/^A\/RES\//.test(whole.slice(written ? written.length + 1 : 0))) continue;
    const before = text.slice(0, m.index).trimEnd();
    const capital = !written && (before === '' || /[.!?]$/.test(before));
    const name = written ?? (capital ? `${word.charAt(0).toUpperCase()}${word.slice(1)}` : word);
    const right = `${name} ${session.toUpperCase()}/${number}${part}`;
    report(m.index, m.index + whole.length, hint('citeByNumber', { right }), [{ from: m.index, to: m.index + whole.length, insert: right }]);
  }
}

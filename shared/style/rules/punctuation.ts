/**
 * Final punctuation: a PP ends with a comma, an OP with a semicolon and the last OP with a
 * full stop; a paragraph introducing subparagraphs or a list ends with a colon; the last
 * subparagraph takes its parent's closing mark, the others a semicolon; decision paragraphs
 * end with a semicolon, the last with a full stop. The expected mark comes from the
 * document structure (see walk.ts); this file reads the paragraph's actual ending.
 */
import { atomChar, type ParagraphText } from '../text.js';
import { styleFix } from '../fix.js';
import { hint, type HintKey } from '../hint-text.js';
import type { LocalProblem, StyleLanguage, TextEdit } from '../types.js';

/** A final punctuation mark the rules can ask for. */
export type Closing = ',' | ';' | '.' | ':';

/** What a paragraph should end with, and why (a catalogue hint, app:styleHints.reasons.*). */
export type Expectation = { mark: Closing; reason: HintKey };

/**
 * How a paragraph text ends. `mark` is its final punctuation character (null when it ends
 * in a letter, digit, quote ...) at `at`; `spaceFrom` is where the spaces before it start;
 * `end` is where the mark's span ends (after a trailing "and"/"or" in "; and");
 * `insertAt` is where a missing mark goes (after the last character, before trailing
 * footnote markers and closing brackets). `table` is set when the text ends in a table's
 * last cell (cells joined by " | " as the Akoma Ntoso reader flattens tables): the table
 * ends the paragraph, with no mark (budget resolutions' appropriation tables).
 */
export type Ending = { mark: string | null; at: number; end: number; spaceFrom: number; insertAt: number; table?: boolean };

const marks = new Set([',', ';', ':', '.', '!', '?', '…', '،', '؛', '，', '；', '：', '。', '？', '！']);

// The marks of Arabic and Chinese texts for the rules' , ; . : (conventions.json ppEnd,
// opEnd, lastEnd: the 74th-session texts end PPs with ، and ，, OPs with ؛ and ；, the last
// with . and 。, and introduce with : and ：).
const localMarks: Partial<Record<StyleLanguage, Record<Closing, string>>> = {
  ar: { ',': '،', ';': '؛', '.': '.', ':': ':' },
  zh: { ',': '，', ';': '；', '.': '。', ':': '：' },
};

/** The mark `mark` is written with in `language` (Arabic ، ؛, Chinese ， ； 。 ：). */
export function localMark(mark: Closing, language: StyleLanguage): string {
  return localMarks[language]?.[mark] ?? mark;
}

/** The ending of a paragraph text (trailing spaces, footnote markers and "]" are skipped). */
export function endingOf(paragraph: ParagraphText): Ending {
  const { text } = paragraph;
  const footnoteAt = new Set(paragraph.atoms.filter((a) => a.kind === 'footnote').map((a) => a.offset));
  let k = text.length - 1;
  while (k >= 0 && (/\s/.test(text.charAt(k)) || text.charAt(k) === ']' || (text.charAt(k) === atomChar && footnoteAt.has(k)))) k--;
  // A footnote number or range printed as text right after the mark ("... of 1988;8", ";1–17", as some
  // imported texts carry their note references) is a marker, not the paragraph's ending.
  const printedNote = /[,;:.،؛，；：。]\d{1,3}(?:[–-]\d{1,3})?$/.exec(text.slice(0, k + 1));
  if (printedNote) k -= printedNote[0].length - 1;
  const conjunction = /;\s+(?:and|or|et|ou|y|o)$/.exec(text.slice(0, k + 1));
  if (conjunction) {
    const at = conjunction.index;
    return { mark: ';', at, end: k + 1, spaceFrom: spaceStart(text, at), insertAt: at };
  }
  const c = text.charAt(k);
  if (k >= 0 && marks.has(c)) return { mark: c, at: k, end: k + 1, spaceFrom: spaceStart(text, k), insertAt: k };
  const table = / \| [^|,;:.!?]{0,80}$/.test(text.slice(0, k + 1));
  return { mark: null, at: k + 1, end: k + 1, spaceFrom: k + 1, insertAt: k + 1, ...(table ? { table } : {}) };
}

function spaceStart(text: string, at: number): number {
  let s = at;
  while (s > 0 && /[ \u00a0\u202f]/.test(text.charAt(s - 1))) s--;
  return s;
}

// The marks' names: catalogue keys (app:styleHints.marks.*).
const names: Record<string, string> = { ',': 'comma', ';': 'semicolon', '.': 'fullStop', ':': 'colon', '،': 'arabicComma', '؛': 'arabicSemicolon', '，': 'chineseComma', '；': 'chineseSemicolon', '。': 'chineseFullStop', '：': 'chineseColon' };

/**
 * The punctuation problem of a paragraph whose text ends as `ending` where `expected` is
 * due, or null. Replacing one of , ; : . (or adding a missing mark) is a certain fix; other
 * endings ("?", "!") are reported without one. French takes a no-break space before ";" and ":".
 */
export function punctuationProblem(id: string, ending: Ending, expected: Expectation, language: StyleLanguage): LocalProblem | null {
  const mark = localMark(expected.mark, language);
  if (ending.mark === mark && ending.end === ending.at + 1) return null;
  if (ending.mark === null && ending.table) return null;
  if (ending.mark === ';' && mark === ';') return null;
  const name = names[mark];
  const values = { expected: name ? hint(`marks.${name}`) : mark, reason: expected.reason };
  const problemHint = ending.mark === null ? hint('punctuationMissing', values) : hint('punctuationFound', { ...values, found: ending.mark });
  const from = ending.mark === null ? Math.max(0, ending.at - 1) : ending.at;
  const to = ending.mark === null ? ending.at : ending.end;
  const problem: LocalProblem = {
    rule: 'punctuation', paragraphId: id, from, to, severity: 'warning',
    hint: problemHint,
  };
  if (ending.mark !== null && !',;:.،؛，；：。'.includes(ending.mark)) return problem;
  const french = language === 'fr';
  const spaced = french && (mark === ';' || mark === ':');
  let edit: TextEdit;
  if (ending.mark === null) edit = { from: ending.insertAt, to: ending.insertAt, insert: spaced ? `\u00a0${mark}` : mark };
  else if (french) edit = { from: ending.spaceFrom, to: ending.end, insert: spaced ? `\u00a0${mark}` : mark };
  else edit = { from: ending.at, to: ending.end, insert: mark };
  return { ...problem, fix: styleFix(ending.mark === null ? hint('addMark', { mark }) : hint('replaceMark', { found: ending.mark, mark }), [edit]) };
}

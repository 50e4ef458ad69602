/**
 * The per-paragraph analysis the checker caches: everything that depends on the paragraph's
 * own text, kind and the document language, and nothing that depends on other paragraphs.
 * Context rules (final punctuation, repeated openers) read this summary on every check.
 */
import type { OpenerMatch } from './openers.js';
import { citationProblems } from './rules/citation.js';
import { emptyFootnoteProblems, emptyParagraphProblem, isEmptyText } from './rules/empty.js';
import { isDeclaration, openerRules } from './rules/opener.js';
import { endingOf, type Ending } from './rules/punctuation.js';
import { symbolProblems } from './rules/symbol.js';
import { paragraphText, type ParagraphText } from './text.js';
import type { LocalProblem, OpenerPart, StyleLanguage } from './types.js';
import type { Unit } from './walk.js';

/**
 * The cached analysis of one paragraph: its text, whether it is empty, its opener (for the
 * repeated-opener rule), how it ends (for the punctuation rule) and the problems of the
 * rules that read this paragraph alone (opener, also/further order, citations, symbols,
 * empty paragraph, empty footnotes, and citations and symbols inside its footnotes).
 */
export type ParagraphSummary = {
  text: ParagraphText;
  empty: boolean;
  opener: OpenerMatch | null;
  ending: Ending;
  /** A first-person declaration paragraph ("We reaffirm ..."): a sentence ending with a full stop. */
  declaration: boolean;
  /** Ends with a colon after words that introduce what follows ("the following ...:", "Resolves that:", "we:"); see `introducesFollowing`. */
  introduces: boolean;
  problems: LocalProblem[];
};

/** What the local analysis depends on, besides the text node itself. */
export type SummaryInput = Pick<Unit, 'id' | 'textNode'> & { part: OpenerPart | null; language: StyleLanguage };

/** Analyses one paragraph. O(length of its text and footnotes). */
export function summarizeParagraph(input: SummaryInput): ParagraphSummary {
  const { id, part, language } = input;
  const text = paragraphText(input.textNode);
  const ending = endingOf(text);
  const empty = isEmptyText(text);
  const problems: LocalProblem[] = [];
  let opener: OpenerMatch | null = null;
  const emptyProblem = emptyParagraphProblem(id, text);
  if (emptyProblem) problems.push(emptyProblem);
  if (!empty && part) {
    const result = openerRules({ id, part, text: text.text, language });
    opener = result.opener;
    problems.push(...result.problems);
  }
  problems.push(...citationProblems({ id, text: text.text, language }), ...symbolProblems({ id, text: text.text }));
  problems.push(...emptyFootnoteProblems(id, text));
  problems.sort((a, b) => a.from - b.from);
  for (const atom of text.atoms) {
    if (atom.kind !== 'footnote' || atom.text.trim() === '') continue;
    problems.push(...citationProblems({ id: atom.id, text: atom.text, language }), ...symbolProblems({ id: atom.id, text: atom.text }));
  }
  return { text, empty, opener, ending, declaration: part !== null && isDeclaration(text.text), introduces: part !== null && introducesFollowing(text.text, ending), problems };
}

// The words before a colon that introduce the next paragraphs rather than subparagraphs:
// "Adopts the following political declaration ...:", "Resolves that:", "... in this regard we:".
const introducing = /(?:\b(?:following|follows|that|we)\b|suivante?s?|suit|que|nous|siguientes?|nosotros|nosotras|следующ\p{L}*|что|мы|如下|以下|下列|我们|التالي\p{L}*|يلي|نحن)[^;:؛：]{0,400}$/iu;

/**
 * True when a paragraph ending `ending` introduces the paragraphs after it: it ends with a
 * colon and its last clause (after any ';' or ':') holds "following", "as follows", "that"
 * or "we" (French, Spanish, Russian, Chinese and Arabic alike: следующ-, 如下, التالي ...).
 */
export function introducesFollowing(text: string, ending: Ending): boolean {
  if (ending.mark !== ':' && ending.mark !== '：') return false;
  return introducing.test(text.slice(0, ending.at));
}

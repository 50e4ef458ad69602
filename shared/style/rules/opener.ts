/**
 * Opener rules for preambular, operative and decision paragraphs: the paragraph opens with
 * a phrase of its own part (participle or adjective for a PP, present-tense verb for an OP
 * or a decision paragraph), capitalised, and (English) with also/further in the right place:
 * "Also requests" in an OP, "Recalling also" in a PP.
 */
import { otherPartPhrase } from '../opener-forms.js';
import { hasPhraseList, leadingWords, matchOpener, openerStart, opensWithSection, phrasesOf, type OpenerMatch } from '../openers.js';
import type { PhraseLanguage } from '../../../seeds/types.js';
import { styleFix } from '../fix.js';
import { hint } from '../hint-text.js';
import { russianCaseProblem } from './opener-language.js';
import type { LocalProblem, OpenerPart, StyleLanguage, TextEdit } from '../types.js';

/** What the opener rules need to know about one paragraph. */
export type OpenerInput = { id: string; part: OpenerPart; text: string; language: StyleLanguage };

/** The paragraph's opener (null when it has none of its own part) and the problems found. */
export type OpenerResult = { opener: OpenerMatch | null; problems: LocalProblem[] };

// The parts' names: catalogue keys (app:styleHints.parts.*).
const partName: Record<OpenerPart, string> = { pp: 'parts.preambular', op: 'parts.operative' };
const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * Runs the opener rules on one paragraph. Languages without phrase lists (ar, zh, ru) and
 * empty paragraphs get no opener and no problem; also/further order is checked in English
 * only (French and Spanish place the adverb after the verb in both parts, which the
 * repeated-opener rule already writes).
 */
export function openerRules(input: OpenerInput): OpenerResult {
  const { id, part, text, language } = input;
  if (!hasPhraseList(language) || text.trim() === '') return { opener: null, problems: [] };
  // A declaration adopted with the resolution speaks in the first person ("We reaffirm ...",
  // "We, Heads of State and Government, ..."): its paragraphs have no opener.
  if (isDeclaration(text) || opensWithSection(text, language)) return { opener: null, problems: [] };
  const own = matchOpener(text, part, language);
  if (own) {
    const order = language === 'en' ? adverbOrder(id, own) : null;
    // Russian openers continue the body line in lower case (see opener-language.ts), Arabic
    // and Chinese have no case.
    const cased = language === 'en' || language === 'fr' || language === 'es';
    const russian = language === 'ru' ? russianCaseProblem(id, own, text) : null;
    const problems = order ? [order] : cased ? caseProblems(id, own, text) : russian ? [russian] : [];
    // A clear participle ('-ing', 'Having' + participle) is a preambular opener even when
    // unlisted; an unlisted operative verb is only a guess from its '-s', so it gets a hint.
    // A listed phrase's head with other words ("Expresses its serious concern", "Takes
    // into account", "Strongly reaffirms") is a variant adopted texts use, not a guess.
    if (!own.known && part === 'op' && !listedHead(language, own)) {
      problems.push({
        rule: 'opener-unknown', paragraphId: id, from: own.from, to: own.to, severity: 'info',
        hint: hint('openerNotListed', { phrase: own.phrase, part: hint(partName[part]) }),
      });
    }
    return { opener: own, problems };
  }
  const other = matchOpener(text, part === 'pp' ? 'op' : 'pp', language);
  // Chinese verbs do not inflect: 促请, 感谢, 敦促 open PPs and OPs alike (57 paragraphs of the
  // 74th-session texts open a PP with a verb listed for OPs, or the reverse), so the part's
  // form is not checked there.
  if (other && language === 'zh') return { opener: other, problems: [] };
  if (other) return { opener: null, problems: [wrongPart(id, part, other, text, language)] };
  const first = leadingWords(text, openerStart(text, language), 1)[0];
  const from = first?.from ?? openerStart(text, language);
  const to = first?.to ?? text.length;
  const example = language === 'en'
    ? (part === 'pp' ? '"Recalling", "Mindful of", "Having considered"' : '"Requests", "Decides", "Calls upon"')
    : phrasesOf(language, part).slice(-3).map((p) => `"${p.text}"`).join(', ');
  return {
    opener: null,
    problems: [{
      rule: 'opener-unknown', paragraphId: id, from, to, severity: language === 'en' ? 'warning' : 'info',
      hint: hint('openerUnknown', { part: hint(partName[part]), examples: example }),
    }],
  };
}

/**
 * True when a paragraph is a sentence of a declaration in the first person plural ("We
 * reaffirm", "We, the Heads of State", "Nous réaffirmons", "Nosotros", "Reafirmamos" is
 * not recognised): it opens with no opener and ends with a full stop.
 */
export function isDeclaration(text: string): boolean {
  const start = text.slice(openerStart(text));
  // Arabic writes "we" in the verb ("ونسلم", "ونؤكد من جديد", "نلتزم"): a first person plural
  // verb (ن + at least three letters, "نظرا" "given" aside) opens a declaration's sentence.
  return /^(?:We|Nous|Nosotros|Nosotras|Мы|نحن)[\s,،]/u.test(start) || start.startsWith('我们') || /^و?(?!نظرا)ن\p{L}{3,}\s/u.test(start);
}

function listedHead(language: PhraseLanguage, opener: OpenerMatch): boolean {
  const head = opener.words[0]?.lower;
  return head !== undefined && phrasesOf(language, 'op').some((p) => p.words[0] === head);
}

function wrongPart(id: string, part: OpenerPart, other: OpenerMatch, text: string, language: PhraseLanguage): LocalProblem {
  const suggestion = otherPartPhrase(language, other, part);
  const head = other.words[0];
  const problem: LocalProblem = {
    rule: 'opener-kind', paragraphId: id, from: other.from, to: other.to, severity: 'warning',
    hint: suggestion
      ? hint(part === 'pp' ? 'openerOfOperativeSuggest' : 'openerOfPreambularSuggest', { phrase: other.phrase, suggestion })
      : hint(part === 'pp' ? 'openerOfOperative' : 'openerOfPreambular', { phrase: other.phrase }),
  };
  if (!suggestion || !head || other.adverb) return problem;
  const newHead = suggestion.split(' ')[0] ?? suggestion;
  const insert = /^\p{Lu}/u.test(text.charAt(head.from)) ? newHead : lowerFirst(newHead);
  return { ...problem, fix: styleFix(hint('replaceWord', { word: head.text, insert }), [{ from: head.from, to: head.to, insert }]) };
}

function caseProblems(id: string, opener: OpenerMatch, text: string): LocalProblem[] {
  const head = opener.words[0];
  if (!head) return [];
  const adverbFirst = opener.adverb?.where === 'before' ? opener.adverb : null;
  const capital = adverbFirst ? adverbFirst.from : head.from;
  const edits: TextEdit[] = [];
  const c = text.charAt(capital);
  if (c !== c.toUpperCase()) edits.push({ from: capital, to: capital + 1, insert: c.toUpperCase() });
  const h = text.charAt(head.from);
  if (adverbFirst && h !== h.toLowerCase()) edits.push({ from: head.from, to: head.from + 1, insert: h.toLowerCase() });
  if (edits.length === 0) return [];
  const fixed = adverbFirst ? `${upperFirst(text.slice(adverbFirst.from, adverbFirst.to))} ${lowerFirst(head.text)}` : upperFirst(head.text);
  return [{
    rule: 'opener-case', paragraphId: id, from: capital, to: head.to, severity: 'warning',
    hint: hint('openerCase', { written: fixed }),
    fix: styleFix(hint('write', { written: fixed }), edits),
  }];
}

// English: an OP takes the adverb first ("Also requests"); a PP right after its first word
// ("Recalling also", "Noting also with concern").
function adverbOrder(id: string, opener: OpenerMatch): LocalProblem | null {
  const { adverb, words } = opener;
  const head = words[0];
  if (!adverb || !head) return null;
  const word = adverb.degree;
  if (opener.part === 'op' && adverb.where !== 'before') {
    const before = [...words].reverse().find((w) => w.to <= adverb.from);
    if (!before) return null;
    const right = `${upperFirst(word)} ${lowerFirst(opener.phrase)}`;
    return {
      rule: 'adverb-order', paragraphId: id, from: opener.from, to: opener.to, severity: 'warning',
      hint: hint('adverbFirst', { word, written: right }),
      fix: styleFix(hint('write', { written: right }), [
        { from: head.from, to: head.from + 1, insert: `${upperFirst(word)} ${head.text.charAt(0).toLowerCase()}` },
        { from: before.to, to: adverb.to, insert: '' },
      ]),
    };
  }
  if (opener.part === 'pp' && adverb.where === 'before') {
    const right = `${upperFirst(head.text)} ${word}${words.length > 1 ? ` ${words.slice(1).map((w) => w.text).join(' ')}` : ''}`;
    return {
      rule: 'adverb-order', paragraphId: id, from: opener.from, to: opener.to, severity: 'warning',
      hint: hint('adverbAfter', { word, written: right }),
      fix: styleFix(hint('write', { written: right }), [
        { from: adverb.from, to: head.from + 1, insert: head.text.charAt(0).toUpperCase() },
        { from: head.to, to: head.to, insert: ` ${word}` },
      ]),
    };
  }
  return null;
}

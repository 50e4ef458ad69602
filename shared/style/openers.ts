/**
 * Opener recognition for the style rules: the longest phrase of the seed lists (seeds/)
 * that a paragraph opens with, allowing "also"/"further" (or their French and Spanish
 * equivalents) before, inside or right after it, and where that adverb sits. English
 * texts fall back on the importer's conservative morphology (an -ing participle,
 * "Having <participle>", a verb in the third person).
 */
import { phraseLists } from '../../seeds/index.js';
import type { PhraseLanguage } from '../../seeds/types.js';
import { detectOpener } from '../import/openers.js';
import { addresseeOf } from './addressee.js';
import { matchChinese } from './opener-chinese.js';
import { intensifierLength, qualifiers, renewal } from './opener-intensifiers.js';
import type { OpenerPart, StyleLanguage } from './types.js';

/** A word of the opening: its offsets in the paragraph text and its folded lower-case form. */
export type Word = { text: string; lower: string; from: number; to: number };

/** An also/further adverb found in an opener, and where it sits relative to the phrase. */
export type OpenerAdverb = { degree: 'also' | 'further'; from: number; to: number; where: 'before' | 'inside' | 'after' };

/**
 * A recognised opener. `phrase` is the list's phrase (`known`) or the words morphology found,
 * without adverbs. `words` are the phrase's words in the text (adverbs excluded); `to` is the
 * end of the opener including an adverb inside or right after it. `key` identifies "the
 * same opener" for the repeated-opener rule (the phrase, lower-cased).
 */
export type OpenerMatch = {
  part: OpenerPart;
  phrase: string;
  known: boolean;
  key: string;
  /** Operative openers that ask someone to act: to whom, see addressee.ts (null otherwise). */
  addressee: string | null;
  words: Word[];
  from: number;
  to: number;
  adverb: OpenerAdverb | null;
  /** "once again", "once more" or "again" right before or after the phrase: a renewed use, like "also". */
  again: boolean;
  /** The paragraph prints a section heading before its opener ("VI Fishing overcapacity — Calls upon"): a new section starts. */
  headed: boolean;
};

type Phrase = { text: string; words: string[] };

const adverbWords: Readonly<Record<PhraseLanguage, { words: string[]; degree: 'also' | 'further' }[]>> = {
  en: [{ words: ['also'], degree: 'also' }, { words: ['further'], degree: 'further' }],
  fr: [{ words: ['également'], degree: 'also' }, { words: ['aussi'], degree: 'also' }, { words: ['en', 'outre'], degree: 'further' }, { words: ['de', 'plus'], degree: 'further' }],
  es: [{ words: ['también'], degree: 'also' }, { words: ['asimismo'], degree: 'also' }, { words: ['además'], degree: 'further' }],
  ar: [{ words: ['أيضا'], degree: 'also' }, { words: ['كذلك'], degree: 'further' }],
  ru: [{ words: ['также'], degree: 'also' }, { words: ['далее'], degree: 'further' }],
  // Chinese writes them as prefixes of the verb (又回顾, 还回顾): see matchChinese.
  zh: [],
};

// After an operative verb "further" is often an adjective ("Encourages further efforts");
// it is read as the adverb only before a word that cannot follow that adjective. After a
// preambular participle the adverb is the convention ("Recalling further"), so it is read so.
const afterAdverbFurther = new Set(['the', 'that', 'to', 'its', 'their', 'all', 'a', 'an', 'with', 'upon', 'on', 'in', 'of', 'for', 'and', 'his', 'her']);

// Lower case, the typographic apostrophe, and Arabic without its optional vowel marks and
// tatweel (the texts write both تسلم and تسلّم, أيضا and أيضاً).
const fold = (s: string): string => s.toLowerCase().replace(/'/g, '’').replace(/[\u064B-\u0652\u0640]/g, '');

const phraseCache = new Map<string, Phrase[]>();

/** The phrases of one part of a language's list, longest (in words) first. */
export function phrasesOf(language: PhraseLanguage, part: OpenerPart): Phrase[] {
  const key = `${language}:${part}`;
  let found = phraseCache.get(key);
  if (!found) {
    const list = phraseLists[language][part === 'pp' ? 'preambular' : 'operative'];
    found = list.map((text) => ({ text, words: fold(text).split(' ') })).sort((a, b) => b.words.length - a.words.length);
    phraseCache.set(key, found);
  }
  return found;
}

/** True when `language` has phrase lists (the six official languages). */
export function hasPhraseList(language: StyleLanguage): language is PhraseLanguage {
  return language === 'en' || language === 'fr' || language === 'es' || language === 'ar' || language === 'zh' || language === 'ru';
}

/**
 * The leading words of `text` from `start`: runs of letters, apostrophes and hyphens
 * separated by spaces, stopping at any other character or after `max` words.
 */
export function leadingWords(text: string, start: number, max = 10): Word[] {
  const words: Word[] = [];
  const pattern = /[\p{L}\p{M}’'-]+/uy;
  let at = start;
  while (words.length < max) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) break;
    const to = at + match[0].length;
    words.push({ text: match[0], lower: fold(match[0]), from: at, to });
    let next = to;
    while (text.charAt(next) === ' ') next++;
    if (next === to) break;
    at = next;
  }
  return words;
}

/**
 * The offset where the opener may start: after leading spaces and negotiation brackets, and
 * after a run heading that the paragraph opens with (AKN texts print a section's heading
 * before its first paragraph: "II Implementation of the Agreement — Notes with
 * satisfaction ..."), that is text before a last " — " within the first 300 characters,
 * holding no sentence punctuation (; : . ! ?) and followed by a capital letter (`language`
 * ru: a small letter; ar, zh: any letter).
 */
export function openerStart(text: string, language: StyleLanguage = 'en'): number {
  let at = 0;
  // An atom (an image or a note reference the source printed first) is not part of the opener.
  while (at < text.length && (text[at] === ' ' || text[at] === '[' || text[at] === '\uFFFC')) at++;
  const heading = (language === 'ru' ? headingRunLower : language === 'ar' || language === 'zh' ? headingRunUncased : headingRun).exec(text.slice(at, at + 300));
  return heading ? at + heading[0].length : at;
}

// The opener after a heading starts with a capital letter; in Russian with a small one (the
// openers continue the body line, so a heading starts with a capital: "государства — участники"
// inside a paragraph is not one), and Arabic and Chinese have no case.
const headingRun = /^(?:(?:[IVXLC]+|[A-Z])\. )?(?:[^;:.!?\u2014\n]{1,200} \u2014 )+(?=\p{Lu})/u;
const headingRunLower = /^(?:(?:[IVXLC]+|[A-Z])\.? )?(?=\p{Lu})(?:[^;:.!?\u2014\n]{1,200} \u2014 )+(?=\p{Ll})/u;
const headingRunUncased = /^(?:[^;:.!?\u2014\n؛،。；：，]{1,200} \u2014 )+(?=\p{L})/u;

/**
 * True when `text` opens with a section mark and title printed into the paragraph with no
 * " — " after it ("II Revised estimates resulting from ... session Having considered ...",
 * as AKN budget resolutions run their sections' headings and preambles into the first
 * paragraph): where the heading ends cannot be told, so the opener is not checked.
 */
export function opensWithSection(text: string, language: StyleLanguage = 'en'): boolean {
  const at = openerStart(text, language);
  return at === text.length - text.trimStart().length && sectionMark.test(text.slice(at));
}

const sectionMark = /^(?:[IVXL]+|[A-H])\.? \p{Lu}\p{Ll}/u;

// A qualifier right after the phrase makes it another opener for the repeated-opener rule,
// as adopted texts count them: "Recalling with satisfaction" after "Recalling", "Noting in
// this regard" after "Noting" are plain, and "Recognizing with concern also" continues
// "Recognizing with concern".
/**
 * `match` with its qualifier ("with [deep] concern", "in particular", "in this regard")
 * added to its key, and an also/further right after the qualifier read as its adverb.
 */
function qualified(match: OpenerMatch, words: Word[], language: PhraseLanguage): OpenerMatch {
  const q = qualifiers[language];
  if (!q) return match;
  let i = words.findIndex((w) => w.from >= match.to);
  if (i < 0) return match;
  const start = i;
  if (words[i]?.lower === q.with) {
    let j = i + 1;
    while (j < i + 3 && q.degrees.has(words[j]?.lower ?? '')) j++;
    if (!q.feelings.has(words[j]?.lower ?? '')) return match;
    i = j + 1;
  } else {
    const f = q.focus.find((seq) => seq.every((w, k) => words[i + k]?.lower === w));
    if (!f) return match;
    i += f.length;
  }
  const qualifier = words.slice(start, i).map((w) => w.lower).join(' ');
  const trailing = match.adverb ? null : adverbAt(words, i, language, match.part);
  const adverb = trailing ? { ...trailing.adverb, where: 'after' as const } : match.adverb;
  return { ...match, key: `${match.key} ${qualifier}`, adverb, to: Math.max(match.to, adverb?.to ?? 0) };
}

function againAfter(words: Word[], end: number, language: PhraseLanguage): boolean {
  const i = words.findIndex((w) => w.from >= end);
  return i >= 0 && renewal[language].some((seq) => seq.every((w, k) => words[i + k]?.lower === w));
}

/**
 * The opener of `text` for `part` in `language`, or null when it opens with none. English
 * falls back on morphology (`known: false`); French and Spanish use the lists only.
 */
export function matchOpener(text: string, part: OpenerPart, language: PhraseLanguage): OpenerMatch | null {
  const start = openerStart(text, language);
  if (language === 'zh') return matchChinese(text, start, part, phrasesOf('zh', part));
  const words = leadingWords(text, start);
  if (words.length === 0) return null;
  // Arabic joins "and" to the first word ("وإذ تشير"): the phrase is read without it.
  const initial = words[0];
  if (language === 'ar' && initial && /^و\p{L}{2,}/u.test(initial.lower) && !phrasesOf(language, part).some((p) => p.words[0] === initial.lower)) {
    words[0] = { ...initial, lower: initial.lower.slice(1) };
  } else if (language === 'ar' && initial?.lower === 'و' && words.length > 1) {
    // "و إذ تشير": the "and" printed apart (4 PPs of the corpus) is read as if joined.
    words.shift();
  }
  const headed = start > text.length - text.trimStart().length && text.slice(0, start).includes(' \u2014 ');
  for (const phrase of phrasesOf(language, part)) {
    const found = matchPhrase(words, phrase.words, language, part);
    if (found) return qualified({ part, phrase: phrase.text, known: true, key: fold(phrase.text), addressee: addresseeFor(text, phrase.text, part, found.to, language), ...found, again: againAfter(words, found.to, language), headed }, words, language);
  }
  const lead = intensifierLength(words, language);
  const rest = words.slice(lead.length);
  if (lead.length > 0 && rest.length > 0) {
    for (const phrase of phrasesOf(language, part)) {
      const found = matchPhrase(rest, phrase.words, language, part);
      if (!found) continue;
      const addressee = addresseeFor(text, phrase.text, part, found.to, language);
      return qualified({ part, phrase: phrase.text, known: true, key: fold(phrase.text), addressee, ...found, words: [...words.slice(0, lead.length), ...found.words], from: words[0]?.from ?? found.from, again: lead.again || againAfter(words, found.to, language), headed }, words, language);
    }
  }
  if (language !== 'en') return null;
  const first = words[0];
  if (!first || !/^\p{Lu}/u.test(first.text)) return null;
  const length = detectOpener(text.slice(start), part, true);
  if (length === 0) return null;
  const inSpan = words.filter((w) => w.to <= start + length);
  const plain = inSpan.filter((w) => adverbAt(inSpan, inSpan.indexOf(w), language, part) === null);
  const found = matchPhrase(inSpan, plain.map((w) => w.lower), language, part);
  if (!found) return null;
  const phrase = plain.map((w) => w.text).join(' ');
  return { part, phrase, known: false, key: fold(phrase), addressee: addresseeFor(text, phrase, part, found.to, language), ...found, again: againAfter(words, found.to, language), headed };
}

function addresseeFor(text: string, phrase: string, part: OpenerPart, end: number, language: PhraseLanguage): string | null {
  return part === 'op' ? addresseeOf(text, fold(phrase), end, language) : null;
}

type Found = Pick<OpenerMatch, 'words' | 'from' | 'to' | 'adverb'>;

function matchPhrase(words: Word[], phrase: string[], language: PhraseLanguage, part: OpenerPart): Found | null {
  const matched: Word[] = [];
  let adverb: OpenerAdverb | null = null;
  let i = 0;
  for (let j = 0; j < phrase.length; ) {
    const word = words[i];
    if (!word) return null;
    if (word.lower === phrase[j]) {
      matched.push(word);
      i++;
      j++;
      continue;
    }
    const found = adverbAt(words, i, language, part);
    if (!found) return null;
    adverb ??= { ...found.adverb, where: j === 0 ? 'before' : 'inside' };
    i += found.length;
  }
  let trailing = adverbAt(words, i, language, part);
  // Arabic and Russian put the adverb after the whole expression, its complement included
  // ("وإذ تحيط علما أيضا", "تؤكد من جديد أيضا", "принимая к сведению также"): up to three words on.
  for (let k = i + 1; !trailing && !adverb && (language === 'ar' || language === 'ru') && k <= i + 3; k++) trailing = adverbAt(words, k, language, part);
  if (trailing && !adverb) adverb = { ...trailing.adverb, where: 'after' };
  const last = matched[matched.length - 1];
  const first = words[0];
  if (!last || !first) return null;
  const end = Math.max(last.to, adverb?.to ?? 0);
  return { words: matched, from: first.from, to: end, adverb };
}

function adverbAt(words: Word[], i: number, language: PhraseLanguage, part: OpenerPart): { adverb: Omit<OpenerAdverb, 'where'>; length: number } | null {
  for (const candidate of adverbWords[language]) {
    const span = words.slice(i, i + candidate.words.length);
    if (span.length !== candidate.words.length || span.some((w, k) => w.lower !== candidate.words[k])) continue;
    const next = words[i + span.length];
    if (language === 'en' && part === 'op' && candidate.degree === 'further' && i > 0 && next && !afterAdverbFurther.has(next.lower) && !/^\p{Lu}/u.test(next.text)) {
      return null;
    }
    const first = span[0];
    const last = span[span.length - 1];
    if (!first || !last) return null;
    return { adverb: { degree: candidate.degree, from: first.from, to: last.to }, length: span.length };
  }
  return null;
}

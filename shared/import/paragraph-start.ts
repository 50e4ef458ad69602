/**
 * Where a preambular paragraph begins even when the one before it lacks its final comma
 * (the official A/RES/74/11, 74/219 in Arabic and 74/218 in French print a PP so): a chunk
 * that opens with a preambular opener of the document's language, as the seed phrase lists
 * give them, is a paragraph of its own, not the rest of a paragraph cut by a page break.
 * English, French and Spanish openers are capitalised (a sentence goes on in lower case);
 * Arabic ones open with the particle إذ / وإذ or a list phrase, and a clause that opens so
 * mid-sentence follows a comma, which ends the piece before it anyway. Russian openers are
 * lower case like any continuation: only a gerund ("рассмотрев", "признавая", "будучи")
 * counts, and not after a piece that ends with a conjunction ("… и признавая"). Chinese has
 * no word breaks to tell an opener from the middle of a sentence: left to punctuation.
 */
import { phrasesFor, type PhraseLanguage } from '../../seeds/index.js';
import { detectOpener } from './openers.js';

const checked: readonly PhraseLanguage[] = ['en', 'fr', 'es', 'ar', 'ru'];
const gerund = /^(?:[а-яё]{3,}(?:я|в|вшись)|будучи)$/;
const conjunctionEnd = /(?:^|\s)(?:и|а|или|но|а также)$/;
const firstWords = new Map<PhraseLanguage, Set<string>>();

// Arabic without its optional vowel marks and tatweel, as the texts print both.
const fold = (word: string): string => word.replace(/[\u064B-\u0652\u0640]/g, '');

function firstWordsOf(language: PhraseLanguage): Set<string> {
  let words = firstWords.get(language);
  if (!words) {
    words = new Set(phrasesFor(language, 'preambular').map((p) => fold(p.split(' ', 1)[0] ?? '')));
    firstWords.set(language, words);
  }
  return words;
}

/**
 * True when `text` (a chunk without its label) opens with a preambular opener of
 * `language`: its first word, italic markers and an Arabic "و" ("and") aside, is the first
 * word of a phrase of that language's list, capitalised in English, French and Spanish
 * ("Profondément préoccupée", "وإذ تشير"), or an English participle ("Recalling"); in
 * Russian a gerund of the list when `before` (the text before the chunk) does not end with
 * a conjunction. False for other languages and for any other text.
 */
export function opensPreamblePhrase(text: string, language: string, before = ''): boolean {
  if (!(checked as readonly string[]).includes(language)) return false;
  const lang = language as PhraseLanguage;
  const plain = text.replace(/^[*_]+/, '');
  const first = fold(/^[\p{L}\p{M}’'-]+/u.exec(plain)?.[0] ?? '');
  if (first === '') return false;
  if (lang === 'ar') {
    const words = firstWordsOf('ar');
    return words.has(first) || (first.startsWith('و') && words.has(first.slice(1))) || (first === 'و' && /^و (?:إذ|اذ) /u.test(plain));
  }
  if (lang === 'ru') return gerund.test(first) && firstWordsOf('ru').has(first) && !conjunctionEnd.test(before);
  if (!/^\p{Lu}/u.test(first)) return false;
  return firstWordsOf(lang).has(first) || (lang === 'en' && detectOpener(plain, 'pp') > 0);
}

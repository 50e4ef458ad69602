/**
 * Where a preambular paragraph begins even when the one before it lacks its final comma
 * (the official A/RES/74/11, 74/219 in Arabic and 74/218 in French print a PP so): a chunk
 * that opens with a preambular opener of the document's language, as the seed phrase lists
 * give them, is a paragraph of its own, not the rest of a paragraph cut by a page break.
 * English, French and Spanish openers are capitalised (a sentence goes on in lower case);
 * French and Spanish also open PPs with participles, gerunds and adjectives the lists lack
 * (paragraph-start-fr-es.ts);
 * Arabic ones open with the particle إذ / وإذ or a list phrase, and a clause that opens so
 * mid-sentence follows a comma, which ends the piece before it anyway. Russian openers are
 * lower case like any continuation and Chinese has no word breaks: their rules, gerunds and
 * verb phrases of the lists, are in paragraph-start-zh-ru.ts.
 */
import { phrasesFor, type PhraseLanguage } from '../../seeds/index.js';
import { detectOpener } from './openers.js';
import { opensFrenchSpanishPreamble } from './paragraph-start-fr-es.js';
import { opensChinesePreamble, opensRussianPreamble } from './paragraph-start-zh-ru.js';

const checked = ['en', 'fr', 'es', 'ar'] as const;
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
 * French and Spanish also a participle, gerund or adjective of the texts ("Regrettant",
 * "Pidiendo", "Conocedora", see paragraph-start-fr-es.ts) when `before` does not end with an
 * article, a preposition or a conjunction; in
 * Russian a gerund opener when `before` (the text before the chunk) does not end with a
 * conjunction, in Chinese a verb phrase of the list (see paragraph-start-zh-ru.ts). False
 * for other languages and for any other text.
 */
export function opensPreamblePhrase(text: string, language: string, before = ''): boolean {
  if (language === 'ru') return opensRussianPreamble(text, before);
  if (language === 'zh') return opensChinesePreamble(text, before);
  if (!(checked as readonly string[]).includes(language)) return false;
  const lang = language as (typeof checked)[number];
  const plain = text.replace(/^[*_]+/, '');
  const first = fold(/^[\p{L}\p{M}’'-]+/u.exec(plain)?.[0] ?? '');
  if (first === '') return false;
  if (lang === 'ar') {
    const words = firstWordsOf('ar');
    return words.has(first) || (first.startsWith('و') && words.has(first.slice(1))) || (first === 'و' && /^و (?:إذ|اذ) /u.test(plain));
  }
  if (!/^\p{Lu}/u.test(first)) return false;
  if (lang === 'en') return firstWordsOf(lang).has(first) || detectOpener(plain, 'pp') > 0;
  const second = /^[*_]*\s+[*_]*([\p{L}\p{M}’'-]+)/u.exec(plain.slice(first.length, first.length + 100))?.[1] ?? '';
  return opensFrenchSpanishPreamble([first, second], lang, before, (word) => firstWordsOf(lang).has(word));
}

/**
 * Preambular openers of Chinese and Russian, whose paragraphs give no capital letter to
 * tell a new paragraph from the rest of one cut by a page break (paragraph-start.ts holds
 * the other languages). Both rules take the seed phrase lists (seeds/phrases/{zh,ru}.json)
 * and were checked on the 74th-session texts: every place a page break could cut a
 * paragraph of them (each character in Chinese, each space in Russian, not after terminal
 * punctuation) was tried as a false start, to keep that rate near the English and Arabic
 * rules' (about 0.2-0.3% of such places).
 */
import { phrasesFor } from '../../seeds/index.js';

// Chinese Also/Further forms put 又 / 还 before the verb (又回顾, 还认识到); 并 and 再次
// ("again", 再次申明) open a paragraph the same way.
const chinesePrefixes = ['再次', '又', '还', '并'];
// Phrases of the list that open fewer than one in ten of their occurrences in the official
// texts: mostly the verb of a sentence ("秘书长继续", "着重指出"), a start only with 又 / 还.
const chineseMostlyInside = new Set(['继续', '指出', '鼓励', '考虑到', '关注', '收到', '感谢', '重视', '赞赏', '希望']);
// A piece that ends with one of these, or with a phrase of the list, goes on into the phrase
// after it ("又|回顾", "，并|强调指出", "赞赏地|注意到", "我们|认识到", "重申|认识到"):
// the places most false starts fell on.
const chineseGoesOn = ['再次', '又', '还', '并', '也', '仍', '同时', '特别', '尤其', '严重', '深为', '地', '这方面', '这一方面', '此方面', '为此', '其中', '我们', '包括', '此外'];
// Phrases of the list that end a PP as nouns ("表示严重关切", "…的重视", "…的吞并"): a piece
// ending with one does not go on into the next phrase.
const chineseNouns = ['关切', '关注', '重视', '吞并'];
let chinesePhrases: string[] | null = null;

/**
 * True when `text` (a chunk without its label, italic markers aside) opens with a Chinese
 * preambular opener: a phrase of the list (回顾, 重申, 深为关切 ...), or any phrase of it
 * after 又, 还, 并 or 再次 (又回顾, 还注意到), any of these after 在这方面 ("in this
 * regard", 在这方面回顾). The phrases the texts mostly use inside a sentence (注意到, 继续,
 * 指出 ...) count only after such a prefix. Never when `before` (the
 * text before the chunk) ends with a word that goes on into it (又, 并, 表示, 我们 ...).
 */
export function opensChinesePreamble(text: string, before: string): boolean {
  chinesePhrases ??= [...phrasesFor('zh', 'preambular')].sort((a, b) => b.length - a.length);
  const tail = tailOf(before);
  if (chineseGoesOn.some((w) => tail.endsWith(w)) || (chinesePhrases.some((p) => tail.endsWith(p)) && !chineseNouns.some((n) => tail.endsWith(n)))) return false;
  // "在这方面" ("in this regard") opens PPs before a phrase of the list ("在这方面回顾",
  // "在这方面，认识到"): skipped, it makes no phrase count that would not count alone.
  const plain = text.replace(/^[*_]+/, '').replace(/^在这方面，?[*_]*/, '');
  const prefix = chinesePrefixes.find((p) => plain.startsWith(p));
  const rest = prefix ? plain.slice(prefix.length).replace(/^[*_]+/, '') : plain;
  const phrase = chinesePhrases.find((p) => rest.startsWith(p));
  return phrase !== undefined && (prefix !== undefined || !chineseMostlyInside.has(phrase));
}

// A Russian gerund: imperfective in -я/-а (after ж, ч, ш, щ) with its reflexive -ясь/-ась
// (ссылаясь, руководствуясь), perfective in -в/-вшись (рассмотрев), and будучи.
const gerund = /^(?:[а-яё]{3,}(?:я|[жчшщ]а|ясь|ась|в|вшись)|будучи)$/;
// Gerunds the 74th-session texts open preambular paragraphs with that the seed list lacks.
const russianSeen = ['поощряя', 'одобряя', 'поддерживая', 'привлекая', 'осознавая', 'воздавая', 'скорбя', 'получив', 'высказываясь', 'рассматривая', 'указывая', 'обращаясь', 'опираясь', 'отмечая', 'подчеркивая'];
// Adverbs before the gerund ("вновь подтверждая", "особо отмечая", "твердо считая").
const russianAdverbs = new Set(['вновь', 'особо', 'высоко', 'решительно', 'настоятельно', 'твердо', 'углубленно', 'глубоко', 'неизменно']);
// The nouns of the "с ..." openers ("с удовлетворением отмечая"): a piece ending with one
// goes on into the gerund; any other "с" phrase ("связанной с разминированием") ends a PP.
const russianFeelings = new Set(['удовлетворением', 'признательностью', 'беспокойством', 'обеспокоенностью', 'озабоченностью', 'интересом', 'сожалением', 'одобрением', 'тревогой']);
const conjunctionEnd = /(?:^|\s)(?:и|а|или|но|а также)$/;
let russianGerunds: Set<string> | null = null;

function gerundsOf(): Set<string> {
  if (!russianGerunds) {
    const words = phrasesFor('ru', 'preambular').flatMap((p) => p.split(' '));
    russianGerunds = new Set([...words, ...russianSeen].filter((w) => gerund.test(w)));
  }
  return russianGerunds;
}

/**
 * True when `text` opens with a Russian preambular opener: a gerund of the list or of the
 * official texts ("признавая", "ссылаясь", "будучи"), after at most two adverbs ("вновь
 * подтверждая") or a "с" phrase of up to two words ("с глубокой озабоченностью отмечая";
 * a Latin "c" typed for "с" too), and not when `before` (the text before the chunk) ends
 * with a conjunction ("… и признавая" goes on one sentence).
 */
export function opensRussianPreamble(text: string, before: string): boolean {
  const tail = tailOf(before);
  // "… и признавая", "вновь | подтверждая", "с удовлетворением | отмечая": one sentence goes on.
  const last = lastWord(tail);
  if (conjunctionEnd.test(tail) || russianAdverbs.has(last) || (russianFeelings.has(last) && /(?:^|\s)[сc](?: \S+)? \S+$/.test(tail))) return false;
  const words = text.slice(0, 200).replace(/^[*_]+/, '').split(' ', 5).map((w) => w.replace(/[*_,]+$/, ''));
  let i = 0;
  if (words[0] === 'с' || words[0] === 'c') {
    // "с удовлетворением", "с глубокой озабоченностью": an instrumental, then the gerund.
    i = /(?:ем|ём|ом|ью|ой|ей|ым|им)$/.test(words[2] ?? '') && !gerundsOf().has(words[2] ?? '') ? 3 : 2;
    if (!/(?:ем|ём|ом|ью|ой|ей|ым|им)$/.test(words[1] ?? '')) return false;
  } else {
    while (i < 2 && russianAdverbs.has(words[i] ?? '')) i++;
  }
  return gerundsOf().has(words[i] ?? '');
}

// The last 60 characters before a chunk, without trailing spaces and emphasis markers
// (a loop: a regex anchored at the end would rescan a long run of spaces from each start).
function tailOf(before: string): string {
  let end = before.length;
  while (end > 0 && /[\s*_]/.test(before.charAt(end - 1))) end--;
  return before.slice(Math.max(0, end - 60), end);
}

function lastWord(text: string): string {
  const space = text.lastIndexOf(' ');
  return text.slice(space + 1);
}

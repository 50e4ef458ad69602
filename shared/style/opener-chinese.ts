/**
 * Chinese opener recognition: the text has no spaces, so an opener is a listed phrase the
 * paragraph starts with, after the words Chinese texts print before the verb: a linking
 * phrase (在这方面 "in this regard", 为此 "to this end", 因此, 与此同时), the also/further
 * prefixes 又 and 还, the renewal 再次 / 又一次 ("again"), and adverbs of manner or degree
 * (遗憾地, 最强烈地, 毫无保留地, 强烈, 特别, 尤其, 仍 ...), as the 74th-session texts write
 * them ("又遗憾地注意到", "强烈敦促", "再次最强烈地谴责").
 */
import type { OpenerAdverb, OpenerMatch, Word } from './openers.js';
import { addresseeOf } from './addressee.js';
import type { OpenerPart } from './types.js';

/** The Chinese phrases of one part, as `phrasesOf` gives them (the caller passes them to avoid an import cycle). */
export type ChinesePhrases = readonly { text: string }[];

// Read past, not part of the opener's key.
const linking = /^(?:在这方面|在此方面|为此|因此|与此同时|同时)[，,]?/u;
// Manner or degree before the verb: part of the key (遗憾地注意到 is not 注意到, as English
// "Noting with regret" is not "Noting"). An adverb in -地 of at most five characters, or a
// listed degree word.
const manner = /^(?:[\p{Script=Han}]{1,5}?地|最|强烈|特别|尤其|仍然|依然|仍|同样|紧急|非常|高度|大力|坚决|一再|深表|深切|严重|极为|断然|突出|迫切|深为)/u;

/**
 * The opener of a Chinese paragraph `text` from `start` for `part`, or null. The longest
 * listed phrase wins at each place; adverbs of manner are skipped (at most three) only where
 * no phrase starts. `key` is the phrase with its manner adverbs, without 又/还/再次.
 * O(length of the opening × phrases).
 */
export function matchChinese(text: string, start: number, part: OpenerPart, phrases: ChinesePhrases): OpenerMatch | null {
  let at = start;
  let adverb: OpenerAdverb | null = null;
  let again = false;
  const link = linking.exec(text.slice(at));
  if (link) at += link[0].length;
  const mark = text.charAt(at);
  if (mark === '又' && !text.startsWith('又一次', at)) {
    adverb = { degree: 'also', from: at, to: at + 1, where: 'before' };
    at++;
  } else if (mark === '还') {
    adverb = { degree: 'further', from: at, to: at + 1, where: 'before' };
    at++;
  }
  for (const renewal of ['再次', '又一次', '再度']) {
    if (text.startsWith(renewal, at)) {
      again = true;
      at += renewal.length;
    }
  }
  const keyFrom = at;
  for (let skipped = 0; ; skipped++) {
    const phrase = phrases.map((p) => p.text).filter((p) => text.startsWith(p, at)).sort((a, b) => b.length - a.length)[0];
    if (phrase) {
      // The word runs from the manner adverbs (so 又 is written before them: 又遗憾地注意到).
      const key = text.slice(keyFrom, at + phrase.length);
      const word: Word = { text: key, lower: key, from: keyFrom, to: at + phrase.length };
      const headed = start > text.length - text.trimStart().length && text.slice(0, start).includes(' \u2014 ');
      const addressee = part === 'op' ? addresseeOf(text, phrase, word.to, 'zh') : null;
      return { part, phrase, known: true, key, addressee, words: [word], from: start, to: word.to, adverb, again, headed };
    }
    const m = skipped < 3 ? manner.exec(text.slice(at)) : null;
    if (!m) return null;
    at += m[0].length;
  }
}

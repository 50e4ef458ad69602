/**
 * The addressee of an operative opener that asks someone to act: "Requests the
 * Secretary-General to report" is addressed to the Secretary-General, "Calls upon all
 * States to ratify" to all States. The repeated-opener rule reads it: an opener repeated
 * for a different addressee is not a repeat. English only for now; French ("Prie le
 * Secrétaire général de") and Spanish ("Solicita al Secretario General que") return null,
 * and the rule then counts every directly repeated opener as before.
 */
import type { StyleLanguage } from './types.js';

// Verbs that take "<addressee> to <verb>" in adopted texts (with an adverb of manner before
// them: "Strongly encourages"); other verbs take an object ("Welcomes the efforts of States
// to ...") whose "to" does not introduce an addressee's action.
const addressing = new Set(['requests', 'calls upon', 'calls on', 'urges', 'invites', 'encourages', 'authorizes', 'appeals to', 'exhorts', 'asks', 'mandates', 'directs', 'instructs', 'entrusts', 'recommends', 'requires', 'demands', 'calls', 'reminds', 'renews its call to', 'reiterates its call upon', 'reiterates its request to', 'reiterates its invitation to']);

// An addressee is a short noun phrase: at most this many words before "to".
const maxWords = 14;

/**
 * The addressee of the operative opener `key` (lower-case phrase, adverbs removed) in
 * `text`, whose opener ends at `end`: the words between the opener and the first " to "
 * followed by a word, up to a first comma ("Requests the Secretary-General, in consultation
 * with ..., to" is addressed to the Secretary-General), lower-cased with spaces collapsed;
 * when the opener is one that addresses someone, no ; : ( ) stands before "to" and the
 * addressee has 1 to 14 words; otherwise null. O(length of the words read).
 */
export function addresseeOf(text: string, key: string, end: number, language: StyleLanguage): string | null {
  if (language !== 'en') return null;
  const verb = key.replace(/^(?:also|further|strongly|once again|again)\s+/, '');
  if (!addressing.has(verb) && !addressing.has(verb.split(' ').slice(-1)[0] ?? '')) return null;
  const window = text.slice(end, end + 240);
  const match = /^\s+([^;:()\u200b]*?)\s+to\s+\p{L}/u.exec(window);
  if (!match) return null;
  // "Requests the Secretary-General, in consultation with ..., to": the addressee ends at the comma.
  const words = ((match[1] ?? '').split(',')[0] ?? '').trim().toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > maxWords) return null;
  return words.join(' ');
}

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
const maxWords = 30;

// A comma-separated part that qualifies rather than names ("in consultation with ...",
// "as appropriate", "individually and collectively", "within their mandates").
const qualifier = /^(?:in|within|as|with|through|including|inter alia|individually|collectively|where|when|if|upon|on|at|for|by|consistent|taking|bearing|particularly|especially|notably|once|again|also|further|in particular|acting|drawing|building|while)\b/;

/**
 * The addressee of the operative opener `key` (lower-case phrase, adverbs removed) in
 * `text`, whose opener ends at `end`. For an opener that asks someone to act, the words
 * between the opener and the first " to " followed by a word, with parts between commas
 * that qualify rather than name ("in consultation with ...", "as appropriate",
 * "individually", leading or inside) left out and parenthesised acronyms dropped:
 * "Requests the Secretary-General, in consultation with Member States, to" is addressed to
 * "the secretary-general", "Urges Member States, the United Nations and humanitarian
 * organizations, as appropriate, to" to "member states, the united nations and
 * humanitarian organizations". When such an opener names no one ("Encourages further
 * collaboration between ...": no "to", or more than 30 words before it) the result is ""
 * (an object, not an addressee). Other openers, and languages other than English: null.
 * O(length of the words read).
 */
export function addresseeOf(text: string, key: string, end: number, language: StyleLanguage): string | null {
  if (language !== 'en') return null;
  const verb = key.replace(/^(?:also|further|strongly|once again|again)\s+/, '');
  if (!addressing.has(verb) && !addressing.has(verb.split(' ').slice(-1)[0] ?? '')) return null;
  const window = text.slice(end, end + 400).replace(/\s*\([^()]{0,80}\)/g, '');
  // "Requests the Secretary-General:" addresses the subparagraphs' requests to its words.
  const match = /^[\s,]+([^;:\u200b]*?),?\s+to\s+\p{L}/u.exec(window) ?? /^[\s,]+([^;:\u200b]*?)\s*:\s*$/u.exec(window);
  if (!match) return '';
  const parts = (match[1] ?? '').toLowerCase().split(',').map((p) => p.trim().replace(/\s+/g, ' ')).filter((p) => p !== '' && !qualifier.test(p));
  const words = parts.join(', ').split(' ').filter((w) => w !== '');
  if (words.length === 0 || words.length > maxWords) return '';
  return parts.join(', ');
}

/**
 * The addressee of an operative opener that asks someone to act: "Requests the
 * Secretary-General to report" is addressed to the Secretary-General, "Calls upon all
 * States to ratify" to all States. The repeated-opener rule reads it: an opener repeated
 * for a different addressee is not a repeat. English reads the whole addressee; the other
 * languages compare the first words after the verb (see `addresseeNear`).
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
  if (language !== 'en') return addresseeNear(text, key, end, language);
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

// The verbs that ask someone to act in the other official languages (folded, as the phrase
// lists write them).
const addressingElsewhere: Partial<Record<StyleLanguage, ReadonlySet<string>>> = {
  fr: new Set(['prie', 'demande', 'engage', 'exhorte', 'invite', 'encourage', 'demande instamment', 'prie instamment', 'appelle', 'recommande', 'autorise', 'charge', 'engage vivement']),
  es: new Set(['solicita', 'pide', 'exhorta', 'insta', 'invita', 'alienta', 'recomienda', 'autoriza', 'encomienda', 'exhorta encarecidamente', 'insta encarecidamente']),
  ru: new Set(['просит', 'призывает', 'настоятельно призывает', 'предлагает', 'рекомендует', 'поощряет', 'уполномочивает', 'вновь призывает', 'вновь просит', 'вновь предлагает']),
  ar: new Set(['تطلب', 'تهيب', 'تحث', 'تدعو', 'تشجع', 'توصي', 'تأذن', 'تناشد']),
  zh: new Set(['请', '促请', '敦促', '邀请', '鼓励', '吁请', '呼吁', '授权', '建议']),
};

// Where an addressee ends in the other languages: the word that introduces what is asked
// ("à"/"de" + infinitive, "a que", "que", an infinitive, "أن", "على").
const addresseeEnd: Partial<Record<StyleLanguage, (word: string, next: string) => boolean>> = {
  fr: (w, next) => w === 'à' || w === 'que' || /^qu’/u.test(w) || (/^d’\p{L}+(?:er|ir|re|oir)$/u.test(w)) || (w === 'de' && /^\p{L}+(?:er|ir|re|oir)$/u.test(next)),
  es: (w) => w === 'a' || w === 'que' || w === 'para',
  ru: (w) => /^\p{L}{2,}(?:ть|ти|ться|тись)$/u.test(w) || w === 'что',
  ar: (w) => w === 'أن' || w === 'على' || w === 'بأن',
};

/**
 * The addressee of an opener that asks someone to act, in French, Spanish, Russian, Arabic
 * and Chinese: the words after the opener up to the word that introduces what is asked (at
 * most eight, Arabic three; see `addresseeEnd`), lower-cased; Chinese: three characters, and three more
 * after 和, 、, 及 or 与 (another addressee joined); Spanish only after "a"/"al", which marks
 * a person. "Prie le Secrétaire général de" and "Prie les États Membres de" differ, as do
 * "Alienta a los Estados Miembros a que" and "Alienta a los Estados Miembros y a las
 * organizaciones"; 请秘书长 and 请会员国 differ. Null for other openers. O(1) words read.
 */
function addresseeNear(text: string, key: string, end: number, language: StyleLanguage): string | null {
  if (!addressingElsewhere[language]?.has(key)) return null;
  const rest = text.slice(end, end + 160).replace(/^[\s,،，]+/u, '');
  if (language === 'zh') return /^.{3}[和、及与]/u.test(rest) ? rest.slice(0, 7) : rest.slice(0, 3);
  // Spanish marks a person addressed with "a"/"al" ("Solicita al Secretario General que");
  // "Solicita un informe" asks for an object.
  if (language === 'es' && !/^(?:a|al)\s/iu.test(rest)) return null;
  const words = rest.toLowerCase().split(/[\s,،;؛:.。，；：]+/u).filter((w) => w !== '').slice(0, 9);
  const stop = addresseeEnd[language];
  const out: string[] = [];
  // Arabic runs a verbal noun on after the addressee ("تطلب إلى الأمين العام تقديم تقرير"): three words at most.
  const most = language === 'ar' ? 3 : 8;
  for (let i = 0; i < words.length && out.length < most; i++) {
    const w = words[i] ?? '';
    if (i > 0 && stop?.(w, words[i + 1] ?? '')) break;
    out.push(w);
  }
  return out.join(' ');
}

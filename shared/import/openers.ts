/**
 * Detection of a paragraph's italic opening phrase when the text carries no `*...*`
 * markers: a built-in list of common phrases plus conservative morphology (an -ing
 * participle, "Having <participle>", a verb in the third person). Nothing matches ->
 * no opener: a missing italic is better than a wrong one.
 */

/** Which opener grammar applies: 'pp' participle/adjective phrase; 'op' verb phrase (OPs and decision paragraphs). */
export type OpenerKind = 'pp' | 'op';

type Word = { text: string; lower: string; end: number };

const opAdverbs = new Set(['also', 'further', 'strongly', 'firmly', 'fully', 'warmly', 'deeply', 'urgently', 'again', 'once', 'earnestly', 'emphatically', 'solemnly', 'resolutely']);
const opVerbs = new Set(
  ('acknowledges accepts adopts affirms agrees appeals applauds appreciates approves asks authorizes believes calls commends ' +
    'concurs condemns confirms congratulates considers decides declares deems demands deplores designates determines directs ' +
    'draws elects emphasizes encourages endorses entrusts establishes expresses extends highlights invites notes pays proclaims ' +
    'proposes reaffirms recalls recognizes recommends regrets reiterates rejects reminds renews requests resolves stresses ' +
    'supports takes transmits underlines underscores undertakes urges welcomes wishes').split(' '),
);
const opStopWords = new Set(
  ('this its his has was is as thus states members parties nations countries governments organizations resolutions decisions ' +
    'delegations ministers persons women peoples rights efforts measures progress business access address success process ' +
    'illness witness series news means status analysis basis thesis crisis towards afterwards others always perhaps ' +
    'sometimes whereas besides').split(' '),
);
const ppStopWords = new Set(['during', 'including', 'regarding', 'concerning', 'following', 'according', 'nothing', 'something', 'everything', 'king', 'spring', 'beijing', 'morning', 'evening']);
const degree = ['', 'deep ', 'grave ', 'great ', 'serious ', 'profound ', 'sincere ', 'its ', 'its deep ', 'its grave ', 'its sincere ', 'its profound ', 'its serious '];
const feelings = ['appreciation', 'concern', 'satisfaction', 'interest', 'regret', 'gratitude', 'support', 'alarm', 'hope', 'the hope', 'solidarity', 'condolences'];
const withFeeling = degree.flatMap((d) => feelings.map((f) => `with ${d}${f}`));
const expressFeeling = degree.flatMap((d) => feelings.map((f) => `${d}${f}`));

/**
 * Fixed continuations after a verb or participle (its base form). A trailing preposition is
 * never part of the opener: UN texts print "*Takes note* of", "*Mindful* of", and the seed
 * phrase lists and style rules use the same extent.
 */
const continuations: Record<string, string[]> = {
  take: ['note with appreciation', 'note with concern', 'note with satisfaction', 'note with interest', 'note', 'into account', 'into consideration'],
  call: ['upon', 'on', 'for'],
  express: expressFeeling,
  pay: ['tribute'],
  draw: ['the attention', 'attention'],
  bear: ['in mind'],
};

const ppPhrases = [
  'mindful', 'aware', 'fully aware', 'conscious', 'cognizant', 'deeply concerned', 'gravely concerned',
  'seriously concerned', 'concerned', 'convinced', 'firmly convinced', 'alarmed', 'deeply alarmed', 'encouraged',
  'guided', 'determined', 'desirous', 'deeply disturbed', 'disturbed', 'grateful', 'appreciative',
  'welcoming', 'noting', 'recalling', 'considering', 'recognizing', 'reaffirming', 'acknowledging', 'affirming', 'emphasizing',
  'stressing', 'underlining', 'underscoring', 'reiterating', 'praising', 'confident', 'satisfied',
].sort((a, b) => b.length - a.length);

/**
 * Characters of `text` taken by its detected opener (0 when none), never cutting a word.
 * `morphology: false` accepts operative verbs from the built-in list only.
 */
export function detectOpener(text: string, kind: OpenerKind, morphology = true): number {
  const words = leadingWords(text, 8);
  const first = words[0];
  if (!first || !/^\p{Lu}/u.test(first.text)) return 0;
  const count = kind === 'op' ? opPhrase(words, morphology) : ppPhrase(words);
  return count === 0 ? 0 : (words[count - 1]?.end ?? 0);
}

/** True when `text` opens like a paragraph of either kind (used to tell paragraph breaks from wrapped lines). */
export function startsLikeParagraph(text: string): boolean {
  return text.startsWith('*') || detectOpener(text, 'pp') > 0 || detectOpener(text, 'op', false) > 0;
}

function opPhrase(words: Word[], morphology: boolean): number {
  let i = 0;
  while (i < words.length - 1 && opAdverbs.has(words[i]?.lower ?? '')) i++;
  const verb = words[i]?.lower ?? '';
  const known = opVerbs.has(verb);
  const morphological = morphology && /^[a-z]{4,}s$/.test(verb) && !/(?:ss|us|is|ys)$/.test(verb) && !opStopWords.has(verb);
  if (!known && !morphological) return 0;
  i++;
  return i + continuationLength(words, i, verb);
}

function ppPhrase(words: Word[]): number {
  const lowered = words.map((w) => w.lower);
  let i: number;
  if (lowered[0] === 'having' && /^[a-z]{2,}(?:ed|en|ard|ne|et|ught|ade|one)$/.test(lowered[1] ?? '')) i = 2;
  else {
    const joined = lowered.join(' ');
    const phrase = ppPhrases.find((p) => joined === p || joined.startsWith(`${p} `));
    if (phrase) i = phrase.split(' ').length;
    else if (/^[a-z]{3,}ing$/.test(lowered[0] ?? '') && !ppStopWords.has(lowered[0] ?? '')) i = 1;
    else return 0;
  }
  const participle = lowered[i - 1] ?? '';
  i += adverbAfter(lowered, i);
  const more = continuationLength(words, i, participle);
  i += more;
  if (more > 0) i += adverbAfter(lowered, i);
  return i;
}

function adverbAfter(lowered: string[], i: number): number {
  const word = lowered[i];
  if (word === 'also' || word === 'further') return 1;
  if (word === 'once' && lowered[i + 1] === 'again') return 2;
  return 0;
}

// Fixed continuations: the verb's own list, then "with <feeling>" after any verb.
function continuationLength(words: Word[], i: number, verb: string): number {
  const rest = words.slice(i).map((w) => w.lower).join(' ');
  const own = Object.entries(continuations).find(([base]) => [`${base}s`, `${base}es`, `${base}ing`, `${base.replace(/e$/, '')}ing`].includes(verb));
  const found = [...(own?.[1] ?? []), ...(rest.startsWith('with ') ? withFeeling : [])]
    .filter((c) => rest === c || rest.startsWith(`${c} `))
    .sort((a, b) => b.length - a.length)[0];
  return found ? found.split(' ').length : 0;
}

// The first words of `text`, each made of letters, apostrophes or hyphens and separated
// by single spaces; scanning stops at the first other character.
function leadingWords(text: string, max: number): Word[] {
  const words: Word[] = [];
  const pattern = /[\p{L}’'-]+/uy;
  let at = 0;
  while (words.length < max) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) break;
    const end = at + match[0].length;
    words.push({ text: match[0], lower: match[0].toLowerCase(), end });
    if (text.charAt(end) !== ' ') break;
    at = end + 1;
  }
  return words;
}

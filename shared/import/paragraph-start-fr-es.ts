/**
 * Preambular openers of French and Spanish beyond the first words of the seed phrase lists
 * (paragraph-start.ts): the lists name the common openers, but the official texts open PPs
 * with many more participles ("Regrettant", "Jugeant", "S’engageant de nouveau";
 * "Pidiendo", "Confirmando", "Comprometiéndose nuevamente") and a few adjectives
 * ("Déterminée à", "Conocedora de", "Sumamente preocupada"). A capitalised present
 * participle or gerund, an adjective the texts open PPs with, or an adverb in -ment/-mente
 * before either, is a start. Checked on the 74th-session texts at every place a page break
 * could cut a paragraph (each space not after punctuation): the capital letter already
 * keeps a sentence that goes on from starting a paragraph, and the guards below keep the
 * capitalised nouns and names that look like participles ("Représentant spécial",
 * "Commandant de la force", "Orlando") and a piece that ends with a word that goes on.
 */

// Capitalised nouns and names ending like a participle or gerund, which a line cut in the
// middle of a sentence can open with ("du | Représentant spécial", "Comando Conjunto").
const frenchNouns = new Set([
  'Assistant', 'Commandant', 'Consultant', 'Croissant', 'Courant', 'Diamant', 'Dirigeant', 'Enfant', 'Étudiant', 'Fabricant', 'Géant',
  'Habitant', 'Intervenant', 'Levant', 'Lieutenant', 'Migrant', 'Montant', 'Occupant', 'Participant', 'Représentant', 'Restaurant', 'Suppléant', 'Vivant',
]);
const spanishNouns = new Set(['Armando', 'Comando', 'Contrabando', 'Fernando', 'Hernando', 'Orlando', 'Rolando']);

// French present participles (with a reflexive "S’"/"Se" before, "S’engageant"), Spanish
// gerunds (with an enclitic pronoun, "Guiándose", "Comprometiéndose"), at least three
// letters before the ending so that short words ("Mando", "Tanto") do not count.
const frenchParticiple = /^(?:S[’']\p{Ll}|\p{Lu})\p{Ll}{2,}ant$/u;
const spanishGerund = /^\p{Lu}\p{Ll}{2,}(?:ando|iendo|yendo|ándo(?:se|nos)|iéndo(?:se|nos)|yéndo(?:se|nos))$/u;

// Adjectives and past participles the 74th-session texts open PPs with that the seed lists
// lack, both genders (the Assembly is feminine, the Councils masculine), and the feelings
// other sessions' texts open PPs with (consternée, indignée, choquée ...).
const frenchAdjectives = new Set([
  'Déterminé', 'Déterminée', 'Endeuillé', 'Endeuillée', 'Soucieux', 'Soucieuse', 'Persuadé', 'Persuadée', 'Satisfait', 'Satisfaite',
  'Consterné', 'Consternée', 'Indigné', 'Indignée', 'Choqué', 'Choquée', 'Horrifié', 'Horrifiée', 'Attristé', 'Attristée', 'Affligé', 'Affligée',
]);
const spanishAdjectives = new Set([
  'Conocedor', 'Conocedora', 'Decepcionado', 'Decepcionada', 'Determinado', 'Determinada', 'Satisfecho', 'Satisfecha',
  'Consternado', 'Consternada', 'Indignado', 'Indignada', 'Conmocionado', 'Conmocionada', 'Horrorizado', 'Horrorizada', 'Entristecido', 'Entristecida', 'Afligido', 'Afligida',
]);

// A piece ending with one of these goes on into the next word: a PP never ends with an
// article, a preposition, a conjunction (not "una": "cada una" ends one), an opening quotation mark or a word that announces
// a title ("la publicación titulada | Garantizando el equilibrio ...").
const frenchGoesOn = new Set(['«', '“', '"', 'intitulé', 'intitulée', 'intitulés', 'intitulées', 'de', 'du', 'des', 'd’', "d'", 'le', 'la', 'les', 'l’', "l'", 'un', 'une', 'à', 'au', 'aux', 'et', 'ou', 'en', 'par', 'pour', 'sur', 'dans', 'avec', 'que', 'qu’', 'sans', 'entre', 'contre', 'vers', 'ni', 'mais']);
const spanishGoesOn = new Set(['«', '“', '"', 'titulado', 'titulada', 'titulados', 'tituladas', 'denominado', 'denominada', 'de', 'del', 'el', 'la', 'los', 'las', 'un', 'a', 'al', 'y', 'e', 'o', 'u', 'en', 'por', 'para', 'con', 'sin', 'sobre', 'entre', 'contra', 'hacia', 'que', 'ni', 'pero']);

/**
 * True when `words` (the first two words of a chunk without its label and italic markers,
 * the first capitalised) open a French (`language` 'fr') or Spanish ('es') preambular
 * paragraph: the first word of a phrase of the seed list (`listed`, "Rappelant",
 * "Consciente"), a capitalised present participle or gerund
 * that is not a noun or a name ("Regrettant", "S’engageant", "Pidiendo", "Guiándose"), an
 * adjective of the texts ("Déterminée", "Conocedora"), or a capitalised adverb in -ment /
 * -mente followed by one of those or by a list word (`listed`, given the capitalised word):
 * "Particulièrement préoccupée", "Sumamente preocupada". False when `before` (the text
 * before the chunk) ends with an article, a preposition or a conjunction.
 */
export function opensFrenchSpanishPreamble(words: readonly string[], language: 'fr' | 'es', before: string, listed: (word: string) => boolean): boolean {
  const last = lastWord(before).toLowerCase();
  if ((language === 'fr' ? frenchGoesOn : spanishGoesOn).has(last) || /[’']$/.test(last)) return false;
  const first = words[0] ?? '';
  if (listed(first) || opensAlone(first, language)) return true;
  const adverb = language === 'fr' ? /^\p{Lu}\p{Ll}{3,}ment$/u : /^\p{Lu}\p{Ll}{3,}mente$/u;
  const next = capitalised(words[1] ?? '');
  return adverb.test(first) && next !== '' && (opensAlone(next, language) || listed(next));
}

function opensAlone(word: string, language: 'fr' | 'es'): boolean {
  if (language === 'fr') return (frenchParticiple.test(word) && !frenchNouns.has(word)) || frenchAdjectives.has(word);
  return (spanishGerund.test(word) && !spanishNouns.has(word)) || spanishAdjectives.has(word);
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

// The last word of `text`, trailing spaces and emphasis markers aside (a loop: a regex
// anchored at the end would rescan a long run of spaces from each start).
function lastWord(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s*_]/.test(text.charAt(end - 1))) end--;
  const space = Math.max(text.lastIndexOf(' ', end - 1), text.lastIndexOf('\n', end - 1));
  return text.slice(space + 1, end);
}

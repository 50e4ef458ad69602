/**
 * Converting an opener to the other part's form: a participle for a preambular paragraph
 * ("Recalling"), a verb in the present tense for an operative one ("Recalls"). A conversion
 * is only offered when the result is itself a phrase of the target list, so a suggestion is
 * never invented.
 */
import type { PhraseLanguage } from '../../seeds/types.js';
import { phrasesOf, type OpenerMatch } from './openers.js';
import type { OpenerPart } from './types.js';

// Candidate heads of the other form, from the inflection of the first word.
function candidateHeads(language: PhraseLanguage, head: string, target: OpenerPart): string[] {
  const out: string[] = [];
  const cut = (suffix: string): string | null => (head.endsWith(suffix) ? head.slice(0, -suffix.length) : null);
  if (language === 'en') {
    if (target === 'pp') {
      const s = cut('s');
      const es = cut('es');
      const ies = cut('ies');
      if (s !== null) out.push(`${s}ing`, `${s.replace(/e$/, '')}ing`);
      if (es !== null) out.push(`${es}ing`);
      if (ies !== null) out.push(`${ies}ying`);
    } else {
      const ing = cut('ing');
      if (ing !== null) out.push(`${ing}s`, `${ing}es`, ing.replace(/y$/, 'ies'));
    }
  } else if (language === 'fr') {
    if (target === 'pp') {
      const e = cut('e');
      if (e !== null) out.push(`${e}ant`);
    } else {
      const ant = cut('ant');
      // "Notant" -> "Note", and with a doubled consonant "Rappelant" -> "Rappelle".
      if (ant !== null) out.push(`${ant}e`, `${ant}${ant.slice(-1)}e`);
    }
  } else if (target === 'pp') {
    const a = cut('a');
    const e = cut('e');
    if (a !== null) out.push(`${a}ando`);
    if (e !== null) out.push(`${e}iendo`);
  } else {
    const ando = cut('ando');
    const iendo = cut('iendo');
    if (ando !== null) out.push(`${ando}a`);
    if (iendo !== null) out.push(`${iendo}e`);
  }
  return [...new Set(out)];
}

/**
 * The phrase of `target`'s list that corresponds to `match` (an opener of the other part),
 * or null when none does: "Recalling" -> "Recalls", "Notes with concern" -> "Noting with
 * concern", "Mindful" -> null.
 */
export function otherPartPhrase(language: PhraseLanguage, match: OpenerMatch, target: OpenerPart): string | null {
  if (language !== 'en' && language !== 'fr' && language !== 'es') return null;
  const [head, ...rest] = match.words.map((w) => w.lower);
  if (head === undefined) return null;
  const phrases = phrasesOf(language, target);
  for (const candidate of candidateHeads(language, head, target)) {
    const words = [candidate, ...rest];
    const found = phrases.find((p) => p.words.length === words.length && p.words.every((w, i) => w === words[i]));
    if (found) return found.text;
  }
  return null;
}

/**
 * Words that intensify an opener without changing it, per language, and the renewal words
 * that mark a renewed use as "also" does. The phrase after the intensifiers is the opener:
 * "Deeply disappointed", "Strongly deploring", "Being gravely concerned", "Once again
 * urges"; French "Profondément préoccupée", Spanish "Profundamente alarmada", Russian
 * "решительно подтверждает", "самым решительным образом осуждает", "с глубокой
 * обеспокоенностью отмечая" (the forms the 74th-session texts write before a listed phrase).
 */
import type { PhraseLanguage } from '../../seeds/types.js';
import type { Word } from './openers.js';

/** Renewal words per language ("once again", "une fois de plus", "вновь"), as folded words. */
export const renewal: Readonly<Record<PhraseLanguage, readonly (readonly string[])[]>> = {
  en: [['once', 'again'], ['once', 'more'], ['again']],
  fr: [['une', 'fois', 'de', 'plus'], ['une', 'nouvelle', 'fois'], ['de', 'nouveau'], ['à', 'nouveau']],
  es: [['una', 'vez', 'más'], ['nuevamente'], ['de', 'nuevo']],
  ru: [['еще', 'раз'], ['ещё', 'раз'], ['вновь']],
  ar: [['مرة', 'أخرى']],
  zh: [],
};

// An adverb of manner: English -ly, French -ment, Spanish -mente, Russian -о
// ("решительно", "настоятельно", "глубоко"), at least three letters before the ending.
const manner: Readonly<Record<PhraseLanguage, RegExp | null>> = {
  en: /^\p{L}{3,}ly$/u,
  fr: /^\p{L}{3,}ment$/u,
  es: /^\p{L}{3,}mente$/u,
  ru: /^\p{L}{3,}о$/u,
  ar: null,
  zh: null,
};

// Russian manner phrases: "самым <adjective> образом" and "с [adjective] <noun>" whose noun
// is in the instrumental ("с глубокой обеспокоенностью", "с интересом", "с сожалением").
function russianPhrase(words: Word[], k: number): number {
  const w = words[k]?.lower;
  if (w === 'самым' && words[k + 2]?.lower === 'образом') return 3;
  if (w !== 'с' && w !== 'c') return 0;
  const instrumental = /(?:ью|ем|ом|ием)$/u;
  if (instrumental.test(words[k + 1]?.lower ?? '')) return 2;
  if (/(?:ой|ым|им)$/u.test(words[k + 1]?.lower ?? '') && instrumental.test(words[k + 2]?.lower ?? '')) return 3;
  return 0;
}

/**
 * How many leading `words` intensify the opener (at most three manner words or phrases,
 * renewal words aside), and whether a renewal word is among them.
 */
export function intensifierLength(words: Word[], language: PhraseLanguage): { length: number; again: boolean } {
  let k = 0;
  let again = false;
  let intensifiers = 0;
  for (;;) {
    const r = renewal[language].find((seq) => seq.every((w, i) => words[k + i]?.lower === w));
    if (r) {
      k += r.length;
      again = true;
      continue;
    }
    const w = words[k];
    const phrase = language === 'ru' ? russianPhrase(words, k) : 0;
    if (w && intensifiers < 3 && (phrase > 0 || manner[language]?.test(w.lower) || (language === 'en' && w.lower === 'being'))) {
      k += Math.max(1, phrase);
      intensifiers++;
      continue;
    }
    return { length: k, again };
  }
}

// French, Spanish and Arabic qualify the same way ("Rappelant avec satisfaction", "Rappelant en
// particulier", "Recordando con aprecio", "Recordando en particular").
/** Qualifiers that make an opener another one ("Noting with concern", "Rappelant en particulier"), per language: `with` + [degree] + feeling, or a focus phrase. */
export const qualifiers: Partial<Record<PhraseLanguage, { with: string; feelings: Set<string>; degrees: Set<string>; focus: string[][] }>> = {
  en: {
    with: 'with',
    feelings: new Set(['concern', 'satisfaction', 'appreciation', 'approval', 'regret', 'interest', 'alarm', 'gratitude']),
    degrees: new Set(['grave', 'deep', 'great', 'serious', 'particular', 'profound', 'deepest', 'utmost', 'growing']),
    focus: [['in', 'particular'], ['in', 'this', 'regard'], ['in', 'that', 'regard'], ['in', 'this', 'context'], ['in', 'this', 'respect']],
  },
  fr: {
    with: 'avec',
    feelings: new Set(['satisfaction', 'préoccupation', 'inquiétude', 'intérêt', 'regret', 'gratitude', 'appréciation', 'reconnaissance', 'consternation']),
    degrees: new Set(['une', 'grande', 'profonde', 'vive', 'la', 'plus', 'grave']),
    focus: [['en', 'particulier'], ['à', 'cet', 'égard'], ['à', 'ce', 'propos'], ['dans', 'ce', 'contexte']],
  },
  es: {
    with: 'con',
    feelings: new Set(['satisfacción', 'preocupación', 'aprecio', 'interés', 'pesar', 'gratitud', 'reconocimiento', 'alarma', 'beneplácito']),
    degrees: new Set(['gran', 'profunda', 'grave', 'suma', 'honda']),
    focus: [['en', 'particular'], ['a', 'este', 'respecto'], ['en', 'este', 'sentido'], ['en', 'este', 'contexto']],
  },
  // Arabic: "تلاحظ مع القلق", "تلاحظ بقلق بالغ", "تشجع في هذا الصدد".
  ar: {
    with: 'مع',
    feelings: new Set(['القلق', 'التقدير', 'الارتياح', 'الأسف', 'الاهتمام', 'الامتنان']),
    degrees: new Set(['بالغ', 'شديد']),
    focus: [['في', 'هذا', 'الصدد'], ['بوجه', 'خاص'], ['على', 'وجه', 'الخصوص'], ['بقلق', 'بالغ'], ['بقلق']],
  },
};

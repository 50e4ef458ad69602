/**
 * The document conventions of the six official languages as data (conventions.json beside
 * this file), taken from the official 74th-session Akoma Ntoso texts and checked against
 * them by bench/language-conventions.ts. Read by shared/document/labels.ts (labels) and the
 * text importer (body lines, labels, punctuation).
 */
import data from './conventions.json' with { type: 'json' };

/** The six official language codes, as in `header.attrs.language`. */
export type ConventionLanguage = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';

/**
 * One language's conventions. Templates use `{n}` (a number) and `{x}` (a letter label):
 * `operative` ("{n}." or Arabic "{n} -"), `lettered` ("({x})" or "{x})"), `numeral` (the
 * (i) level: "({n})" roman, Chinese "㈠", Arabic "’1‘"). `letters` is "latin" (a..z) or the
 * language's own sequence; past its end a letter repeats, joined by `letterRepeat` ("aa",
 * Arabic "أ أ"). `bodyLines` are authoring body lines as the texts print them, `bodyPrefix`
 * and `organWords` what any body line of the language starts with and names, `notInBody`
 * words (Chinese verbs) that tell a paragraph ending in an organ's name from a body line. `ppFirst` and
 * `ppNext` are the Arabic preambular particles (إذ, وإذ), `also`/`further` the words of the
 * second and third use of an opener (Chinese prefixes 又 and 还), `ppEnd`, `opEnd` and
 * `lastEnd` the final punctuation of a PP, an OP and the last OP.
 */
export type LanguageConventions = {
  operative: string;
  letters: 'latin' | string[];
  letterRepeat: string;
  lettered: string;
  numeral: string;
  numeralStyle: 'roman' | 'digits' | 'circled-ideograph';
  bodyLines: string[];
  bodyPrefix: string;
  organWords: string[];
  notInBody: string[];
  ppFirst: string;
  ppNext: string;
  also: string;
  further: string;
  ppEnd: string;
  opEnd: string;
  lastEnd: string;
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** The conventions of every official language (frozen, shared by all readers). */
export const conventions: Readonly<Record<ConventionLanguage, Readonly<LanguageConventions>>> = deepFreeze(
  data.languages as Record<ConventionLanguage, LanguageConventions>,
);

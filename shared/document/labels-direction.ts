/**
 * The writing direction of a language, as a rule rather than a list of cases: the language
 * code's likely script (CLDR likely subtags through `Intl.Locale.maximize()`: "ar" -> Arab,
 * "fa" -> Arab, "he" -> Hebr, "zh" -> Hans) decides, and scripts written right to left are a
 * short table of Unicode scripts. Used for the document's direction (the document's language)
 * and open to the interface's (its own language), which are independent.
 */

/** A writing direction, as the HTML `dir` attribute takes it. */
export type TextDirection = 'ltr' | 'rtl';

// Unicode scripts (ISO 15924) written right to left that a language code can resolve to.
const rtlScripts: ReadonlySet<string> = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Samr', 'Mand', 'Yezi']);

// Languages whose likely script the engine cannot tell (an Intl without likely subtags data):
// the right-to-left ones among those people draft in.
const rtlFallback: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb', 'syr']);

// Resolving likely subtags costs ~0.1 ms; the editor asks on every update (its root attributes).
const known = new Map<string, TextDirection>();

/**
 * 'rtl' when `language` (a BCP 47 code: "ar", "ar-EG", "fa", "he", "ur-Arab") is written right
 * to left, else 'ltr'. An explicit script subtag wins ("az-Arab" rtl, "ku-Latn" ltr); a code
 * that is not a valid tag is 'ltr'.
 */
export function textDirection(language: string): TextDirection {
  let direction = known.get(language);
  if (direction === undefined) {
    direction = directionOf(language);
    if (known.size < 256) known.set(language, direction);
  }
  return direction;
}

function directionOf(language: string): TextDirection {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(language);
  } catch {
    return 'ltr';
  }
  const script = locale.script ?? locale.maximize().script;
  if (script) return rtlScripts.has(script) ? 'rtl' : 'ltr';
  return rtlFallback.has(locale.language) ? 'rtl' : 'ltr';
}

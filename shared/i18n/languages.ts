/**
 * The interface languages the app has catalogues for, how the interface language is chosen,
 * and which way its text runs. The interface language is the app's own (menus, dialogs,
 * help); a document's language is its own attribute and does not follow it.
 */

/** One interface language: its BCP 47 code and its name as its speakers write it (shown in the picker). */
export type InterfaceLanguage = { code: string; name: string };

/** The interface languages with a catalogue under shared/i18n/locales/, English first (the fallback). */
export const interfaceLanguages: readonly InterfaceLanguage[] = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
];

/** The language every missing key and every unsupported choice falls back to. */
export const fallbackLanguage = 'en';

// Scripts written right to left (ISO 15924). The direction follows from the language's likely
// script (Intl.Locale maximize), so an Arabic, Hebrew or Persian catalogue needs no code here.
const rtlScripts = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Mend']);

/** The base language of a BCP 47 tag ('fr-CA' -> 'fr'), or undefined when the tag is not well formed. */
export function baseLanguage(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).language;
  } catch {
    return undefined;
  }
}

/** 'rtl' for a language whose likely script runs right to left (ar, he, fa, ur, ...), else 'ltr'. */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  try {
    const script = new Intl.Locale(tag).maximize().script;
    return script !== undefined && rtlScripts.has(script) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** True when `code` names a language in {@link interfaceLanguages}. */
export function isInterfaceLanguage(code: string): boolean {
  return interfaceLanguages.some((l) => l.code === code);
}

/**
 * The interface language to use: the stored choice when it has a catalogue, else the first
 * system language (navigator.languages, the OS locale) whose base language has one, else
 * English. `fr-CA` picks `fr`; `de-DE` falls through to the next system language.
 */
export function pickInterfaceLanguage(stored: string | null | undefined, systemLanguages: readonly string[]): string {
  if (stored && isInterfaceLanguage(stored)) return stored;
  for (const tag of systemLanguages) {
    const base = baseLanguage(tag);
    if (base && isInterfaceLanguage(base)) return base;
  }
  return fallbackLanguage;
}

import { useTranslation } from 'react-i18next';
import { initReactI18next } from 'react-i18next';
import type { TFunction } from 'i18next';
import { createI18n } from '../../shared/i18n/create.js';
import { pickInterfaceLanguage, textDirection } from '../../shared/i18n/languages.js';

/**
 * The renderer's interface language: one i18next instance over shared/i18n's catalogues,
 * started in the system language (navigator.languages, English when none has a catalogue)
 * and switched by {@link applyInterfaceLanguage} once the stored preference is known.
 *
 * Usage: in a component, `const { t } = useT();` then `t('profile:title')` or
 * `t('common:documents', { count })`; the component re-renders when the language changes.
 * Outside components (alerts, strings built in .ts helpers) call {@link t} at the moment the
 * string is needed, never at module load (a constant would keep the first language).
 */
export const i18n = createI18n(pickInterfaceLanguage(null, systemLanguages()));
i18n.use(initReactI18next);
// initReactI18next registers itself on init; the instance is already initialised, so hand it over.
initReactI18next.init(i18n);
setDocumentLanguage(i18n.language);
i18n.on('languageChanged', setDocumentLanguage);

/** Translates a namespaced key (`'ns:key'`) in the current interface language; for code outside components. */
export const t: TFunction = i18n.t.bind(i18n) as TFunction;

/** The translate function and the current interface language, re-rendering the component when it changes. */
export function useT(): { t: TFunction; language: string } {
  const { t: translate, i18n: instance } = useTranslation();
  return { t: translate, language: instance.language };
}

/**
 * Switches the interface to the stored preference (`null`: the system language, as at start)
 * and sets `<html lang dir>` from it. Returns the language in use.
 */
export async function applyInterfaceLanguage(stored: string | null): Promise<string> {
  const language = pickInterfaceLanguage(stored, systemLanguages());
  if (i18n.language !== language) await i18n.changeLanguage(language);
  return language;
}

/** Names joined as the interface language lists them: "A", "A and B", "A, B and C" (Intl.ListFormat; "A, B et C" in French). */
export function listOf(names: readonly string[]): string {
  return new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(names);
}

/**
 * A record whose values are read from the catalogue when they are read (`prefix` + key), so a
 * module-level table of names (`kindNames[kind]`) follows the interface language.
 */
export function translatedRecord<K extends string>(keys: readonly K[], prefix: string): Readonly<Record<K, string>> {
  const record = {} as Record<K, string>;
  for (const key of keys) Object.defineProperty(record, key, { enumerable: true, get: () => i18n.t(`${prefix}${key}`) });
  return record;
}

function systemLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

// The page's language and direction follow the interface's (the document's own are set on the editor).
function setDocumentLanguage(language: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.documentElement.dir = textDirection(language);
}

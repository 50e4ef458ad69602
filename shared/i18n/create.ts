import { createInstance, type i18n as I18n } from 'i18next';
import { catalogues, namespaces } from './catalogues.js';
import { fallbackLanguage, interfaceLanguages } from './languages.js';

/**
 * A fresh i18next instance over the app's catalogues (every namespace of every interface
 * language, loaded synchronously: they are bundled), set to `language` and falling back to
 * English for a key a catalogue lacks. Keys are written with their namespace, `t('profile:title')`.
 * Plurals follow the language's CLDR rules through Intl.PluralRules (French 'one' is 0 and 1):
 * a catalogue gives `key_one` / `key_other` (and `_many` where the language has it) and the
 * code calls `t('ns:key', { count })`. Values are not HTML-escaped: React escapes what it renders.
 * Usable in the renderer and in electron/main alike (no DOM, no Node).
 */
export function createI18n(language: string): I18n {
  const instance = createInstance();
  void instance.init({
    resources: catalogues,
    lng: language,
    fallbackLng: fallbackLanguage,
    supportedLngs: interfaceLanguages.map((l) => l.code),
    ns: [...namespaces],
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

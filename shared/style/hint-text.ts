/**
 * The sentences of style hints that come from the interface catalogues (namespace `app`,
 * section `styleHints`): a rule gives a key and values, the problem's `message` is the
 * English sentence, and `hint` keeps the key and values so that an interface in another
 * language can say it in its own words (`hintText(hint, 'fr')`).
 */
import type { i18n as I18n } from 'i18next';
import { createI18n } from '../i18n/create.js';

/** A catalogue sentence: its key under `app:styleHints.` and its {{values}}. */
export type HintKey = { key: string; values: Record<string, string> };

const instances = new Map<string, I18n>();

/** The sentence of `hint` in the interface language `language` (English by default). */
export function hintText(hint: HintKey, language = 'en'): string {
  let instance = instances.get(language);
  if (!instance) {
    instance = createI18n(language);
    instances.set(language, instance);
  }
  return instance.t(`app:styleHints.${hint.key}`, hint.values);
}

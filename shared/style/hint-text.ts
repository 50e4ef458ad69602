/**
 * The sentences of the style checker's problems and quick fixes come from the interface
 * catalogues (namespace `app`, section `styleHints`): a rule gives a key and values, the
 * problem's `message` and the fix's `label` are the English sentences (for the CLI, exports
 * and logs), and `hint` keeps the key and values so that an interface in another language
 * says it in its own words (`hintText(hint, 'fr')`). A value is either document text, shown
 * as written (an opener, a mark, a date), or itself a hint: a word of the interface (a part
 * name, a mark's name, the reason of a rule) translated with the sentence.
 */
import type { i18n as I18n } from 'i18next';
import { createI18n } from '../i18n/create.js';

/** A value of a hint: document text as written, or a catalogue hint translated in turn. */
export type HintValue = string | HintKey;

/**
 * A catalogue sentence: its key under `app:styleHints.` and its {{values}}; a key with a
 * namespace (`formats:notes.movedText`, a sentence another module wrote) is used as it is.
 */
export type HintKey = { key: string; values: Record<string, HintValue> };

const instances = new Map<string, I18n>();

/** The hint `key` with `values` (shorthand for rules). */
export function hint(key: string, values: Record<string, HintValue> = {}): HintKey {
  return { key, values };
}

/**
 * The sentence of `hint` in the interface language `language` (English by default); values
 * that are hints are translated first, at any depth.
 */
export function hintText(hint: HintKey, language = 'en'): string {
  let instance = instances.get(language);
  if (!instance) {
    instance = createI18n(language);
    instances.set(language, instance);
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(hint.values)) values[name] = typeof value === 'string' ? value : hintText(value, language);
  return instance.t(hint.key.includes(':') ? hint.key : `app:styleHints.${hint.key}`, values);
}

/** Every catalogue key `hint` uses: its own and those of hint values, at any depth. */
export function hintKeys(hint: HintKey): string[] {
  const keys = [hint.key];
  for (const value of Object.values(hint.values)) if (typeof value !== 'string') keys.push(...hintKeys(value));
  return keys;
}

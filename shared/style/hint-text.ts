/**
 * The sentences of the style checker's problems and quick fixes come from the interface
 * catalogues (namespace `app`, section `styleHints`): a rule gives a key and values, the
 * problem's `message` and the fix's `label` are the English sentences (for the CLI, exports
 * and logs), and `hint` keeps the key and values so that an interface in another language
 * says it in its own words (`hintText(hint, 'fr')`). A value is either document text, shown
 * as written (an opener, a mark, a date), or itself a hint: a word of the interface (a part
 * name, a mark's name, the reason of a rule) translated with the sentence.
 */
import { messageText, type Message } from '../i18n/message.js';

/** A value of a hint: document text as written, or a catalogue hint translated in turn. */
export type HintValue = string | HintKey;

/**
 * A catalogue sentence: its key under `app:styleHints.` and its {{values}}; a key with a
 * namespace (`formats:notes.movedText`, a sentence another module wrote) is used as it is.
 */
export type HintKey = { key: string; values: Record<string, HintValue> };

/** The hint `key` with `values` (shorthand for rules). */
export function hint(key: string, values: Record<string, HintValue> = {}): HintKey {
  return { key, values };
}

/**
 * The sentence of `hint` in the interface language `language` (English by default); values
 * that are hints are translated first, at any depth. The catalogues answer through
 * messageText, so each language has one i18next instance for hints and messages alike.
 */
export function hintText(hint: HintKey, language = 'en'): string {
  return messageText(hintMessage(hint), language);
}

// The hint as a message: a bare key is a style hint's, a key with a namespace stays as it is.
function hintMessage(hint: HintKey): Message {
  const values: Record<string, string | Message> = {};
  for (const [name, value] of Object.entries(hint.values)) values[name] = typeof value === 'string' ? value : hintMessage(value);
  return { key: hint.key.includes(':') ? hint.key : `app:styleHints.${hint.key}`, values };
}

/** Every catalogue key `hint` uses: its own and those of hint values, at any depth. */
export function hintKeys(hint: HintKey): string[] {
  const keys = [hint.key];
  for (const value of Object.values(hint.values)) if (typeof value !== 'string') keys.push(...hintKeys(value));
  return keys;
}

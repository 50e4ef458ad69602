/**
 * A sentence of the interface that is made far from the screen that shows it: an import
 * warning written by a format reader, an error thrown in the backend. The code that makes it
 * gives a catalogue key and values; the English sentence (for the CLI, logs and exceptions'
 * `message`) and the sentence in any interface language both come from the catalogues, so a
 * French interface says in French what the backend found.
 *
 * A value is either text shown as written (a file name, a paragraph's words, a number), or
 * itself a message: a word of the interface (a part's name, a reason) translated with the
 * sentence.
 */
import type { i18n as I18n } from 'i18next';
import { createI18n } from './create.js';

/** A value of a message: text or a number shown as written, or a message translated in turn. */
export type MessageValue = string | number | Message;

/** A catalogue sentence: its key with its namespace (`formats:docx.notAZip`) and its {{values}}. */
export type Message = { key: string; values?: Record<string, MessageValue> };

const instances = new Map<string, I18n>();

function instanceFor(language: string): I18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = createI18n(language);
    instances.set(language, instance);
  }
  return instance;
}

/** The message `key` with `values` (shorthand for the code that makes messages). */
export function msg(key: string, values: Record<string, MessageValue> = {}): Message {
  return { key, values };
}

/**
 * The sentence of `message` in the interface language `language` (English by default), its
 * message values translated first, at any depth. A key the catalogues lack gives the key
 * itself (the catalogue test catches that before a user does).
 */
export function messageText(message: Message, language = 'en'): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values ?? {})) {
    values[name] = typeof value === 'object' ? messageText(value, language) : value;
  }
  return instanceFor(language).t(message.key, values);
}

/** Every catalogue key `message` uses: its own and those of its message values, at any depth. */
export function messageKeys(message: Message): string[] {
  const keys = [message.key];
  for (const value of Object.values(message.values ?? {})) if (typeof value === 'object') keys.push(...messageKeys(value));
  return keys;
}

/**
 * True when `value` has a message's shape (a key string, values of strings, finite numbers or
 * messages, at most `depth` deep): for messages that crossed a transport.
 */
export function isMessage(value: unknown, depth = 4): value is Message {
  if (typeof value !== 'object' || value === null || depth < 0) return false;
  const { key, values } = value as { key?: unknown; values?: unknown };
  if (typeof key !== 'string' || key.length === 0 || key.length > 200) return false;
  if (values === undefined) return true;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return false;
  return Object.values(values).every(
    (v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || isMessage(v, depth - 1),
  );
}

/**
 * The text Message a thrown value carries, duck-typed: any error (ours or a module's) whose
 * `text` has a message's shape; undefined otherwise.
 */
export function messageOf(err: unknown): Message | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const text = (err as { text?: unknown }).text;
  return isMessage(text) ? text : undefined;
}

/**
 * What a caught error says, as a value of another message: its `text` Message when it carries
 * one (so it is translated with the sentence around it), else its message as written.
 */
export function causeValue(err: unknown): MessageValue {
  return messageOf(err) ?? (err instanceof Error ? err.message : String(err));
}

import { pickInterfaceLanguage } from '../../shared/i18n/languages.js';
import { messageOf, messageText, msg } from '../../shared/i18n/message.js';

/**
 * What the "could not start" box says when Penholder fails before any window exists (the
 * data folder in use, damaged, from a newer version...). No stored interface preference can
 * be read then, so the language is the system's (`systemLanguages`, e.g. Electron's
 * `app.getLocale()`), English when it has no catalogue. An error carrying a catalogue message
 * (StoreError, LibraryError...) is said in that language; any other shows its own message.
 */
export function startFailure(cause: unknown, systemLanguages: readonly string[]): { title: string; message: string } {
  const language = pickInterfaceLanguage(null, systemLanguages);
  const text = messageOf(cause);
  const message = text ? messageText(text, language) : cause instanceof Error ? cause.message : String(cause);
  return { title: messageText(msg('backend:startup.failed'), language), message };
}

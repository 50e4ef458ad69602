import { messageOf, messageText } from '../../shared/i18n/message.js';
import { i18n } from './index.js';

/**
 * The sentence to show for a caught error, in the interface language: an error that carries a
 * catalogue message as `text` (an ApiError from the backend, any of our error classes) is said
 * in `language` (the current interface language by default; a component passes `useT()`'s
 * `language`, so it re-renders in a new one); any other error shows its own `message`, and a
 * thrown non-error its string. Never empty: an error without words shows the catalogue's
 * "unknown error" sentence.
 */
export function errorText(cause: unknown, language: string = i18n.language): string {
  const text = messageOf(cause);
  if (text) return messageText(text, language);
  const plain = cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : String(cause ?? '');
  return plain.trim() === '' ? messageText({ key: 'backend:unknownError' }, language) : plain;
}

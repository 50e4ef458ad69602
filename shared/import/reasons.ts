/**
 * The reasons a reader gives when it refuses a whole input: its last warnings, as one
 * message the refusal quotes.
 */
import { msg, type Message } from '../i18n/message.js';

/**
 * The last (at most three) of `warnings` as one message, "a; b; c", or a plain "none" when
 * there are none: why no document was complete, as the refusal says it (the latest warnings
 * name the documents skipped).
 */
export function lastReasons(warnings: readonly Message[]): Message {
  const [a, b, c] = warnings.slice(-3);
  if (a && b && c) return msg('formats:list.three', { a, b, c });
  if (a && b) return msg('formats:list.two', { a, b });
  if (a) return a;
  return msg('formats:list.none');
}

import { isMessage, messageOf, messageText, type Message } from '../i18n/message.js';

/**
 * The error of a failed call as both transports carry it. `code` is stable (the renderer
 * branches on it); `message` is the English sentence (logs, the CLI, tests); `text`, when the
 * backend knew the sentence as a catalogue message, lets the interface say it in its own
 * language (a transport drops a `text` that does not have a message's shape).
 */
export type ApiErrorShape = {
  code: 'invalid-argument' | 'not-found' | 'unknown-channel' | 'unauthorized' | 'cancelled' | 'internal';
  message: string;
  text?: Message;
};

/** The stable codes of `ApiErrorShape`. */
export const apiErrorCodes: readonly ApiErrorShape['code'][] = ['invalid-argument', 'not-found', 'unknown-channel', 'unauthorized', 'cancelled', 'internal'];

/**
 * An error raised by a handler or the boundary, carried across both transports as
 * ApiErrorShape. Given a Message, its `message` is the message's English sentence and `text`
 * the message; given a string (an English sentence from an older path or the wire), `text` is
 * the optional third argument.
 */
export class ApiError extends Error {
  /** The sentence as a catalogue message, when known: what the interface shows, in its language. */
  readonly text: Message | undefined;

  /** Creates an error with a stable code and a message for people (a Message, or English text plus an optional Message). */
  constructor(
    readonly code: ApiErrorShape['code'],
    message: string | Message,
    text?: Message,
  ) {
    super(typeof message === 'string' ? message : messageText(message));
    this.name = 'ApiError';
    this.text = typeof message === 'string' ? text : message;
  }
}

/**
 * The ApiError for an error shape that crossed a transport: same code and English message,
 * with `text` only when it has a message's shape (a malformed one is dropped, never shown).
 */
export function apiErrorFromShape(shape: { code: ApiErrorShape['code']; message: string; text?: unknown }): ApiError {
  return new ApiError(shape.code, shape.message, isMessage(shape.text) ? shape.text : undefined);
}

/** The error shape of `text` with `code`: its English sentence as `message`, the message as `text`. */
export function errorShape(code: ApiErrorShape['code'], text: Message): ApiErrorShape {
  return { code, message: messageText(text), text };
}

/**
 * The ApiError with `code` that says what a caught `err` says: its `text` Message when it
 * carries one (our error classes), else its English message as written.
 */
export function apiErrorOf(code: ApiErrorShape['code'], err: unknown): ApiError {
  const text = messageOf(err);
  return text ? new ApiError(code, text) : new ApiError(code, err instanceof Error ? err.message : String(err));
}

import { messageOf, msg } from '../i18n/message.js';
import { ApiError, channelArgs, parseCall, type ApiErrorShape, type Handlers } from './contract.js';

/** The outcome of one call as both transports carry it: a result or an error shape, never a stack trace. */
export type CallResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorShape };

/**
 * Validates a call at the backend boundary (`parseCall`) and runs its handler. Resolves to
 * `{ ok: true, result }`, or `{ ok: false, error }` where an ApiError keeps its code and
 * message and anything else becomes `{ code: 'internal' }` with its message only. Never rejects.
 * `onInternalError` sees the original error of an unexpected failure (for the backend's log).
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  args: unknown,
  onInternalError?: (error: unknown, channel: string) => void,
): Promise<CallResult> {
  try {
    // parseCall's `in` test also accepts inherited names such as 'toString'; own keys only.
    if (typeof channel === 'string' && !Object.hasOwn(channelArgs, channel)) {
      throw new ApiError('unknown-channel', msg('backend:api.unknownChannel', { channel: channel.slice(0, 100) }));
    }
    const call = parseCall(channel, args);
    const handler = handlers[call.channel] as (args: unknown) => Promise<unknown>;
    return { ok: true, result: await handler(call.args) };
  } catch (err) {
    return { ok: false, error: toErrorShape(err, String(channel), onInternalError) };
  }
}

/**
 * The error shape of a thrown value: ApiErrors as they are (code, message, text), anything
 * else as 'internal' with its message, keeping its `text` Message when it has one (any error
 * class of ours carries the sentence as a catalogue message, so the interface can say it in
 * its own language). The backend's handlers have already given an error that says its kind of
 * failure its code (electron/backend/error-codes.ts): what is 'internal' here is not the caller's doing.
 */
export function toErrorShape(err: unknown, channel = '', onInternalError?: (error: unknown, channel: string) => void): ApiErrorShape {
  if (err instanceof ApiError) return withText({ code: err.code, message: err.message }, err.text);
  onInternalError?.(err, channel);
  const message = err instanceof Error ? err.message : String(err);
  return withText({ code: 'internal', message: message || 'Internal error.' }, messageOf(err));
}

function withText(shape: ApiErrorShape, text: ApiErrorShape['text']): ApiErrorShape {
  return text ? { ...shape, text } : shape;
}

import { msg } from '../i18n/message.js';
import { errorShape, type ApiErrorShape } from './api-error.js';
import type { EventName } from './contract.js';
import type { CallResult } from './dispatch.js';

/**
 * The wire format of the WebSocket transport: JSON text frames in which every Uint8Array
 * travels as `{ "$bytes": "<base64>" }`. An object whose only key is `$bytes` is therefore
 * reserved; the contract's argument schemas are strict, so no caller can send one as data.
 */

/** The largest frame either side sends or accepts, in bytes (the server sets `maxPayload` to it). */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;

/** A call from the client; `id` pairs it with its result. */
export type CallFrame = { t: 'call'; id: number; channel: string; args: unknown };

/** The answer to a call: the CallResult of `dispatch` plus the call's id (null if the frame was unreadable). */
export type ResultFrame = { t: 'result'; id: number | null } & CallResult;

/** An event pushed by the server. */
export type EventFrame = { t: 'event'; event: EventName; payload: unknown };

/** Any frame the server sends. */
export type ServerFrame = ResultFrame | EventFrame;

/** Encodes a value as JSON, carrying Uint8Arrays (at any depth) as `{ "$bytes": base64 }`. */
export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? { $bytes: toBase64(v) } : v));
}

/** Decodes what `encodeWire` wrote, turning `{ "$bytes": base64 }` back into Uint8Arrays. Throws on invalid JSON. */
export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const b = (v as { $bytes?: unknown }).$bytes;
      if (keys.length === 1 && typeof b === 'string') return fromBase64(b);
    }
    return v;
  });
}

/**
 * Reads a client frame. Returns the call, or an error shape (with the call id when one could
 * be read) for text that is not JSON or not a call; never throws.
 */
export function parseCallFrame(text: string): CallFrame | { id: number | null; error: ApiErrorShape } {
  let value: unknown;
  try {
    value = decodeWire(text);
  } catch {
    return { id: null, error: errorShape('invalid-argument', msg('backend:transport.frameNotJson')) };
  }
  const frame = (value !== null && typeof value === 'object' ? value : {}) as Partial<CallFrame>;
  const id = typeof frame.id === 'number' && Number.isSafeInteger(frame.id) ? frame.id : null;
  if (frame.t !== 'call' || id === null || typeof frame.channel !== 'string') {
    return { id, error: errorShape('invalid-argument', msg('backend:transport.frameNotCall')) };
  }
  return { t: 'call', id, channel: frame.channel, args: frame.args };
}

/**
 * Reads a server frame on the client. Returns undefined for anything that is not a result or
 * an event (the client ignores it rather than fail every pending call).
 */
export function parseServerFrame(text: string): ServerFrame | undefined {
  let value: unknown;
  try {
    value = decodeWire(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const frame = value as Record<string, unknown>;
  if (frame.t === 'event' && typeof frame.event === 'string') return frame as EventFrame;
  if (frame.t === 'result' && (typeof frame.id === 'number' || frame.id === null) && typeof frame.ok === 'boolean') {
    return frame as ResultFrame;
  }
  return undefined;
}

/** The UTF-8 size of a string in bytes, without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3; // a lone surrogate is sent as U+FFFD, also three bytes
  }
  return bytes;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

// By hand because shared/ must stay pure: Buffer is Node-only and btoa needs a binary string copy.
/** Standard base64 (with padding) of some bytes. */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    let out = '';
    for (let i = start; i < end; i += 3) {
      const a = bytes[i] ?? 0;
      const b = bytes[i + 1] ?? 0;
      const c = bytes[i + 2] ?? 0;
      const n = (a << 16) | (b << 8) | c;
      out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
      out += i + 1 < end ? ALPHABET[(n >> 6) & 63]! : '=';
      out += i + 2 < end ? ALPHABET[n & 63]! : '=';
    }
    parts.push(out);
  }
  return parts.join('');
}

/** The bytes of a standard base64 string; throws on any character or length base64 cannot have. */
export function fromBase64(text: string): Uint8Array {
  // internal: decodeWire turns this into the frameNotJson error shape; it never reaches a person as is
  if (text.length % 4 !== 0) throw new SyntaxError('Invalid base64: length is not a multiple of 4.');
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const ch = text.charCodeAt(i + j);
      const isPad = ch === 61 && i + 4 === text.length && j >= 4 - pad;
      const v = isPad ? 0 : ch < 128 ? (DECODE[ch] ?? -1) : -1;
      // internal: as above, decodeWire's caller reports a malformed frame
      if (v < 0) throw new SyntaxError('Invalid base64 character.');
      n = (n << 6) | v;
    }
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

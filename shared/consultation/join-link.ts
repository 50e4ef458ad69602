/**
 * The join link of a consultation: one string that carries everything a participant's app
 * needs to reach the host and to know it reached the right one, the address (`wss://`), the
 * join code and the SHA-256 fingerprint of the host's TLS certificate:
 *
 *   penholder://join?url=<encodeURIComponent(wss url)>&code=<code>&fp=<64 hex>
 *
 * The QR code, the Copy join link button, the `penholder://` protocol handler and the
 * `penholder host` JSON line all carry this form. Pure: no I/O, no DOM, no Node APIs.
 */
import { msg, type Message } from '../i18n/message.js';
import { groupedFingerprint, parseFingerprint } from '../record/fingerprint.js';
import { ConsultationError } from './errors.js';

/** What a join link carries. `fingerprint` is 64 lowercase hex digits. */
export type JoinLink = { url: string; code: string; fingerprint: string };

/** The scheme and path every join link starts with. */
export const joinLinkPrefix = 'penholder://join';

// A real link is a few hundred characters; anything much longer is not one, and refusing it
// before looking at its content keeps a pasted 10 MB string from costing anything.
const MAX_LINK_LENGTH = 4096;
const MAX_CODE_LENGTH = 64;

const refuse = (key: string, values: Record<string, string | number | Message> = {}) => new ConsultationError(msg(`checks:joinLink.${key}`, values));

/** True when `url` is a `wss://` address with a host (the only transport a host serves). */
function isWssUrl(url: string): boolean {
  if (!/^wss:\/\//i.test(url)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'wss:' && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/** `text` without surrounding whitespace and angle brackets (by hand: no regex can backtrack). */
function unwrap(text: string): string {
  let start = 0;
  let end = text.length;
  const strip = (c: string | undefined): boolean => c === '<' || c === '>' || (c !== undefined && c.trim() === '');
  while (start < end && strip(text[start])) start++;
  while (end > start && strip(text[end - 1])) end--;
  return text.slice(start, end);
}

/**
 * The join link for a host: `url` must be `wss://`, `fingerprint` 64 hex digits (grouped or
 * any case is accepted and written plain), `code` non-empty. Throws a ConsultationError naming the
 * field when one is not, so a host never shows a link its participants would refuse.
 */
export function formatJoinLink(link: JoinLink): string {
  if (!isWssUrl(link.url)) throw refuse('formatNotWss', { url: link.url.slice(0, 80) });
  const fp = parseFingerprint(link.fingerprint);
  if (fp === null) throw refuse('formatFingerprint');
  const code = link.code.trim();
  if (code === '') throw refuse('formatNoCode');
  return `${joinLinkPrefix}?url=${encodeURIComponent(link.url)}&code=${encodeURIComponent(code)}&fp=${fp}`;
}

/**
 * Reads a join link as pasted or handed over by the operating system: surrounding
 * whitespace and angle brackets (`<penholder://join?...>`, as mail clients wrap links) are
 * ignored, the scheme and `join` are case-insensitive, parameters may come in any order.
 * Throws a ConsultationError whose message names what is wrong: too long, not a penholder://join
 * link, a missing `url`, `code` or `fp`, a fingerprint that is not 64 hex digits, an
 * address that is not `wss://`. Linear in the input, and constant for anything over 4 KB.
 */
export function parseJoinLink(text: string): JoinLink {
  if (text.length > MAX_LINK_LENGTH * 4) throw refuse('tooLong', { length: text.length, max: MAX_LINK_LENGTH });
  const trimmed = unwrap(text);
  if (trimmed.length > MAX_LINK_LENGTH) throw refuse('tooLong', { length: trimmed.length, max: MAX_LINK_LENGTH });
  if (trimmed === '') throw refuse('empty');
  if (!/^penholder:/i.test(trimmed)) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1];
    throw scheme ? refuse('otherScheme', { scheme }) : refuse('noScheme');
  }
  const rest = trimmed.slice('penholder:'.length);
  const match = /^\/\/join\/?(\?.*)?$/is.exec(rest);
  if (!match) throw refuse('notJoin');
  const params = new URLSearchParams(match[1] ?? '');
  const url = params.get('url');
  const code = params.get('code');
  const fp = params.get('fp');
  const missing = [url ? null : 'url', code?.trim() ? null : 'code', fp ? null : 'fp'].filter((m) => m !== null);
  if (missing.length > 0) throw refuse('missing', { parts: missingParts(missing) });
  const fingerprint = parseFingerprint(fp!);
  if (fingerprint === null) throw refuse('badFingerprint');
  if (!isWssUrl(url!)) throw refuse('notWss', { url: url!.slice(0, 80) });
  if (code!.trim().length > MAX_CODE_LENGTH) throw refuse('codeTooLong', { length: code!.trim().length, max: MAX_CODE_LENGTH });
  return { url: url!, code: code!.trim(), fingerprint };
}

// The missing parameters as one message value: 'url (the host address), code (the join code)'.
function missingParts(names: string[]): Message {
  const parts = names.map((name) => msg(`checks:joinLink.part.${name}`));
  if (parts.length === 1) return parts[0]!;
  return parts.length === 2 ? msg('checks:joinLink.two', { a: parts[0]!, b: parts[1]! }) : msg('checks:joinLink.three', { a: parts[0]!, b: parts[1]!, c: parts[2]! });
}

/**
 * A code in groups for reading off a projector: letters and digits only, uppercase, groups
 * of four (`7K2Q M9XD ...` -> `['7K2Q', 'M9XD', ...]`). A code of other characters is
 * returned as one group so nothing is hidden.
 */
export function codeGroups(code: string): string[] {
  const plain = code.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[0-9A-Z]+$/.test(plain)) return [code];
  return plain.match(/.{1,4}/g) ?? [];
}

/**
 * The short form of a fingerprint a person compares by eye: its first eight hex digits,
 * uppercase, as `3F2A-9C1B`. Use `groupedFingerprint` for the whole of it.
 */
export function shortFingerprint(fingerprint: string): string {
  return groupedFingerprint(fingerprint.slice(0, 8));
}

import { ApiError } from '../../shared/api/contract.js';
import { parseJoinLink, type JoinLink } from '../../shared/consultation/join-link.js';
import { parseFingerprint } from '../../shared/record/fingerprint.js';
import type { ConsultationRole, ConsultationStatus } from '../../shared/api/contract.js';

/**
 * The words of the consultation UI, as pure functions so they can be tested without a
 * browser: the status line, join links, addresses and error messages.
 */

/** How a role is written for people. */
export const roleNames: Record<ConsultationRole, string> = { facilitator: 'Facilitator', delegation: 'Delegation', observer: 'Observer' };

/** What a role may do, one line for the join dialog. */
export const roleHints: Record<ConsultationRole, string> = {
  facilitator: 'Runs the consultation: agrees and drops brackets, changes paragraph status. Needs the facilitator code.',
  delegation: 'Proposes text, brackets and comments in your delegation’s name. Needs the join code.',
  observer: 'Follows the text without changing it. Needs the join code.',
};

/** The status line of the document bar, in words (never colour alone); '' when not in a consultation on `docId`. */
export function statusLine(status: ConsultationStatus | null, docId: string): string {
  if (!status || status.docId !== docId) return '';
  const pending = status.unsyncedChanges;
  const unsynced = pending > 0 ? ` · ${pending} unsynced ${pending === 1 ? 'change' : 'changes'}` : '';
  switch (status.state) {
    case 'hosting':
      // Who waits in the lobby is a badge beside this line (lobbyBadge), not part of it.
      return `Hosting · ${status.participants.length} connected`;
    case 'waiting':
      return `Waiting for the facilitator to admit you${unsynced}`;
    case 'connected':
      return `Connected${unsynced}`;
    case 'connecting':
      return `Connecting…${unsynced}`;
    case 'reconnecting':
      return `Reconnecting…${unsynced}`;
    case 'offline':
      return `Offline${unsynced}`;
  }
}

/**
 * The address a participant typed, as the WebSocket URL to join: `wss://` is added when no
 * scheme was given (hosts serve encrypted connections only), surrounding spaces and a
 * trailing slash are dropped. Throws an Error for people when it is not a wss:// address
 * with a host; a `ws://` one is refused saying why.
 */
export function normalizeHostUrl(typed: string): string {
  const trimmed = typed.trim().replace(/\/+$/, '');
  if (trimmed === '') throw new Error('Type the address the facilitator shows, e.g. wss://192.168.1.20:4455, or paste the join link.');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `wss://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`“${typed.trim()}” is not an address. It looks like wss://192.168.1.20:4455.`);
  }
  if (url.protocol === 'ws:') throw new Error('Consultations are encrypted: the address starts with wss://, not ws://. Paste the join link the facilitator shares.');
  if (url.protocol !== 'wss:') throw new Error(`The address must start with wss:// (it starts with ${url.protocol}//).`);
  if (url.hostname === '') throw new Error('The address has no host name or IP address.');
  return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}

/** What a pasted join link gave the join dialog: its parts, or why it is not one (in words). */
export type PastedJoinLink = { link: JoinLink; error: null } | { link: null; error: string };

/**
 * Reads what was pasted or typed into the join dialog's address field as a join link: null
 * when it does not look like one (an address being typed), otherwise the link's parts or
 * the reason it is refused (`parseJoinLink`'s words: wrong scheme, a missing part, a
 * fingerprint that is not one, an address that is not wss://).
 */
export function readPastedJoinLink(text: string): PastedJoinLink | null {
  if (!/^[\s<]*penholder:/i.test(text.slice(0, 200))) return null;
  try {
    return { link: parseJoinLink(text), error: null };
  } catch (cause) {
    return { link: null, error: cause instanceof Error ? cause.message : String(cause) };
  }
}

/**
 * The certificate fingerprint typed or pasted by hand (grouped, any case) as the 64 hex
 * digits the backend pins. Throws an Error for people when it is not one.
 */
export function normalizeFingerprint(typed: string): string {
  if (typed.trim() === '') throw new Error('Type the certificate fingerprint the facilitator’s screen shows (or paste the join link, which carries it).');
  const fingerprint = parseFingerprint(typed);
  if (fingerprint === null) throw new Error('The certificate fingerprint is 64 hexadecimal digits (0-9, A-F), as the facilitator’s screen shows it in groups of four.');
  return fingerprint;
}

/**
 * Why joining failed, in words that say what to do: a host certificate that is not the one in
 * the join link (the backend's sentence as is), a key the facilitator refused, a refused
 * code, an unreachable host, or the backend's own message.
 */
export function joinErrorMessage(cause: unknown, url: string, role: ConsultationRole): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  // A pinned certificate that differs is said in the backend's own words: they name both fingerprints.
  if (/certificate is not the one/i.test(message)) return message;
  if (/facilitator (has )?(refused|removed|did not admit)|not admitted|refused (to admit|your key)/i.test(message)) {
    return `The facilitator did not admit this laptop: ${message.replace(/^The host refused to let you in: /, '').replace(/^refused: /, '')}`;
  }
  if (cause instanceof ApiError && cause.code === 'unauthorized') {
    // The host locks out an address after repeated wrong codes, the right one included.
    const wait = /try again in (\d+) s/.exec(message);
    if (wait) return `Too many wrong codes were tried from this computer. Wait ${wait[1]} seconds, then type the code again exactly as shown.`;
    const which = role === 'facilitator' ? 'the facilitator code' : 'the join code';
    const reason = message.replace(/^The host refused to let you in: /, '').trim();
    return `The host refused this code${reason ? `: ${reason.replace(/\.?$/, '.')}` : '.'} Check that you typed ${which} exactly as the facilitator’s screen shows it.`;
  }
  // The backend's own "no answer" already says it in words: no need to quote it.
  if (/^(No answer from|Cannot reach a Penholder host)/.test(message)) {
    return `Could not reach a consultation at ${url}. Check the address and that you are on the same network as the facilitator.`;
  }
  if (/ECONNREFUSED|unreachable|timed? ?out|ENOTFOUND|EHOSTUNREACH|could not connect|cannot connect|closed/i.test(message)) {
    return `Could not reach a consultation at ${url}. Check the address and that you are on the same network as the facilitator. (${message})`;
  }
  return `Joining failed: ${message}`;
}

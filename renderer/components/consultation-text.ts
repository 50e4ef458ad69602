import { ApiError } from '../../shared/api/contract.js';
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
      return `Hosting · ${status.participants.length} connected`;
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
 * The address a participant typed, as the WebSocket URL to join: `ws://` is added when no
 * scheme was given, surrounding spaces and a trailing slash are dropped. Throws an Error for
 * people when it is not a ws:// or wss:// address with a host.
 */
export function normalizeHostUrl(typed: string): string {
  const trimmed = typed.trim().replace(/\/+$/, '');
  if (trimmed === '') throw new Error('Type the address the facilitator shows, e.g. ws://192.168.1.20:4455.');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `ws://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`“${typed.trim()}” is not an address. It looks like ws://192.168.1.20:4455.`);
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new Error(`The address must start with ws:// or wss:// (it starts with ${url.protocol}//).`);
  }
  if (url.hostname === '') throw new Error('The address has no host name or IP address.');
  return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}

/** The text a QR code carries: the address with the code, so one scan gives both. */
export function joinLink(url: string, code: string): string {
  return `${url}?code=${encodeURIComponent(code)}`;
}

/** The address and code of a pasted join link (`joinLink`'s form), or null when `text` is not one. */
export function parseJoinLink(text: string): { url: string; code: string } | null {
  const match = /^\s*(wss?:\/\/[^\s?#]+)\?code=([^\s&#]+)\s*$/i.exec(text);
  if (!match?.[1] || !match[2]) return null;
  try {
    return { url: match[1], code: decodeURIComponent(match[2]) };
  } catch {
    return null;
  }
}

/** Why joining failed, in words that say what to do: a refused code, an unreachable host, or the backend's own message. */
export function joinErrorMessage(cause: unknown, url: string, role: ConsultationRole): string {
  const message = cause instanceof Error ? cause.message : String(cause);
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

import { ApiError } from '../../shared/api/contract.js';
import { parseJoinLink, type JoinLink } from '../../shared/consultation/join-link.js';
import { parseFingerprint } from '../../shared/record/fingerprint.js';
import type { ConsultationRole, ConsultationStatus } from '../../shared/api/contract.js';
import { errorText } from '../i18n/error-text.js';
import { i18n, t, translatedRecord } from '../i18n/index.js';
import { messageOf, messageText } from '../../shared/i18n/message.js';

/**
 * The words of the consultation UI, as pure functions so they can be tested without a
 * browser: the status line, join links, addresses and error messages.
 */

/** How a role is written for people. */
export const roleNames: Readonly<Record<ConsultationRole, string>> = translatedRecord(['facilitator', 'delegation', 'observer'], 'consultation:role.');

/** What a role may do, one line for the join dialog. */
export const roleHints: Readonly<Record<ConsultationRole, string>> = translatedRecord(['facilitator', 'delegation', 'observer'], 'consultation:roleHint.');

/** The status line of the document bar, in words (never colour alone); '' when not in a consultation on `docId`. */
export function statusLine(status: ConsultationStatus | null, docId: string): string {
  if (!status || status.docId !== docId) return '';
  const pending = status.unsyncedChanges;
  const unsynced = pending > 0 ? t('consultation:status.unsynced', { count: pending }) : '';
  switch (status.state) {
    case 'hosting':
      // Who waits in the lobby is a badge beside this line (lobbyBadge), not part of it.
      return t('consultation:status.hosting', { count: status.participants.length });
    case 'waiting':
      return t('consultation:consultationText.waitingForTheFacilitator', { unsynced });
    case 'connected':
      return t('consultation:status.connected', { unsynced });
    case 'connecting':
      return t('consultation:status.connecting', { unsynced });
    case 'reconnecting':
      return t('consultation:status.reconnecting', { unsynced });
    case 'offline':
      return t('consultation:status.offline', { unsynced });
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
  if (trimmed === '') throw new Error(t('consultation:consultationText.typeTheAddressThe'));
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `wss://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(t('consultation:consultationText.isNotAnAddress', { trim: typed.trim() }));
  }
  if (url.protocol === 'ws:') throw new Error(t('consultation:consultationText.consultationsAreEncryptedThe'));
  if (url.protocol !== 'wss:') throw new Error(t('consultation:consultationText.theAddressMustStart', { protocol: url.protocol }));
  if (url.hostname === '') throw new Error(t('consultation:consultationText.theAddressHasNo'));
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
    return { link: null, error: errorText(cause) };
  }
}

/** The status's last error as the interface says it: its message in the interface language when the backend gave one, else its English words. */
export function lastErrorShown(status: Pick<ConsultationStatus, 'lastError' | 'lastErrorText'>): string {
  return status.lastErrorText ? messageText(status.lastErrorText, i18n.language) : status.lastError;
}

/**
 * The certificate fingerprint typed or pasted by hand (grouped, any case) as the 64 hex
 * digits the backend pins. Throws an Error for people when it is not one.
 */
export function normalizeFingerprint(typed: string): string {
  if (typed.trim() === '') throw new Error(t('consultation:consultationText.typeTheCertificateFingerprint'));
  const fingerprint = parseFingerprint(typed);
  if (fingerprint === null) throw new Error(t('consultation:consultationText.theCertificateFingerprintIs'));
  return fingerprint;
}

/**
 * Why joining failed, in words that say what to do: a host certificate that is not the one in
 * the join link (the backend's sentence as is), a key the facilitator refused, a refused
 * code, an unreachable host, or the backend's own message.
 */
export function joinErrorMessage(cause: unknown, url: string, role: ConsultationRole): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  // The backend's message, in the interface language (its English is `message`), and the host's reason inside a refusal.
  const text = messageOf(cause);
  const said = text ? messageText(text, i18n.language) : message;
  const reasonValue = text?.key === 'checks:consultation.refusedEntry' ? text.values?.reason : undefined;
  const reasonShown = reasonValue === undefined ? null : typeof reasonValue === 'object' ? messageText(reasonValue, i18n.language) : String(reasonValue);
  // A pinned certificate that differs is said in the backend's own words: they name both fingerprints.
  if (/certificate is not the one/i.test(message)) return said;
  if (/facilitator (has )?(refused|removed|did not admit)|not admitted|refused (to admit|your key)/i.test(message)) {
    return t('consultation:consultationText.theFacilitatorDidNot', { replace: reasonShown ?? message.replace(/^The host refused to let you in: /, '').replace(/^refused: /, '') });
  }
  if (cause instanceof ApiError && cause.code === 'unauthorized') {
    // The host locks out an address after repeated wrong codes, the right one included.
    const wait = /try again in (\d+) s/.exec(message);
    if (wait) return t('consultation:consultationText.tooManyWrongCodes', { value: wait[1] });
    const which = role === 'facilitator' ? 'the facilitator code' : 'the join code';
    const reason = (reasonShown ?? message.replace(/^The host refused to let you in: /, '')).trim();
    return t('consultation:consultationText.theHostRefusedThis', { value: reason ? `: ${reason.replace(/\.?$/, '.')}` : '.', which });
  }
  // The backend's own "no answer" already says it in words: no need to quote it.
  if (/^(No answer from|Cannot reach a Penholder host)/.test(message)) {
    return t('consultation:consultationText.couldNotReachA', { url });
  }
  if (/ECONNREFUSED|unreachable|timed? ?out|ENOTFOUND|EHOSTUNREACH|could not connect|cannot connect|closed/i.test(message)) {
    return t('consultation:consultationText.couldNotReachA2', { url, message });
  }
  return t('consultation:consultationText.joiningFailed', { message: said });
}

import { useEffect, useState } from 'react';
import type { ApiClient, ConsultationStatus } from '../../shared/api/contract.js';
import { groupedFingerprint } from '../../shared/record/fingerprint.js';
import { messageOf } from '../format.js';
import { parseJoinLink } from '../../shared/consultation/join-link.js';
import { errorText } from '../i18n/error-text.js';
import { readPastedJoinLink, type PastedJoinLink } from './consultation-text.js';
import { i18n, t } from '../i18n/index.js';
import { messageText, type Message } from '../../shared/i18n/message.js';

/**
 * Join links that arrive from outside the page: the desktop shell, asked by the operating
 * system to open a `penholder://join?...` link, loads the app page with `#join=<the link,
 * URI-encoded>` (a same-page navigation when the window is already open, so nothing is
 * lost); the browser shell can be opened the same way. The join dialog then opens filled
 * in, and nothing is joined until the person confirms.
 */

/** The hash key the shell puts a join link under. */
export const joinLinkHashKey = 'join';

/**
 * The join link carried by a page hash (`#join=<encoded link>`), as text to parse, or null
 * when the hash carries none. Over 16 KB is cut (the parser then refuses it by its length).
 */
export function joinLinkFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, '').slice(0, 64 * 1024));
  const link = params.get(joinLinkHashKey);
  return link === null || link.trim() === '' ? null : link.slice(0, 16 * 1024);
}

/**
 * The join link handed to this page, or null: read from the hash when the page opens and
 * whenever it changes; the hash is then cleared so a reload does not open the dialog again.
 * `clear` forgets it once the dialog took it.
 */
export function useIncomingJoinLink(): { link: string | null; clear: () => void } {
  const [link, setLink] = useState<string | null>(null);
  useEffect(() => {
    const take = () => {
      const found = joinLinkFromHash(window.location.hash);
      if (found === null) return;
      setLink(found);
      history.replaceState(history.state, '', window.location.pathname + window.location.search);
    };
    take();
    window.addEventListener('hashchange', take);
    return () => window.removeEventListener('hashchange', take);
  }, []);
  return { link, clear: () => setLink(null) };
}

/**
 * This backend's consultation status, followed while `active`: what the join dialog watches
 * while a join is pending (the host may put the key in its lobby: state 'waiting').
 */
export function useConsultationStatus(api: ApiClient, active: boolean): ConsultationStatus | null {
  const [status, setStatus] = useState<ConsultationStatus | null>(null);
  useEffect(() => {
    if (!active) return setStatus(null);
    let live = true;
    const stop = api.on('consultation.status', (s) => live && setStatus(s));
    api.invoke('consultation.status', {}).then(
      (s) => live && setStatus((now) => now ?? s),
      () => undefined,
    );
    return () => {
      live = false;
      stop();
    };
  }, [api, active]);
  return status;
}

/**
 * The host's sentence about the wait without the title the view already shows
 * ("Waiting for the facilitator to admit you: <why, your key>" -> "<why, your key>"), from the
 * backend's message `text` in the interface language when it has one.
 */
export function waitingDetail(lastError: string, text?: Message): string {
  // The backend's message says the reason apart from the title: shown in the interface language.
  const reason = text?.key === 'checks:consultation.waiting' ? text.values?.reason : undefined;
  const said = reason === undefined ? null : typeof reason === 'object' ? messageText(reason, i18n.language) : String(reason);
  const detail = (said ?? lastError.replace(/^Waiting for the facilitator to admit you[:.]?\s*/i, '')).trim();
  if (detail === '') return t('consultation:consultationJoinLink.theFacilitatorSeesYour');
  return detail.charAt(0).toUpperCase() + detail.slice(1);
}

/** Props of the waiting view. */
export type JoinWaitingProps = { api: ApiClient; status: ConsultationStatus; onStopped: () => void };

/**
 * While the host keeps this laptop in its lobby: says so ("Waiting for the facilitator to
 * admit you", with the host's sentence naming this laptop's key), and offers to stop waiting
 * (leaves the consultation, which ends the pending join).
 */
export function JoinWaiting({ api, status, onStopped }: JoinWaitingProps) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="join-waiting" role="status" aria-live="polite">
      <span className="consultation-dot" aria-hidden="true" />
      <div>
        <p className="join-waiting-title">{t('consultation:consultationJoinLink.waitingForTheFacilitator')}</p>
        <p className="join-waiting-detail">
          {waitingDetail(status.lastError, status.lastErrorText)}{' '}{t('consultation:consultationJoinLink.thisDialogGoesOn')}
        </p>
        {error ? <p className="dialog-error">{error}</p> : null}
        <button
          type="button"
          className="link-button"
          onClick={() =>
            api.invoke('consultation.leave', {}).then(
              () => onStopped(),
              (cause: unknown) => setError(t('consultation:consultationJoinLink.couldNotStopWaiting', { reason: messageOf(cause) })),
            )
          }
        >
          {t('consultation:consultationJoinLink.stopWaiting')}
        </button>
      </div>
    </div>
  );
}

/**
 * The join dialog's address, code and fingerprint fields, with the join link that fills them:
 * `link` (handed over by the shell) fills them at once; `takeLink(text, linkField)` takes what
 * was typed into the Join link field (`linkField` true: anything not a join link is refused
 * with `onError`) or the Address field (a join link pasted there fills all three, anything
 * else is the address). A refused link leaves the fields as they were and says why.
 */
export function useJoinLinkFields(link: string | null, onError: (message: string | null) => void) {
  const first = link === null ? null : readJoinLink(link);
  const [url, setUrl] = useState(first?.link?.url ?? '');
  const [code, setCode] = useState(first?.link?.code ?? '');
  const [fingerprint, setFingerprint] = useState(first?.link ? groupedFingerprint(first.link.fingerprint) : '');
  const [pastedText, setPastedText] = useState(link ?? '');
  const [fromLink, setFromLink] = useState(first?.link != null);
  useEffect(() => {
    if (first?.error) onError(t('consultation:consultationJoinLink.theJoinLinkWas', { error: first.error }));
    // Only the link the dialog opened with: later ones come through takeLink.
  }, []);

  const takeLink = (text: string, linkField: boolean) => {
    const read = linkField && text.trim() !== '' ? readJoinLink(text) : readPastedJoinLink(text);
    if (linkField) setPastedText(text);
    else if (!read) return void (setUrl(text), setFromLink(false));
    if (!read) return onError(null);
    if (read.error !== null) return onError(t('consultation:consultationJoinLink.theJoinLinkWas', { error: read.error }));
    setUrl(read.link.url);
    setCode(read.link.code);
    setFingerprint(groupedFingerprint(read.link.fingerprint));
    setFromLink(true);
    onError(null);
  };
  return { url, setUrl, code, setCode, fingerprint, setFingerprint, pastedText, fromLink, setFromLink, takeLink };
}

// Whatever was given as a join link, parsed as one: its parts, or parseJoinLink's reason.
function readJoinLink(text: string): PastedJoinLink {
  try {
    return { link: parseJoinLink(text), error: null };
  } catch (cause) {
    return { link: null, error: errorText(cause) };
  }
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { ApiClient, ConsultationStatus, Participant, RememberedJoin, RemotePresence } from '../../shared/api/contract.js';
import { facilitatorParagraph, localCursor, scrollToParagraph, setPresence } from '../editor/presence-plugin.js';
import { subscribeView } from '../editor/view-listeners.js';
import { messageOf } from '../format.js';
import type { BarMenuItem } from './bar-menu.js';
import { HostDialog } from './consultation-host-dialog.js';
import { AdmittedKeys, LobbyWaiting, lobbyBadge, useLobby } from './consultation-lobby.js';
import { ColleaguesNotice } from './consultation-colleagues.js';
import { ConsultationPanel } from './consultation-participants.js';
import { statusLine } from './consultation-text.js';
import { t } from '../i18n/index.js';

/** What the document view places for consultations: its entry in a bar menu, the status indicator, a side panel and a dialog. */
export type ConsultationTools = { menuItem: BarMenuItem; indicator: ReactNode; panel: ReactNode; dialog: ReactNode };

// The cursor is shared at most this often while someone moves it or types.
const presenceIntervalMs = 150;

/** Whether `status` says this backend takes part in a consultation on `docId` (hosting or joined, connected or not). */
export function inConsultation(status: ConsultationStatus | null, docId: string): status is ConsultationStatus {
  return status !== null && status.docId === docId && (status.state !== 'offline' || status.role !== null);
}

/**
 * Consultations for one open document: the status in the bar (in words), "Start
 * consultation…", the consultation panel (who is here, follow the facilitator), sharing this
 * editor's cursor and drawing everyone else's. `view` is the live editor (null until ready).
 */
export function useConsultationTools(api: ApiClient, docId: string, view: EditorView | null): ConsultationTools {
  const [status, setStatus] = useState<ConsultationStatus | null>(null);
  const [presences, setPresences] = useState<readonly RemotePresence[]>([]);
  const [panelOpen, setPanelOpen] = useState(false);
  const [hostDialog, setHostDialog] = useState(false);
  const [following, setFollowing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const followedId = useRef<string | null>(null);
  const joined = inConsultation(status, docId);
  // The consultation this document was joined in before (a laptop that restarted opens it from the list).
  const [earlier, setEarlier] = useState<RememberedJoin | null>(null);
  const [rejoining, setRejoining] = useState(false);

  useEffect(() => {
    let live = true;
    api.invoke('consultation.recent', {}).then(
      (joins) => live && setEarlier(joins.find((j) => j.docIds.includes(docId)) ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, docId]);

  useEffect(() => {
    let live = true;
    api.invoke('consultation.status', {}).then(
      (s) => live && setStatus(s),
      () => undefined,
    );
    const stopStatus = api.on('consultation.status', (s) => setStatus(s));
    const stopPresence = api.on('presence.changed', (p) => {
      if (p.docId === docId) setPresences(p.presences);
    });
    return () => {
      live = false;
      stopStatus();
      stopPresence();
    };
  }, [api, docId]);

  // Joining or starting opens the panel, so the participant sees at once who is here.
  useEffect(() => {
    if (joined) setPanelOpen(true);
  }, [joined]);

  // Everyone else's cursors, and following the facilitator when asked.
  useEffect(() => {
    if (!view) return;
    setPresence(view, joined ? presences : []);
    if (!following) {
      followedId.current = null;
      return;
    }
    const target = facilitatorParagraph(view.state);
    if (target && target.id !== followedId.current) {
      followedId.current = target.id;
      scrollToParagraph(view, target);
    }
  }, [view, presences, joined, following]);

  // This editor's cursor, to the others: on every selection change, at most every presenceIntervalMs.
  useEffect(() => {
    if (!view || !joined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last: EditorView['state']['selection'] | null = null;
    const send = () => {
      timer = undefined;
      const cursor = localCursor(view.state);
      if (cursor) void api.invoke('presence.set', { docId, ...cursor }).catch(() => undefined);
    };
    const stop = subscribeView(view, (state) => {
      if (last && state.selection.eq(last)) return;
      last = state.selection;
      timer ??= setTimeout(send, presenceIntervalMs);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [api, docId, view, joined]);

  const leave = useCallback(() => {
    api.invoke('consultation.leave', {}).then(
      () => setError(null),
      (cause: unknown) => setError(t('consultation:consultationTools.leavingFailed', { reason: messageOf(cause) })),
    );
  }, [api]);

  const participants: readonly Participant[] = status?.participants.length ? status.participants : presences;
  const hostingHere = status?.state === 'hosting' && status.docId === docId;
  // The panel's lobby (the hosting dialog, while open, follows its own): who waits above the
  // connected list, the admitted keys below it, since they only grow and above it they pushed
  // the connected list out of the half-height panel at 1280x800.
  const lobby = useLobby(api, hostingHere && !hostDialog ? status : null);
  // The facilitator's lobby, or, for a joined delegate, the colleagues waiting for its delegation.
  const waitingBadge = hostingHere ? lobbyBadge(status.lobby) : joined ? lobbyBadge(status.colleagues?.length ?? 0) : '';
  const menuItem: BarMenuItem = joined
    ? { key: 'consultation', label: waitingBadge ? t('consultation:consultationTools.consultationPanel', { waitingBadge }) : t('consultation:consultationTools.consultationPanel2'), checked: panelOpen, title: t('consultation:consultationTools.whoIsHereFollowing'), onSelect: () => setPanelOpen((o) => !o) }
    : { key: 'consultation', label: t('consultation:consultationTools.startConsultation'), onSelect: () => setHostDialog(true) };
  const rejoin = useCallback(async () => {
    if (!earlier) return;
    setRejoining(true);
    setError(null);
    try {
      // One consultation document at a time: the one joined now is left (its copy stays).
      if (status && status.docId !== null && status.state !== 'hosting' && status.role !== null) await api.invoke('consultation.leave', {});
      const { url, code, delegation, name, role, fingerprint } = earlier;
      if (!fingerprint) throw new Error('this consultation was joined before hosts were encrypted: open the facilitator’s join link again (Join consultation…).');
      await api.invoke('consultation.join', { url, code, delegation, name, role, fingerprint, docId });
    } catch (cause) {
      setError(t('consultation:consultationTools.rejoiningFailed', { reason: messageOf(cause) }));
    } finally {
      setRejoining(false);
    }
  }, [api, docId, earlier, status]);

  const line = statusLine(status, docId);
  const offerRejoin = !line && earlier !== null && status?.state !== 'hosting';
  const indicator = offerRejoin ? (
    <span className="consultation-status consultation-offline" role="status" aria-live="polite" title={t('consultation:consultationTools.joinedBeforeAt', { url: earlier.url })}>
      <span className="consultation-dot" aria-hidden="true" />
      {rejoining ? t('consultation:consultationTools.rejoining') : (error ?? t('consultation:consultationTools.notInTheConsultation'))}{' '}
      <button type="button" className="link-button" disabled={rejoining} onClick={() => void rejoin()}>
        {t('consultation:consultationTools.rejoin')}
      </button>
    </span>
  ) : line ? (
    <span className={`consultation-status consultation-${status?.state ?? 'offline'}`} role="status" aria-live="polite">
      <span className="consultation-dot" aria-hidden="true" />
      {line}
      {waitingBadge ? (
        <button type="button" className="lobby-badge lobby-badge-button" title={t('consultation:consultationTools.openTheLobbyTo')} onClick={() => setPanelOpen(true)}>
          {waitingBadge}
        </button>
      ) : null}
    </span>
  ) : null;
  const panel =
    panelOpen && joined ? (
      <>
        {error ? (
          <p className="panel-error" role="alert">
            {error}
          </p>
        ) : null}
        <ConsultationPanel
          docId={docId}
          status={status}
          participants={participants}
          following={following}
          onFollow={setFollowing}
          onShowHosting={() => setHostDialog(true)}
          onLeave={leave}
          joinLink={hostingHere ? status.link : null}
          after={hostingHere && !hostDialog ? <div className="lobby lobby-keys"><AdmittedKeys state={lobby} /></div> : null}
        >
          {hostingHere && !hostDialog ? (
            <section className="lobby" aria-label={t('consultation:consultationLobby.lobby')}>
              <LobbyWaiting state={lobby} />
            </section>
          ) : null}
          {joined && !hostingHere ? <ColleaguesNotice api={api} status={status} /> : null}
        </ConsultationPanel>
      </>
    ) : null;
  const dialog = hostDialog ? <HostDialog api={api} docId={docId} status={status} onClose={() => setHostDialog(false)} /> : null;
  return { menuItem, indicator, panel, dialog };
}

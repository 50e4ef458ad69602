import { useCallback, useEffect, useState } from 'react';
import type { ApiClient, ConsultationStatus } from '../../shared/api/contract.js';
import type { AdmittedBy, LobbyEntry } from '../../shared/api/consultation-contract.js';
import { messageOf } from '../format.js';
import { roleNames } from './consultation-text.js';
import { t } from '../i18n/index.js';

/** The lobby as the host lists it: keys waiting to be admitted and keys admitted to this consultation. */
export type Lobby = { pending: LobbyEntry[]; admitted: LobbyEntry[] };

/** How one key is written for the facilitator: "EU, Ana Pereira, key 3F2A-9C1B" (the role added unless it is a delegation). */
export function lobbyEntryLine(entry: LobbyEntry): string {
  const role = entry.role === 'delegation' ? '' : ` (${roleNames[entry.role].toLowerCase()})`;
  return t('consultation:consultationLobby.entryLine', { delegation: entry.delegation || '—', name: entry.name || t('consultation:consultationLobby.unnamed'), role, key: entry.keyShort });
}

/** Who admitted a key, in words ("admitted by Ana Pereira (EU, key 3F2A-9C1B)"); '' when not known (admitted before this was kept). */
export function admittedByText(by: AdmittedBy | undefined): string {
  switch (by?.by) {
    case 'member':
      return t('consultation:consultationLobby.admittedByMember', { name: by.name, delegation: by.delegation, key: by.keyShort });
    case 'facilitator':
      return t('consultation:consultationLobby.admittedByFacilitator');
    case 'facilitator-code':
      return t('consultation:consultationLobby.admittedByFacilitatorCode');
    case 'delegation-code':
      return t('consultation:consultationLobby.admittedByDelegationCode');
    case 'list':
      return t('consultation:consultationLobby.admittedByList');
    default:
      return '';
  }
}

/** The words of the lobby badge: '' when nobody waits, "1 waiting", "3 waiting". */
export function lobbyBadge(waiting: number): string {
  return waiting > 0 ? t('consultation:consultationLobby.badge', { count: waiting }) : '';
}

/**
 * Follows the host's lobby while `status` says this backend hosts: fetched at once and again
 * whenever the pushed status changes (the pending count, who is connected), since the lobby
 * itself is not pushed. `act` runs admit/refuse/removeKey for one key and refetches.
 */
export function useLobby(api: ApiClient, status: ConsultationStatus | null) {
  const hosting = status?.state === 'hosting';
  const [lobby, setLobby] = useState<Lobby>({ pending: [], admitted: [] });
  const [error, setError] = useState<string | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const lobbyCount = status?.lobby ?? 0;
  const connected = status?.participants.length ?? 0;

  useEffect(() => {
    if (!hosting) return setLobby({ pending: [], admitted: [] });
    let live = true;
    api.invoke('consultation.lobby', {}).then(
      (fresh) => live && (setLobby(fresh), setError(null)),
      (cause: unknown) => live && setError(t('consultation:consultationLobby.theLobbyCouldNot', { reason: messageOf(cause) })),
    );
    return () => {
      live = false;
    };
  }, [api, hosting, lobbyCount, connected, generation]);

  const act = useCallback(
    (channel: 'consultation.admit' | 'consultation.refuse' | 'consultation.removeKey', entry: LobbyEntry) => {
      setBusyKey(entry.key);
      api.invoke(channel, { key: entry.key }).then(
        () => {
          setBusyKey(null);
          setError(null);
          setGeneration((g) => g + 1);
        },
        (cause: unknown) => {
          setBusyKey(null);
          setError(`${lobbyEntryLine(entry)}: ${messageOf(cause)}`);
          setGeneration((g) => g + 1);
        },
      );
    },
    [api],
  );
  return { lobby, error, busyKey, act };
}

/** What useLobby gives the parts of the lobby: the host's lists, the last error, the key being acted on, `act`. */
export type LobbyState = ReturnType<typeof useLobby>;

/** The keys waiting to be admitted ("EU, Ana Pereira, key 3F2A-9C1B") with Admit and Refuse and the waiting count as a badge, then the last error. */
export function LobbyWaiting({ state }: { state: LobbyState }) {
  const { lobby, error, busyKey, act } = state;
  const badge = lobbyBadge(lobby.pending.length);
  return (
    <>
      <h3 className="panel-subtitle lobby-title">
        {t('consultation:consultationLobby.waitingToBeAdmitted')}{' '}{badge ? <span className="lobby-badge">{badge}</span> : null}
      </h3>
      {lobby.pending.length === 0 ? (
        <p className="list-empty">{t('consultation:consultationLobby.nobodyIsWaitingA')}</p>
      ) : (
        <ul className="lobby-list" aria-label={t('consultation:consultationLobby.waitingToBeAdmitted')}>
          {lobby.pending.map((entry) => (
            <li key={entry.key} className="lobby-entry lobby-pending">
              <span className="lobby-line" title={t('consultation:consultationLobby.keyWaitingSince', { key: entry.key, toLocaleTimeString: new Date(entry.since).toLocaleTimeString() })}>
                {lobbyEntryLine(entry)}
              </span>
              <span className="lobby-actions">
                <button type="button" className="button primary" disabled={busyKey === entry.key} aria-label={t('consultation:consultationLobby.admitWho', { who: lobbyEntryLine(entry) })} onClick={() => act('consultation.admit', entry)}>
                  {t('consultation:consultationLobby.admit')}
                </button>
                <button type="button" className="button" disabled={busyKey === entry.key} aria-label={t('consultation:consultationLobby.refuseWho', { who: lobbyEntryLine(entry) })} onClick={() => act('consultation.refuse', entry)}>
                  {t('consultation:consultationLobby.refuse')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p className="panel-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** The keys admitted to this consultation, folded: each with who admitted it and Remove (its connections are closed). */
export function AdmittedKeys({ state }: { state: LobbyState }) {
  const { lobby, busyKey, act } = state;
  return (
    <details className="lobby-admitted">
      <summary>{t('consultation:consultationLobby.admittedKeys')}{lobby.admitted.length})</summary>
      {lobby.admitted.length === 0 ? (
        <p className="list-empty">{t('consultation:consultationLobby.noKeyIsAdmitted')}</p>
      ) : (
        <ul className="lobby-list" aria-label={t('consultation:consultationLobby.admittedKeys2')}>
          {lobby.admitted.map((entry) => (
            <li key={entry.key} className="lobby-entry">
              <span className="lobby-line" title={t('consultation:consultationLobby.key', { key: entry.key })}>
                {lobbyEntryLine(entry)}
                {entry.admittedBy ? <span className="lobby-by"> · {admittedByText(entry.admittedBy)}</span> : null}
              </span>
              <button type="button" className="button subtle" disabled={busyKey === entry.key} aria-label={t('consultation:consultationLobby.removeWho', { who: lobbyEntryLine(entry) })} onClick={() => act('consultation.removeKey', entry)}>
                {t('consultation:consultationLobby.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

/** Props of the lobby panel. */
export type LobbyPanelProps = { api: ApiClient; status: ConsultationStatus | null };

/**
 * The facilitator's lobby in one box (the hosting dialog's): the keys waiting (LobbyWaiting),
 * then the keys admitted (AdmittedKeys). Nothing when not hosting.
 */
export function LobbyPanel({ api, status }: LobbyPanelProps) {
  const state = useLobby(api, status);
  if (status?.state !== 'hosting') return null;
  return (
    <section className="lobby" aria-label={t('consultation:consultationLobby.lobby')}>
      <LobbyWaiting state={state} />
      <AdmittedKeys state={state} />
    </section>
  );
}

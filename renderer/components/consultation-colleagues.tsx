import { useState } from 'react';
import type { ApiClient, ConsultationStatus } from '../../shared/api/contract.js';
import type { LobbyEntry } from '../../shared/api/consultation-contract.js';
import { messageOf } from '../format.js';
import { t } from '../i18n/index.js';

/**
 * How a waiting colleague is written for a member: "A second laptop asks to speak for EU:
 * Ana Pereira, key 3F2A-9C1B" (or to follow as an observer), in the interface language.
 */
export function colleagueLine(entry: LobbyEntry): string {
  const values = { delegation: entry.delegation, name: entry.name, key: entry.keyShort };
  return entry.role === 'observer' ? t('consultation:consultationColleagues.asksToFollow', values) : t('consultation:consultationColleagues.asksToSpeak', values);
}

/**
 * Why an answer to a colleague was not taken, in the interface language at the moment it is
 * called: the notice keeps the failure itself and says it at each render, so the sentence
 * (the host's refusal carried as a catalogue message) follows a later language switch.
 */
export function answerFailedText(cause: unknown): string {
  return t('consultation:consultationColleagues.failed', { reason: messageOf(cause) });
}

/** Props of the notice. */
export type ColleaguesNoticeProps = { api: ApiClient; status: ConsultationStatus | null };

/**
 * For a delegate joined as a delegation: each key waiting in the host's lobby that asks to
 * speak for the same delegation (`status.colleagues`, pushed with the status), with Admit and
 * Refuse; the host checks the answer (only a member of that delegation may give it). Nothing
 * when nobody waits.
 */
export function ColleaguesNotice({ api, status }: ColleaguesNoticeProps) {
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ cause: unknown } | null>(null);
  const colleagues = status?.state === 'hosting' ? [] : (status?.colleagues ?? []);
  const act = (channel: 'consultation.admit' | 'consultation.refuse', entry: LobbyEntry) => {
    setBusyKey(entry.key);
    api.invoke(channel, { key: entry.key }).then(
      () => (setBusyKey(null), setFailure(null)),
      (cause: unknown) => (setBusyKey(null), setFailure({ cause })),
    );
  };
  if (colleagues.length === 0 && !failure) return null;
  return (
    <section className="lobby colleagues" aria-label={t('consultation:consultationColleagues.region')}>
      <h3 className="panel-subtitle lobby-title">{t('consultation:consultationColleagues.region')}</h3>
      <ul className="lobby-list">
        {colleagues.map((entry) => {
          const values = { delegation: entry.delegation, name: entry.name };
          return (
            <li key={entry.key} className="lobby-entry lobby-pending colleague-entry">
              <span className="lobby-line">{colleagueLine(entry)}</span>
              <span className="lobby-actions">
                <button type="button" className="button primary" disabled={busyKey === entry.key} aria-label={t('consultation:consultationColleagues.admitLabel', values)} onClick={() => act('consultation.admit', entry)}>
                  {t('consultation:consultationLobby.admit')}
                </button>
                <button type="button" className="button" disabled={busyKey === entry.key} aria-label={t('consultation:consultationColleagues.refuseLabel', values)} onClick={() => act('consultation.refuse', entry)}>
                  {t('consultation:consultationLobby.refuse')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {colleagues.length > 0 ? <p className="list-empty">{t('consultation:consultationColleagues.hint')}</p> : null}
      {failure ? (
        <p className="panel-error" role="alert">
          {answerFailedText(failure.cause)}
        </p>
      ) : null}
    </section>
  );
}

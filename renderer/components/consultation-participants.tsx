import { memo } from 'react';
import type { ReactNode } from 'react';
import type { ConsultationStatus, Participant } from '../../shared/api/contract.js';
import { delegationColour } from '../editor/presence-plugin.js';
import { CopyButton } from './consultation-qr.js';
import { lastErrorShown, roleNames, statusLine } from './consultation-text.js';
import { t } from '../i18n/index.js';

/** Props of the participant list. */
export type ParticipantListProps = { participants: readonly Participant[]; empty: string };

const roleOrder = { facilitator: 0, delegation: 1, observer: 2 } as const;

/** Who is connected: facilitators first, then delegations and observers by code, each with a colour swatch, code, name and role in words. */
export const ParticipantList = memo(function ParticipantList({ participants, empty }: ParticipantListProps) {
  if (participants.length === 0) return <p className="list-empty">{empty}</p>;
  const sorted = [...participants].sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.delegation.localeCompare(b.delegation) || a.name.localeCompare(b.name));
  return (
    <ul className="participant-list" aria-label={t('consultation:consultationParticipants.participants')}>
      {sorted.map((p, i) => (
        <li key={`${p.delegation}|${p.name}|${p.role}|${i}`} className="participant">
          <span className="participant-code" style={{ borderColor: delegationColour(p.delegation) }}>
            {p.delegation || '—'}
          </span>
          <span className="participant-name">{p.name || t('consultation:consultationParticipants.unnamed')}</span>
          <span className={`participant-role role-${p.role}`}>{roleNames[p.role]}</span>
        </li>
      ))}
    </ul>
  );
});

/** Props of the consultation panel. */
export type ConsultationPanelProps = {
  docId: string;
  status: ConsultationStatus | null;
  /** Everyone this window knows to be in the consultation (host's list, or presences seen). */
  participants: readonly Participant[];
  following: boolean;
  onFollow: (on: boolean) => void;
  /** Opens the hosting dialog (codes, QR, stop). */
  onShowHosting: () => void;
  onLeave: () => void;
  /** While hosting: the join link (Copy join link is offered beside the hosting details). */
  joinLink?: string | null;
  /** What the panel shows before the participant list (the keys waiting in the facilitator's lobby). */
  children?: ReactNode;
  /** What it shows after the list, before the actions (the facilitator's admitted keys: a list that only grows). */
  after?: ReactNode;
};

/**
 * The side panel of a consultation: the status in words, `children` (who waits in the lobby
 * while hosting), who is connected with their role, `after` (the admitted keys), "Follow the
 * facilitator", and the actions (Copy join link and the hosting details, or leave).
 */
export const ConsultationPanel = memo(function ConsultationPanel({ docId, status, participants, following, onFollow, onShowHosting, onLeave, joinLink = null, children, after }: ConsultationPanelProps) {
  const line = statusLine(status, docId);
  const hosting = status?.state === 'hosting' && status.docId === docId;
  const inIt = status !== null && status.docId === docId;
  // Joined, but the host is out of reach (it is down, or the network): nobody is listed as connected.
  const away = inIt && (status.state === 'reconnecting' || status.state === 'offline');
  return (
    <section className="side-panel consultation-panel" aria-label={t('consultation:consultationParticipants.consultation')}>
      <h2 className="panel-title">{t('consultation:consultationParticipants.consultation')}</h2>
      <p className="consultation-state">{line || t('consultation:consultationParticipants.thisDocumentIsNot')}</p>
      {status?.lastError && inIt ? (
        <p className="panel-error" role="alert">
          {lastErrorShown(status)}
        </p>
      ) : null}
      {inIt && !hosting && status.role ? <p className="consultation-you">{t('consultation:consultationParticipants.youTakePartAs')}{' '}{roleNames[status.role]}</p> : null}
      {inIt && !hosting ? (
        <label className="follow-toggle">
          <input type="checkbox" checked={following} onChange={(e) => onFollow(e.target.checked)} />{' '}{t('consultation:consultationParticipants.followTheFacilitator')}
        </label>
      ) : null}
      {away && !status.lastError ? <p className="consultation-you">{t('consultation:consultationParticipants.theHostDoesNot')}</p> : null}
      {children}
      <h3 className="panel-subtitle">{away ? t('consultation:consultationParticipants.notConnected') : t('consultation:consultationParticipants.connected', { length: participants.length })}</h3>
      <ParticipantList participants={participants} empty={inIt ? t('consultation:consultationParticipants.nobodyElseIsConnected') : t('consultation:consultationParticipants.startOrJoinA')} />
      {after}
      <div className="panel-actions">
        {hosting && joinLink ? <CopyButton text={joinLink} what={t('consultation:consultationParticipants.joinLink')} label={t('consultation:consultationParticipants.copyJoinLink')} primary /> : null}
        {hosting ? (
          <button type="button" className="button" onClick={onShowHosting}>
            {t('consultation:consultationParticipants.addressCodesAndQr')}
          </button>
        ) : null}
        {inIt && !hosting ? (
          <button type="button" className="button subtle" onClick={onLeave}>
            {t('consultation:consultationParticipants.leaveTheConsultation')}
          </button>
        ) : null}
      </div>
    </section>
  );
});

import { useState } from 'react';
import type { ApiClient, ConsultationStatus } from '../../shared/api/contract.js';
import { codeGroups, formatJoinLink } from '../../shared/consultation/join-link.js';
import { groupedFingerprint } from '../../shared/record/fingerprint.js';
import { DelegationCodes } from './consultation-delegation-code.js';
import { ParticipantList } from './consultation-participants.js';
import { LobbyPanel } from './consultation-lobby.js';
import { CopyButton, QrCode } from './consultation-qr.js';
import { t } from '../i18n/index.js';

/**
 * What the host dialog shows once hosting: the address, both codes, the host certificate's
 * fingerprint (64 hex) and the join link (address, join code and fingerprint in one).
 */
export type HostingDetails = { url: string; joinCode: string; facilitatorCode: string; fingerprint: string; link: string };

/**
 * The hosting details of `status` when it hosts `docId` and carries all of them; null
 * otherwise (not hosting, another document, or a backend that did not say yet).
 */
export function hostingDetails(status: ConsultationStatus | null, docId: string): HostingDetails | null {
  if (status?.state !== 'hosting' || status.docId !== docId) return null;
  const { url, joinCode, facilitatorCode, fingerprint, link } = status;
  if (!url || !joinCode || !facilitatorCode || !fingerprint || !link) return null;
  return { url, joinCode, facilitatorCode, fingerprint, link };
}

/** Props of the code shown for a projector. */
export type ProjectedCodeProps = { code: string; className?: string };

/** A code in large monospace groups of four, readable from the back of a room; read whole by screen readers. */
export function ProjectedCode({ code, className = '' }: ProjectedCodeProps) {
  return (
    <span className={`projected-code ${className}`}>
      <span className="visually-hidden">{code}</span>
      {codeGroups(code).map((group, i) => (
        <span key={i} className="projected-group" aria-hidden="true">
          {group}
        </span>
      ))}
    </span>
  );
}

/**
 * A certificate fingerprint grouped for comparing by eye (`3F2A-9C1B-…`, all 16 groups): the
 * first two groups, which a participant's app quotes when the certificate differs, stand out.
 */
export function GroupedFingerprint({ fingerprint }: { fingerprint: string }) {
  const groups = groupedFingerprint(fingerprint).split('-');
  return (
    <code className="fingerprint" aria-label={t('consultation:consultationHostingView.certificateFingerprint', { join: groups.join(' ') })}>
      <strong>{groups.slice(0, 2).join('-')}</strong>-{groups.slice(2).join('-')}
    </code>
  );
}

/** Props of the hosting view. */
export type HostingViewProps = { api: ApiClient; details: HostingDetails; status: ConsultationStatus | null };

/**
 * The running consultation, for the facilitator's screen (often projected): the join link as
 * a QR code with Copy join link, the join code in large groups, the address and the
 * certificate fingerprint to compare by eye; the facilitator code hidden until asked for;
 * the lobby (keys waiting to be admitted, admitted keys); who is connected.
 */
export function HostingView({ api, details, status }: HostingViewProps) {
  const [showFacilitator, setShowFacilitator] = useState(false);
  const facilitatorLink = formatJoinLink({ url: details.url, code: details.facilitatorCode, fingerprint: details.fingerprint });
  return (
    <div className="hosting-view">
      <p className="dialog-lead">{t('consultation:consultationHostingView.participantsScanTheQr')}</p>
      <div className="hosting-codes">
        <section className="code-card" aria-label={t('consultation:consultationHostingView.joinLinkForDelegations')}>
          <QrCode text={details.link} label={t('consultation:consultationHostingView.qrCodeTheJoin')} pixels={184} />
          <div className="code-lines">
            <CopyButton text={details.link} what={t('consultation:consultationHostingView.joinLink')} label={t('consultation:consultationHostingView.copyJoinLink')} primary />
            <span className="code-caption">{t('consultation:consultationHostingView.joinCodeDelegationsObservers')}</span>
            <span className="code-with-copy">
              <ProjectedCode code={details.joinCode} className="join-code" /> <CopyButton text={details.joinCode} what={t('consultation:consultationHostingView.joinCode')} />
            </span>
            <span className="code-caption">{t('consultation:consultationHostingView.address')}</span>
            <span className="code-with-copy">
              <code className="hosting-url">{details.url}</code> <CopyButton text={details.url} what="address" />
            </span>
            <span className="code-caption">{t('consultation:consultationHostingView.certificateFingerprintParticipantsApps')}</span>
            <GroupedFingerprint fingerprint={details.fingerprint} />
          </div>
        </section>
        <section className="code-card facilitator-card" aria-label={t('consultation:consultationHostingView.facilitatorCode')}>
          {showFacilitator ? (
            <>
              <QrCode text={facilitatorLink} label={t('consultation:consultationHostingView.qrCodeJoinLink')} pixels={120} />
              <div className="code-lines">
                <span className="code-caption">{t('consultation:consultationHostingView.facilitatorCodeCoFacilitators')}</span>
                <span className="code-with-copy">
                  <code className="facilitator-code">{details.facilitatorCode}</code> <CopyButton text={details.facilitatorCode} what={t('consultation:consultationHostingView.facilitatorCode2')} />
                </span>
                <CopyButton text={facilitatorLink} what={t('consultation:consultationHostingView.facilitatorJoinLink')} label={t('consultation:consultationHostingView.copyFacilitatorLink')} />
                <button type="button" className="link-button" onClick={() => setShowFacilitator(false)}>
                  {t('consultation:consultationHostingView.hideTheFacilitatorCode')}
                </button>
              </div>
            </>
          ) : (
            <p>
              {t('consultation:consultationHostingView.theFacilitatorCodeAdmits')}{' '}
              <button type="button" className="link-button" onClick={() => setShowFacilitator(true)}>
                {t('consultation:consultationHostingView.showTheFacilitatorCode')}
              </button>
            </p>
          )}
        </section>
      </div>
      <LobbyPanel api={api} status={status} />
      <DelegationCodes api={api} url={details.url} fingerprint={details.fingerprint} />
      <h3 className="panel-subtitle">{t('consultation:consultationHostingView.connected')}{status?.participants.length ?? 0})</h3>
      <ParticipantList participants={status?.participants ?? []} empty={t('consultation:consultationHostingView.nobodyHasJoinedYet')} />
    </div>
  );
}

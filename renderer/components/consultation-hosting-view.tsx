import { useState } from 'react';
import type { ApiClient, ConsultationStatus } from '../../shared/api/contract.js';
import { codeGroups, formatJoinLink } from '../../shared/consultation/join-link.js';
import { groupedFingerprint } from '../../shared/record/fingerprint.js';
import { DelegationCodes } from './consultation-delegation-code.js';
import { ParticipantList } from './consultation-participants.js';
import { LobbyPanel } from './consultation-lobby.js';
import { CopyButton, QrCode } from './consultation-qr.js';

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
    <code className="fingerprint" aria-label={`Certificate fingerprint ${groups.join(' ')}`}>
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
      <p className="dialog-lead">Participants scan the QR code or open the join link (Copy join link, then send or paste it). Each new laptop waits in the lobby below until you admit it.</p>
      <div className="hosting-codes">
        <section className="code-card" aria-label="Join link for delegations and observers">
          <QrCode text={details.link} label="QR code: the join link (address, join code and certificate fingerprint)" pixels={184} />
          <div className="code-lines">
            <CopyButton text={details.link} what="join link" label="Copy join link" primary />
            <span className="code-caption">Join code (delegations, observers)</span>
            <span className="code-with-copy">
              <ProjectedCode code={details.joinCode} className="join-code" /> <CopyButton text={details.joinCode} what="join code" />
            </span>
            <span className="code-caption">Address</span>
            <span className="code-with-copy">
              <code className="hosting-url">{details.url}</code> <CopyButton text={details.url} what="address" />
            </span>
            <span className="code-caption">Certificate fingerprint (participants’ apps check it; compare it by eye if asked)</span>
            <GroupedFingerprint fingerprint={details.fingerprint} />
          </div>
        </section>
        <section className="code-card facilitator-card" aria-label="Facilitator code">
          {showFacilitator ? (
            <>
              <QrCode text={facilitatorLink} label="QR code: join link with the facilitator code" pixels={120} />
              <div className="code-lines">
                <span className="code-caption">Facilitator code (co-facilitators only)</span>
                <span className="code-with-copy">
                  <code className="facilitator-code">{details.facilitatorCode}</code> <CopyButton text={details.facilitatorCode} what="facilitator code" />
                </span>
                <CopyButton text={facilitatorLink} what="facilitator join link" label="Copy facilitator link" />
                <button type="button" className="link-button" onClick={() => setShowFacilitator(false)}>
                  Hide the facilitator code
                </button>
              </div>
            </>
          ) : (
            <p>
              The facilitator code admits co-facilitators, who can agree and drop brackets. It is hidden because this screen may be projected.{' '}
              <button type="button" className="link-button" onClick={() => setShowFacilitator(true)}>
                Show the facilitator code
              </button>
            </p>
          )}
        </section>
      </div>
      <LobbyPanel api={api} status={status} />
      <DelegationCodes api={api} url={details.url} fingerprint={details.fingerprint} />
      <h3 className="panel-subtitle">Connected ({status?.participants.length ?? 0})</h3>
      <ParticipantList participants={status?.participants ?? []} empty="Nobody has joined yet." />
    </div>
  );
}

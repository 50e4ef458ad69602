import { useState } from 'react';
import type { ApiClient, ConsultationStatus } from '../../shared/api/contract.js';
import { messageOf } from '../format.js';
import { ParticipantList } from './consultation-participants.js';
import { CopyButton, QrCode } from './consultation-qr.js';
import { joinLink } from './consultation-text.js';
import { DialogError, DialogFooter } from './dialog-footer.js';

/** Where the host listens: every network interface (a room's Wi-Fi) or this machine only. */
export type BindChoice = 'all' | 'local';

/** The `bind` address of a choice. */
export const bindAddress: Record<BindChoice, string> = { all: '0.0.0.0', local: '127.0.0.1' };

/**
 * The port typed in the form as the number to send: '' means any free port (0). Throws an
 * Error for people when it is not a whole number from 0 to 65535.
 */
export function parsePort(typed: string): number {
  const text = typed.trim();
  if (text === '') return 0;
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw new Error(`The port must be a whole number from 1 to 65535 (or empty for any free port); “${text}” is not.`);
  return Number(text);
}

/** What the host dialog shows once hosting: the address and both codes. */
export type HostingDetails = { url: string; joinCode: string; facilitatorCode: string };

/** Props of the hosting dialog. */
export type HostDialogProps = {
  api: ApiClient;
  docId: string;
  status: ConsultationStatus | null;
  onClose: () => void;
};

/**
 * "Start consultation": choose where to listen (all interfaces / this machine) and a port,
 * then shows the address, the join code and the facilitator code as text and QR codes with
 * copy buttons, who is connected with their role, and "Stop hosting". The facilitator code
 * is hidden until asked for, since the screen is often projected in the room.
 */
export function HostDialog({ api, docId, status, onClose }: HostDialogProps) {
  const hostingThis = status?.state === 'hosting' && status.docId === docId;
  const hostingOther = status?.state === 'hosting' && status.docId !== docId;
  const [bind, setBind] = useState<BindChoice>('all');
  const [port, setPort] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [started, setStarted] = useState<HostingDetails | null>(null);
  const details: HostingDetails | null = hostingThis && status.url && status.joinCode && status.facilitatorCode ? { url: status.url, joinCode: status.joinCode, facilitatorCode: status.facilitatorCode } : started;

  const start = () => {
    let portNumber: number;
    try {
      portNumber = parsePort(port);
    } catch (cause) {
      setError(messageOf(cause));
      return;
    }
    setBusy(true);
    setError(null);
    api.invoke('consultation.host', { docId, bind: bindAddress[bind], port: portNumber }).then(
      (result) => {
        setBusy(false);
        setStarted({ url: result.url, joinCode: result.joinCode, facilitatorCode: result.facilitatorCode });
      },
      (cause: unknown) => {
        setBusy(false);
        setError(`The consultation could not be started: ${messageOf(cause)}`);
      },
    );
  };
  const stop = () => {
    setBusy(true);
    api.invoke('consultation.stopHosting', {}).then(
      () => {
        setBusy(false);
        setStarted(null);
        onClose();
      },
      (cause: unknown) => {
        setBusy(false);
        setError(`Hosting could not be stopped: ${messageOf(cause)}`);
      },
    );
  };

  return (
    <dialog
      ref={(d) => {
        if (d && !d.open) d.showModal();
      }}
      className="dialog consultation-dialog"
      aria-labelledby="host-dialog-title"
      onCancel={onClose}
    >
      <h2 id="host-dialog-title">{details ? 'Consultation running' : 'Start consultation'}</h2>
      {details ? (
        <HostingView details={details} status={status} />
      ) : (
        <form
          className="host-form"
          onSubmit={(event) => {
            event.preventDefault();
            start();
          }}
        >
          <p className="dialog-lead">Delegations in the room join this document from their own laptops. Everyone keeps working if the network drops; changes merge when it is back.</p>
          {hostingOther ? <p className="dialog-error">This installation already hosts another document. Stop that consultation first.</p> : null}
          <fieldset className="field choice-group">
            <legend>Who can connect</legend>
            <label>
              <input type="radio" name="bind" checked={bind === 'all'} onChange={() => setBind('all')} /> Everyone on this network (all interfaces)
            </label>
            <label>
              <input type="radio" name="bind" checked={bind === 'local'} onChange={() => setBind('local')} /> This machine only (127.0.0.1, for trying it out)
            </label>
          </fieldset>
          <label className="field">
            <span>Port (empty: any free port)</span>
            <input type="text" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} placeholder="e.g. 4455" maxLength={5} />
          </label>
          <DialogFooter error={error} onCancel={onClose} submit="Start consultation" busy={busy} busyLabel="Starting…" disabled={hostingOther} />
        </form>
      )}
      {details ? (
        <>
          <DialogError error={error} />
          <div className="dialog-actions form-actions">
            <button type="button" className="button danger" disabled={busy} onClick={stop}>
              {busy ? 'Stopping…' : 'Stop hosting'}
            </button>
            <button type="button" className="button primary" onClick={onClose}>
              Done
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}

type HostingViewProps = { details: HostingDetails; status: ConsultationStatus | null };

// The address and codes, each as text with a copy button and as a QR code; then who is connected.
function HostingView({ details, status }: HostingViewProps) {
  const [showFacilitator, setShowFacilitator] = useState(false);
  return (
    <div className="hosting-view">
      <p className="dialog-lead">Participants choose “Join consultation” and type the address and the join code, or scan the QR code.</p>
      <div className="hosting-codes">
        <section className="code-card" aria-label="Join code for delegations and observers">
          <QrCode text={joinLink(details.url, details.joinCode)} label={`QR code: address ${details.url} and join code`} />
          <dl className="code-lines">
            <dt>Address</dt>
            <dd>
              <code className="hosting-url">{details.url}</code> <CopyButton text={details.url} what="address" />
            </dd>
            <dt>Join code (delegations, observers)</dt>
            <dd>
              <code className="join-code">{details.joinCode}</code> <CopyButton text={details.joinCode} what="join code" />
            </dd>
          </dl>
        </section>
        <section className="code-card facilitator-card" aria-label="Facilitator code">
          {showFacilitator ? (
            <>
              <QrCode text={joinLink(details.url, details.facilitatorCode)} label="QR code: address and facilitator code" pixels={120} />
              <dl className="code-lines">
                <dt>Facilitator code (co-facilitators only)</dt>
                <dd>
                  <code className="facilitator-code">{details.facilitatorCode}</code> <CopyButton text={details.facilitatorCode} what="facilitator code" />
                </dd>
              </dl>
              <button type="button" className="link-button" onClick={() => setShowFacilitator(false)}>
                Hide the facilitator code
              </button>
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
      <h3 className="panel-subtitle">Connected ({status?.participants.length ?? 0})</h3>
      <ParticipantList participants={status?.participants ?? []} empty="Nobody has joined yet." />
    </div>
  );
}

import { useState } from 'react';
import type { ApiClient, ConsultationStatus } from '../../shared/api/contract.js';
import { messageOf } from '../format.js';
import { HostingView, hostingDetails, type HostingDetails } from './consultation-hosting-view.js';
import { DialogError, DialogFooter } from './dialog-footer.js';
import { t } from '../i18n/index.js';

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
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw new Error(t('consultation:consultationHostDialog.thePortMustBe', { text }));
  return Number(text);
}

/** Props of the hosting dialog. */
export type HostDialogProps = {
  api: ApiClient;
  docId: string;
  status: ConsultationStatus | null;
  onClose: () => void;
};

/**
 * "Start consultation": choose where to listen (all interfaces / this machine) and a port,
 * then shows the running consultation (`HostingView`: join link as QR code and Copy join
 * link, the codes, the certificate fingerprint, the lobby, who is connected) and "Stop
 * hosting".
 */
export function HostDialog({ api, docId, status, onClose }: HostDialogProps) {
  const hostingOther = status?.state === 'hosting' && status.docId !== docId;
  const [bind, setBind] = useState<BindChoice>('all');
  const [port, setPort] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [started, setStarted] = useState<HostingDetails | null>(null);
  const details: HostingDetails | null = hostingDetails(status, docId) ?? (hostingOther ? null : started);

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
        setStarted({ url: result.url, joinCode: result.joinCode, facilitatorCode: result.facilitatorCode, fingerprint: result.fingerprint, link: result.link });
      },
      (cause: unknown) => {
        setBusy(false);
        setError(t('consultation:consultationHostDialog.theConsultationCouldNot', { reason: messageOf(cause) }));
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
        setError(t('consultation:consultationHostDialog.hostingCouldNotBe', { reason: messageOf(cause) }));
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
      <h2 id="host-dialog-title">{details ? t('consultation:consultationHostDialog.consultationRunning') : t('consultation:consultationHostDialog.startConsultation')}</h2>
      {details ? (
        <HostingView api={api} details={details} status={status} />
      ) : (
        <form
          className="host-form"
          onSubmit={(event) => {
            event.preventDefault();
            start();
          }}
        >
          <p className="dialog-lead">{t('consultation:consultationHostDialog.delegationsInTheRoom')}</p>
          {hostingOther ? <p className="dialog-error">{t('consultation:consultationHostDialog.thisInstallationAlreadyHosts')}</p> : null}
          <fieldset className="field choice-group">
            <legend>{t('consultation:consultationHostDialog.whoCanConnect')}</legend>
            <label>
              <input type="radio" name="bind" checked={bind === 'all'} onChange={() => setBind('all')} />{' '}{t('consultation:consultationHostDialog.everyoneOnThisNetwork')}
            </label>
            <label>
              <input type="radio" name="bind" checked={bind === 'local'} onChange={() => setBind('local')} />{' '}{t('consultation:consultationHostDialog.thisMachineOnly127')}
            </label>
          </fieldset>
          <label className="field">
            <span>{t('consultation:consultationHostDialog.portEmptyAnyFree')}</span>
            <input type="text" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} placeholder="e.g. 4455" maxLength={5} />
          </label>
          <DialogFooter error={error} onCancel={onClose} submit={t('consultation:consultationHostDialog.startConsultation')} busy={busy} busyLabel={t('consultation:consultationHostDialog.starting')} disabled={hostingOther} />
        </form>
      )}
      {details ? (
        <>
          <DialogError error={error} />
          <div className="dialog-actions form-actions">
            <button type="button" className="button danger" disabled={busy} onClick={stop}>
              {busy ? t('consultation:consultationHostDialog.stopping') : t('consultation:consultationHostDialog.stopHosting')}
            </button>
            <button type="button" className="button primary" onClick={onClose}>
              {t('consultation:consultationHostDialog.done')}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
